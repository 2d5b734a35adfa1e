import GRDB

extension IndexSchema {
    /// v3: an `fts5vocab` view of the full-text index, one row per token occurrence (term, chunk id,
    /// column, offset), from which long-running searchers build their in-memory postings
    /// (``LexicalPostings``). It stores nothing: FTS5 answers it from its own index.
    static func registerVocabulary(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-fts-vocabulary") { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE chunksFTSInstances USING fts5vocab(chunksFTS, instance)")
            try db.execute(sql: "UPDATE meta SET value = '3' WHERE key = 'schemaVersion'")
        }
    }
}
