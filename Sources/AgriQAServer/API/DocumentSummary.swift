import AgriQAIndex
import Foundation

/// A document as the API lists it.
struct DocumentSummary: Encodable, Sendable {
    struct RegionTag: Encodable, Sendable {
        var code: String
        var weight: Double
    }

    var id: Int64
    var title: String
    /// The file name (the server's folders are not exposed).
    var fileName: String
    var kind: String
    var pages: Int
    var imageOnlyPages: Int
    var chunks: Int
    var bytes: Int
    var regions: [RegionTag]
    var warnings: [String]
    var ingestedAt: Date

    init(_ record: DocumentRecord, regions: [DocumentRegionRecord]) {
        id = record.id ?? 0
        title = record.title
        fileName = URL(fileURLWithPath: record.path).lastPathComponent
        kind = record.kind
        pages = record.pageCount
        imageOnlyPages = record.imageOnlyPages
        chunks = record.chunkCount
        bytes = record.byteSize
        self.regions = regions.map { RegionTag(code: $0.regionCode, weight: $0.weight) }
        warnings = record.warningList
        ingestedAt = record.ingestedAt
    }
}
