import Foundation

/// Short excerpts around the query terms, for result lists.
///
/// ASCII texts (most English extension material) take a byte-level path: for ASCII, characters
/// are bytes, letters and digits are `A–Z a–z 0–9`, and lower-casing is per byte, so it gives
/// exactly what the `Character`-level path gives, an order of magnitude faster. Other texts
/// take the `Character`-level path.
enum Snippets {
    /// The query terms (already lower-cased) that occur as words or word prefixes in `text`.
    static func matchedTerms(_ terms: [String], in text: String) -> [String] {
        guard !terms.isEmpty else { return [] }
        if let ascii = ASCIIText(text) { return ascii.matchedTerms(terms) }
        let words = Set(text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init))
        return terms.filter { term in
            words.contains(term) || (term.count >= 4 && words.contains { $0.hasPrefix(term) })
        }
    }

    /// About `length` characters of `text` starting a little before the first matched term.
    static func snippet(_ text: String, terms: [String], length: Int = 220) -> String {
        if let ascii = ASCIIText(text) { return ascii.snippet(terms: terms, length: length) }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let lower = flat.lowercased()
        var start = lower.startIndex
        if let first = terms.compactMap({ lower.range(of: $0)?.lowerBound }).min() {
            start = lower.index(first, offsetBy: -60, limitedBy: lower.startIndex) ?? lower.startIndex
            while start > lower.startIndex, !lower[lower.index(before: start)].isWhitespace {
                start = lower.index(before: start)
            }
        }
        let offset = lower.distance(from: lower.startIndex, to: start)
        let body = flat.dropFirst(offset)
        let cut = body.prefix(length)
        return (offset > 0 ? "…" : "") + cut + (cut.count < body.count ? "…" : "")
    }
}

/// A text known to be pure ASCII, handled byte by byte.
struct ASCIIText {
    let bytes: [UInt8]

    init?(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte)
        }
        self.bytes = bytes
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// `Character.isNewline` for ASCII: LF, VT, FF, CR.
    static func isNewline(_ byte: UInt8) -> Bool { byte >= 0x0A && byte <= 0x0D }

    /// `Character.isWhitespace` for ASCII: TAB, LF, VT, FF, CR, space.
    static func isWhitespace(_ byte: UInt8) -> Bool { (byte >= 0x09 && byte <= 0x0D) || byte == 0x20 }

    func matchedTerms(_ terms: [String]) -> [String] {
        var words: Set<[UInt8]> = []
        var word: [UInt8] = []
        for byte in bytes {
            if Self.isAlphanumeric(byte) {
                word.append(Self.lower(byte))
            } else if !word.isEmpty {
                words.insert(word)
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.insert(word) }
        return terms.filter { term in
            let key = Array(term.utf8)
            if words.contains(key) { return true }
            // A non-ASCII term cannot prefix an ASCII word; term.count is its byte count here.
            guard key.count >= 4, key.allSatisfy({ $0 < 0x80 }) else { return false }
            return words.contains { $0.starts(with: key) }
        }
    }

    /// ``Snippets/snippet(_:terms:length:)`` on bytes: newline runs become one space, the window
    /// starts up to 60 bytes before the first term, moved back to the start of its word.
    func snippet(terms: [String], length: Int) -> String {
        var flat: [UInt8] = []
        flat.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if Self.isNewline(byte) {
                pendingSpace = !flat.isEmpty
            } else {
                if pendingSpace { flat.append(0x20) }
                pendingSpace = false
                flat.append(byte)
            }
        }
        let lower = flat.map(Self.lower)
        var start = 0
        if let first = terms.compactMap({ Self.firstOccurrence(of: Array($0.utf8), in: lower) }).min() {
            start = max(0, first - 60)
            while start > 0, !Self.isWhitespace(lower[start - 1]) { start -= 1 }
        }
        let end = min(flat.count, start + length)
        return (start > 0 ? "…" : "") + String(decoding: flat[start..<end], as: UTF8.self) + (end < flat.count ? "…" : "")
    }

    static func firstOccurrence(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        // Like Foundation's `range(of:)`, an empty needle is never found.
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
