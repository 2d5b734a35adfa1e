import GRDB

/// Counts over the whole index, for `agriqa stats`.
public struct IndexStatistics: Codable, Sendable {
    public struct RegionCount: Codable, Sendable {
        public var code: String
        public var name: String?
        /// Documents tagged with the region (document level).
        public var documents: Int
        /// Chunks tagged with the region (chunk level, inherited tags included).
        public var chunks: Int
    }

    public var documents: Int
    public var pdfDocuments: Int
    public var recordFiles: Int
    public var pages: Int
    public var imageOnlyPages: Int
    public var chunks: Int
    public var tokens: Int
    public var distinctRegions: Int
    public var topRegions: [RegionCount]
    /// Chunks that have a vector, and the embedder that made them.
    public var vectors: Int
    public var embedder: String?
    public var schemaVersion: Int
    public var fileBytes: Int64
}

extension KnowledgeIndex {
    public func statistics(topRegions limit: Int = 10) throws(IndexError) -> IndexStatistics {
        return try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let regionRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT cr.regionCode AS code, r.name AS name, count(*) AS chunks,
                           (SELECT count(*) FROM documentRegions dr WHERE dr.regionCode = cr.regionCode) AS documents
                    FROM chunkRegions cr LEFT JOIN regions r ON r.code = cr.regionCode
                    GROUP BY cr.regionCode ORDER BY chunks DESC, code LIMIT ?
                    """, arguments: [limit])
            let pageCount = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return IndexStatistics(
                documents: try count("SELECT count(*) FROM documents"),
                pdfDocuments: try count("SELECT count(*) FROM documents WHERE kind = 'pdf'"),
                recordFiles: try count("SELECT count(*) FROM documents WHERE kind = 'records'"),
                pages: try count("SELECT count(*) FROM pages"),
                imageOnlyPages: try count("SELECT count(*) FROM pages WHERE needsOCR"),
                chunks: try count("SELECT count(*) FROM chunks"),
                tokens: try count("SELECT coalesce(sum(tokenCount), 0) FROM chunks"),
                distinctRegions: try count("SELECT count(DISTINCT regionCode) FROM chunkRegions"),
                topRegions: regionRows.map {
                    IndexStatistics.RegionCount(code: $0["code"], name: $0["name"], documents: $0["documents"], chunks: $0["chunks"])
                },
                vectors: try count("SELECT count(*) FROM chunkVectors"),
                embedder: try Self.recordedEmbedder(db)?.description,
                schemaVersion: Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schemaVersion'") ?? "0") ?? 0,
                fileBytes: Int64(pageCount) * Int64(pageSize))
        }
    }
}
