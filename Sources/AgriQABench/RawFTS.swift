import GRDB

/// The FTS5 baseline: the searcher's MATCH expression run straight through GRDB on a separate
/// read-only connection with a prepared statement — `ORDER BY bm25(...) LIMIT n`, with the same
/// column weights as the searcher — and nothing else (no details, no fusion).
final class RawFTS {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Chunk ids, best first.
    func search(_ expression: String, limit: Int) throws -> [Int64] {
        try queue.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT rowid FROM chunksFTS WHERE chunksFTS MATCH ? ORDER BY bm25(chunksFTS, 1.0, 0.5) LIMIT ?")
            return try Int64.fetchAll(statement, arguments: [expression, limit])
        }
    }
}
