/// Builds an FTS5 MATCH expression from free text without ever passing user syntax through.
///
/// The question is split into words (letters and digits only); stop words are dropped; every
/// remaining word becomes a double-quoted string (quotes inside are impossible: only letters and
/// digits survive), joined with OR so BM25 ranks chunks by how many and how rare the matched terms
/// are. `foo AND`, `"`, `NEAR(`, `*`, `-x`, `col:term` all become plain words or vanish.
public enum FTSQuery {
    /// English, French and Portuguese function words, and question words that carry no topic.
    static let stopWords: Set<String> = [
        "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "do", "does", "for", "from",
        "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should",
        "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "we",
        "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "am", "was",
        "were", "been", "has", "have", "had", "any", "much", "many", "best", "get", "use", "not", "no",
        "le", "la", "les", "des", "du", "de", "un", "une", "et", "en", "au", "aux", "pour", "par", "sur",
        "est", "que", "qui", "dans", "quand", "comment", "quel", "quelle", "o", "os", "um", "uma",
        "e", "da", "dos", "das", "em", "na", "para", "por", "com", "quando", "como", "qual",
    ]

    /// Words of `text`, lower-cased, without stop words, in order, de-duplicated.
    public static func terms(_ text: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let term = String(word)
            guard !stopWords.contains(term), term.count > 1 || term.first?.isNumber == true else { continue }
            if seen.insert(term).inserted { result.append(term) }
        }
        return result
    }

    /// The MATCH expression, or nil when nothing searchable is left.
    public static func expression(for text: String) -> String? {
        let words = terms(text)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"" }.joined(separator: " OR ")
    }
}
