import GRDB

/// A chunk found by full-text search, best first.
public struct LexicalHit: Sendable {
    public var chunkID: Int64
    /// SQLite's bm25(): lower is better (negative numbers).
    public var bm25: Double
}

extension KnowledgeIndex {
    /// BM25 over chunk text and section titles (text weighted 1, section 0.5), best first.
    public func lexicalSearch(_ question: String, limit: Int) throws(IndexError) -> [LexicalHit] {
        guard let expression = FTSQuery.expression(for: question) else { return [] }
        return try read { db in
            // A prepared statement, kept by the connection for the next question.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT rowid, bm25(chunksFTS, 1.0, 0.5) AS score FROM chunksFTS
                    WHERE chunksFTS MATCH ? ORDER BY score LIMIT ?
                    """)
            let rows = try Row.fetchCursor(statement, arguments: [expression, limit])
            var hits: [LexicalHit] = []
            while let row = try rows.next() { hits.append(LexicalHit(chunkID: row[0], bm25: row[1])) }
            return hits
        }
    }
}
