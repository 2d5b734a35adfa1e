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
    public func chunkDetails(_ ids: [Int64]) throws(IndexError) -> [Int64: ChunkDetail] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let list = ids.map(String.init).joined(separator: ",")
            var details: [Int64: ChunkDetail] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.documentId, d.title, d.path, c.section, c.text, c.pageStart, c.pageEnd, p.label
                    FROM chunks c JOIN documents d ON d.id = c.documentId
                    LEFT JOIN pages p ON p.documentId = c.documentId AND p.number = c.pageStart
                    WHERE c.id IN (\(list))
                    """)
            {
                let id: Int64 = row["id"]
                details[id] = ChunkDetail(
                    chunkID: id, documentID: row["documentId"], title: row["title"], path: row["path"],
                    section: row["section"], text: row["text"], pageStart: row["pageStart"], pageEnd: row["pageEnd"],
                    pageLabel: row["label"], regions: [])
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT chunkId, regionCode, weight FROM chunkRegions WHERE chunkId IN (\(list)) ORDER BY weight DESC")
            {
                let id: Int64 = row["chunkId"]
                details[id]?.regions.append((row["regionCode"], row["weight"]))
            }
            return details
        }
    }
}
