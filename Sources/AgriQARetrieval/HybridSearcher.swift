import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import Foundation
import Synchronization

/// Hybrid, location-aware search over the index: BM25 and embedding cosine rankings fused with
/// reciprocal rank fusion, re-weighted by how each source's region relates to the asker's, with at
/// most a few chunks per document and near-duplicates collapsed.
///
/// Latency (see docs/benchmarks.md): long-running searchers rank BM25 from postings held in memory
/// (``LexicalPostingsPolicy``; the same ranking as FTS5's, bit for bit), others through FTS5 with
/// exact pruning of very common words (``KnowledgeIndex/lexicalRanking(_:limit:)``); the question is
/// embedded while the lexical ranking runs; the in-memory vectors are re-validated against the index
/// only when the index files changed (``IndexFileSignature``); without a location only the candidates
/// the result list reaches are fetched from the index; snippets are made for the returned hits only.
///
/// Searches run concurrently: the only shared state is the in-memory vectors and postings, each
/// held under a lock that is taken to look them up (and, after the index changed, to reload them),
/// never for a whole search. (An actor here serialised every server request's FTS query and scan.)
public final class HybridSearcher: Sendable {
    public let index: KnowledgeIndex
    public let embedder: (any TextEmbedder)?
    public let geography: GeographyRanking
    /// A dense-only candidate counts as relevant within this cosine of the best one.
    static let cosineMargin: Float = 0.15
    private let cache = Mutex(VectorCache())
    private let lexical: LexicalPostingsCache

    /// The vectors as last loaded from the index, and what they were loaded from.
    struct VectorCache {
        var matrix: VectorMatrix?
        var quantized: QuantizedVectorMatrix?
        /// The generation `quantized` was made from.
        var quantizedGeneration: String?
        var matrixGeneration: String?
        /// The index files as they were when `matrixGeneration` was last read, if that reading can be
        /// trusted to still hold while the files stay the same.
        var checkedSignature: IndexFileSignature?
    }

    /// - Parameter lexicalPostings: whether BM25 is ranked from postings held in memory (same
    ///   results, much faster at 100k chunks, costs memory and a read of the index) or by FTS5.
    public init(
        index: KnowledgeIndex, embedder: (any TextEmbedder)?, gazetteer: Gazetteer,
        lexicalPostings: LexicalPostingsPolicy = .off
    ) {
        self.index = index
        self.embedder = embedder
        self.geography = GeographyRanking(gazetteer: gazetteer)
        self.lexical = LexicalPostingsCache(index: index, policy: lexicalPostings)
    }

    /// True when BM25 is currently ranked from in-memory postings (they are loaded and current).
    package func usesInMemoryPostings() throws -> Bool { try lexical.holdsCurrentPostings() }

    /// Loads what searches keep in memory now instead of at the first search: the vectors (when
    /// there is an embedder) and, unless the policy is `off`, the lexical postings — on this thread
    /// for `eager`, on a background thread for `background`.
    public func preload() throws {
        if embedder != nil { _ = try loadedMatrix() }
        switch lexical.policy {
        case .off: break
        case .background: lexical.startBackgroundBuild()
        case .eager: try lexical.eagerPostings()
        }
    }

    public func search(_ question: String, location: Region?, options: SearchOptions = SearchOptions()) async throws
        -> SearchResponse
    {
        try await profiledSearch(question, location: location, options: options).response
    }

    /// ``search(_:location:options:)`` with the time each stage took (for `agriqa-bench`).
    package func profiledSearch(_ question: String, location: Region?, options: SearchOptions = SearchOptions())
        async throws -> (response: SearchResponse, stages: SearchStageTimes)
    {
        var stages = SearchStageTimes()
        var clock = StageClock()
        var notices: [String] = []
        var mode = options.mode
        if mode != .bm25, embedder == nil {
            notices.append("no embedder available: ranked by BM25 only (run scripts/fetch-model.sh and `agriqa embed`).")
            mode = .bm25
        }
        var vectors: VectorMatrix?
        var generation: String?
        // The vectors also collapse near-duplicates, so BM25-only searches use them too when present.
        var duplicateVectors: VectorMatrix?
        if embedder != nil {
            let (loaded, loadedGeneration) = try loadedMatrix()
            generation = loadedGeneration
            stages.vectorCheck = clock.lap()
            if loaded.count > 0 { duplicateVectors = loaded }
            if mode != .bm25 {
                if loaded.count == 0 {
                    notices.append("the index has no vectors: ranked by BM25 only (run `agriqa embed`).")
                    mode = .bm25
                } else {
                    vectors = loaded
                }
            }
        }
        // The question is embedded (on the embedder's own threads) while the FTS5 query runs here.
        async let embedded: [[Float]] = vectors != nil ? embedder?.embed([question]) ?? [] : []
        var lexical: [Int64] = []
        if mode != .dense {
            lexical = try self.lexical.ranking(question, limit: options.candidates)
        }
        stages.lexical = clock.lap()
        var dense: [(chunkID: Int64, score: Float)] = []
        if let vectors {
            let query = try await embedded.first
            stages.embedding = clock.lap()
            if let query {
                dense = options.quantized
                    ? quantizedMatrix(of: vectors, generation: generation).nearest(to: query, k: options.candidates)
                    : vectors.nearest(to: query, k: options.candidates)
            }
            stages.scan = clock.lap()
        }

        let fused = Self.fuse(lexical: lexical, dense: dense, options: options)
        stages.fusion = clock.lap()
        let terms = FTSQuery.terms(question)
        let hits = try rank(
            fused, location: location, bestCosine: dense.first?.score ?? 0, vectors: duplicateVectors, options: options,
            stages: &stages, clock: &clock)
            .enumerated().map { offset, hit in
                var hit = hit
                hit.rank = offset + 1
                hit.matchedTerms = Snippets.matchedTerms(terms, in: hit.section + " " + hit.text)
                hit.snippet = Snippets.snippet(hit.text, terms: hit.matchedTerms)
                return hit
            }
        if let location, !hits.isEmpty, !hits.contains(where: { $0.relation == .same || $0.relation == .child }) {
            let elsewhere = Set(hits.filter { $0.relation == .other }.compactMap { $0.regions.first })
                .compactMap { geography.gazetteer.region(RegionCode($0))?.name }.sorted()
            notices.append(
                "no \(location.name)-specific source found"
                    + (elsewhere.isEmpty ? "" : "; results include guidance from \(elsewhere.prefix(4).joined(separator: ", "))") + ".")
        }
        if hits.isEmpty {
            notices.append(terms.isEmpty && mode == .bm25 ? "the question has no searchable words." : "nothing in the index matches.")
        }
        let response = SearchResponse(
            question: question, mode: mode,
            location: location.map { .init(code: $0.code.rawValue, name: $0.name) }, hits: hits, notices: notices)
        stages.presentation = clock.lap()
        return (response, stages)
    }

    /// One candidate's reciprocal-rank-fusion score and the ranks it came from.
    struct FusedParts {
        var score = 0.0
        var lexicalRank: Int?
        var denseRank: Int?
        var cosine: Float?
    }

    /// Reciprocal rank fusion: a chunk at rank r of a ranking gains weight / (rrfK + r).
    static func fuse(lexical: [Int64], dense: [(chunkID: Int64, score: Float)], options: SearchOptions) -> [Int64: FusedParts] {
        var fused: [Int64: FusedParts] = [:]
        fused.reserveCapacity(lexical.count + dense.count)
        for (offset, id) in lexical.enumerated() {
            fused[id, default: FusedParts()].score += options.lexicalWeight / (options.rrfK + Double(offset + 1))
            fused[id]?.lexicalRank = offset + 1
        }
        for (offset, hit) in dense.enumerated() {
            fused[hit.chunkID, default: FusedParts()].score += options.denseWeight / (options.rrfK + Double(offset + 1))
            fused[hit.chunkID]?.denseRank = offset + 1
            fused[hit.chunkID]?.cosine = hit.score
        }
        return fused
    }

    /// The result list before snippets: candidates ordered by fused score × geography factor (ties:
    /// lower chunk id first), then capped per document with near-duplicates collapsed.
    ///
    /// With a location every candidate's regions are needed to order them, so all are fetched.
    /// Without one the order is the fused score alone, and details are fetched in growing windows
    /// down that order until the list is full — the same hits, a fraction of the reads.
    private func rank(
        _ fused: [Int64: FusedParts], location: Region?, bestCosine: Float, vectors: VectorMatrix?,
        options: SearchOptions, stages: inout SearchStageTimes, clock: inout StageClock
    ) throws -> [SearchHit] {
        let asker = location?.code
        // Geography re-orders relevant results; it must not lift a chunk that only made the candidate
        // list because every chunk of a small index does. Relevant: found by BM25, or close to the
        // best cosine.
        func isRelevant(_ parts: FusedParts) -> Bool {
            if parts.lexicalRank != nil { return true }
            guard let cosine = parts.cosine else { return false }
            return cosine >= bestCosine - Self.cosineMargin
        }
        let relate = geography.relator(for: asker)
        func hit(_ id: Int64, _ parts: FusedParts, _ detail: ChunkDetail) -> SearchHit {
            let relation = relate(detail.regions)
            var factor = asker == nil ? 1 : GeographyRanking.factor(relation)
            if !isRelevant(parts) { factor = min(factor, 1) }
            return SearchHit(
                rank: 0, chunkID: id, documentID: detail.documentID, title: detail.title, path: detail.path,
                pageStart: detail.pageStart, pageEnd: detail.pageEnd, pageLabel: detail.pageLabel,
                section: detail.section, text: detail.text, snippet: "", matchedTerms: [],
                regions: detail.regions.map(\.code), relation: relation,
                scores: ScoreParts(
                    bm25Rank: parts.lexicalRank, denseRank: parts.denseRank, cosine: parts.cosine,
                    geographyFactor: factor, fused: parts.score * factor))
        }
        func byScore(_ a: SearchHit, _ b: SearchHit) -> Bool {
            a.scores.fused > b.scores.fused || (a.scores.fused == b.scores.fused && a.chunkID < b.chunkID)
        }
        func select(_ ranked: [SearchHit]) -> [SearchHit] {
            Diversity.select(ranked, k: options.k, perDocument: options.perDocument) { a, b in vectors?.cosine(a, b) }
        }

        if asker != nil {
            let details = try index.chunkDetails(Array(fused.keys))
            stages.details = clock.lap()
            let candidates = fused.compactMap { id, parts in details[id].map { hit(id, parts, $0) } }.sorted(by: byScore)
            stages.ranking = clock.lap()
            defer { stages.diversity = clock.lap() }
            return select(candidates)
        }

        let order = fused.sorted { $0.value.score > $1.value.score || ($0.value.score == $1.value.score && $0.key < $1.key) }
        stages.ranking = clock.lap()
        var candidates: [SearchHit] = []
        var fetched = 0
        var window = options.k * 2 + 8
        while true {
            let next = order[fetched..<min(order.count, fetched + window)]
            let details = try index.chunkDetails(next.map(\.key))
            candidates += next.compactMap { entry in details[entry.key].map { hit(entry.key, entry.value, $0) } }
            fetched += next.count
            stages.details += clock.lap()
            let selected = select(candidates)
            stages.diversity += clock.lap()
            if selected.count >= options.k || fetched >= order.count { return selected }
            window *= 2
        }
    }

    /// The in-memory vectors, reloaded when the index's vector table changed. The (costly)
    /// fingerprint query runs only when the index files changed since it last ran.
    private func loadedMatrix() throws -> (matrix: VectorMatrix, generation: String?) {
        let signature = IndexFileSignature(path: index.path)
        return try cache.withLock { cache throws -> (matrix: VectorMatrix, generation: String?) in
            if let matrix = cache.matrix, let checked = cache.checkedSignature, checked == signature {
                return (matrix, cache.matrixGeneration)
            }
            let generation = try index.vectorGeneration()
            cache.checkedSignature = signature.isSettled() ? signature : nil
            if let matrix = cache.matrix, generation == cache.matrixGeneration { return (matrix, generation) }
            let rows = try index.vectorRows()
            let loaded = VectorMatrix(chunkIDs: rows.ids, values: rows.values, dimension: rows.dimension)
            cache.matrix = loaded
            cache.quantized = nil
            cache.matrixGeneration = generation
            return (loaded, generation)
        }
    }

    private func quantizedMatrix(of vectors: VectorMatrix, generation: String?) -> QuantizedVectorMatrix {
        cache.withLock { cache in
            if let quantized = cache.quantized, cache.quantizedGeneration == generation { return quantized }
            let made = QuantizedVectorMatrix(vectors)
            if cache.matrixGeneration == generation {
                cache.quantized = made
                cache.quantizedGeneration = generation
            }
            return made
        }
    }
}
