import GRDB

/// A chunk found by full-text search, best first.
public struct LexicalHit: Sendable {
    public var chunkID: Int64
    /// SQLite's bm25(): lower is better (negative numbers).
    public var bm25: Double
}

extension KnowledgeIndex {
    /// BM25 over chunk text and section titles (text weighted 1, section 0.5), best first. Ties keep
    /// FTS5's scan order (lower chunk id first). Hybrid search uses ``lexicalRanking(_:limit:)``,
    /// which returns the same ids in the same order, faster.
    public func lexicalSearch(_ question: String, limit: Int) throws(IndexError) -> [LexicalHit] {
        guard let expression = FTSQuery.expression(for: question) else { return [] }
        return try read { db in try Self.lexicalRows(db, expression: expression, limit: limit) }
    }
}
