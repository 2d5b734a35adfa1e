import Foundation

/// Document-level metadata as stored in the PDF's info dictionary / XMP.
public struct DocumentMetadata: Sendable, Equatable, Codable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String?
    public var producer: String?
    public var created: Date?
    public var modified: Date?

    public init(
        title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
        creator: String? = nil, producer: String? = nil, created: Date? = nil, modified: Date? = nil
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.created = created
        self.modified = modified
    }
}

/// An axis-aligned box in PDF points, origin at the top-left of the page (poppler's convention).
public struct TextBox: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public var height: Double { maxY - minY }
    public var width: Double { maxX - minX }

    public func union(_ other: TextBox) -> TextBox {
        TextBox(
            minX: min(minX, other.minX), minY: min(minY, other.minY),
            maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }
}

/// One line of text as laid out on the page, with the typography that marks headings.
public struct PageLine: Sendable, Equatable {
    public var text: String
    public var box: TextBox
    /// The font size covering most of the line's characters.
    public var fontSize: Double
    /// Most of the line's characters are in a bold (or heavier) face.
    public var isBold: Bool

    public init(text: String, box: TextBox, fontSize: Double, isBold: Bool) {
        self.text = text
        self.box = box
        self.fontSize = fontSize
        self.isBold = isBold
    }
}

/// One page as extracted: lines in reading order, before cleaning.
public struct RawPage: Sendable, Equatable {
    /// 1-based physical page number.
    public var number: Int
    /// The printed page label ("iv", "12", "A-3"), when the PDF defines one.
    public var label: String?
    public var width: Double
    public var height: Double
    public var lines: [PageLine]
    /// Raster images placed on the page; counted only on pages without text (see `isImageOnly`).
    public var imageCount: Int

    public init(number: Int, label: String?, width: Double, height: Double, lines: [PageLine], imageCount: Int) {
        self.number = number
        self.label = label
        self.width = width
        self.height = height
        self.lines = lines
        self.imageCount = imageCount
    }

    /// No extractable text, but images: a scan that needs OCR.
    public var isImageOnly: Bool { imageCount > 0 && !hasText }

    public var hasText: Bool { lines.contains { !$0.text.allSatisfy(\.isWhitespace) } }
}

/// A PDF as extracted, page by page.
public struct ExtractedDocument: Sendable {
    public var path: String
    public var metadata: DocumentMetadata
    public var pages: [RawPage]

    public init(path: String, metadata: DocumentMetadata, pages: [RawPage]) {
        self.path = path
        self.metadata = metadata
        self.pages = pages
    }
}
