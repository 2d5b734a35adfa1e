import Foundation
import Testing

@testable import AgriQAExam

/// `exam compare` on two hand-written result logs.
@Suite struct RunComparisonTests {
    private func result(_ id: String, correct: Bool?, extracted: String?, error: String? = nil, category: String = "soil") -> QuestionResult {
        var result = QuestionResult.failed(
            question: ExamQuestion(
                id: id, question: "Question \(id)?", options: [.init(label: "A", text: "a"), .init(label: "B", text: "b")],
                answerKey: "A", category: category),
            location: nil, error: error ?? "", latency: 0.1, attempts: 1)
        result.error = error
        result.correct = correct
        result.extracted = extracted
        return result
    }

    private func write(_ results: [QuestionResult]) async throws -> URL {
        let folder = try ExamTestSupport.temporaryDirectory("compare")
        let log = try ResultsLog(url: folder.appendingPathComponent("results.jsonl"))
        for result in results { try await log.append(result) }
        await log.close()
        return folder
    }

    @Test func pairsByIDCountsFlipsAndRunsMcNemar() async throws {
        // Ten questions: A right on q0–q6, B right on q0–q2 and q7–q8; q9 both wrong.
        var first: [QuestionResult] = []
        var second: [QuestionResult] = []
        for index in 0..<10 {
            let id = "q\(index)"
            let a = index <= 6
            let b = index <= 2 || index == 7 || index == 8
            first.append(result(id, correct: a, extracted: a ? "A" : "B", category: index < 5 ? "soil" : "crops"))
            second.append(result(id, correct: b, extracted: b ? "A" : "B", category: index < 5 ? "soil" : "crops"))
        }
        // B's run also has a failed question and one that A never saw: both are left out.
        second.append(result("q10", correct: true, extracted: "A"))
        second[9] = result("q9", correct: nil, extracted: nil, error: "timed out")
        let a = try await write(first)
        let b = try await write(second)
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let comparison = try RunComparison.load(a, b)
        #expect(comparison.pairs == 9)
        #expect(comparison.bothCorrect == 3)
        #expect(comparison.neitherCorrect == 0)
        #expect(comparison.mcnemar.onlyFirstCorrect == 4)
        #expect(comparison.mcnemar.onlySecondCorrect == 2)
        #expect(comparison.mcnemar.method == .exactBinomial)
        // n = 6, k = 2: 2 × (1 + 6 + 15) / 64.
        #expect(abs(comparison.mcnemar.pValue - 44.0 / 64.0) < 1e-12)
        #expect(comparison.flips.count == 6)
        #expect(comparison.flips.first { $0.id == "q7" }?.nowCorrectIn == "second")
        #expect(comparison.first.paired.correct == 7 && comparison.second.paired.correct == 5)
        #expect(comparison.first.score.scored == 10)
        #expect(comparison.unpaired == 2)
        #expect(comparison.byCategory.map(\.name) == ["crops", "soil"])
    }

    @Test func aFolderWithoutResultsIsNotARun() throws {
        let empty = try ExamTestSupport.temporaryDirectory("compare-empty")
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ExamRunError.notARun(directory: empty.path)) { try RunComparison.load(empty, empty) }
    }
}
