import AgriQADomain

/// What kind of source a document came from.
public enum DocumentKind: String, Sendable, Codable {
    case pdf
    case records
}

/// A chunk ready to store: its text and place in the document, its regions, and (for records) metadata.
public struct PreparedChunk: Sendable {
    public var draft: ChunkDraft
    public var regions: [RegionTag]
    /// Record fields (crop, season, date, …) for Q&A records; empty for PDF chunks.
    public var metadata: [String: String]

    public init(draft: ChunkDraft, regions: [RegionTag], metadata: [String: String] = [:]) {
        self.draft = draft
        self.regions = regions
        self.metadata = metadata
    }
}

/// One source file after extraction, cleaning, chunking and tagging: everything the index stores for it.
public struct PreparedDocument: Sendable {
    public var path: String
    public var contentHash: String
    public var byteSize: Int
    public var kind: DocumentKind
    public var title: String
    public var metadata: DocumentMetadata
    public var pages: [CleanedPage]
    public var chunks: [PreparedChunk]
    public var regions: [RegionTag]
    /// Problems that did not stop the file (image-only pages, malformed records, unknown districts).
    public var warnings: [String]

    public init(
        path: String, contentHash: String, byteSize: Int, kind: DocumentKind, title: String,
        metadata: DocumentMetadata, pages: [CleanedPage], chunks: [PreparedChunk], regions: [RegionTag],
        warnings: [String]
    ) {
        self.path = path
        self.contentHash = contentHash
        self.byteSize = byteSize
        self.kind = kind
        self.title = title
        self.metadata = metadata
        self.pages = pages
        self.chunks = chunks
        self.regions = regions
        self.warnings = warnings
    }

    public var imageOnlyPageCount: Int { pages.filter(\.needsOCR).count }
}
