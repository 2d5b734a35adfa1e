import Foundation

/// A GNU gettext message catalog (`.mo` file) read into a dictionary: original (English) string →
/// translation. Only what AgriQA needs: no plural forms (the first form is kept), contexts dropped.
///
/// Format: a header of 32-bit words (magic 0x950412de in the file's byte order, revision, string
/// count N, offset of the original-strings table, offset of the translations table), then two
/// tables of N (length, offset) pairs pointing at NUL-terminated UTF-8 strings.
struct GettextCatalog: Sendable {
    private(set) var translations: [String: String] = [:]

    enum ParseError: Error, CustomStringConvertible {
        case tooShort
        case badMagic(UInt32)
        case outOfBounds(String)

        var description: String {
            switch self {
            case .tooShort: return "file too short for a .mo header"
            case .badMagic(let magic): return "not a gettext .mo file (magic 0x\(String(magic, radix: 16)))"
            case .outOfBounds(let what): return "\(what) points outside the file"
            }
        }
    }

    init(contentsOf path: String) throws {
        let url = URL(fileURLWithPath: path)
        let data = try Data(contentsOf: url)
        try self.init(bytes: [UInt8](data))
    }

    init(bytes: [UInt8]) throws {
        guard bytes.count >= 28 else { throw ParseError.tooShort }
        func word(_ offset: Int, bigEndian: Bool) -> UInt32? {
            guard offset >= 0, offset + 4 <= bytes.count else { return nil }
            let b0 = UInt32(bytes[offset]), b1 = UInt32(bytes[offset + 1])
            let b2 = UInt32(bytes[offset + 2]), b3 = UInt32(bytes[offset + 3])
            return bigEndian ? (b0 << 24 | b1 << 16 | b2 << 8 | b3) : (b3 << 24 | b2 << 16 | b1 << 8 | b0)
        }
        let bigEndian: Bool
        switch word(0, bigEndian: false) {
        case 0x9504_12de: bigEndian = false
        case 0xde12_0495: bigEndian = true
        case let other: throw ParseError.badMagic(other ?? 0)
        }
        guard let count = word(8, bigEndian: bigEndian),
            let originals = word(12, bigEndian: bigEndian),
            let translated = word(16, bigEndian: bigEndian)
        else { throw ParseError.tooShort }

        func string(table: UInt32, index: Int, what: String) throws -> String {
            let entry = Int(table) + index * 8
            guard let length = word(entry, bigEndian: bigEndian),
                let offset = word(entry + 4, bigEndian: bigEndian)
            else { throw ParseError.outOfBounds("\(what) table entry \(index)") }
            let start = Int(offset), end = start + Int(length)
            guard start >= 0, end <= bytes.count, start <= end else {
                throw ParseError.outOfBounds("\(what) string \(index)")
            }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        var result: [String: String] = [:]
        let n = Int(count)
        guard n <= bytes.count / 8 else { throw ParseError.outOfBounds("string count") }
        result.reserveCapacity(n)
        for index in 0..<n {
            var original = try string(table: originals, index: index, what: "original")
            guard !original.isEmpty else { continue }  // the catalog header
            if let eot = original.firstIndex(of: "\u{04}") {  // msgctxt EOT msgid
                original = String(original[original.index(after: eot)...])
            }
            if let nul = original.firstIndex(of: "\0") { original = String(original[..<nul]) }
            var translation = try string(table: translated, index: index, what: "translation")
            if let nul = translation.firstIndex(of: "\0") { translation = String(translation[..<nul]) }
            guard !translation.isEmpty, translation != original else { continue }
            result[original] = translation
        }
        translations = result
    }

    subscript(original: String) -> String? { translations[original] }
}
