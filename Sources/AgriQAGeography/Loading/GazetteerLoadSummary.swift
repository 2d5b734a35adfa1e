import AgriQADomain

/// What loading one gazetteer file did.
public struct GazetteerLoadSummary: Sendable, Equatable {
    public var path: String
    public var format: GazetteerFileFormat
    /// Regions that were not in the gazetteer before.
    public var added: Int
    /// Regions already known that the file matched (names, aliases or a centroid merged in).
    public var updated: Int
    /// Rows that gave no region, e.g. a district whose state name matches no known state.
    public var skippedCount: Int
    /// The first few skipped rows with the reason, for a report ("line 12: …").
    public var skippedExamples: [String]
}

/// Book-keeping while one file is loaded.
struct GazetteerFileLoad {
    let path: String
    let header: CSVHeader
    var added = 0
    var updated = 0
    var skippedCount = 0
    var skippedExamples: [String] = []

    mutating func put(_ region: Region, into gazetteer: inout Gazetteer) {
        if gazetteer.insert(region) { added += 1 } else { updated += 1 }
    }

    mutating func skip(line: Int, _ reason: String) {
        skippedCount += 1
        if skippedExamples.count < 10 { skippedExamples.append("line \(line): \(reason)") }
    }

    func summary(format: GazetteerFileFormat) -> GazetteerLoadSummary {
        GazetteerLoadSummary(
            path: path, format: format, added: added, updated: updated, skippedCount: skippedCount,
            skippedExamples: skippedExamples)
    }
}

/// Small parsing helpers shared by the format readers.
enum GazetteerFields {
    /// A latitude/longitude pair when both parse and are in range.
    static func coordinate(_ latitude: String?, _ longitude: String?) -> (Double, Double)? {
        guard let latText = latitude, let lonText = longitude,
            let lat = Double(latText.trimmed()), let lon = Double(lonText.trimmed()),
            (-90...90).contains(lat), (-180...180).contains(lon)
        else { return nil }
        return (lat, lon)
    }

    /// Digits only, left-padded with zeros to `width` ("1001" → "01001"); nil when not a number.
    static func paddedDigits(_ text: String, width: Int) -> String? {
        let digits = text.trimmed()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let trimmed = String(digits.drop(while: { $0 == "0" }))
        let core = trimmed.isEmpty ? "0" : trimmed
        return core.count >= width ? core : String(repeating: "0", count: width - core.count) + core
    }

    /// A display form for names written in capitals ("EAST GODAVARI" → "East Godavari",
    /// "ANDAMAN AND NICOBAR ISLANDS" → "Andaman and Nicobar Islands"); other names unchanged.
    static func displayName(_ name: String) -> String {
        let utf8 = name.utf8
        if utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return name.trimmed() }  // has lowercase
        if utf8.allSatisfy({ $0 < 0x80 }) { return asciiTitleCase(name.trimmed()) }
        let letters = name.filter(\.isLetter)
        guard !letters.isEmpty, letters.allSatisfy({ !$0.isLowercase }) else { return name.trimmed() }
        let minor: Set<String> = ["and", "of", "the", "de", "da", "do", "dos", "das", "del"]
        var result = ""
        var word = ""
        var isFirstWord = true
        func flushWord() {
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            if !isFirstWord && minor.contains(lower) {
                result += lower
            } else {
                result += lower.prefix(1).uppercased() + lower.dropFirst()
            }
            isFirstWord = false
            word = ""
        }
        for character in name.trimmed() {
            if character.isLetter || character == "'" {
                word.append(character)
            } else {
                flushWord()
                result.append(character)
            }
        }
        flushWord()
        return result
    }

    /// `displayName` for ASCII text in capitals, without Unicode property look-ups (the loaders
    /// call it for every row).
    private static func asciiTitleCase(_ name: String) -> String {
        let minor: Set<String> = ["and", "of", "the", "de", "da", "do", "dos", "das", "del"]
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count)
        var word: [UInt8] = []
        var isFirstWord = true
        func flushWord() {
            guard !word.isEmpty else { return }
            let lower = word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if !isFirstWord && minor.contains(String(decoding: lower, as: UTF8.self)) {
                result += lower
            } else {
                result.append(lower[0] >= 0x61 && lower[0] <= 0x7A ? lower[0] & ~0x20 : lower[0])
                result += lower.dropFirst()
            }
            isFirstWord = false
            word.removeAll(keepingCapacity: true)
        }
        for byte in name.utf8 {
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x27
            if isLetter {
                word.append(byte)
            } else {
                flushWord()
                result.append(byte)
            }
        }
        flushWord()
        return String(decoding: result, as: UTF8.self)
    }
}
