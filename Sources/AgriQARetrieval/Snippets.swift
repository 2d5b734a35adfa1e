/// Short excerpts around the query terms, for result lists.
enum Snippets {
    /// The query terms (already lower-cased) that occur as words or word prefixes in `text`.
    static func matchedTerms(_ terms: [String], in text: String) -> [String] {
        let words = Set(text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init))
        return terms.filter { term in words.contains { $0 == term || ($0.hasPrefix(term) && term.count >= 4) } }
    }

    /// About `length` characters of `text` starting a little before the first matched term.
    static func snippet(_ text: String, terms: [String], length: Int = 220) -> String {
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
