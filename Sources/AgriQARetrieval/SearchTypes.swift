import AgriQADomain

/// Which rankings a search uses.
public enum SearchMode: String, Sendable, Codable, CaseIterable {
    /// BM25 and dense rankings fused with reciprocal rank fusion.
    case hybrid
    /// Full-text BM25 only.
    case bm25
    /// Embedding cosine only.
    case dense
}

/// How a source's region relates to the asker's.
public enum RegionRelation: String, Sendable, Codable {
    /// The same region.
    case same
    /// The source covers a larger region that contains the asker's (national guidance for a state).
    case parent
    /// The source is about a place inside the asker's region (a county, for a state).
    case child
    /// The source is not tied to any region (general material).
    case none
    /// The source is about another region.
    case other
}

public struct SearchOptions: Sendable {
    public var k: Int
    public var mode: SearchMode
    /// Reciprocal rank fusion constant: a result at rank r contributes weight / (rrfK + r).
    public var rrfK: Double
    public var lexicalWeight: Double
    public var denseWeight: Double
    /// At most this many chunks of one document in the results.
    public var perDocument: Int
    /// Candidates taken from each ranking before fusion.
    public var candidates: Int
    /// Shortlist with the int8-quantized vectors (a quarter of the bytes to scan), then rescore the
    /// shortlist exactly against the float32 vectors (``QuantizedVectorMatrix``).
    public var quantized: Bool

    public init(
        k: Int = 8, mode: SearchMode = .hybrid, rrfK: Double = 60, lexicalWeight: Double = 1, denseWeight: Double = 1,
        perDocument: Int = 2, candidates: Int = 100, quantized: Bool = false
    ) {
        self.quantized = quantized
        self.k = max(1, k)
        self.mode = mode
        self.rrfK = max(1, rrfK)
        self.lexicalWeight = max(0, lexicalWeight)
        self.denseWeight = max(0, denseWeight)
        self.perDocument = max(1, perDocument)
        self.candidates = max(self.k, candidates)
    }
}

/// The parts of a result's score, so a ranking can be explained.
public struct ScoreParts: Sendable, Codable {
    /// 1-based rank in the BM25 list, if the chunk was in it.
    public var bm25Rank: Int?
    /// 1-based rank in the dense list, if the chunk was in it.
    public var denseRank: Int?
    public var cosine: Float?
    /// Multiplier from the source's relation to the asker's region.
    public var geographyFactor: Double
    /// Final score: fused rank score × geography factor.
    public var fused: Double
}

public struct SearchHit: Sendable, Codable {
    public var rank: Int
    public var chunkID: Int64
    public var documentID: Int64
    public var title: String
    public var path: String
    public var pageStart: Int?
    public var pageEnd: Int?
    public var pageLabel: String?
    public var section: String
    public var text: String
    public var snippet: String
    /// Query terms found in the chunk, for highlighting.
    public var matchedTerms: [String]
    public var regions: [String]
    public var relation: RegionRelation
    public var scores: ScoreParts
}

public struct SearchResponse: Sendable, Codable {
    public struct Location: Sendable, Codable {
        public var code: String
        public var name: String
    }

    public var question: String
    public var mode: SearchMode
    public var location: Location?
    public var hits: [SearchHit]
    /// Said when nothing from the asker's region was found, or a mode had to fall back.
    public var notices: [String]
}
