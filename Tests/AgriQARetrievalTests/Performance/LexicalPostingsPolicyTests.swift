import AgriQAGeography
import Foundation
import GRDB
import Testing

@testable import AgriQAIndex
@testable import AgriQARetrieval

/// A searcher that keeps BM25 postings in memory answers exactly as one that asks FTS5, before its
/// postings are ready, once they are, and right after the index changes (when it asks FTS5 again
/// until fresh postings are read).
@Suite struct LexicalPostingsPolicyTests {
    static let questions = ["how do I control stem borer in paddy", "urea dose for maize", "zucchini blossom end rot", "aphids"]

    static func same(_ a: HybridSearcher, _ b: HybridSearcher) async throws {
        for question in questions {
            let options = SearchOptions(k: 8, mode: .bm25)
            let left = try await a.search(question, location: nil, options: options)
            let right = try await b.search(question, location: nil, options: options)
            #expect(left.hits.map(\.chunkID) == right.hits.map(\.chunkID), "\(question)")
            #expect(left.hits.map(\.scores.fused) == right.hits.map(\.scores.fused), "\(question)")
        }
    }

    /// An index of the generated records (210 chunks) in a temporary folder.
    static func recordsIndex() async throws -> (HybridSearcherEquivalenceTests.Folder, KnowledgeIndex, Gazetteer) {
        let folder = try HybridSearcherEquivalenceTests.Folder()
        try HybridSearcherEquivalenceTests.writeRecords(to: folder.url)
        let gazetteer = try Gazetteer.builtIn()
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        _ = await IngestCoordinator(index: index, gazetteer: gazetteer).run([folder.url.path])
        return (folder, index, gazetteer)
    }

    /// Ingests one more record (about zucchini, a word no generated record has): a write to the index.
    static func addRecord(to index: KnowledgeIndex, in folder: HybridSearcherEquivalenceTests.Folder, gazetteer: Gazetteer)
        async throws
    {
        let extra = folder.url.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try #"{"question": "zucchini blossom end rot", "answer": "Apply calcium and water evenly.", "state": "Kerala"}"#
            .write(to: extra.appendingPathComponent("extra.jsonl"), atomically: true, encoding: .utf8)
        _ = await IngestCoordinator(index: index, gazetteer: gazetteer).run([extra.path])
    }

    static func waitForPostings(_ searcher: HybridSearcher) async throws -> Bool {
        for _ in 0..<600 {
            if try searcher.usesInMemoryPostings() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func backgroundPostingsAnswerAsFTS5DoAndFollowTheIndex() async throws {
        let (folder, index, gazetteer) = try await Self.recordsIndex()
        defer { withExtendedLifetime(folder) {} }  // the folder holds the index file
        let fts = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer)
        let background = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer, lexicalPostings: .background)
        #expect(try !background.usesInMemoryPostings())

        try await Self.same(background, fts)  // FTS5 answers; the postings are being read
        #expect(try await Self.waitForPostings(background), "the background read finished")
        try await Self.same(background, fts)  // from the postings

        try await Self.addRecord(to: index, in: folder, gazetteer: gazetteer)
        #expect(try !background.usesInMemoryPostings())
        let found = try await background.search("zucchini rot", location: nil, options: SearchOptions(k: 3, mode: .bm25))
        #expect(found.hits.first?.text.contains("calcium") == true, "the new record is found at once")
        try await Self.same(background, fts)
    }

    @Test func eagerPostingsAreReadBeforeTheFirstSearchAndAfterChanges() async throws {
        let (folder, index, gazetteer) = try await Self.recordsIndex()
        defer { withExtendedLifetime(folder) {} }  // the folder holds the index file
        let fts = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer)
        let eager = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer, lexicalPostings: .eager)
        try await Self.same(eager, fts)
        #expect(try eager.usesInMemoryPostings())

        try await Self.addRecord(to: index, in: folder, gazetteer: gazetteer)
        try await Self.same(eager, fts)
        #expect(try eager.usesInMemoryPostings(), "re-read after the change")
    }

    /// Postings that cannot be read (here the vocabulary view is gone) do not fail searches: FTS5
    /// answers them.
    @Test func unreadablePostingsFallBackToFTS5() async throws {
        let (folder, index, gazetteer) = try await Self.recordsIndex()
        defer { withExtendedLifetime(folder) {} }  // the folder holds the index file
        try await index.pool.write { db in try db.execute(sql: "DROP TABLE chunksFTSInstances") }
        #expect(throws: (any Error).self) { try index.lexicalPostings() }
        let fts = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer)
        let eager = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer, lexicalPostings: .eager)
        try await Self.same(eager, fts)
        #expect(try !eager.usesInMemoryPostings())
    }
}
