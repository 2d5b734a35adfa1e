import AgriQADomain
import AgriQAGeography
import AgriQAIngestion
import Foundation
import GRDB

/// The SQLite knowledge index (WAL mode, so searches run while ingestion writes).
///
/// Each document is written in one transaction: a process killed mid-ingest leaves every document
/// either fully present or absent, and the next run picks up where it stopped.
public final class KnowledgeIndex: Sendable {
    public let path: String
    let pool: DatabasePool

    public static let defaultPath = "index/agriqa.sqlite"

    public init(path: String) throws(IndexError) {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: path, detail: error.localizedDescription)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .notAnIndex(path: path, detail: "\(error)")
        }
        do {
            let migrator = IndexSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw IndexError.newerSchema(path: path) }
            try migrator.migrate(pool)
        } catch let error as IndexError {
            throw error
        } catch {
            throw .notAnIndex(path: path, detail: "\(error)")
        }
    }

    // MARK: Reading

    /// The stored hash for a path, if that path is indexed.
    public func storedDocument(path: String) throws(IndexError) -> (id: Int64, contentHash: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, contentHash FROM documents WHERE path = ?", arguments: [path])
                .map { ($0["id"], $0["contentHash"]) }
        }
    }

    /// The path of a document with this content, if any is indexed.
    public func path(ofContentHash hash: String) throws(IndexError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT path FROM documents WHERE contentHash = ? LIMIT 1", arguments: [hash])
        }
    }

    public func documents() throws(IndexError) -> [DocumentRecord] {
        try read { db in try DocumentRecord.order(Column("id")).fetchAll(db) }
    }

    public func regions(ofDocument id: Int64) throws(IndexError) -> [DocumentRegionRecord] {
        try read { db in
            try DocumentRegionRecord.filter(Column("documentId") == id).order(Column("weight").desc).fetchAll(db)
        }
    }

    public func chunks(ofDocument id: Int64) throws(IndexError) -> [ChunkRecord] {
        try read { db in try ChunkRecord.filter(Column("documentId") == id).order(Column("ordinal")).fetchAll(db) }
    }

    public func pages(ofDocument id: Int64) throws(IndexError) -> [PageRecord] {
        try read { db in try PageRecord.filter(Column("documentId") == id).order(Column("number")).fetchAll(db) }
    }

    /// `PRAGMA integrity_check` plus a check that the full-text index matches the chunks.
    public func integrityProblems() throws(IndexError) -> [String] {
        // The FTS5 'integrity-check' command is an INSERT, so this runs on the writer (it changes nothing).
        try writeTransaction { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            do {
                try db.execute(sql: "INSERT INTO chunksFTS(chunksFTS, rank) VALUES('integrity-check', 1)")
            } catch {
                problems.append("full-text index: \(error)")
            }
            let orphans = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM chunks WHERE documentId NOT IN (SELECT id FROM documents)") ?? 0
            if orphans > 0 { problems.append("\(orphans) chunks without a document") }
            return problems
        }
    }

    // MARK: Writing

    public enum WriteOutcome: String, Sendable {
        case added
        case replaced
    }

    /// Stores a prepared document in one transaction, replacing any earlier version at the same path.
    @discardableResult
    public func write(_ document: PreparedDocument, gazetteer: Gazetteer) throws(IndexError) -> WriteOutcome {
        let regionRows = Self.regionRows(for: document, gazetteer: gazetteer)
        return try writeTransaction { db in
            let existing = try DocumentRecord.filter(Column("path") == document.path).fetchOne(db)
            if let existingID = existing?.id {
                _ = try DocumentRecord.deleteOne(db, key: existingID)
            }
            for region in regionRows { try region.upsert(db) }
            var record = DocumentRecord(
                id: nil, path: document.path, contentHash: document.contentHash, kind: document.kind.rawValue,
                title: document.title, author: document.metadata.author, subject: document.metadata.subject,
                keywords: document.metadata.keywords, creator: document.metadata.creator,
                producer: document.metadata.producer, createdAt: document.metadata.created,
                modifiedAt: document.metadata.modified, byteSize: document.byteSize, pageCount: document.pages.count,
                imageOnlyPages: document.imageOnlyPageCount, chunkCount: document.chunks.count,
                warnings: Self.json(document.warnings), ingestedAt: Date())
            try record.insert(db)
            guard let documentID = record.id else { throw IndexError.database(path: path, detail: "no row id") }
            for page in document.pages {
                try PageRecord(
                    documentId: documentID, number: page.number, label: page.label, text: page.text,
                    needsOCR: page.needsOCR
                ).insert(db)
            }
            for tag in document.regions {
                try DocumentRegionRecord(
                    documentId: documentID, regionCode: tag.code.rawValue, weight: tag.weight,
                    evidence: tag.evidence.rawValue
                ).insert(db)
            }
            for chunk in document.chunks {
                var row = ChunkRecord(
                    id: nil, documentId: documentID, ordinal: chunk.draft.ordinal, text: chunk.draft.text,
                    section: chunk.draft.sectionPath.joined(separator: ChunkRecord.sectionSeparator),
                    pageStart: chunk.draft.pageStart > 0 ? chunk.draft.pageStart : nil,
                    pageEnd: chunk.draft.pageEnd > 0 ? chunk.draft.pageEnd : nil, tokenCount: chunk.draft.tokenCount,
                    metadata: chunk.metadata.isEmpty ? nil : Self.json(chunk.metadata))
                try row.insert(db)
                guard let chunkID = row.id else { throw IndexError.database(path: path, detail: "no chunk row id") }
                for tag in chunk.regions {
                    try ChunkRegionRecord(
                        chunkId: chunkID, regionCode: tag.code.rawValue, weight: tag.weight,
                        evidence: tag.evidence.rawValue
                    ).insert(db, onConflict: .ignore)
                }
            }
            return existing == nil ? .added : .replaced
        }
    }

    /// Removes a document by numeric id or by path. Returns the removed document.
    @discardableResult
    public func removeDocument(_ key: String) throws(IndexError) -> DocumentRecord {
        let absolute = URL(fileURLWithPath: key).standardizedFileURL.path
        let removed: DocumentRecord? = try writeTransaction { db in
            let record: DocumentRecord?
            if let id = Int64(key) {
                record = try DocumentRecord.fetchOne(db, key: id)
            } else {
                record = try DocumentRecord.filter(Column("path") == key || Column("path") == absolute).fetchOne(db)
            }
            if let id = record?.id { _ = try DocumentRecord.deleteOne(db, key: id) }
            return record
        }
        guard let removed else { throw .documentNotFound(key) }
        return removed
    }

    // MARK: Helpers

    /// The document's and chunks' regions and all their ancestors, as rows for `regions`.
    static func regionRows(for document: PreparedDocument, gazetteer: Gazetteer) -> [RegionRecord] {
        var codes = Set(document.regions.map(\.code))
        for chunk in document.chunks { codes.formUnion(chunk.regions.map(\.code)) }
        var rows: [String: RegionRecord] = [:]
        for code in codes {
            for member in [code] + gazetteer.ancestors(of: code) where rows[member.rawValue] == nil {
                guard let region = gazetteer.region(member) else { continue }
                rows[member.rawValue] = RegionRecord(
                    code: region.code.rawValue, name: region.name, level: region.level.rawValue,
                    parent: region.parent?.rawValue)
            }
        }
        return rows.values.sorted { $0.code < $1.code }
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do {
            return try pool.read(body)
        } catch let error as IndexError {
            throw error
        } catch {
            throw .database(path: path, detail: "\(error)")
        }
    }

    func writeTransaction<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do {
            return try pool.write(body)
        } catch let error as IndexError {
            throw error
        } catch {
            throw .database(path: path, detail: "\(error)")
        }
    }
}
