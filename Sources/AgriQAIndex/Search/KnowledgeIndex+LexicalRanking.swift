import Foundation
import GRDB

extension KnowledgeIndex {
    /// The chunk ids ``lexicalSearch(_:limit:)`` returns, in the same order, found faster when the
    /// question has words that are in most chunks (say "asked" in a Kisan Call Centre collection).
    ///
    /// FTS5 scores every row that matches any of the OR-ed words, so one word in half the index makes
    /// every question that has it score half the index. Such a word adds at most 2.2 × 10⁻⁶ to a score
    /// (FTS5 floors its IDF at 10⁻⁶), so when the other words alone already find `limit` chunks scoring
    /// more than that, no chunk that has only the common words can rank among the first `limit`.
    /// ``LexicalPruning`` then runs the query without the common words and restores the exact order:
    /// chunks whose partial scores are further apart than the common words can add keep their order,
    /// and those within that margin are ordered by their full score, recomputed with FTS5's own
    /// formula and statistics (``FTS5BM25``). Otherwise the full FTS5 query runs as before.
    public func lexicalRanking(_ question: String, limit: Int) throws(IndexError) -> [Int64] {
        let terms = FTSQuery.terms(question)
        guard !terms.isEmpty, limit > 0 else { return [] }
        return try read { db in
            if let ranked = try LexicalPruning(db: db, path: path, terms: terms, limit: limit)?.ranking() { return ranked }
            guard let expression = FTSQuery.expression(for: question) else { return [] }
            return try Self.lexicalRows(db, expression: expression, limit: limit).map(\.chunkID)
        }
    }

    /// `ORDER BY bm25 LIMIT n` over a MATCH expression: FTS5 scores every matching row.
    static func lexicalRows(_ db: Database, expression: String, limit: Int) throws -> [LexicalHit] {
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
