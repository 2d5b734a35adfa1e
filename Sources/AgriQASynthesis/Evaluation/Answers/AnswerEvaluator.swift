import AgriQAAnswering
import AgriQAChatModel
import AgriQADomain
import AgriQAEmbedding
import AgriQAExam
import AgriQAGeography
import AgriQARetrieval
import Foundation

/// `agriqa eval answers`: every configuration answers every question (through the answer
/// service with retrieval on; the model alone with it off), then each answer is graded.
public struct AnswerEvaluator: Sendable {
    /// A configuration with the client that answers for it.
    public struct Contender: Sendable {
        public var configuration: AnswerConfiguration
        public var model: any ChatModel

        public init(configuration: AnswerConfiguration, model: any ChatModel) {
            self.configuration = configuration
            self.model = model
        }
    }

    public let contenders: [Contender]
    public let judge: Judge
    /// Needed by configurations with rag on.
    public let searcher: HybridSearcher?
    public let gazetteer: Gazetteer
    /// For the cosine similarity to the reference; nil leaves it out.
    public let embedder: (any TextEmbedder)?
    public var concurrency: Int
    /// Share of a sentence's content words that must occur in its sources.
    public var supportThreshold: Double

    public init(
        contenders: [Contender], judge: Judge, searcher: HybridSearcher?, gazetteer: Gazetteer,
        embedder: (any TextEmbedder)?, concurrency: Int = 4, supportThreshold: Double = 0.6
    ) {
        self.contenders = contenders
        self.judge = judge
        self.searcher = searcher
        self.gazetteer = gazetteer
        self.embedder = embedder
        self.concurrency = concurrency
        self.supportThreshold = supportThreshold
    }

    public static let definitions = [
        "correctness": "judge verdict against the reference (\(JudgePrompts.correctness.version)): correct = 1, partial = 0.5, incorrect = 0; mean over graded answers",
        "succinctness": "judge score 1–5 (\(JudgePrompts.succinctness.version))",
        "groundedness": "rag on only: share of answer sentences whose distinct content words are ≥ threshold in the sources the sentence (or, without markers, the answer) cites — lexical support, no judge",
        "cosine": "cosine similarity of answer and reference embeddings (built-in embedder)",
        "tokenF1": "SQuAD token F1 of answer and reference (AgriQAExam.OpenAnswerMetrics)",
    ]

    public func evaluate(
        _ questions: [EvaluationQuestion], file: String, ledger: UsageLedger,
        progress: @escaping @Sendable (SynthesisProgress) -> Void = { _ in }
    ) async throws(SynthesisError) -> (rows: [AnswerScores], report: AnswerEvaluationReport) {
        if contenders.contains(where: \.configuration.rag), searcher == nil {
            throw .configuration("a configuration has rag=on but there is no index; pass --index FILE or use rag=off")
        }
        var rows: [AnswerScores] = []
        var summaries: [ConfigurationSummary] = []
        for contender in contenders {
            let counter = ProgressCounter(stage: contender.configuration.name, total: questions.count, report: progress)
            let scores = await boundedMap(questions, limit: concurrency) { question in
                defer { counter.advance(question.id) }
                return await self.grade(question, by: contender)
            }
            rows += scores
            let usage = ledger.snapshot.first { $0.step == Self.step(contender) } ?? StepUsage(step: Self.step(contender))
            summaries.append(Self.summarize(contender, scores, usage: usage))
        }
        let judgeSteps = Set(JudgePrompts.answerPrompts.map(\.id))
        let report = AnswerEvaluationReport(
            createdAt: Date(), file: file, questions: questions.count, judgeModel: judge.modelID,
            promptVersions: Dictionary(
                uniqueKeysWithValues: (JudgePrompts.answerPrompts.map { ($0.id, $0.version) })
                    + [("answer", PromptBuilder.promptVersion), ("closed-book", TeacherPrompt.version)]),
            definitions: Self.definitions.merging(["groundednessThreshold": String(supportThreshold)]) { $1 },
            configurations: summaries, judgeUsage: ledger.snapshot.filter { judgeSteps.contains($0.step) })
        return (rows, report)
    }

    static func step(_ contender: Contender) -> String { "answer:\(contender.configuration.name)" }

    func grade(_ question: EvaluationQuestion, by contender: Contender) async -> AnswerScores {
        var scores = AnswerScores(
            configuration: contender.configuration.name, questionID: question.id, question: question.question, citedSources: [])
        let produced = await ModelStep.$current.withValue(Self.step(contender)) { await answer(question, by: contender) }
        switch produced {
        case .failure(let reason):
            scores.failure = reason
            return scores
        case .success(let (text, mode, sources)):
            scores.answer = text
            scores.mode = mode
            scores.answerTokens = TokenCount.estimate(text)
            guard mode == AnswerMode.model.rawValue else {
                scores.failure = "the model failed and the answer service answered extractively; not graded"
                return scores
            }
            if contender.configuration.rag {
                scores.citedSources = Groundedness.markers(in: text).filter { sources[$0] != nil }
                scores.groundedness = Groundedness.measure(answer: text, sources: sources, threshold: supportThreshold)
            }
            async let succinct = judge.score(JudgePrompts.succinctness, ["question": question.question, "answer": text])
            if let reference = question.reference {
                scores.correctness = await judge.verdict(question: question.question, reference: reference, answer: text)
                scores.tokenF1 = OpenAnswerMetrics.tokenF1(TeacherAnswerer.removingMarkers(text), reference: reference)
                if let embedder, let vectors = try? await embedder.embed([TeacherAnswerer.removingMarkers(text), reference]),
                    vectors.count == 2
                {
                    scores.cosine = QuestionMetrics.cosine(vectors[0], vectors[1])
                }
            }
            scores.succinctness = await succinct
            return scores
        }
    }

    private enum Produced {
        /// The answer text, its mode, and the text of each numbered source (rag on).
        case success((String, String, [Int: String]))
        case failure(String)
    }

    private func answer(_ question: EvaluationQuestion, by contender: Contender) async -> Produced {
        let configuration = contender.configuration
        if configuration.rag, let searcher {
            let service = AnswerService(
                searcher: searcher, model: contender.model, gazetteer: gazetteer,
                configuration: .init(maxTokens: 400, temperature: 0.2))
            let location = question.region.flatMap { gazetteer.region(RegionCode($0)) }
            do {
                let answer = try await service.answer(
                    AnswerRequest(question: question.question, location: location, k: configuration.k, mode: .model))
                let ids = answer.citations.map(\.chunkID)
                let details = (try? searcher.index.chunkDetails(ids)) ?? [:]
                var sources: [Int: String] = [:]
                for citation in answer.citations { sources[citation.number] = details[citation.chunkID]?.text ?? citation.snippet }
                return .success((answer.answer, answer.mode.rawValue, sources))
            } catch {
                return .failure("answer failed: \(error)")
            }
        }
        let request = ChatRequest(
            messages: [.system(TeacherPrompt.closedBookSystem), .user(question.question)], temperature: 0.2, maxTokens: 400)
        do {
            let completion = try await contender.model.complete(request)
            let text = completion.content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return .failure("the model's answer is empty") }
            return .success((text, AnswerMode.model.rawValue, [:]))
        } catch {
            return .failure("model call failed: \(error)")
        }
    }

    static func summarize(_ contender: Contender, _ rows: [AnswerScores], usage: StepUsage) -> ConfigurationSummary {
        let graded = rows.filter { $0.failure == nil }
        let verdicts = graded.compactMap { $0.correctness?.value }
        return ConfigurationSummary(
            configuration: contender.configuration, model: contender.model.modelID, questions: rows.count,
            answered: graded.count, failed: rows.count - graded.count,
            correct: verdicts.filter { $0 == .correct }.count, partial: verdicts.filter { $0 == .partial }.count,
            incorrect: verdicts.filter { $0 == .incorrect }.count,
            correctness: verdicts.isEmpty ? nil : verdicts.map(\.score).reduce(0, +) / Double(verdicts.count),
            succinctness: mean(graded.map { $0.succinctness?.value.map(Double.init) }),
            groundedness: contender.configuration.rag ? mean(graded.map { $0.groundedness?.share }) : nil,
            cosine: mean(graded.map(\.cosine)), tokenF1: mean(graded.map(\.tokenF1)),
            meanAnswerTokens: mean(graded.map { $0.answerTokens.map(Double.init) }), usage: usage)
    }
}
