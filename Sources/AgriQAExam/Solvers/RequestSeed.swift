/// Per-request seeds derived from the run's seed, the question id and the call's position, with
/// FNV-1a (Swift's `Hasher` is randomized per process, which would break reproducibility).
enum RequestSeed {
    static func derive(_ seed: Int, _ questionID: String, _ call: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(seed)\u{1F}\(questionID)\u{1F}\(call)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // Servers take 32-bit seeds.
        return Int(hash % 2_147_483_647)
    }
}
