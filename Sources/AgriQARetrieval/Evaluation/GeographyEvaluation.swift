import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import Foundation

/// same-region@5 of one mode, asked with and without the asker's location.
public struct SameRegionScores: Sendable, Codable, Equatable {
    public var mode: SearchMode
    public var withLocation: Double
    public var withoutLocation: Double
}

/// The result of `agriqa eval geography`.
public struct GeographyReport: Sendable, Codable {
    public struct State: Sendable, Codable {
        public var code: String
        public var name: String
        /// Held-out questions from this state.
        public var questions: Int
        /// Share of the indexed records in this state (or inside it): the same-region@5 a ranking
        /// blind to geography would get on average.
        public var indexedShare: Double
        public var modes: [SameRegionScores]
    }

    public var files: [String]
    /// Records read from all files.
    public var records: Int
    /// Records indexed (all but the held-out ones).
    public var indexed: Int
    /// Records asked as questions.
    public var heldOut: Int
    /// Records that could have been held out (a question and a resolved state).
    public var eligible: Int
    public var seed: UInt64
    public var depth: Int
    /// Mean over the questions of their state's indexed share.
    public var baseline: Double
    public var modes: [SameRegionScores]
    public var states: [State]
    public var index: String?
    public var reusedIndex: Bool
    public var embedder: String?
    public var fusion: FusionSettings
    /// Problems the ingestion pipeline reported for the files.
    public var warnings: [String]
    public var notices: [String]
    public var seconds: Double
}

/// Geography evaluation on Q&A records that carry states (the Kisan Call Centre logs): index all
/// but a seeded sample of records, ask each held-out record's question with its state as the
/// location and without a location, and measure same-region@5 — the share of the top 5 results
/// from the asker's state or inside it.
public enum GeographyEvaluation {
    public static func run(
        files: [String], index: KnowledgeIndex, gazetteer: Gazetteer, embedder: (any TextEmbedder)?,
        modes: [SearchMode], holdout: Int, seed: UInt64, fusion: FusionSettings = FusionSettings(), keptIndex: Bool,
        progress: @Sendable (EvaluationProgress) -> Void = { _ in }
    ) async throws(EvaluationError) -> GeographyReport {
        let started = Date()
        progress(.indexing(files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")))
        let split = try HoldoutSplit.make(files: files, gazetteer: gazetteer, count: holdout, seed: seed)
        let builder = EvaluationIndexBuilder(index: index, gazetteer: gazetteer)
        let written = try builder.writeDocuments(split.documents)
        let searchEmbedder = try await RetrievalEvaluation.prepareEmbedder(
            embedder, builder: builder, questions: split.heldOut.map(\.question), modes: modes, progress: progress)

        let evaluator = RetrievalEvaluator(
            searcher: HybridSearcher(index: index, embedder: searchEmbedder, gazetteer: gazetteer, lexicalPostings: .eager),
            index: index,
            passageOfChunk: [:], k: 10, fusion: fusion)
        func queries(withLocation: Bool) -> [EvaluationQuery] {
            split.heldOut.map { record in
                EvaluationQuery(
                    id: record.id, question: record.question, relevant: [],
                    location: withLocation ? record.state : nil, region: record.state.code)
            }
        }
        let searches = split.heldOut.count * modes.count
        let located = try await evaluator.run(queries(withLocation: true), modes: modes) { done, total in
            progress(.searching(done: done, total: 2 * searches))
        }
        let blind = try await evaluator.run(queries(withLocation: false), modes: modes) { done, total in
            progress(.searching(done: searches + done, total: 2 * searches))
        }

        let stateOf = Dictionary(split.heldOut.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first })
        func scores(_ keep: (String) -> Bool) -> [SameRegionScores] {
            modes.map { mode in
                SameRegionScores(
                    mode: mode, withLocation: mean(located.outcomes, mode: mode, keep: keep),
                    withoutLocation: mean(blind.outcomes, mode: mode, keep: keep))
            }
        }
        let byState = Dictionary(grouping: split.heldOut, by: \.state.code)
        let states = byState.map { code, records in
            GeographyReport.State(
                code: code.rawValue, name: records[0].state.name, questions: records.count,
                indexedShare: split.indexedShare[code] ?? 0,
                modes: scores { stateOf[$0]?.code == code })
        }.sorted { $0.questions > $1.questions || ($0.questions == $1.questions && $0.code < $1.code) }
        let baseline = split.heldOut.map { split.indexedShare[$0.state.code] ?? 0 }.reduce(0, +)
            / Double(max(1, split.heldOut.count))
        return GeographyReport(
            files: split.documents.map(\.path), records: split.records, indexed: split.records - split.heldOut.count,
            heldOut: split.heldOut.count, eligible: split.eligible, seed: seed, depth: evaluator.depth,
            baseline: baseline, modes: scores { _ in true }, states: states, index: keptIndex ? index.path : nil,
            reusedIndex: written == 0, embedder: embedder?.descriptor.description, fusion: fusion, warnings: split.warnings,
            notices: located.notices + blind.notices.filter { !located.notices.contains($0) },
            seconds: Date().timeIntervalSince(started))
    }

    /// Mean same-region@5 of one mode's outcomes for the questions `keep` accepts.
    static func mean(_ outcomes: [QueryOutcome], mode: SearchMode, keep: (String) -> Bool) -> Double {
        let values = outcomes.filter { $0.mode == mode && keep($0.queryID) }.compactMap { outcome in
            outcome.inRegion.map { RetrievalMetrics.share($0, k: RetrievalEvaluator.sameRegionCutoff) }
        }
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
