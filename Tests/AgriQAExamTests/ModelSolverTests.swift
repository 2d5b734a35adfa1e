import AgriQAChatModel
import AgriQAFakeChatServer
import Foundation
import Testing

@testable import AgriQAExam

/// The model solver against the local OpenAI-compatible test server: correct answers, garbage,
/// timeouts, a 500 midway, ensemble refinement, sources in the prompt, and the judge.
@Suite(.serialized) struct ModelSolverTests {
    /// Six questions whose key is written into the question text ("… key C").
    static let exam: Exam = {
        let keys = ["A", "C", "B", "D", "C", "A"]
        let questions = keys.enumerated().map { offset, key in
            ExamQuestion(
                id: "q\(offset + 1)", question: "Question \(offset + 1) about soil pH, key \(key)?",
                options: ["A", "B", "C", "D"].map { .init(label: $0, text: "option \($0.lowercased()) for \(offset + 1)") },
                answerKey: key, category: offset < 3 ? "soil" : "crops")
        }
        return Exam(path: "model-exam.jsonl", questions: questions, shape: "options + answer")
    }()

    /// Replies with the key the question names, as JSON.
    static let knowsTheKey: FakeChatServer.Responder = { request in
        let text = request.lastUserMessage ?? ""
        guard let range = text.range(of: ", key ") else { return .reply("no idea") }
        return .reply("{\"answer\": \"\(text[range.upperBound])\"}")
    }

    private func run(
        _ server: FakeChatServer, exam: Exam = ModelSolverTests.exam, settings: ModelSolver.Settings = .init(rag: false),
        timeout: Duration = .seconds(20), clientRetries: Int = 2, runnerRetries: Int = 1, concurrency: Int = 3,
        output: URL? = nil, resume: Bool = false, seed: Int = 7
    ) async throws -> (ExamRunner.Outcome, URL) {
        let model = try ExamTestSupport.model(server.baseURL, timeout: timeout, retries: clientRetries)
        let folder = try output ?? ExamTestSupport.temporaryDirectory("model-run")
        let solver = ModelSolver(model: model, retriever: nil, settings: settings)
        let runner = ExamRunner(
            exam: exam, solver: solver, settings: ExamTestSupport.settings(solver: "model", seed: seed), output: folder,
            concurrency: concurrency, resume: resume, retries: runnerRetries, retryDelay: .milliseconds(10))
        return (try await runner.run(), folder)
    }

    @Test func correctAnswersScoreFullMarksWithTheSamePromptsForTheSameSeed() async throws {
        let server = try await FakeChatServer.start(responder: Self.knowsTheKey)
        let (outcome, folder) = try await run(server)
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = outcome.summary
        #expect(summary.score.correct == 6)
        #expect(summary.score.scored == 6)
        #expect(summary.passed)
        #expect(summary.invalidAnswers == 0)
        #expect(summary.extraction == ["json": 6])
        #expect(summary.byCategory.map(\.name) == ["crops", "soil"])
        #expect(summary.promptTokens > 0)
        let first = server.requests
        #expect(first.count == 6)
        #expect(first.allSatisfy { $0.responseFormat == nil && $0.temperature == 0 && $0.seed != nil })
        #expect(first.allSatisfy { ($0.lastUserMessage ?? "").hasSuffix("Reply with the label of the best option only (one of A, B, C, D).") })
        #expect(first.allSatisfy { ($0.lastUserMessage ?? "").contains("C. option c") })

        // Same seed: the same prompts and seeds again; another seed changes only the seeds.
        let (_, again) = try await run(server)
        let (_, other) = try await run(server, seed: 8)
        defer {
            try? FileManager.default.removeItem(at: again)
            try? FileManager.default.removeItem(at: other)
        }
        await server.stop()
        let requests = server.requests
        func signature(_ slice: ArraySlice<FakeChatRequest>) -> Set<String> {
            Set(slice.map { "\($0.seed ?? -1)|\($0.messages.map(\.content).joined(separator: "|"))" })
        }
        #expect(signature(requests[0..<6]) == signature(requests[6..<12]))
        #expect(Set(requests[0..<6].map(\.seed)) != Set(requests[12..<18].map(\.seed)))
        #expect(Set(requests[0..<6].map { $0.messages.map(\.content) }) == Set(requests[12..<18].map { $0.messages.map(\.content) }))

        let record = try #require(try ResultsLog.load(folder.appendingPathComponent("results.jsonl")).results["q2"])
        #expect(record.extracted == "C")
        #expect(record.correct == true)
        #expect(record.rawOutputs == ["{\"answer\": \"C\"}"])
        #expect(record.prompt.count == 2)
        #expect(record.tokens != nil)
    }

    @Test func garbageAnswersAreUnparseableAndCountAsWrong() async throws {
        let server = try await FakeChatServer.start(responder: { _ in .reply("As a language model I would rather talk about the weather.") })
        let (outcome, folder) = try await run(server)
        defer { try? FileManager.default.removeItem(at: folder) }
        await server.stop()
        #expect(outcome.summary.score.correct == 0)
        #expect(outcome.summary.score.scored == 6)
        #expect(outcome.summary.invalidAnswers == 6)
        #expect(outcome.summary.invalidRate == 1)
        #expect(outcome.summary.extraction == ["unparseable": 6])
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("## Unparseable answers (6)"))
    }

    @Test func aTimeoutIsRetriedByTheRunner() async throws {
        // The first request hangs past the client's timeout (timeouts are not retried by the client);
        // the runner tries the question again.
        let server = try await FakeChatServer.start(queue: [.hang], responder: Self.knowsTheKey)
        let (outcome, folder) = try await run(server, timeout: .seconds(1), concurrency: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        await server.stop()
        #expect(outcome.summary.failed == 0)
        #expect(outcome.summary.score.correct == 6)
        let record = try #require(try ResultsLog.load(folder.appendingPathComponent("results.jsonl")).results["q1"])
        #expect(record.attempts == 2)
    }

    @Test func persistentTimeoutsAreRecordedAsFailuresThatResumeRetries() async throws {
        let hanging = try await FakeChatServer.start(responder: { _ in .hang })
        let (outcome, folder) = try await run(hanging, timeout: .seconds(1), runnerRetries: 0, concurrency: 6)
        defer { try? FileManager.default.removeItem(at: folder) }
        await hanging.stop()
        #expect(outcome.summary.failed == 6)
        #expect(outcome.summary.completed == 0)
        #expect(!outcome.summary.passed)
        let failed = try ResultsLog.load(folder.appendingPathComponent("results.jsonl")).results.values
        #expect(failed.allSatisfy { $0.error?.contains("within 1.0 s") == true })

        // The endpoint is back: --resume asks every failed question again.
        let healthy = try await FakeChatServer.start(responder: Self.knowsTheKey)
        let (resumed, _) = try await run(healthy, output: folder, resume: true)
        await healthy.stop()
        #expect(healthy.requests.count == 6)
        #expect(resumed.summary.failed == 0)
        #expect(resumed.summary.score.correct == 6)
        #expect(resumed.resumed == 0)
    }

    @Test func aServerErrorMidwayIsRetriedAndEveryQuestionCompletes() async throws {
        // Two good answers, then three 500s (the client retries twice, then gives up; the runner
        // tries the question again), then good answers.
        let server = try await FakeChatServer.start(
            queue: [.reply(#"{"answer":"A"}"#), .reply(#"{"answer":"C"}"#), .status(500), .status(500), .status(500)],
            responder: Self.knowsTheKey)
        let (outcome, folder) = try await run(server, concurrency: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        await server.stop()
        #expect(outcome.summary.failed == 0)
        #expect(outcome.summary.score.correct == 6)
        #expect(server.requests.count == 9)
        let record = try #require(try ResultsLog.load(folder.appendingPathComponent("results.jsonl")).results["q3"])
        #expect(record.attempts == 2)
    }

    @Test func resumeSkipsAnsweredQuestionsAndDropsACutOffLine() async throws {
        let server = try await FakeChatServer.start(responder: Self.knowsTheKey)
        let partial = Exam(path: "model-exam.jsonl", questions: Array(Self.exam.questions.prefix(3)), shape: "options + answer")
        let (_, folder) = try await run(server, exam: partial)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A kill while a line was being written leaves a partial record at the end.
        let results = folder.appendingPathComponent("results.jsonl")
        let handle = try FileHandle(forWritingTo: results)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"id":"q4","kind":"multiple ch"#.utf8))
        try handle.close()

        // Without --resume the folder is refused.
        await #expect(throws: ExamRunError.existingRun(directory: folder.path)) {
            _ = try await run(server, output: folder)
        }
        let before = server.requests.count
        let (outcome, _) = try await run(server, output: folder, resume: true)
        await server.stop()
        #expect(outcome.resumed == 3)
        #expect(outcome.skippedLines == 1)
        #expect(server.requests.count - before == 3)
        #expect(outcome.summary.completed == 6)
        #expect(outcome.summary.score.correct == 6)
        let lines = try ExamTestSupport.lines(results)
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    @Test func resumeWithOtherSettingsIsRefused() async throws {
        let server = try await FakeChatServer.start(responder: Self.knowsTheKey)
        let (_, folder) = try await run(server, exam: Exam(path: "e", questions: [Self.exam.questions[0]], shape: ""))
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try await run(server, output: folder, resume: true, seed: 99)
            Issue.record("expected a settings error")
        } catch let error as ExamRunError {
            #expect(error == .settingsChanged(directory: folder.path, differences: ["seed 7 → 99"]))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        await server.stop()
    }

    @Test func ensembleRefinementRecordsEverySampleAndVotes() async throws {
        // Three samples (A, C, C), two refinements (C, B): the refinements tie, the samples favour C.
        let server = try await FakeChatServer.start(
            queue: [
                .reply("Potassium matters. Answer: A"), .reply("Calcium. Answer: C"), .reply("Answer: (C)"),
                .reply("Weighing the experts: Answer: C"), .reply("{\"answer\": \"B\"}"),
            ], then: .reply("Answer: D"))
        let settings = ModelSolver.Settings(rag: false, ensemble: 3, refinements: 2, temperature: 0.9, maxTokens: 300)
        let exam = Exam(path: "e", questions: [Self.exam.questions[1]], shape: "")
        let (outcome, folder) = try await run(server, exam: exam, settings: settings, concurrency: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        await server.stop()
        let record = try #require(try ResultsLog.load(folder.appendingPathComponent("results.jsonl")).results["q2"])
        #expect(record.extracted == "C")
        #expect(record.correct == true)
        let samples = try #require(record.samples)
        #expect(samples.map(\.stage) == [.sample, .sample, .sample, .refinement, .refinement])
        #expect(samples.map(\.extracted) == ["A", "C", "C", "C", "B"])
        #expect(samples.allSatisfy { $0.temperature == 0.9 })
        #expect(Set(samples.map(\.seed)).count == 5)
        #expect(record.rawOutputs.count == 5)
        let requests = server.requests
        #expect(requests.count == 5)
        #expect(requests.prefix(3).allSatisfy { $0.temperature == 0.9 && $0.maxTokens == 300 && ($0.lastUserMessage ?? "").contains("Think step by step") })
        let refinement = requests[3].lastUserMessage ?? ""
        #expect(refinement.contains("Expert 1:\nPotassium matters. Answer: A"))
        #expect(refinement.contains("Expert 3:\nAnswer: (C)"))
        #expect(outcome.summary.score.correct == 1)
    }

    @Test func ragPutsRetrievedSourcesInThePromptAndRecordsThem() async throws {
        let retriever = try await ExamTestSupport.corpusIndex.retriever(k: 3)
        let server = try await FakeChatServer.start(responder: { _ in .reply("Answer: B") })
        let model = try ExamTestSupport.model(server.baseURL)
        let question = ExamQuestion(
            id: "p", question: "Which practice supplies calcium to runner peanuts in Georgia?",
            options: [.init(label: "A", text: "Foliar urea"), .init(label: "B", text: "Gypsum at early bloom")], answerKey: "B")
        let withSources = try await ModelSolver(model: model, retriever: retriever, settings: .init(rag: true))
            .solve(question, context: SolveContext(location: nil, seed: 1))
        let without = try await ModelSolver(model: model, retriever: retriever, settings: .init(rag: false))
            .solve(question, context: SolveContext(location: nil, seed: 1))
        await server.stop()
        #expect(withSources.sources.count == 3)
        #expect(withSources.sources.contains { $0.path.hasSuffix("us-ga-peanut.pdf") })
        let prompt = server.requests[0].lastUserMessage ?? ""
        #expect(prompt.hasPrefix("Sources:\n[1] "))
        #expect(prompt.contains("gypsum") || prompt.contains("Gypsum"))
        #expect(without.sources.isEmpty)
        #expect(!(server.requests[1].lastUserMessage ?? "").contains("Sources:"))
        #expect(withSources.extracted == .init(label: "B", method: .answerLine))
    }

    @Test func openEndedAnswersGetF1RougeAndTheJudgesVerdict() async throws {
        let server = try await FakeChatServer.start(responder: { request in
            (request.lastUserMessage ?? "").contains("Reference answer:") ? .reply(#"{"correct": true}"#) : .reply("Sample to the tillage depth, usually 6 to 8 inches.")
        })
        let question = ExamQuestion(
            id: "o", question: "How deep should tilled fields be sampled?", options: [], answerKey: nil,
            referenceAnswer: "Sample to the depth of tillage, usually 6 to 8 inches.")
        let model = try ExamTestSupport.model(server.baseURL)
        let folder = try ExamTestSupport.temporaryDirectory("open")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = ExamRunner(
            exam: Exam(path: "open.jsonl", questions: [question], shape: "open-ended"),
            solver: ModelSolver(model: model, retriever: nil, settings: .init(rag: false)),
            settings: ExamTestSupport.settings(solver: "model"), output: folder, judge: OpenAnswerJudge(model: model))
        let outcome = try await runner.run()
        await server.stop()
        let open = try #require(outcome.summary.openEnded)
        #expect(open.judged == 1 && open.judgedCorrect == 1)
        #expect(outcome.summary.score.scored == 1 && outcome.summary.score.correct == 1)
        let record = try #require(try ResultsLog.load(folder.appendingPathComponent("results.jsonl")).results["o"])
        #expect((record.tokenF1 ?? 0) > 0.7)
        #expect((record.rougeL ?? 0) > 0.6)
        #expect(record.judge?.correct == true)
        #expect(server.requests.count == 2)
        #expect(server.requests[1].responseFormat == "json_object")
    }
}
