/// One section of an indexed document: the unit synthesis works on.
///
/// A section is every chunk of a document that shares a section path, in reading order (the
/// chunker never crosses sections, so a long section is several chunks).
public struct SourceSection: Sendable, Codable, Equatable, Identifiable {
    /// `d<document id>.s<ordinal>`: stable for an unchanged index.
    public var id: String
    public var documentID: Int64
    public var documentTitle: String
    public var documentPath: String
    /// The section path joined with " > ".
    public var section: String
    /// Physical pages (1-based) the section spans; nil for Q&A records.
    public var pageStart: Int?
    public var pageEnd: Int?
    public var text: String
    /// The index's token estimate of `text`.
    public var tokens: Int
    public var chunkIDs: [Int64]
    /// The document's region codes, strongest first (empty: general material).
    public var regions: [String]

    public init(
        id: String, documentID: Int64, documentTitle: String, documentPath: String, section: String, pageStart: Int?,
        pageEnd: Int?, text: String, tokens: Int, chunkIDs: [Int64], regions: [String]
    ) {
        self.id = id
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.documentPath = documentPath
        self.section = section
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.text = text
        self.tokens = tokens
        self.chunkIDs = chunkIDs
        self.regions = regions
    }

    /// The region the coverage report counts the section under: the document's strongest region,
    /// or "general".
    public var primaryRegion: String { regions.first ?? "general" }

    /// The section's last heading (the path's leaf).
    public var heading: String {
        section.components(separatedBy: " > ").last ?? section
    }
}
