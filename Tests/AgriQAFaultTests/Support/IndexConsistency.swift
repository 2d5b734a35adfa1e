import Foundation
import GRDB

/// Reads an index file directly and lists everything that is inconsistent: SQLite's own
/// integrity check, the FTS5 index against its content table, counts the documents claim
/// against the rows that exist, rows whose parent is gone, and documents stored twice.
enum IndexConsistency {
    struct Report {
        var problems: [String]
        var documents: Int
        var chunks: Int
        var ftsRows: Int
    }

    static func check(_ path: String) throws -> Report {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        // The FTS5 'integrity-check' command is written as an INSERT; it changes nothing.
        return try queue.inDatabase { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            do {
                try db.execute(sql: "INSERT INTO chunksFTS(chunksFTS, rank) VALUES('integrity-check', 1)")
            } catch {
                problems.append("FTS5 integrity-check: \(error)")
            }
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            let documents = try count("SELECT count(*) FROM documents")
            let chunks = try count("SELECT count(*) FROM chunks")
            let ftsRows = try count("SELECT count(*) FROM chunksFTS_docsize")
            if ftsRows != chunks { problems.append("\(ftsRows) full-text rows for \(chunks) chunks") }
            let orphanQueries = [
                "chunks without a document": "SELECT count(*) FROM chunks WHERE documentId NOT IN (SELECT id FROM documents)",
                "pages without a document": "SELECT count(*) FROM pages WHERE documentId NOT IN (SELECT id FROM documents)",
                "document regions without a document":
                    "SELECT count(*) FROM documentRegions WHERE documentId NOT IN (SELECT id FROM documents)",
                "chunk regions without a chunk": "SELECT count(*) FROM chunkRegions WHERE chunkId NOT IN (SELECT id FROM chunks)",
                "vectors without a chunk": "SELECT count(*) FROM chunkVectors WHERE chunkId NOT IN (SELECT id FROM chunks)",
                "full-text rows without a chunk": "SELECT count(*) FROM chunksFTS_docsize WHERE id NOT IN (SELECT id FROM chunks)",
                "documents whose chunk count is wrong":
                    "SELECT count(*) FROM documents d WHERE chunkCount != (SELECT count(*) FROM chunks c WHERE c.documentId = d.id)",
                "documents whose page count is wrong":
                    "SELECT count(*) FROM documents d WHERE pageCount != (SELECT count(*) FROM pages p WHERE p.documentId = d.id)",
                "contents stored twice": "SELECT count(*) - count(DISTINCT contentHash) FROM documents",
            ]
            for (what, sql) in orphanQueries.sorted(by: { $0.key < $1.key }) {
                let n = try count(sql)
                if n != 0 { problems.append("\(n) \(what)") }
            }
            return Report(problems: problems, documents: documents, chunks: chunks, ftsRows: ftsRows)
        }
    }
}
