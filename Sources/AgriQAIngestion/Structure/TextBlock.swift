/// A unit of document structure after cleaning: a heading or a paragraph.
public struct TextBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A heading; level 1 is the most prominent.
        case heading(level: Int)
        case paragraph
    }

    /// Where, inside `text`, a new physical page begins (offset in `Character`s).
    public struct PageMark: Sendable, Equatable {
        public var offset: Int
        public var page: Int
    }

    public var kind: Kind
    public var text: String
    /// Physical page of the block's first character, then every page change inside it.
    public var pageMarks: [PageMark]

    public init(kind: Kind, text: String, pageMarks: [PageMark]) {
        self.kind = kind
        self.text = text
        self.pageMarks = pageMarks
    }

    public var firstPage: Int { pageMarks.first?.page ?? 0 }
    public var lastPage: Int { pageMarks.last?.page ?? 0 }

    /// The page on which the character at `offset` sits.
    public func page(at offset: Int) -> Int {
        var page = firstPage
        for mark in pageMarks where mark.offset <= offset { page = mark.page }
        return page
    }
}
