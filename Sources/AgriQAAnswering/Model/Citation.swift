import AgriQARetrieval

/// A numbered source given to the answerer, as the answer cites it (`[number]`).
public struct Citation: Sendable, Codable, Equatable {
    /// The number the answer text uses: `[1]` is the first source.
    public var number: Int
    public var chunkID: Int64
    public var documentID: Int64
    public var title: String
    public var path: String
    /// The page label printed on the page ("iv", "12"), when the document has one.
    public var pageLabel: String?
    /// Physical pages (1-based) the chunk spans.
    public var pageStart: Int?
    public var pageEnd: Int?
    public var section: String
    public var snippet: String
    /// Region codes of the source, strongest first.
    public var regions: [String]
    /// How the source's region relates to the asker's.
    public var relation: RegionRelation
    /// Whether the answer text cites this source.
    public var used: Bool

    public init(
        number: Int, chunkID: Int64, documentID: Int64, title: String, path: String, pageLabel: String? = nil,
        pageStart: Int? = nil, pageEnd: Int? = nil, section: String = "", snippet: String = "", regions: [String] = [],
        relation: RegionRelation = .none, used: Bool = false
    ) {
        self.number = number
        self.chunkID = chunkID
        self.documentID = documentID
        self.title = title
        self.path = path
        self.pageLabel = pageLabel
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.section = section
        self.snippet = snippet
        self.regions = regions
        self.relation = relation
        self.used = used
    }

    /// The citation for a search hit, numbered `number`.
    public init(hit: SearchHit, number: Int) {
        self.init(
            number: number, chunkID: hit.chunkID, documentID: hit.documentID, title: hit.title, path: hit.path,
            pageLabel: hit.pageLabel, pageStart: hit.pageStart, pageEnd: hit.pageEnd, section: hit.section,
            snippet: hit.snippet, regions: hit.regions, relation: hit.relation)
    }

    /// "page 1 (p. 2)" when the printed label differs from the physical page, "p. 2" otherwise, nil
    /// when the source has no page (Q&A records).
    public var pageDescription: String? {
        guard let start = pageStart, start > 0 else { return nil }
        let physical = pageEnd.map { $0 > start ? "pp. \(start)–\($0)" : "p. \(start)" } ?? "p. \(start)"
        if let label = pageLabel, !label.isEmpty, label != String(start) {
            return "page \(label) (\(physical))"
        }
        return physical
    }
}
