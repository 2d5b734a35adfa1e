import AgriQAGeography
import Foundation
import GRDB
import Testing

@testable import AgriQAIndex

/// In-memory postings (`LexicalPostings`) rank exactly as the FTS5 BM25 query does — the same ids in
/// the same order, ties included, with bit-for-bit the same scores — on generated records (a word in
/// every record, many exact ties), on the sample corpus's PDFs (section titles weigh 0.5), and on real
/// Kisan Call Centre records (../shared/data, skipped when absent); they are refused once the index
/// changes, and questions whose words the tokenizer splits are left to FTS5.
@Suite struct LexicalPostingsEquivalenceTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Compares both paths for every question and limit; returns how many comparisons had hits.
    @discardableResult
    static func compare(index: KnowledgeIndex, postings: LexicalPostings, questions: [String], limits: [Int]) throws -> Int {
        var withHits = 0
        for question in questions {
            for limit in limits {
                let expected = try index.lexicalSearch(question, limit: limit)
                // A word the tokenizer splits is a phrase: left to FTS5 (the searcher falls back).
                guard case .ranked(let ids) = try index.lexicalRanking(question, limit: limit, postings: postings) else {
                    continue
                }
                #expect(ids == expected.map(\.chunkID), "\(question) limit \(limit)")
                let tokens = try index.pool.read { db in
                    let tokenizer = try db.makeTokenizer(LexicalPruning.tokenizer)
                    return try FTSQuery.terms(question).map { try tokenizer.tokenize(query: $0)[0].token }
                }
                let scored = postings.scoredRanking(tokens: tokens, limit: limit)
                #expect(scored.map(\.score) == expected.map { -$0.bm25 }, "scores for \(question) limit \(limit)")
                if !expected.isEmpty { withHits += 1 }
            }
        }
        return withHits
    }

    @Test func generatedRecordsWithAWordInEveryRecord() async throws {
        let (folder, index, _) = try await LexicalPostingsPolicyTests.recordsIndex()
        defer { withExtendedLifetime(folder) {} }  // the folder holds the index file
        let postings = try index.lexicalPostings()
        #expect(postings.chunkCount == 210)
        var questions: [String] = []
        for crop in HybridSearcherEquivalenceTests.crops {
            for problem in HybridSearcherEquivalenceTests.problems { questions.append("how to manage \(problem) in \(crop)?") }
        }
        questions += ["manage", "manage urea", "manage the of and", "semis après pluies", "zzzunknownword", "urea urea Urea"]
        let withHits = try Self.compare(index: index, postings: postings, questions: questions, limits: [1, 3, 8, 20, 100, 300])
        #expect(withHits > 300)
    }

    @Test func sampleCorpusPDFsWithSectionTitles() async throws {
        let corpus = Self.repository.appending(path: "corpus")
        let folder = try HybridSearcherEquivalenceTests.Folder()
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        let summary = await IngestCoordinator(index: index, gazetteer: try Gazetteer.builtIn()).run([corpus.path])
        #expect(summary.failed.isEmpty)
        let postings = try index.lexicalPostings()
        #expect(postings.chunkCount == (try index.chunkCount()))
        let sectioned = try await index.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM chunks WHERE section <> ''") ?? 0
        }
        #expect(sectioned > 10, "the corpus has chunks with section titles")
        let questions = [
            "when do I plant winter wheat in eastern Washington", "almond irrigation scheduling", "soil testing",
            "nitrogen fertilizer rate for corn after soybean", "peanut leaf spot fungicide", "samba rice transplanting",
            "maize fall armyworm Kenya", "mil semis Sénégal", "soja ferrugem Mato Grosso", "Introduction",
            "planting date seeding rate", "water", "NEAR( \"quoted\" OR -x col:term*",
        ]
        let withHits = try Self.compare(index: index, postings: postings, questions: questions, limits: [1, 5, 20, 100, 1000])
        #expect(withHits >= 50)
    }

    @Test func stalePostingsAreRefusedAndRebuiltOnesAgree() async throws {
        let (folder, index, gazetteer) = try await LexicalPostingsPolicyTests.recordsIndex()
        defer { withExtendedLifetime(folder) {} }  // the folder holds the index file
        let before = try index.lexicalPostings()
        #expect(try index.isCurrent(before))

        try await LexicalPostingsPolicyTests.addRecord(to: index, in: folder, gazetteer: gazetteer)
        #expect(try !index.isCurrent(before))
        guard case .stale = try index.lexicalRanking("zucchini rot", limit: 5, postings: before) else {
            Issue.record("stale postings were used")
            return
        }
        let after = try index.lexicalPostings()
        #expect(after.chunkCount == before.chunkCount + 1)
        try Self.compare(index: index, postings: after, questions: ["zucchini rot", "manage stem borer"], limits: [1, 10, 100])
    }

    @Test func anEmptyIndexRanksNothing() throws {
        let folder = try HybridSearcherEquivalenceTests.Folder()
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        let postings = try index.lexicalPostings()
        #expect(postings.chunkCount == 0)
        guard case .ranked(let ids) = try index.lexicalRanking("wheat", limit: 5, postings: postings) else {
            Issue.record("not answered from the postings")
            return
        }
        #expect(ids.isEmpty)
    }

    @Test(.enabled(
        if: FileManager.default.fileExists(atPath: LexicalRankingEquivalenceTests.kccRecords.path), "needs ../shared/data/kcc"))
    func realKisanCallCentreRecords() async throws {
        let folder = try HybridSearcherEquivalenceTests.Folder()
        try FileManager.default.copyItem(at: LexicalRankingEquivalenceTests.kccRecords, to: folder.url.appending(path: "records.csv"))
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        let summary = await IngestCoordinator(index: index, gazetteer: try Gazetteer.builtIn())
            .run([folder.url.appending(path: "records.csv").path])
        #expect(summary.failed.isEmpty)
        let postings = try index.lexicalPostings()
        struct Record: Decodable { var question: String }
        let records = try JSONDecoder().decode(
            [Record].self, from: Data(contentsOf: LexicalRankingEquivalenceTests.kccQuestions))
        let asked = records.prefix(150).map(\.question)
        let questions = asked + asked.prefix(50).map { "farmer asked query on \($0)" }
        let withHits = try Self.compare(index: index, postings: postings, questions: questions, limits: [10, 100])
        #expect(withHits > 200)
    }
}
