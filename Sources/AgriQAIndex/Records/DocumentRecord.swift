import Foundation
import GRDB

/// A row of `documents`: one ingested source file.
public struct DocumentRecord: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "documents"

    public var id: Int64?
    public var path: String
    public var contentHash: String
    public var kind: String
    public var title: String
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String?
    public var producer: String?
    public var createdAt: Date?
    public var modifiedAt: Date?
    public var byteSize: Int
    public var pageCount: Int
    public var imageOnlyPages: Int
    public var chunkCount: Int
    /// JSON array of strings.
    public var warnings: String
    public var ingestedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public var warningList: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(warnings.utf8))) ?? []
    }
}
