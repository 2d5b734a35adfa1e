import AgriQADomain
import AgriQARetrieval
import Foundation

/// An answer assembled from the sources' own sentences.
public struct ExtractiveAnswer: Sendable, Equatable {
    /// The answer: the note on the evidence's region if any, then sentences each followed by `[n]`.
    public var text: String
    /// Source numbers cited, in the order the answer cites them.
    public var cited: [Int]
    /// Whether any sentence supported the question; false means the text says nothing answers it.
    public var supported: Bool
    public var regionNote: String?
}

/// Answers without a model: picks the sentences of the retrieved sources that best support the
/// question and cites each. Deterministic: the same sources and question give the same answer.
///
/// A sentence scores by the question's content terms it contains (idf over the candidate sentences,
/// light stemming), a little by terms in its section heading or record question, by its source's
/// retrieval rank and by how the source's region relates to the asker's. The best 2–4 are kept,
/// near-duplicates dropped, different sources preferred, long ones cut around the matched words.
public struct ExtractiveAnswerer: Sendable {
    public var regionStatement: RegionStatement
    public var maximumSentences = 4
    /// At least this many sentences when that many have support.
    public var minimumSentences = 2
    /// Longer sentences are cut to this many words around the matched terms.
    public var maximumWords = 45
    /// Sentences scoring below this share of the best are left out…
    public var relativeThreshold = 0.4
    /// …unless needed to reach `minimumSentences`, down to this share.
    public var minimumShare = 0.25

    public init(regionStatement: RegionStatement) {
        self.regionStatement = regionStatement
    }

    public static let nothingRelevant = "The knowledge base has nothing relevant to this question."
    public static let nothingAnswers = "The knowledge base has nothing that answers this question."

    public func answer(question: String, sources: [AnswerSource], location: Region?) -> ExtractiveAnswer {
        guard !sources.isEmpty else {
            return ExtractiveAnswer(text: Self.nothingRelevant, cited: [], supported: false, regionNote: nil)
        }
        let queryStems = ContentTerms.uniqueTerms(question).map(\.stem)
        let readings = sources.map(Self.read)
        var candidates = readings.flatMap(\.candidates)
        let contexts = Dictionary(
            zip(sources.map(\.number), readings.map(\.contextStems)), uniquingKeysWith: { first, _ in first })
        score(&candidates, queryStems: queryStems, contexts: contexts)
        let supported = candidates.filter { $0.score > 0 }
        guard !supported.isEmpty else {
            return ExtractiveAnswer(
                text: Self.nothingAnswers + " " + Self.listing(sources), cited: [], supported: false, regionNote: nil)
        }
        let chosen = select(supported)
        let cited = chosen.map(\.source).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        let note = regionStatement.note(location: location, citations: sources.map(\.citation), evidence: cited)
        let sentences = chosen.map { Self.cite(shorten($0.text, queryStems: queryStems), $0.source) }
        let text = ([note].compactMap { $0 } + sentences).joined(separator: " ")
        return ExtractiveAnswer(text: text, cited: cited, supported: true, regionNote: note)
    }

    /// The best sentences. The pool is every sentence within `relativeThreshold` of the best,
    /// topped up to `minimumSentences` with ones within `minimumShare` of it; from the pool, at most
    /// `maximumSentences`, first one per source, then more from the same sources, never a
    /// near-duplicate of one already chosen. Best first.
    func select(_ supported: [Candidate]) -> [Candidate] {
        let ranked = supported.sorted(by: Self.better)
        guard let best = ranked.first?.score else { return [] }
        var pool: [Candidate] = []
        for candidate in ranked where !pool.contains(where: { Self.isNearDuplicate($0, candidate) }) {
            if candidate.score >= relativeThreshold * best || (pool.count < minimumSentences && candidate.score >= minimumShare * best) {
                pool.append(candidate)
            }
        }
        var chosen: [Candidate] = []
        for candidate in pool where chosen.count < maximumSentences && !chosen.contains(where: { $0.source == candidate.source }) {
            chosen.append(candidate)
        }
        for candidate in pool where chosen.count < maximumSentences
            && !chosen.contains(where: { $0.source == candidate.source && $0.position == candidate.position })
        {
            chosen.append(candidate)
        }
        return chosen.sorted(by: Self.better)
    }

    /// Higher score first; ties to the better-ranked source, then the earlier sentence.
    static func better(_ a: Candidate, _ b: Candidate) -> Bool {
        (a.score, -a.source, -a.position) > (b.score, -b.source, -b.position)
    }

    static func isNearDuplicate(_ a: Candidate, _ b: Candidate) -> Bool {
        a.text == b.text || similarity(a.stems, b.stems) >= 0.6
    }

    /// Jaccard similarity of two stem lists.
    static func similarity(_ a: [String], _ b: [String]) -> Double {
        let left = Set(a)
        let right = Set(b)
        let union = left.union(right).count
        return union == 0 ? 1 : Double(left.intersection(right).count) / Double(union)
    }

    /// A long sentence cut to `maximumWords` words around its first matched term.
    func shorten(_ sentence: String, queryStems: [String]) -> String {
        let tokens = sentence.split(whereSeparator: \.isWhitespace)
        guard tokens.count > maximumWords else { return sentence }
        let firstMatch = tokens.firstIndex { token in
            ContentTerms.terms(String(token)).contains { term in queryStems.contains { ContentTerms.matches($0, term.stem) } }
        } ?? 0
        let start = max(0, min(firstMatch - 8, tokens.count - maximumWords))
        let end = min(tokens.count, start + maximumWords)
        return (start > 0 ? "…" : "") + tokens[start..<end].joined(separator: " ") + (end < tokens.count ? "…" : "")
    }

    /// The sentence followed by its marker: "Sow in May [2]."
    static func cite(_ sentence: String, _ number: Int) -> String {
        let marker = "[\(number)]"
        guard let last = sentence.last else { return marker }
        if ".!?".contains(last) {
            return "\(sentence.dropLast()) \(marker)\(last)"
        }
        if last == "…" || "\"'”’)]»".contains(last) {
            return "\(sentence) \(marker)"
        }
        return "\(sentence) \(marker)."
    }

    /// "The closest sources found: “Title” (p. 2, Section); …" for up to three sources.
    static func listing(_ sources: [AnswerSource]) -> String {
        let items = sources.prefix(3).map { source -> String in
            let citation = source.citation
            let details = [citation.pageDescription, citation.section.isEmpty ? nil : citation.section].compactMap { $0 }
            return "“\(citation.title)”" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        }
        return "The closest sources found: " + items.joined(separator: "; ") + "."
    }
}
