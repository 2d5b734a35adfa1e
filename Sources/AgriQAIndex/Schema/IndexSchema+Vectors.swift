import GRDB

extension IndexSchema {
    /// v2: one embedding per chunk, as little-endian float32 (the layout the in-memory vector scan
    /// loads without conversion), and the embedder that made them recorded in `meta`.
    static func registerVectors(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-chunk-vectors") { db in
            try db.create(table: "chunkVectors") { t in
                t.primaryKey("chunkId", .integer).references("chunks", onDelete: .cascade)
                t.column("vector", .blob).notNull()
            }
            try db.execute(sql: "UPDATE meta SET value = '2' WHERE key = 'schemaVersion'")
        }
    }
}
