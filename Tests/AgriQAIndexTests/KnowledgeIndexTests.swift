import AgriQADomain
import AgriQAGeography
import AgriQAIngestion
import Foundation
import GRDB
import Testing

@testable import AgriQAIndex

@Suite struct KnowledgeIndexTests {
    static let gazetteer: Gazetteer? = try? Gazetteer.builtIn()

    private func temporaryIndex() throws -> (URL, KnowledgeIndex) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-index-\(UUID().uuidString)")
        let index = try KnowledgeIndex(path: directory.appendingPathComponent("nested/index.sqlite").path)
        return (directory, index)
    }

    private func document(path: String = "/docs/wheat.pdf", hash: String = "h1", text: String = "Seed winter wheat in late September.") -> PreparedDocument {
        let chunk = PreparedChunk(
            draft: ChunkDraft(ordinal: 0, text: text, sectionPath: ["Wheat", "Seeding"], pageStart: 1, pageEnd: 2, tokenCount: 8),
            regions: [RegionTag(code: "US-WA/53075", weight: 0.9, evidence: .mention), RegionTag(code: "US-WA", weight: 0.8, evidence: .inherited)])
        return PreparedDocument(
            path: path, contentHash: hash, byteSize: 100, kind: .pdf, title: "Wheat guide",
            metadata: DocumentMetadata(title: "Wheat guide", author: "WSU Extension"),
            pages: [
                CleanedPage(number: 1, label: "i", text: "Seed winter wheat", needsOCR: false),
                CleanedPage(number: 2, label: "1", text: "", needsOCR: true),
            ],
            chunks: [chunk], regions: [RegionTag(code: "US-WA", weight: 1, evidence: .publisher)], warnings: ["w"])
    }

    @Test func migratesAndUsesWALAndForeignKeys() throws {
        let (directory, index) = try temporaryIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mode = try index.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try index.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for table in ["documents", "pages", "chunks", "regions", "documentRegions", "chunkRegions", "chunksFTS", "meta"] {
            #expect(tables.contains(table))
        }
        #expect(try index.statistics().schemaVersion == IndexSchema.version)
        // Re-opening an existing index runs no migration and keeps the data.
        _ = try KnowledgeIndex(path: index.path)
    }

    @Test(.enabled(if: gazetteer != nil)) func writesReadsReplacesAndRemovesADocument() throws {
        let gazetteer = try #require(Self.gazetteer)
        let (directory, index) = try temporaryIndex()
        defer { try? FileManager.default.removeItem(at: directory) }

        #expect(try index.write(document(), gazetteer: gazetteer) == .added)
        let stored = try #require(try index.documents().first)
        #expect(stored.title == "Wheat guide" && stored.pageCount == 2 && stored.imageOnlyPages == 1 && stored.chunkCount == 1)
        #expect(stored.warningList == ["w"])
        #expect(try index.storedDocument(path: "/docs/wheat.pdf")?.contentHash == "h1")
        #expect(try index.path(ofContentHash: "h1") == "/docs/wheat.pdf")
        let chunk = try #require(try index.chunks(ofDocument: stored.id ?? 0).first)
        #expect(chunk.section == "Wheat > Seeding" && chunk.pageStart == 1 && chunk.pageEnd == 2)
        #expect(try index.pages(ofDocument: stored.id ?? 0).map(\.label) == ["i", "1"])
        // The region table names the tagged regions and their ancestors.
        let regions = try index.pool.read { try String.fetchAll($0, sql: "SELECT code FROM regions ORDER BY code") }
        #expect(regions.contains("US") && regions.contains("US-WA"))

        // Full-text search finds the chunk through stemming.
        let hits = try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM chunksFTS WHERE chunksFTS MATCH 'seeding'") }
        #expect(hits == 1)

        #expect(try index.write(document(hash: "h2", text: "Seed spring wheat in April."), gazetteer: gazetteer) == .replaced)
        #expect(try index.documents().count == 1)
        let replacedHits = try index.pool.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM chunksFTS WHERE chunksFTS MATCH 'september'")
        }
        #expect(replacedHits == 0)

        let removed = try index.removeDocument("/docs/wheat.pdf")
        #expect(removed.title == "Wheat guide")
        #expect(try index.documents().isEmpty)
        let leftovers = try index.pool.read {
            try Int.fetchOne($0, sql: "SELECT (SELECT count(*) FROM chunks) + (SELECT count(*) FROM chunkRegions) + (SELECT count(*) FROM pages) + (SELECT count(*) FROM chunksFTS)")
        }
        #expect(leftovers == 0)
        #expect(try index.integrityProblems().isEmpty)
        #expect(throws: IndexError.self) { try index.removeDocument("/docs/wheat.pdf") }
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "this is not sqlite ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try KnowledgeIndex(path: path)
        } throws: { error in
            guard let error = error as? IndexError, case .notAnIndex = error else { return false }
            return error.description.contains("--index")
        }
    }
}
