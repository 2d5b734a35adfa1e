/// Edit distances over folded names, for suggestions and tolerant record lookups.
enum EditDistance {
    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping
    /// early once every path exceeds `limit` (then returns `limit + 1`).
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit == .max ? limit : limit + 1 }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if limit != .max && rowMinimum > limit { return limit + 1 }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// A spelling-tolerant form of a name for matching transliterated names as they appear in
/// records ("MAHABOOBNAGAR" ~ "Mahabubnagar", "Nasik" ~ "Nashik", "Gondiya" ~ "Gondia",
/// "RANGAREDDY" ~ "Ranga Reddy"): folded, spaces removed, "ee"→"i", "oo"→"u", "y"→"i",
/// "w"→"v", an "h" after a consonant dropped, doubled letters collapsed.
enum NameSkeleton {
    static func skeleton(_ key: String) -> [UInt8] {
        var bytes = Array(key.utf8).filter { $0 != 0x20 }
        bytes = replacing(bytes, [0x65, 0x65], with: 0x69)  // ee → i
        bytes = replacing(bytes, [0x6F, 0x6F], with: 0x75)  // oo → u
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            var b = byte
            if b == 0x79 { b = 0x69 }  // y → i
            if b == 0x77 { b = 0x76 }  // w → v
            if b == 0x68, let last = result.last, isConsonant(last) { continue }
            if let last = result.last, last == b { continue }
            result.append(b)
        }
        return result
    }

    private static func isConsonant(_ byte: UInt8) -> Bool {
        guard byte >= 0x61 && byte <= 0x7A else { return false }
        return ![0x61, 0x65, 0x69, 0x6F, 0x75].contains(byte)
    }

    private static func replacing(_ bytes: [UInt8], _ pair: [UInt8], with replacement: UInt8) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count && bytes[index] == pair[0] && bytes[index + 1] == pair[1] {
                result.append(replacement)
                index += 2
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
