/// A chunk before it is stored: text plus where it came from.
public struct ChunkDraft: Sendable, Equatable {
    /// 0-based position in its document.
    public var ordinal: Int
    public var text: String
    /// Headings enclosing the chunk, outermost first.
    public var sectionPath: [String]
    public var pageStart: Int
    public var pageEnd: Int
    public var tokenCount: Int

    public init(ordinal: Int, text: String, sectionPath: [String], pageStart: Int, pageEnd: Int, tokenCount: Int) {
        self.ordinal = ordinal
        self.text = text
        self.sectionPath = sectionPath
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.tokenCount = tokenCount
    }
}
