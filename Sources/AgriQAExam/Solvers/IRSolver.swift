import AgriQAChatModel
import AgriQADomain
import AgriQAEmbedding
import AgriQAIndex
import AgriQARetrieval
import Foundation

/// The information-retrieval solver: no model. For each option it measures how well the index
/// supports the question together with that option, and picks the best-supported option.
///
/// Two signals per option, both over the whole index:
/// - lexical: the BM25 score of the best chunk for the words of question + option;
/// - dense: the cosine between the embedding of question + option and the closest chunk.
/// Each signal is normalized per question (z-scores across the options, so neither dominates by
/// scale) and the chosen ``Scoring`` combines them. `lexical` is the default: it scored best on the
/// CROP dev set with the shared PDFs indexed (see docs/exams.md for all variants). With a location, each chunk's score is
/// multiplied by the geography factor of its region (same region ×1.6 … other region ×0.6).
/// Ties go to the earlier option, so runs are reproducible.
public struct IRSolver: ExamSolver {
    public enum Scoring: String, Sendable, Codable, CaseIterable {
        /// BM25 of question + option only (the default).
        case lexical
        /// Embedding cosine of question + option only.
        case dense
        /// Sum of both normalized signals.
        case combined
    }

    let index: KnowledgeIndex
    let embedder: (any TextEmbedder)?
    let vectors: VectorMatrix?
    let geography: GeographyRanking
    public let scoring: Scoring
    /// Chunks considered per option and signal.
    let depth: Int
    /// Retrieval for open-ended questions (extractive answers).
    let retriever: ExamRetriever
    /// Said once in the summary: a signal was unavailable.
    public let notices: [String]

    /// Loads the index's vectors (once) for the dense signal; without an embedder or vectors the
    /// solver falls back to the lexical signal and says so in ``notices``.
    public init(retriever: ExamRetriever, scoring: Scoring = .lexical, depth: Int = 3) async throws(ExamSolverError) {
        let searcher = retriever.searcher
        index = searcher.index
        geography = searcher.geography
        self.retriever = retriever
        self.depth = max(1, depth)
        var notices: [String] = []
        var vectors: VectorMatrix?
        var embedder: (any TextEmbedder)?
        if scoring != .lexical {
            if let available = searcher.embedder {
                let rows: (ids: [Int64], values: [Float], dimension: Int)
                do {
                    rows = try index.vectorRows()
                } catch {
                    throw .retrieval(error.description)
                }
                if rows.ids.isEmpty {
                    notices.append("the index has no vectors: the IR solver used BM25 only (run `agriqa embed`).")
                } else if rows.dimension != available.descriptor.dimension {
                    notices.append(
                        "the index's vectors have \(rows.dimension) dimensions but the embedder makes \(available.descriptor.dimension): the IR solver used BM25 only.")
                } else {
                    vectors = VectorMatrix(chunkIDs: rows.ids, values: rows.values, dimension: rows.dimension)
                    embedder = available
                }
            } else {
                notices.append("no embedder available: the IR solver used BM25 only (run scripts/fetch-model.sh and `agriqa embed`).")
            }
        }
        self.vectors = vectors
        self.embedder = embedder
        self.scoring = vectors == nil ? .lexical : scoring
        self.notices = notices
    }

    public var description: String { "ir (\(scoring.rawValue))" }

    public func solve(_ question: ExamQuestion, context: SolveContext) async throws(ExamSolverError) -> SolverOutput {
        guard question.isMultipleChoice else { return try await answerOpenEnded(question, context: context) }
        let queries = question.options.map { "\(question.question) \($0.text)" }
        let prompt = queries.enumerated().map { ChatMessage.user("\(question.options[$0.offset].label): \($0.element)") }

        var lexicalHits: [[(chunkID: Int64, score: Double)]] = []
        do {
            for query in queries {
                lexicalHits.append(try index.lexicalSearch(query, limit: depth).map { ($0.chunkID, -$0.bm25) })
            }
        } catch {
            throw .retrieval(error.description)
        }
        var denseHits: [[(chunkID: Int64, score: Double)]] = Array(repeating: [], count: queries.count)
        if let embedder, let vectors, scoring != .lexical {
            let embedded: [[Float]]
            do {
                embedded = try await embedder.embed(queries)
            } catch {
                throw .retrieval("embedding the options failed: \(error)")
            }
            denseHits = embedded.map { vectors.nearest(to: $0, k: depth).map { ($0.chunkID, Double($0.score)) } }
        }

        var details: [Int64: ChunkDetail] = [:]
        let evidenceIDs = Set((lexicalHits + denseHits).flatMap { $0.map(\.chunkID) })
        do {
            details = try index.chunkDetails(Array(evidenceIDs))
        } catch {
            throw .retrieval(error.description)
        }
        let asker = context.location?.code
        func best(_ hits: [(chunkID: Int64, score: Double)]) -> (chunkID: Int64, score: Double)? {
            hits.map { hit -> (chunkID: Int64, score: Double) in
                guard asker != nil, let regions = details[hit.chunkID]?.regions else { return hit }
                return (hit.chunkID, hit.score * GeographyRanking.factor(geography.relation(of: regions, to: asker)))
            }.max { $0.score < $1.score || ($0.score == $1.score && $0.chunkID > $1.chunkID) }
        }
        let lexical = lexicalHits.map(best)
        let dense = denseHits.map(best)

        let lexicalZ = Self.zScores(lexical.map { $0?.score ?? 0 })
        let denseZ = vectors == nil ? lexicalZ.map { _ in 0 } : Self.zScores(dense.map { $0?.score ?? 0 })
        var scores: [OptionScore] = []
        for (offset, option) in question.options.enumerated() {
            let score: Double
            switch scoring {
            case .lexical: score = lexicalZ[offset]
            case .dense: score = denseZ[offset]
            case .combined: score = lexicalZ[offset] + denseZ[offset]
            }
            scores.append(
                OptionScore(label: option.label, score: score, lexical: lexical[offset]?.score, dense: dense[offset]?.score))
        }
        var chosen = 0
        for offset in scores.indices where scores[offset].score > scores[chosen].score { chosen = offset }
        // Nothing in the index speaks to any option: no answer rather than a silent guess.
        let anyEvidence = lexical.contains { $0 != nil } || dense.contains { $0 != nil }

        var sources: [SourceRecord] = []
        for hit in [lexical[chosen], dense[chosen]].compactMap({ $0 }) where !sources.contains(where: { $0.chunkID == hit.chunkID }) {
            guard let detail = details[hit.chunkID] else { continue }
            sources.append(
                SourceRecord(
                    rank: sources.count + 1, chunkID: hit.chunkID, title: detail.title, path: detail.path, page: detail.pageStart,
                    score: hit.score, text: ExamRetriever.shortened(detail.text, to: 300)))
        }
        let label = anyEvidence ? question.options[chosen].label : nil
        return SolverOutput(
            prompt: prompt, rawOutputs: [],
            extracted: ExtractedAnswer(label: label, method: nil), sources: sources, optionScores: scores)
    }

    /// (x − mean) / standard deviation across the options; all zeros when they are all equal.
    static func zScores(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.map { _ in 0 } }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let deviation = variance.squareRoot()
        guard deviation > 1e-12 else { return values.map { _ in 0 } }
        return values.map { ($0 - mean) / deviation }
    }

    /// An open-ended question: the retrieved sentences that best cover the question's words.
    private func answerOpenEnded(_ question: ExamQuestion, context: SolveContext) async throws(ExamSolverError) -> SolverOutput {
        let sources = try await retriever.sources(for: question.question, location: context.location)
        let answer = ExtractiveAnswer.best(for: question.question, in: sources.map(\.text))
        return SolverOutput(
            prompt: [.user(question.question)], rawOutputs: [answer], extracted: .none, answerText: answer, sources: sources)
    }
}
