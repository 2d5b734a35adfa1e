import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import Foundation

/// The result of `agriqa eval retrieval`.
public struct RetrievalReport: Sendable, Codable {
    public var passagesFile: String
    public var questionsFile: String
    public var passages: Int
    public var questions: Int
    /// Questions that carry a location (asked with it, judged by same-region@5).
    public var locatedQuestions: Int
    public var k: Int
    /// Results retrieved per question: max(10, k).
    public var depth: Int
    /// The index searched, or nil for a temporary one.
    public var index: String?
    /// The passages were already in a kept index and were not written again.
    public var reusedIndex: Bool
    public var embedder: String?
    public var fusion: FusionSettings
    public var modes: [ModeMetrics]
    public var notices: [String]
    public var seconds: Double
}

/// Passages in, questions asked, metrics per mode out.
public enum RetrievalEvaluation {
    /// Writes `set`'s passages into `index` (reused when already there), embeds them when an
    /// embedder is given, and asks every question in every mode.
    public static func run(
        _ set: EvaluationSet, index: KnowledgeIndex, gazetteer: Gazetteer, embedder: (any TextEmbedder)?,
        modes: [SearchMode], k: Int, fusion: FusionSettings = FusionSettings(), keptIndex: Bool, progress: @Sendable (EvaluationProgress) -> Void = { _ in }
    ) async throws(EvaluationError) -> RetrievalReport {
        let started = Date()
        let regions = try set.resolveLocations(with: gazetteer)
        progress(.indexing(URL(fileURLWithPath: set.passagesPath).lastPathComponent))
        let builder = EvaluationIndexBuilder(index: index, gazetteer: gazetteer)
        let document = try builder.writePassages(set, regions: regions.passages)
        let searchEmbedder = try await prepareEmbedder(
            embedder, builder: builder, questions: set.questions.map(\.question), modes: modes, progress: progress)
        let queries = set.questions.map { question in
            let region = regions.questions[question.id]
            return EvaluationQuery(
                id: question.id, question: question.question, relevant: [question.passageID], location: region,
                region: region?.code)
        }
        let evaluator = RetrievalEvaluator(
            searcher: HybridSearcher(index: index, embedder: searchEmbedder, gazetteer: gazetteer, lexicalPostings: .eager),
            index: index,
            passageOfChunk: document.passageOfChunk, k: k, fusion: fusion)
        let result = try await evaluator.run(queries, modes: modes) { done, total in
            progress(.searching(done: done, total: total))
        }
        return RetrievalReport(
            passagesFile: set.passagesPath, questionsFile: set.questionsPath, passages: set.passages.count,
            questions: set.questions.count, locatedQuestions: regions.questions.count, k: k, depth: evaluator.depth,
            index: keptIndex ? index.path : nil, reusedIndex: document.reused, embedder: embedder?.descriptor.description,
            fusion: fusion, modes: result.modes, notices: result.notices, seconds: Date().timeIntervalSince(started))
    }

    /// Embeds the index's new chunks, then the questions (once, shared by every mode and run).
    /// Without an embedder, or when only BM25 is asked for, searches run without one.
    static func prepareEmbedder(
        _ embedder: (any TextEmbedder)?, builder: EvaluationIndexBuilder, questions: [String], modes: [SearchMode],
        progress: @Sendable (EvaluationProgress) -> Void
    ) async throws(EvaluationError) -> (any TextEmbedder)? {
        guard let embedder, modes.contains(where: { $0 != .bm25 }) else { return nil }
        _ = try await builder.embed(with: embedder) { step in
            progress(.embeddingChunks(done: step.embedded, total: step.total, rate: step.rate))
        }
        do {
            return try await PrecomputedEmbedder.prepare(questions, with: embedder) { done, total in
                progress(.embeddingQuestions(done: done, total: total))
            }
        } catch {
            throw .embedding(detail: "\(error)")
        }
    }
}
