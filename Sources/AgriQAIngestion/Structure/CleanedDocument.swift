/// One page after cleaning, as stored for display ("open source N, page 4").
public struct CleanedPage: Sendable, Equatable {
    public var number: Int
    public var label: String?
    /// Cleaned text with running headers and footers removed.
    public var text: String
    /// The page has images but no text layer: it needs OCR before its content can be searched.
    public var needsOCR: Bool

    public init(number: Int, label: String?, text: String, needsOCR: Bool) {
        self.number = number
        self.label = label
        self.text = text
        self.needsOCR = needsOCR
    }
}

/// A document after cleaning and structure recovery, ready for chunking and tagging.
public struct CleanedDocument: Sendable {
    public var path: String
    public var metadata: DocumentMetadata
    public var pages: [CleanedPage]
    public var blocks: [TextBlock]
    /// Running header/footer lines removed, over all pages.
    public var removedRunningLines: Int
    /// The distinct texts of those lines (often the publisher and series: useful geography evidence).
    public var runningText: [String]

    public init(
        path: String, metadata: DocumentMetadata, pages: [CleanedPage], blocks: [TextBlock], removedRunningLines: Int,
        runningText: [String] = []
    ) {
        self.path = path
        self.metadata = metadata
        self.pages = pages
        self.blocks = blocks
        self.removedRunningLines = removedRunningLines
        self.runningText = runningText
    }

    public var imageOnlyPageCount: Int { pages.filter(\.needsOCR).count }
}
