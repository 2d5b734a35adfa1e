import Foundation
import GRDB

/// The state of the full-text index, as bytes that change with every write to it: FTS5 rewrites
/// its averages record (`chunksFTS_data` row 1) and its structure record (row 10) on every change.
/// Whatever is derived from the full-text index (hit counts, in-memory postings) stays valid while
/// these bytes stay the same.
enum FTSGeneration {
    static func read(_ db: Database) throws -> Data {
        try Data.fetchAll(db, sql: "SELECT block FROM chunksFTS_data WHERE id IN (1, 10) ORDER BY id")
            .reduce(into: Data()) { $0.append($1) }
    }
}
