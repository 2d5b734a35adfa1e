import GRDB

/// A row of `pages`: one physical page's cleaned text and printed label.
public struct PageRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "pages"

    public var documentId: Int64
    public var number: Int
    public var label: String?
    public var text: String
    public var needsOCR: Bool
}
