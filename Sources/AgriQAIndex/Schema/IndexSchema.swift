import GRDB

/// The index's schema, as GRDB migrations. Append new migrations; never edit a shipped one.
enum IndexSchema {
    /// Bumped with every migration; recorded in `meta` for tools that read the file without GRDB.
    static let version = 3

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-pages-chunks-regions-fts") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "documents") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().unique()
                t.column("contentHash", .text).notNull().indexed()
                t.column("kind", .text).notNull()
                t.column("title", .text).notNull()
                t.column("author", .text)
                t.column("subject", .text)
                t.column("keywords", .text)
                t.column("creator", .text)
                t.column("producer", .text)
                t.column("createdAt", .datetime)
                t.column("modifiedAt", .datetime)
                t.column("byteSize", .integer).notNull()
                t.column("pageCount", .integer).notNull()
                t.column("imageOnlyPages", .integer).notNull()
                t.column("chunkCount", .integer).notNull()
                t.column("warnings", .text).notNull().defaults(to: "[]")
                t.column("ingestedAt", .datetime).notNull()
            }
            try db.create(table: "pages") { t in
                t.belongsTo("document", inTable: "documents", onDelete: .cascade).notNull()
                t.column("number", .integer).notNull()
                t.column("label", .text)
                t.column("text", .text).notNull()
                t.column("needsOCR", .boolean).notNull()
                t.primaryKey(["documentId", "number"])
            }
            try db.create(table: "chunks") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("document", inTable: "documents", onDelete: .cascade).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("section", .text).notNull()
                t.column("pageStart", .integer)
                t.column("pageEnd", .integer)
                t.column("tokenCount", .integer).notNull()
                t.column("metadata", .text)
                t.uniqueKey(["documentId", "ordinal"])
            }
            try db.create(table: "regions") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .text).notNull()
                t.column("parent", .text)
            }
            try db.create(table: "documentRegions") { t in
                t.belongsTo("document", inTable: "documents", onDelete: .cascade).notNull()
                t.column("regionCode", .text).notNull().indexed()
                t.column("weight", .double).notNull()
                t.column("evidence", .text).notNull()
                t.primaryKey(["documentId", "regionCode"])
            }
            try db.create(table: "chunkRegions") { t in
                t.belongsTo("chunk", inTable: "chunks", onDelete: .cascade).notNull()
                t.column("regionCode", .text).notNull().indexed()
                t.column("weight", .double).notNull()
                t.column("evidence", .text).notNull()
                t.primaryKey(["chunkId", "regionCode"])
            }
            // Full-text index over chunk text and section titles, kept in sync by triggers.
            // Porter stemming over unicode61 with diacritics removed: "fertilizers" finds "fertilizer",
            // "Sénégal" finds "Senegal".
            try db.create(virtualTable: "chunksFTS", using: FTS5()) { t in
                t.synchronize(withTable: "chunks")
                t.tokenizer = .porter(wrapping: .unicode61(diacritics: .remove))
                t.column("text")
                t.column("section")
            }
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES ('schemaVersion', ?), ('createdBy', 'agriqa')",
                arguments: ["1"])
        }
        registerVectors(in: &migrator)
        registerVocabulary(in: &migrator)
        return migrator
    }
}
