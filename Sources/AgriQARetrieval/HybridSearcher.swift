import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import Foundation

/// Hybrid, location-aware search over the index: BM25 and embedding cosine rankings fused with
/// reciprocal rank fusion, re-weighted by how each source's region relates to the asker's, with at
/// most a few chunks per document and near-duplicates collapsed.
public actor HybridSearcher {
    public let index: KnowledgeIndex
    public let embedder: (any TextEmbedder)?
    public let geography: GeographyRanking
    /// A dense-only candidate counts as relevant within this cosine of the best one.
    static let cosineMargin: Float = 0.15
    private var matrix: VectorMatrix?
    private var quantized: QuantizedVectorMatrix?
    private var matrixGeneration: String?

    public init(index: KnowledgeIndex, embedder: (any TextEmbedder)?, gazetteer: Gazetteer) {
        self.index = index
        self.embedder = embedder
        self.geography = GeographyRanking(gazetteer: gazetteer)
    }

    public func search(_ question: String, location: Region?, options: SearchOptions = SearchOptions()) async throws
        -> SearchResponse
    {
        var notices: [String] = []
        var mode = options.mode
        if mode != .bm25, embedder == nil {
            notices.append("no embedder available: ranked by BM25 only (run scripts/fetch-model.sh and `agriqa embed`).")
            mode = .bm25
        }
        var lexical: [Int64] = []
        if mode != .dense {
            lexical = try index.lexicalSearch(question, limit: options.candidates).map(\.chunkID)
        }
        var dense: [(chunkID: Int64, score: Float)] = []
        if mode != .bm25, let embedder {
            let vectors = try loadedMatrix()
            if vectors.count == 0 {
                notices.append("the index has no vectors: ranked by BM25 only (run `agriqa embed`).")
                if mode == .dense { lexical = try index.lexicalSearch(question, limit: options.candidates).map(\.chunkID) }
                mode = .bm25
            } else if let query = try await embedder.embed([question]).first {
                dense = options.quantized
                    ? quantizedMatrix(of: vectors).nearest(to: query, k: options.candidates)
                    : vectors.nearest(to: query, k: options.candidates)
            }
        }

        // Reciprocal rank fusion.
        var fused: [Int64: (score: Double, lexicalRank: Int?, denseRank: Int?, cosine: Float?)] = [:]
        for (offset, id) in lexical.enumerated() {
            fused[id, default: (0, nil, nil, nil)].score += options.lexicalWeight / (options.rrfK + Double(offset + 1))
            fused[id]?.lexicalRank = offset + 1
        }
        for (offset, hit) in dense.enumerated() {
            fused[hit.chunkID, default: (0, nil, nil, nil)].score += options.denseWeight / (options.rrfK + Double(offset + 1))
            fused[hit.chunkID]?.denseRank = offset + 1
            fused[hit.chunkID]?.cosine = hit.score
        }
        let details = try index.chunkDetails(Array(fused.keys))
        let asker = location?.code
        let terms = FTSQuery.terms(question)

        // Geography re-orders relevant results; it must not lift a chunk that only made the candidate
        // list because every chunk of a small index does. Relevant: found by BM25, or close to the
        // best cosine.
        let bestCosine = dense.first?.score ?? 0
        func isRelevant(_ parts: (score: Double, lexicalRank: Int?, denseRank: Int?, cosine: Float?)) -> Bool {
            if parts.lexicalRank != nil { return true }
            guard let cosine = parts.cosine else { return false }
            return cosine >= bestCosine - Self.cosineMargin
        }

        var candidates: [SearchHit] = []
        for (id, parts) in fused {
            guard let detail = details[id] else { continue }
            let relation = geography.relation(of: detail.regions, to: asker)
            var factor = asker == nil ? 1 : GeographyRanking.factor(relation)
            if !isRelevant(parts) { factor = min(factor, 1) }
            let matched = Snippets.matchedTerms(terms, in: detail.section + " " + detail.text)
            candidates.append(
                SearchHit(
                    rank: 0, chunkID: id, documentID: detail.documentID, title: detail.title, path: detail.path,
                    pageStart: detail.pageStart, pageEnd: detail.pageEnd, pageLabel: detail.pageLabel,
                    section: detail.section, text: detail.text,
                    snippet: Snippets.snippet(detail.text, terms: matched), matchedTerms: matched,
                    regions: detail.regions.map(\.code), relation: relation,
                    scores: ScoreParts(
                        bm25Rank: parts.lexicalRank, denseRank: parts.denseRank, cosine: parts.cosine,
                        geographyFactor: factor, fused: parts.score * factor)))
        }
        candidates.sort { $0.scores.fused > $1.scores.fused || ($0.scores.fused == $1.scores.fused && $0.chunkID < $1.chunkID) }
        let vectors = matrix
        let hits = Diversity.select(candidates, k: options.k, perDocument: options.perDocument) { a, b in
            vectors?.cosine(a, b)
        }
            .enumerated().map { offset, hit in
                var hit = hit
                hit.rank = offset + 1
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
        return SearchResponse(
            question: question, mode: mode,
            location: location.map { .init(code: $0.code.rawValue, name: $0.name) }, hits: hits, notices: notices)
    }

    /// The in-memory vectors, reloaded when the index's vector table changed.
    private func loadedMatrix() throws -> VectorMatrix {
        let generation = try index.vectorGeneration()
        if let matrix, generation == matrixGeneration { return matrix }
        let rows = try index.vectorRows()
        let loaded = VectorMatrix(chunkIDs: rows.ids, values: rows.values, dimension: rows.dimension)
        matrix = loaded
        quantized = nil
        matrixGeneration = generation
        return loaded
    }

    private func quantizedMatrix(of vectors: VectorMatrix) -> QuantizedVectorMatrix {
        if let quantized { return quantized }
        let made = QuantizedVectorMatrix(vectors)
        quantized = made
        return made
    }
}
