/// A hash table from folded words (UTF-8 bytes) to ids, looked up straight from the tokenizer's
/// buffer without building a `String` per word: the inner loop of tagging.
struct WordTable: Sendable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { starts.count }

    /// The id of `word`, adding it if new.
    mutating func insert(_ word: [UInt8]) -> Int32 {
        let hash = Self.hash(word)
        if let existing = find(word, hash: hash) { return existing }
        if (starts.count + 1) * 2 > slots.count { grow() }
        let id = Int32(starts.count)
        hashes.append(hash)
        starts.append(Int32(arena.count))
        lengths.append(Int32(word.count))
        arena.append(contentsOf: word)
        place(id, hash: hash)
        return id
    }

    /// The id of the word in `bytes`, or -1.
    @inline(__always)
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            if hashes[Int(id)] == hash && Int(lengths[Int(id)]) == bytes.count {
                let start = Int(starts[Int(id)])
                var equal = true
                for offset in 0..<bytes.count where arena[start + offset] != bytes[offset] {
                    equal = false
                    break
                }
                if equal { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    func id(of word: String) -> Int32 {
        Array(word.utf8).withUnsafeBufferPointer { id(of: $0) }
    }

    private func find(_ word: [UInt8], hash: UInt64) -> Int32? {
        let id = word.withUnsafeBufferPointer { self.id(of: $0) }
        return id >= 0 ? id : nil
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<starts.count { place(Int32(id), hash: hashes[id]) }
    }

    /// FNV-1a, 64 bits.
    @inline(__always)
    private static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
