import AgriQARetrieval
import Foundation

/// How the extractive answerer finds and scores candidate sentences.
extension ExtractiveAnswerer {
    struct Candidate {
        var text: String
        var stems: [String]
        var wordCount: Int
        var source: Int
        var relation: RegionRelation
        var position: Int
        /// Share of its words that are function words; prose has plenty, table rows few.
        var functionShare: Double
        var score = 0.0
    }

    /// A source read once: its candidate sentences, and the stems of its context.
    struct Reading {
        var candidates: [Candidate]
        /// Title, section path and record questions: what the source is about beyond its sentences.
        var contextStems: [String]
    }

    /// The sentences of a source that can answer; a record's question, like the title and section
    /// heading, is context, not a candidate.
    static func read(_ source: AnswerSource) -> Reading {
        var result: [Candidate] = []
        var context = source.citation.title + " " + source.citation.section
        for block in SentenceSplitter.blocks(source.text) {
            let (label, body) = splitLabel(block)
            if let label, questionLabels.contains(label) {
                context += " " + body
                continue
            }
            for sentence in SentenceSplitter.splitBlock(body) {
                let words = ContentTerms.words(sentence)
                guard words.count >= 5, words.contains(where: { $0.contains(where: \.isLetter) }) else { continue }
                result.append(
                    Candidate(
                        text: sentence, stems: ContentTerms.terms(words: words).map(\.stem), wordCount: words.count,
                        source: source.number, relation: source.citation.relation, position: result.count,
                        functionShare: Double(words.filter(ContentTerms.stopwords.contains).count) / Double(words.count)))
            }
        }
        return Reading(candidates: result, contextStems: Array(Set(ContentTerms.terms(context).map(\.stem))))
    }

    static let questionLabels: Set<String> = ["question", "q", "query", "pregunta", "pergunta"]

    /// "Answer: Sow in May." → ("answer", "Sow in May.").
    static func splitLabel(_ block: String) -> (label: String?, body: String) {
        guard let colon = block.firstIndex(of: ":") else { return (nil, block) }
        let label = block[..<colon]
        guard !label.isEmpty, label.count <= 12, label.allSatisfy(\.isLetter) else { return (nil, block) }
        return (label.lowercased(), block[block.index(after: colon)...].trimmingWhitespace())
    }

    /// Scores every candidate; those without a question term of their own keep 0.
    ///
    /// score = (idf of the terms in the sentence + 0.3 × idf of those only in its context)
    ///       × (0.5 + 0.5 × share of the question's idf its whole source covers)
    ///       × length, form, rank and geography factors.
    func score(_ candidates: inout [Candidate], queryStems: [String], contexts: [Int: [String]]) {
        guard !queryStems.isEmpty, !candidates.isEmpty else { return }
        // Which question terms each sentence holds, computed once.
        let matched = candidates.map { candidate in queryStems.map { ContentTerms.contains(candidate.stems, $0) } }
        let count = Double(candidates.count)
        let idf = queryStems.indices.map { term in
            let df = Double(matched.filter { $0[term] }.count)
            return log(1 + (count - df + 0.5) / (df + 0.5))
        }
        let totalIDF = idf.reduce(0, +)
        var inContext: [Int: [Bool]] = [:]
        var coverage: [Int: Double] = [:]
        for (number, contextStems) in contexts {
            let context = queryStems.map { ContentTerms.contains(contextStems, $0) }
            inContext[number] = context
            var covered = 0.0
            for term in queryStems.indices
            where context[term] || candidates.indices.contains(where: { candidates[$0].source == number && matched[$0][term] }) {
                covered += idf[term]
            }
            coverage[number] = totalIDF > 0 ? covered / totalIDF : 0
        }
        for index in candidates.indices {
            let candidate = candidates[index]
            let context = inContext[candidate.source] ?? []
            var support = 0.0
            var contextSupport = 0.0
            for term in queryStems.indices {
                if matched[index][term] {
                    support += idf[term]
                } else if term < context.count, context[term] {
                    contextSupport += idf[term]
                }
            }
            guard support > 0 else { continue }
            let rank = 1 / (1 + 0.1 * Double(candidate.source - 1))
            candidates[index].score = (support + 0.3 * contextSupport) * (0.5 + 0.5 * (coverage[candidate.source] ?? 0))
                * Self.formFactor(candidate) * rank * Self.geographyFactor(candidate.relation)
        }
    }

    /// Prose over fragments: long sentences count less; text without a final stop (headings, lists
    /// run together) and long stretches with few function words (table rows) much less.
    static func formFactor(_ candidate: Candidate) -> Double {
        var factor = candidate.wordCount > 40 ? max(0.5, 40 / Double(candidate.wordCount)) : 1
        let last = candidate.text.last { !"\"'”’)]»".contains($0) }
        if let last, !".!?".contains(last) {
            factor *= candidate.wordCount > 25 ? 0.2 : 0.3
        }
        if candidate.wordCount > 25 && candidate.functionShare < 0.25 { factor *= 0.4 }
        return factor
    }

    /// Retrieval already ranked by geography; this only breaks near-ties toward the asker's region.
    static func geographyFactor(_ relation: RegionRelation) -> Double {
        switch relation {
        case .same: return 1.15
        case .child: return 1.1
        case .parent: return 1.05
        case .none: return 1
        case .other: return 0.9
        }
    }
}
