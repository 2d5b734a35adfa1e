/// SplitMix64: a small seeded generator, so a held-out sample is the same on every machine and
/// every Swift version (the standard library's own shuffle may change its algorithm).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    /// Fisher–Yates with SplitMix64 drawn the same way everywhere (the tiny modulo bias does not matter here).
    public func seededShuffle(seed: UInt64) -> [Element] {
        var result = self
        var generator = SplitMix64(seed: seed)
        var index = result.count - 1
        while index > 0 {
            let other = Int(generator.next() % UInt64(index + 1))
            result.swapAt(index, other)
            index -= 1
        }
        return result
    }
}
