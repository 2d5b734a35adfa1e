import AgriQADomain
import AgriQAIndex
import Foundation

/// One question as the evaluator asks it.
public struct EvaluationQuery: Sendable {
    public var id: String
    public var question: String
    /// Passage ids that answer it; empty when the question is judged by region only.
    public var relevant: Set<String>
    /// The asker's location, given to the search (nil: asked without one).
    public var location: Region?
    /// The region results are judged against for same-region@5 (nil: not judged), usually the
    /// asker's; kept when a question is asked without its location, to measure what the location adds.
    public var region: RegionCode?

    public init(id: String, question: String, relevant: Set<String>, location: Region?, region: RegionCode?) {
        self.id = id
        self.question = question
        self.relevant = relevant
        self.location = location
        self.region = region
    }
}

/// Reciprocal rank fusion settings for the hybrid mode (the defaults are `agriqa search`'s).
public struct FusionSettings: Sendable, Codable, Equatable {
    public var rrfK: Double
    public var lexicalWeight: Double
    public var denseWeight: Double

    public init(rrfK: Double = 60, lexicalWeight: Double = 1, denseWeight: Double = 1) {
        self.rrfK = rrfK
        self.lexicalWeight = lexicalWeight
        self.denseWeight = denseWeight
    }
}

/// What one search of one question returned, as the metrics see it.
public struct QueryOutcome: Sendable {
    public var queryID: String
    public var mode: SearchMode
    /// The passage id of each result, best first (nil for a result that is no judged passage).
    public var ranked: [String?]
    /// Whether each result lies in the judged region or inside it (nil when not judged).
    public var inRegion: [Bool]?
    public var seconds: Double
}

/// Runs questions through `HybridSearcher` in each mode and averages recall@k, MRR, nDCG@10 and
/// same-region@5 per mode.
public struct RetrievalEvaluator: Sendable {
    public var searcher: HybridSearcher
    public var index: KnowledgeIndex
    public var geography: GeographyRanking
    /// Which passage each chunk holds; chunks not in it count as irrelevant results.
    public var passageOfChunk: [Int64: String]
    /// Results retrieved per question (at least 10, for recall@10 and nDCG@10).
    public var depth: Int
    /// Recall cutoffs.
    public var cutoffs: [Int]
    /// Results per document. Passages all live in one document, so this is the depth: the cap
    /// `agriqa search` applies (2) would hide all but two passages.
    public var perDocument: Int
    /// How the hybrid mode fuses its two rankings.
    public var fusion: FusionSettings

    public static let sameRegionCutoff = 5

    public init(
        searcher: HybridSearcher, index: KnowledgeIndex, passageOfChunk: [Int64: String], k: Int = 10,
        perDocument: Int? = nil, fusion: FusionSettings = FusionSettings()
    ) {
        self.searcher = searcher
        self.index = index
        self.geography = searcher.geography
        self.passageOfChunk = passageOfChunk
        self.depth = max(10, k)
        self.cutoffs = Array(Set([1, 5, 10, max(1, k)])).sorted()
        self.perDocument = perDocument ?? max(10, k)
        self.fusion = fusion
    }

    public struct Run: Sendable {
        /// Averages per mode, in the order the modes were given.
        public var modes: [ModeMetrics]
        public var outcomes: [QueryOutcome]
        /// Said when a mode could not run as asked (no embedder, no vectors).
        public var notices: [String]
    }

    /// Asks every query in every mode. `progress` gets (searches done, searches in all).
    public func run(
        _ queries: [EvaluationQuery], modes: [SearchMode], progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws(EvaluationError) -> Run {
        let total = queries.count * modes.count
        var done = 0
        var regionsOfChunk: [Int64: [(code: String, weight: Double)]] = [:]
        var outcomes: [QueryOutcome] = []
        var metrics: [ModeMetrics] = []
        var notices: [String] = []
        for mode in modes {
            var accumulator = MetricAccumulator(cutoffs: cutoffs)
            let options = SearchOptions(
                k: depth, mode: mode, rrfK: fusion.rrfK, lexicalWeight: fusion.lexicalWeight,
                denseWeight: fusion.denseWeight, perDocument: perDocument)
            for query in queries {
                let started = Date()
                let response: SearchResponse
                do {
                    response = try await searcher.search(query.question, location: query.location, options: options)
                } catch {
                    throw .search(question: query.question, detail: "\(error)")
                }
                let seconds = Date().timeIntervalSince(started)
                if response.mode != mode {
                    for notice in response.notices where !notices.contains("\(mode.rawValue): \(notice)") {
                        notices.append("\(mode.rawValue): \(notice)")
                    }
                }
                let ranked = response.hits.map { passageOfChunk[$0.chunkID] }
                var inRegion: [Bool]?
                if let region = query.region {
                    let missing = response.hits.map(\.chunkID).filter { regionsOfChunk[$0] == nil }
                    if !missing.isEmpty {
                        let details: [Int64: ChunkDetail]
                        do {
                            details = try index.chunkDetails(missing)
                        } catch {
                            throw .index(error)
                        }
                        for id in missing { regionsOfChunk[id] = details[id]?.regions ?? [] }
                    }
                    inRegion = response.hits.map { hit in
                        let relation = geography.relation(of: regionsOfChunk[hit.chunkID] ?? [], to: region)
                        return relation == .same || relation == .child
                    }
                }
                accumulator.add(
                    ranked: ranked, relevant: query.relevant, inRegion: inRegion,
                    sameRegionCutoff: Self.sameRegionCutoff, seconds: seconds)
                outcomes.append(QueryOutcome(queryID: query.id, mode: mode, ranked: ranked, inRegion: inRegion, seconds: seconds))
                done += 1
                progress(done, total)
            }
            metrics.append(accumulator.result(mode: mode))
        }
        return Run(modes: metrics, outcomes: outcomes, notices: notices)
    }
}
