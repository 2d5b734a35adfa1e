/// Reads a PDF with poppler-glib: metadata and every page's lines in reading order.
///
/// Pages are read one at a time and released immediately, so memory grows with the amount of text,
/// not with the PDF's object count or images.
public struct PDFExtractor: Sendable {
    /// Documents with more pages than this are refused (a guard against absurd or malicious files).
    public var maxPages: Int

    public init(maxPages: Int = 20_000) {
        self.maxPages = maxPages
    }

    public func extract(path: String) throws(ExtractionError) -> ExtractedDocument {
        let document = try PopplerDocument(path: path)
        let count = document.pageCount
        if count > maxPages { throw .tooManyPages(path: path, pages: count, limit: maxPages) }
        if count <= 0 { throw .damaged(path: path, detail: "no pages") }
        var pages: [RawPage] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            if let page = document.readPage(at: index) { pages.append(page) }
        }
        return ExtractedDocument(path: path, metadata: document.metadata, pages: pages)
    }
}
