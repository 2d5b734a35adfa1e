import GRDB

/// A row of `chunks`: the unit of retrieval.
public struct ChunkRecord: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "chunks"

    public var id: Int64?
    public var documentId: Int64
    public var ordinal: Int
    public var text: String
    /// Section path joined with " > ".
    public var section: String
    public var pageStart: Int?
    public var pageEnd: Int?
    public var tokenCount: Int
    /// JSON object of record fields, for Q&A records.
    public var metadata: String?

    public static let sectionSeparator = " > "

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
