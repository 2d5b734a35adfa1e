import AgriQAChatModel
import AgriQAFakeChatServer
import AgriQASynthesis
import Foundation
import Testing

@Suite("eval questions and eval answers against the fake chat server")
struct EvaluationTests {
    static let questions = [
        EvaluationQuestion(
            id: "q1", question: "When should maize be planted in Kenya?", reference: "Plant maize when the long rains start.",
            source: "Plant maize when the long rains start, in March or April.", section: "s1", region: "KE"),
        EvaluationQuestion(
            id: "q2", question: "How much DAP is applied at planting?", reference: "Apply 50 kg of DAP per acre.",
            source: "Apply 50 kg of DAP per acre at planting.", section: "s1", region: "KE"),
        EvaluationQuestion(id: "q3", question: "What is maize lethal necrosis?", reference: nil, source: nil, section: "s2"),
    ]

    @Test("question metrics: judged scores with and without the source, overlap, diversity, details")
    func questionMetrics() async throws {
        let server = try await FakeChatServer.start(responder: { request in
            switch ScriptedTeacher.kind(request) {
            case .relevance: return .reply(#"{"score": 5, "reason": "on topic"}"#)
            case .globalRelevance: return .reply(#"{"score": "3"}"#)
            case .coverage: return .reply(#"{"score": 4.0}"#)
            case .fluency:
                // q2's fluency grade stays invalid: out of range twice.
                return ScriptedTeacher.field("Question", in: request).hasPrefix("How much")
                    ? .reply(#"{"score": 9}"#) : .reply(#"{"score": 2}"#)
            default: return .reply("unexpected")
            }
        })
        defer { Task { await server.stop() } }
        let ledger = UsageLedger()
        let judge = Judge(model: MeteredChatModel(base: try SynthesisFixtures.client(server.baseURL, model: "fake-judge"), ledger: ledger))
        let evaluator = QuestionEvaluator(judge: judge, embedder: nil, concurrency: 2)
        let (rows, report) = await evaluator.evaluate(Self.questions, file: "q.jsonl", ledger: ledger)
        #expect(rows.count == 3)
        let scores = Dictionary(uniqueKeysWithValues: report.scores.map { ($0.metric, $0) })
        #expect(scores["relevance"]?.mean == 5)
        #expect(scores["relevance"]?.scored == 2)  // q3 has no source
        #expect(scores["relevance"]?.unscored == 1)
        #expect(scores["global relevance"]?.mean == 3)
        #expect(scores["coverage"]?.mean == 4)
        #expect(scores["fluency"]?.mean == 2)
        #expect(scores["fluency"]?.unscored == 1)
        #expect(rows[1].fluency.error?.contains("from 1 to 5") == true)
        // Source-based judges are not asked without a source: 2 + 2 + 3 + 3 grades, fluency of q2 asked twice.
        #expect(server.requests.count == 11)
        #expect(report.judgeModel == "fake-judge")
        #expect(report.promptVersions["judge-fluency"] == JudgePrompts.fluency.version)
        #expect(report.overlap.measured == 2)
        #expect(rows[2].overlapKL == nil)
        // Diversity without an embedder: s1's two questions by Jaccard distance; s2 has one question.
        #expect(report.diversity.sections.map(\.section) == ["s1"])
        #expect(report.diversity.method.hasPrefix("token-set Jaccard"))
        #expect(report.diversity.mean == QuestionMetrics.meanPairwiseJaccardDistance([Self.questions[0].question, Self.questions[1].question]))
        #expect(report.details.questionsWithSource == 2)
        #expect(rows[0].questionTokens == 8)
        #expect(report.totalUsage.requests == 11)
    }

    @Test("answer metrics: two configurations side by side, graded by the judge and measured")
    func answerMetrics() async throws {
        let server = try await FakeChatServer.start(responder: { request in
            switch ScriptedTeacher.kind(request) {
            case .teacher: return .reply("Plant maize when the long rains start [1].")
            case .closedBook: return .reply("Plant maize in January.")
            case .correctness:
                let answer = ScriptedTeacher.field("Answer to grade", in: request)
                return .reply(answer.contains("long rains") ? #"{"verdict": "correct"}"# : #"{"verdict": "partially correct"}"#)
            case .succinctness: return .reply(#"{"score": 5}"#)
            default: return .reply("unexpected")
            }
        })
        defer { Task { await server.stop() } }
        let ledger = UsageLedger()
        let client = try SynthesisFixtures.client(server.baseURL, model: "fake-model")
        let model = MeteredChatModel(base: client, ledger: ledger)
        let contenders = [
            AnswerEvaluator.Contender(configuration: AnswerConfiguration(name: "rag", rag: true, k: 3), model: model),
            AnswerEvaluator.Contender(configuration: AnswerConfiguration(name: "closed", rag: false), model: model),
        ]
        let evaluator = AnswerEvaluator(
            contenders: contenders, judge: Judge(model: model), searcher: try await SynthesisFixtures.corpusIndex.searcher(),
            gazetteer: try await SynthesisFixtures.corpusIndex.gazetteer, embedder: nil, concurrency: 2)
        let questions = Array(Self.questions.prefix(2))
        let (rows, report) = try await evaluator.evaluate(questions, file: "q.jsonl", ledger: ledger)
        #expect(rows.count == 4)
        let rag = try #require(report.configurations.first { $0.configuration.name == "rag" })
        let closed = try #require(report.configurations.first { $0.configuration.name == "closed" })
        #expect(rag.answered == 2)
        #expect(rag.correct == 2)
        #expect(rag.correctness == 1)
        #expect(closed.partial == 2)
        #expect(closed.correctness == 0.5)
        #expect(rag.succinctness == 5)
        #expect(closed.groundedness == nil)
        #expect(rag.groundedness != nil)
        // Token F1 by hand: "Plant maize in January." vs "Plant maize when the long rains start." → 2 common of 4 and 6 (articles dropped):
        // P = 2/4, R = 2/6, F1 = 0.4 for q1; vs "Apply 50 kg of DAP per acre." → 0 for q2. Mean 0.2.
        let f1 = try #require(closed.tokenF1)
        #expect(abs(f1 - 0.2) < 1e-9)
        #expect(rag.cosine == nil)  // no embedder given
        #expect(rag.usage.requests == 2)
        #expect(closed.usage.requests == 2)
        #expect(report.judgeUsage.map(\.step).sorted() == ["judge-correctness", "judge-succinctness"])
        let table = ComparisonTable(report)
        #expect(table.headers == ["metric", "rag", "closed"])
        let markdown = table.markdown(report)
        #expect(markdown.contains("| correctness (0–1) | 1.00 | 0.50 |"))
        let html = table.html(report)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<td>0.50</td>"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    @Test("questions files: synth's own and other field names")
    func readsQuestionFiles() throws {
        let folder = try SynthesisFixtures.temporaryDirectory("questions")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "q.jsonl")
        try Data("""
            {"Query": "When to plant?", "context": "Plant in May.", "Answer": "In May.", "group": "a"}

            {"question": "How deep?", "id": 7}
            """.utf8).write(to: file)
        let questions = try EvaluationQuestionReader.read(path: file.path)
        #expect(questions.count == 2)
        #expect(questions[0] == EvaluationQuestion(id: "q1", question: "When to plant?", reference: "In May.", source: "Plant in May.", section: "a"))
        #expect(questions[1].id == "7")
        try Data(#"{"text": "no question"}"#.utf8).write(to: file)
        #expect(throws: SynthesisError.self) { try EvaluationQuestionReader.read(path: file.path) }
    }
}
