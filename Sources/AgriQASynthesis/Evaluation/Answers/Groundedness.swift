import AgriQAIngestion

/// Groundedness by lexical support: the share of an answer's sentences whose content words are
/// found in the sources they cite.
///
/// Each sentence is checked against the sources its own `[n]` markers name, or — a sentence
/// without markers — against every source the answer cites anywhere. A sentence is supported
/// when at least `threshold` of its distinct content words (``TextTokens/contentWords(_:)``)
/// occur in that evidence. Sentences without content words are not counted. An answer that
/// cites nothing has no evidence: every sentence counts as unsupported.
public enum Groundedness {
    public struct Measure: Codable, Sendable, Equatable {
        public var supported: Int
        public var sentences: Int
        public var share: Double { sentences == 0 ? 0 : Double(supported) / Double(sentences) }
    }

    /// `sources` maps source numbers to their text. Nil when no sentence has content words.
    public static func measure(answer: String, sources: [Int: String], threshold: Double = 0.6) -> Measure? {
        let sentences = SentenceSplitter.split(answer)
        let citedAnywhere = Set(markers(in: answer)).filter { sources[$0] != nil }
        var vocabulary: [Int: Set<String>] = [:]
        for (number, text) in sources { vocabulary[number] = Set(TextTokens.contentWords(text)) }
        var result = Measure(supported: 0, sentences: 0)
        for sentence in sentences {
            let words = Set(TextTokens.contentWords(TeacherAnswerer.removingMarkers(sentence)))
            guard !words.isEmpty else { continue }
            let own = Set(markers(in: sentence)).filter { sources[$0] != nil }
            let evidence = (own.isEmpty ? citedAnywhere : own).reduce(into: Set<String>()) { $0.formUnion(vocabulary[$1] ?? []) }
            result.sentences += 1
            if Double(words.intersection(evidence).count) / Double(words.count) >= threshold { result.supported += 1 }
        }
        return result.sentences == 0 ? nil : result
    }

    /// Source numbers in `[n]`, `[n, m]` and `[n-m]` markers.
    static func markers(in text: String) -> [Int] {
        var numbers: [Int] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "[") {
            guard let close = text[open...].firstIndex(of: "]") else { break }
            let inside = text[text.index(after: open)..<close]
            if !inside.isEmpty, inside.allSatisfy({ $0.isNumber || $0 == "," || $0 == " " || $0 == "-" || $0 == "–" }) {
                for part in inside.split(separator: ",") {
                    let bounds = part.split(whereSeparator: { $0 == "-" || $0 == "–" }).compactMap {
                        Int($0.trimmingCharacters(in: .whitespaces))
                    }
                    if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 50 {
                        numbers += Array(bounds[0]...bounds[1])
                    } else if let first = bounds.first {
                        numbers.append(first)
                    }
                }
            }
            index = text.index(after: close)
        }
        return numbers
    }
}
