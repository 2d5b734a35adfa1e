import AgriQAChatModel
import AgriQAIndex
import AgriQARetrieval
import Foundation
import Testing

@testable import AgriQAExam

/// The IR solver end to end: the sample corpus ingested into a real index (and embedded when
/// the built-in model is installed), the exam written from the corpus' content, every file of
/// the run.
@Suite(.serialized) struct IRSolverTests {
    @Test func scoresTheCorpusExamWellAboveChanceAndWritesEveryFile() async throws {
        let retriever = try await ExamTestSupport.corpusIndex.retriever()
        let solver = try await IRSolver(retriever: retriever)
        let exam = try ExamFileReader.read(path: ExamTestSupport.corpusExam.path)
        #expect(exam.questions.count == 18)
        let output = try ExamTestSupport.temporaryDirectory("ir-run")
        defer { try? FileManager.default.removeItem(at: output) }

        let runner = ExamRunner(
            exam: exam, solver: solver, settings: ExamTestSupport.settings(solver: "ir"), output: output, concurrency: 2,
            passMark: 60, notices: solver.notices)
        let outcome = try await runner.run()
        let summary = outcome.summary

        // 16 multiple-choice questions; open-ended ones are not in the accuracy without a judge.
        #expect(summary.questions == 18)
        #expect(summary.completed == 18)
        #expect(summary.failed == 0)
        #expect(summary.score.scored == 16)
        #expect(abs(summary.chance - 0.25) < 1e-9)
        // The corpus states every answer; the solver must find most of them.
        #expect(summary.score.correct >= 14, "IR solver got \(summary.score.correct)/16")
        #expect(summary.passed == (summary.score.accuracy * 100 >= 60))
        #expect(summary.byCategory.map(\.name).contains("peanut"))
        #expect(summary.byRegion.contains { $0.name == "US-GA" })
        let open = try #require(summary.openEnded)
        #expect(open.questions == 2)
        #expect((open.meanTokenF1 ?? 0) > 0.1)
        #expect(open.judged == 0)

        let results = try ExamTestSupport.lines(output.appendingPathComponent("results.jsonl"))
        #expect(results.count == 18)
        let loaded = try ResultsLog.load(output.appendingPathComponent("results.jsonl"))
        let peanut = try #require(loaded.results["ga-peanut-1"])
        #expect(peanut.optionScores?.count == 4)
        #expect(peanut.sources.first?.path.hasSuffix("us-ga-peanut.pdf") == true)
        #expect(peanut.prompt.count == 4)
        let soilOpen = try #require(loaded.results["open-soil-1"])
        #expect(soilOpen.kind == .openEnded)
        #expect(soilOpen.answer?.lowercased().contains("tillage") == true)
        #expect(soilOpen.tokenF1 != nil && soilOpen.rougeL != nil)

        let summaryJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as? [String: Any]
        #expect((summaryJSON?["score"] as? [String: Any])?["ci95"] != nil)
        let markdown = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("## By category"))
        #expect(markdown.contains("| accuracy |"))
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        // Self-contained: nothing fetched from elsewhere.
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "http") == nil)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("run.json").path))
    }

    @Test func everyScoringVariantAnswersAndTiesGoToTheEarlierOption() async throws {
        let retriever = try await ExamTestSupport.corpusIndex.retriever()
        let question = ExamQuestion(
            id: "t", question: "Which rotation does the low-rainfall zone of eastern Washington rely on?",
            options: [.init(label: "A", text: "Winter wheat and summer fallow"), .init(label: "B", text: "Continuous irrigated rice")],
            answerKey: "A")
        for scoring in IRSolver.Scoring.allCases {
            let solver = try await IRSolver(retriever: retriever, scoring: scoring)
            let output = try await solver.solve(question, context: SolveContext(location: nil, seed: 0))
            if scoring == .lexical || ExamTestSupport.modelInstalled {
                #expect(output.extracted.label == "A", "\(scoring)")
            }
            #expect(output.optionScores.count == 2)
        }
        // Options no chunk supports at all: no answer, rather than a guess.
        let solver = try await IRSolver(retriever: retriever, scoring: .lexical)
        let unknown = ExamQuestion(
            id: "u", question: "Qwzx?", options: [.init(label: "A", text: "Zzyzx"), .init(label: "B", text: "Xyzzy")], answerKey: "A")
        let output = try await solver.solve(unknown, context: SolveContext(location: nil, seed: 0))
        #expect(output.extracted.label == nil)
        #expect(IRSolver.zScores([1, 1, 1]) == [0, 0, 0])
        let z = IRSolver.zScores([1, 2, 3])
        #expect(abs(z[0] + z[2]) < 1e-12 && z[1] == 0 && z[2] > 1.2)
    }
}
