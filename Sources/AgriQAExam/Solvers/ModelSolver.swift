import AgriQAChatModel
import AgriQADomain
import Foundation

/// The chat-model solver: the question (with retrieved sources when `rag` is on) sent to the
/// model, the answer read back by ``AnswerExtractor``. With `ensemble` > 1 it runs Ensemble
/// Refinement: N chain-of-thought samples at `temperature`, then `refinements` calls that see
/// every sample's reasoning, then a plurality vote over the refined answers.
public struct ModelSolver: ExamSolver {
    public struct Settings: Sendable, Codable, Equatable {
        /// Retrieved sources in the prompt.
        public var rag: Bool
        public var chainOfThought: Bool
        /// Reasoning samples for Ensemble Refinement; 1 means a single answer.
        public var ensemble: Int
        /// Refinement calls after the samples (their answers are voted on).
        public var refinements: Int
        /// Sampling temperature of the ensemble's samples (single answers use 0).
        public var temperature: Double
        public var maxTokens: Int?

        public init(
            rag: Bool, chainOfThought: Bool = false, ensemble: Int = 1, refinements: Int = 1, temperature: Double = 0.7,
            maxTokens: Int? = nil
        ) {
            self.rag = rag
            self.chainOfThought = chainOfThought
            self.ensemble = max(1, ensemble)
            self.refinements = max(1, refinements)
            self.temperature = temperature
            self.maxTokens = maxTokens
        }
    }

    let model: any ChatModel
    let retriever: ExamRetriever?
    public let settings: Settings

    /// `retriever` is required when `settings.rag` is on.
    public init(model: any ChatModel, retriever: ExamRetriever?, settings: Settings) {
        self.model = model
        self.retriever = settings.rag ? retriever : nil
        self.settings = settings
    }

    public var description: String {
        var parts = ["model \(model.modelID)", "rag \(retriever == nil ? "off" : "on")"]
        if settings.chainOfThought || settings.ensemble > 1 { parts.append("chain of thought") }
        if settings.ensemble > 1 {
            parts.append("ensemble refinement \(settings.ensemble)×\(settings.refinements) at T=\(settings.temperature)")
        }
        return parts.joined(separator: " · ")
    }

    public func solve(_ question: ExamQuestion, context: SolveContext) async throws(ExamSolverError) -> SolverOutput {
        var sources: [SourceRecord] = []
        if let retriever {
            let query = question.isMultipleChoice ? ExamRetriever.query(for: question) : question.question
            sources = try await retriever.sources(for: query, location: context.location)
        }
        guard question.isMultipleChoice else { return try await answerOpenEnded(question, sources: sources, context: context) }
        if settings.ensemble > 1 { return try await ensembleRefinement(question, sources: sources, context: context) }

        let messages = ExamPrompts.multipleChoice(question, sources: sources, chainOfThought: settings.chainOfThought)
        let seed = RequestSeed.derive(context.seed, question.id, "answer")
        let completion = try await call(messages, temperature: 0, seed: seed, json: false)
        return SolverOutput(
            prompt: messages, rawOutputs: [completion.content],
            extracted: AnswerExtractor.extract(completion.content, options: question.options), sources: sources,
            usage: completion.usage)
    }

    private func call(_ messages: [ChatMessage], temperature: Double, seed: Int, json: Bool, maxTokens: Int? = nil)
        async throws(ExamSolverError) -> ChatCompletion
    {
        try await Self.call(model, messages, temperature: temperature, seed: seed, json: json, maxTokens: maxTokens ?? settings.maxTokens)
    }

    static func call(_ model: any ChatModel, _ messages: [ChatMessage], temperature: Double, seed: Int, json: Bool, maxTokens: Int?)
        async throws(ExamSolverError) -> ChatCompletion
    {
        do {
            return try await model.complete(
                ChatRequest(messages: messages, temperature: temperature, maxTokens: maxTokens, seed: seed, jsonObject: json))
        } catch {
            throw .model(error)
        }
    }

    private func ensembleRefinement(_ question: ExamQuestion, sources: [SourceRecord], context: SolveContext)
        async throws(ExamSolverError) -> SolverOutput
    {
        let messages = ExamPrompts.multipleChoice(question, sources: sources, chainOfThought: true)
        var records: [SampleRecord] = []
        var usage: TokenUsage?
        var sampleTexts: [String] = []
        for index in 0..<settings.ensemble {
            let seed = RequestSeed.derive(context.seed, question.id, "sample \(index)")
            let completion = try await call(messages, temperature: settings.temperature, seed: seed, json: false)
            usage = summed(usage, completion.usage)
            sampleTexts.append(completion.content)
            records.append(record(.sample, index, settings.temperature, seed, completion, question))
        }
        let refinementMessages = ExamPrompts.refinement(question, sources: sources, samples: sampleTexts)
        let refinementTemperature = settings.refinements > 1 ? settings.temperature : 0
        for index in 0..<settings.refinements {
            let seed = RequestSeed.derive(context.seed, question.id, "refinement \(index)")
            let completion = try await call(refinementMessages, temperature: refinementTemperature, seed: seed, json: false)
            usage = summed(usage, completion.usage)
            records.append(record(.refinement, index, refinementTemperature, seed, completion, question))
        }
        let label = Self.plurality(records, options: question.options)
        return SolverOutput(
            prompt: messages + [.user("(refinement)")] + refinementMessages, rawOutputs: records.map(\.output), samples: records,
            extracted: ExtractedAnswer(label: label, method: records.first { $0.extracted == label }?.method), sources: sources,
            usage: usage)
    }

    private func record(_ stage: SampleRecord.Stage, _ index: Int, _ temperature: Double, _ seed: Int, _ completion: ChatCompletion, _ question: ExamQuestion)
        -> SampleRecord
    {
        let extracted = AnswerExtractor.extract(completion.content, options: question.options)
        return SampleRecord(
            stage: stage, index: index, temperature: temperature, seed: seed, output: completion.content, extracted: extracted.label,
            method: extracted.method, promptTokens: completion.usage?.promptTokens, completionTokens: completion.usage?.completionTokens)
    }

    /// The plurality of the refinements' answers (the samples' when no refinement gave one); ties go
    /// to the answer more samples chose, then to the earlier option.
    static func plurality(_ records: [SampleRecord], options: [ExamQuestion.Option]) -> String? {
        func votes(_ stage: SampleRecord.Stage) -> [String: Int] {
            records.filter { $0.stage == stage }.compactMap(\.extracted).reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        let refined = votes(.refinement)
        let sampled = votes(.sample)
        let primary = refined.isEmpty ? sampled : refined
        guard !primary.isEmpty else { return nil }
        let order = Dictionary(options.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        return primary.keys.sorted { a, b in
            let (va, vb) = (primary[a] ?? 0, primary[b] ?? 0)
            if va != vb { return va > vb }
            let (sa, sb) = (sampled[a] ?? 0, sampled[b] ?? 0)
            if sa != sb { return sa > sb }
            return (order[a] ?? .max) < (order[b] ?? .max)
        }.first
    }

    private func answerOpenEnded(_ question: ExamQuestion, sources: [SourceRecord], context: SolveContext)
        async throws(ExamSolverError) -> SolverOutput
    {
        let messages = ExamPrompts.openEnded(question, sources: sources)
        let completion = try await call(messages, temperature: 0, seed: RequestSeed.derive(context.seed, question.id, "answer"), json: false)
        return SolverOutput(
            prompt: messages, rawOutputs: [completion.content], extracted: .none,
            answerText: AnswerExtractor.stripThinking(completion.content), sources: sources, usage: completion.usage)
    }
}
