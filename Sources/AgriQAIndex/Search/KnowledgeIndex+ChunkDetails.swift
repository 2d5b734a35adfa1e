import GRDB

/// Everything a search result shows about a chunk.
public struct ChunkDetail: Sendable {
    public var chunkID: Int64
    public var documentID: Int64
    public var title: String
    public var path: String
    public var section: String
    public var text: String
    public var pageStart: Int?
    public var pageEnd: Int?
    public var pageLabel: String?
    /// The chunk's region tags, strongest first.
    public var regions: [(code: String, weight: Double)]
}

extension KnowledgeIndex {
    /// Details of the given chunks (unknown ids are left out). Rows are read through cursors and
    /// decoded by column position: a search fetches a few hundred of them per query, and copying
    /// each row with its column names cost ten times the query itself.
    public func chunkDetails(_ ids: [Int64]) throws(IndexError) -> [Int64: ChunkDetail] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let list = ids.map(String.init).joined(separator: ",")
            var details: [Int64: ChunkDetail] = [:]
            details.reserveCapacity(ids.count)
            let chunks = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.id, c.documentId, d.title, d.path, c.section, c.text, c.pageStart, c.pageEnd, p.label
                    FROM chunks c JOIN documents d ON d.id = c.documentId
                    LEFT JOIN pages p ON p.documentId = c.documentId AND p.number = c.pageStart
                    WHERE c.id IN (\(list))
                    """)
            while let row = try chunks.next() {
                let id: Int64 = row[0]
                details[id] = ChunkDetail(
                    chunkID: id, documentID: row[1], title: row[2], path: row[3], section: row[4], text: row[5],
                    pageStart: row[6], pageEnd: row[7], pageLabel: row[8], regions: [])
            }
            let regions = try Row.fetchCursor(
                db, sql: "SELECT chunkId, regionCode, weight FROM chunkRegions WHERE chunkId IN (\(list)) ORDER BY weight DESC")
            while let row = try regions.next() {
                let id: Int64 = row[0]
                details[id]?.regions.append((row[1], row[2]))
            }
            return details
        }
    }
}
