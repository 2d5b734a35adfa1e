import GRDB

/// A row of `regions`: the regions an index refers to, so it can name them without a gazetteer.
public struct RegionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "regions"

    public var code: String
    public var name: String
    public var level: String
    public var parent: String?
}

/// A row of `documentRegions`.
public struct DocumentRegionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "documentRegions"

    public var documentId: Int64
    public var regionCode: String
    public var weight: Double
    public var evidence: String
}

/// A row of `chunkRegions`.
public struct ChunkRegionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "chunkRegions"

    public var chunkId: Int64
    public var regionCode: String
    public var weight: Double
    public var evidence: String
}
