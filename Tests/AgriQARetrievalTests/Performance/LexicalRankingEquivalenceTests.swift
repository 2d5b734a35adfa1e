import AgriQAGeography
import Foundation
import GRDB
import Testing

@testable import AgriQAIndex

/// `lexicalRanking` (the pruned query hybrid search uses) returns exactly the ids, in exactly the
/// order, of the full FTS5 BM25 query (`lexicalSearch`), and its recomputed scores are bit-for-bit
/// FTS5's — on generated records whose one word is in every record, and on real Kisan Call Centre
/// records (../shared/data, skipped when absent), where "farmer asked query" opens most records.
@Suite struct LexicalRankingEquivalenceTests {
    static let sharedData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "shared/data")
    static let kccRecords = sharedData.appending(path: "kcc/kcc_andhra_pradesh_2024_krishisahay.csv")
    static let kccQuestions = sharedData.appending(path: "kcc/kcc_qa_pairs_multistate_krishimind.json")

    /// Compares both paths for every question and limit; returns how many comparisons used pruning.
    static func compare(index: KnowledgeIndex, questions: [String], limits: [Int]) throws -> Int {
        var pruned = 0
        for question in questions {
            for limit in limits {
                let expected = try index.lexicalSearch(question, limit: limit)
                let actual = try index.lexicalRanking(question, limit: limit)
                #expect(actual == expected.map(\.chunkID), "\(question) limit \(limit)")
                // The pruned path's own answer, and its exact scores against FTS5's.
                let (ranked, scores) = try pruningResult(index: index, question: question, limit: limit)
                guard let ranked else { continue }
                pruned += 1
                #expect(ranked == expected.map(\.chunkID), "\(question) limit \(limit) (pruned)")
                for hit in expected.prefix(30) {
                    #expect(scores[hit.chunkID] == -hit.bm25, "score of chunk \(hit.chunkID) for \(question)")
                }
            }
        }
        return pruned
    }

    static func pruningResult(index: KnowledgeIndex, question: String, limit: Int) throws
        -> (ranked: [Int64]?, scores: [Int64: Double])
    {
        try index.pool.read { db in
            let terms = FTSQuery.terms(question)
            guard let pruning = try LexicalPruning(db: db, path: index.path, terms: terms, limit: limit) else { return (nil, [:]) }
            let ranked = try pruning.ranking()
            let hits = try PhraseHitCounts.counts(db: db, path: index.path, terms: terms)
            let idfs = terms.map { pruning.bm25.idf(hits: hits[$0] ?? 0) }
            let ids = try KnowledgeIndex.lexicalRows(db, expression: FTSQuery.expression(for: question) ?? "", limit: 30).map(\.chunkID)
            return (ranked, try pruning.fullScores(of: ids, idfs: idfs) ?? [:])
        }
    }

    @Test func generatedRecordsWithAWordInEveryRecord() async throws {
        let folder = try HybridSearcherEquivalenceTests.Folder()
        try HybridSearcherEquivalenceTests.writeRecords(to: folder.url)
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        let summary = await IngestCoordinator(index: index, gazetteer: try Gazetteer.builtIn()).run([folder.url.path])
        #expect(summary.failed.isEmpty)
        var questions: [String] = []
        for crop in HybridSearcherEquivalenceTests.crops {
            for problem in HybridSearcherEquivalenceTests.problems {
                questions.append("how to manage \(problem) in \(crop)?")
            }
        }
        questions += ["manage", "manage urea", "manage the of and", "manage వ్యవసాయ అధికారి", "manage semis après pluies"]
        let pruned = try Self.compare(index: index, questions: questions, limits: [1, 3, 8, 20, 100, 300])
        #expect(pruned > 100, "the pruned path ran for \(pruned) comparisons")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: kccRecords.path), "needs ../shared/data/kcc"))
    func realKisanCallCentreRecords() async throws {
        let folder = try HybridSearcherEquivalenceTests.Folder()
        try FileManager.default.copyItem(at: Self.kccRecords, to: folder.url.appending(path: "records.csv"))
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        let summary = await IngestCoordinator(index: index, gazetteer: try Gazetteer.builtIn()).run([folder.url.appending(path: "records.csv").path])
        #expect(summary.failed.isEmpty)
        struct Record: Decodable { var question: String }
        let records = try JSONDecoder().decode([Record].self, from: Data(contentsOf: Self.kccQuestions))
        let asked = records.prefix(120).map(\.question)
        let questions = asked + asked.prefix(60).map { "farmer asked query on \($0)" }
        let pruned = try Self.compare(index: index, questions: questions, limits: [10, 100])
        #expect(pruned > 0, "the pruned path never ran")
    }
}
