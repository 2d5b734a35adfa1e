import AgriQAChatModel
import AgriQADomain
import AgriQAGeography
import AgriQARetrieval

/// Answers questions from the index: rewrites follow-ups, retrieves sources, asks the chat model
/// (when configured and wanted) with a grounded prompt and checks its citations, or answers
/// extractively — also as the fallback when the model is down, slow or returns garbage.
///
/// Never waits on anything but retrieval and the model, whose client enforces its own timeouts.
public struct AnswerService: Sendable {
    public struct Configuration: Sendable {
        /// The most tokens the model may generate for an answer (nil: the client's setting).
        public var maxTokens: Int?
        /// Sampling temperature for answers (nil: the client's setting).
        public var temperature: Double?
        /// Characters of source text in the prompt.
        public var sourceCharacterBudget: Int

        public init(maxTokens: Int? = 400, temperature: Double? = 0.2, sourceCharacterBudget: Int = 6_000) {
            self.maxTokens = maxTokens
            self.temperature = temperature
            self.sourceCharacterBudget = sourceCharacterBudget
        }
    }

    public let searcher: HybridSearcher
    public let model: (any ChatModel)?
    public let gazetteer: Gazetteer
    public var configuration: Configuration

    public init(
        searcher: HybridSearcher, model: (any ChatModel)?, gazetteer: Gazetteer,
        configuration: Configuration = Configuration()
    ) {
        self.searcher = searcher
        self.model = model
        self.gazetteer = gazetteer
        self.configuration = configuration
    }

    /// The whole answer at once (the model is asked without streaming).
    public func answer(_ request: AnswerRequest) async throws(AnswerError) -> Answer {
        try await run(request, streaming: false) { _ in }
    }

    /// The answer as events: `.sources` after retrieval, `.delta` text as it is generated, then
    /// `.done` with the whole answer (authoritative; see ``AnswerEvent``). Throws ``AnswerError``.
    /// Dropping the stream cancels the work, the model request included.
    public func stream(_ request: AnswerRequest) -> AsyncThrowingStream<AnswerEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let answer = try await run(request, streaming: true) { continuation.yield($0) }
                    continuation.yield(.done(answer))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    var regionStatement: RegionStatement { RegionStatement(gazetteer: gazetteer) }

    func run(
        _ request: AnswerRequest, streaming: Bool, emit: @Sendable (AnswerEvent) -> Void
    ) async throws(AnswerError) -> Answer {
        let clock = ContinuousClock()
        let started = clock.now
        let question = try Self.validate(request)
        let wantsModel: Bool
        switch request.mode {
        case .auto: wantsModel = model != nil
        case .model:
            guard model != nil else { throw .modelNotConfigured }
            wantsModel = true
        case .extractive: wantsModel = false
        }

        let rewriteStarted = clock.now
        let rewritten = try await QuestionRewriter(model: wantsModel ? model : nil).rewrite(question, history: request.history)
        let rewriteMs = Self.milliseconds(clock.now - rewriteStarted)
        try Self.checkCancellation()

        let retrievalStarted = clock.now
        let response: SearchResponse
        do {
            response = try await searcher.search(
                rewritten.question, location: request.location, options: request.search.searchOptions(k: request.k))
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .retrieval(String(describing: error))
        }
        let retrievalMs = Self.milliseconds(clock.now - retrievalStarted)
        try Self.checkCancellation()

        let sources = response.hits.enumerated().map { AnswerSource(hit: $1, number: $0 + 1) }
        var answer = Answer(
            question: question, answer: "", citations: sources.map(\.citation),
            location: request.location.map { AnswerLocation(code: $0.code.rawValue, name: $0.name) },
            mode: .extractive, standaloneQuestion: rewritten.question, rewriteMethod: rewritten.method,
            notices: response.notices, retrievalMode: response.mode)
        emit(.sources(answer.citations))

        let generationStarted = clock.now
        if sources.isEmpty {
            answer.answer = ExtractiveAnswerer.nothingRelevant
            emit(.delta(answer.answer))
        } else if wantsModel, let model {
            if let failure = rewritten.modelFailure {
                answer.model = model.modelID
                answerExtractively(
                    &answer, sources: sources, location: request.location, fallback: true, streaming: streaming, emit: emit,
                    warning: "the chat model failed while rewriting the follow-up (\(failure)); this answer is extractive, from the retrieved sources.")
            } else {
                try await answerWithModel(
                    &answer, model: model, sources: sources, request: request, streaming: streaming, emit: emit)
            }
        } else {
            answerExtractively(
                &answer, sources: sources, location: request.location, fallback: false, streaming: streaming, emit: emit)
        }
        answer.timings = AnswerTimings(
            rewriteMs: rewriteMs, retrievalMs: retrievalMs,
            generationMs: Self.milliseconds(clock.now - generationStarted), totalMs: Self.milliseconds(clock.now - started))
        return answer
    }

    /// Asks the model; on a failure that warrants it, answers extractively instead.
    private func answerWithModel(
        _ answer: inout Answer, model: any ChatModel, sources: [AnswerSource], request: AnswerRequest, streaming: Bool,
        emit: @Sendable (AnswerEvent) -> Void
    ) async throws(AnswerError) {
        let messages = PromptBuilder(regionStatement: regionStatement, sourceCharacterBudget: configuration.sourceCharacterBudget)
            .messages(question: answer.standaloneQuestion, sources: sources, location: request.location)
        let chatRequest = ChatRequest(
            messages: messages, temperature: configuration.temperature, maxTokens: configuration.maxTokens)
        answer.model = model.modelID
        answer.promptVersion = PromptBuilder.promptVersion
        let outcome = try await ModelGeneration(model: model).run(chatRequest, streaming: streaming, emit: emit)
        switch outcome {
        case .completed(let completion):
            let check = CitationChecker.check(completion.content, sourceCount: sources.count)
            answer.mode = .model
            if !completion.model.isEmpty { answer.model = completion.model }
            answer.answer = check.text
            answer.usage = completion.usage
            answer.removedCitations = check.removed
            answer.uncited = check.uncited
            for index in answer.citations.indices {
                answer.citations[index].used = check.used.contains(answer.citations[index].number)
            }
            answer.regionNote = regionStatement.note(
                location: request.location, citations: answer.citations, evidence: check.used)
            // The prompt asks the model to say where the evidence is from; small models often do not.
            if let note = answer.regionNote,
                !regionStatement.mentionsEvidenceRegion(
                    check.text, location: request.location, citations: answer.citations, evidence: check.used)
            {
                answer.answer = note + " " + check.text
            }
            if !check.removed.isEmpty {
                let markers = check.removed.map { "[\($0)]" }.joined(separator: ", ")
                answer.warnings.append(
                    "removed citation markers naming sources that were not given: \(markers) (there were \(sources.count) sources).")
            }
            if check.uncited {
                answer.warnings.append("the model's answer cites no source; check it against the sources listed before relying on it.")
            }
            if completion.finishReason == "length" {
                answer.warnings.append("the model's answer was cut off at its token limit.")
            }
        case .failed(let error, let streamedDeltas):
            let warning = streamedDeltas > 0
                ? "the chat model failed after streaming part of its answer (\(error)); the streamed text was discarded and this answer is extractive, from the retrieved sources."
                : "the chat model failed (\(error)); this answer is extractive, from the retrieved sources."
            answer.promptVersion = nil
            answerExtractively(
                &answer, sources: sources, location: request.location, fallback: true,
                streaming: streaming && streamedDeltas == 0, emit: emit, warning: warning)
        }
    }

    private func answerExtractively(
        _ answer: inout Answer, sources: [AnswerSource], location: Region?, fallback: Bool, streaming: Bool,
        emit: @Sendable (AnswerEvent) -> Void, warning: String? = nil
    ) {
        let extractive = ExtractiveAnswerer(regionStatement: regionStatement)
            .answer(question: answer.standaloneQuestion, sources: sources, location: location)
        answer.mode = fallback ? .extractiveFallback : .extractive
        answer.answer = extractive.text
        answer.regionNote = extractive.regionNote
        answer.uncited = false
        answer.usage = nil
        answer.removedCitations = []
        for index in answer.citations.indices {
            answer.citations[index].used = extractive.cited.contains(answer.citations[index].number)
        }
        if let warning { answer.warnings.append(warning) }
        if streaming { emit(.delta(extractive.text)) }
    }

    /// The trimmed question, or why the request cannot be answered.
    static func validate(_ request: AnswerRequest) throws(AnswerError) -> String {
        let question = request.question.trimmingWhitespace()
        guard !question.isEmpty else { throw .emptyQuestion }
        guard question.count <= AnswerRequest.maximumQuestionLength else {
            throw .questionTooLong(length: question.count, limit: AnswerRequest.maximumQuestionLength)
        }
        guard AnswerRequest.kRange.contains(request.k) else { throw .invalidK(request.k) }
        return question
    }

    static func checkCancellation() throws(AnswerError) {
        if Task.isCancelled { throw .cancelled }
    }

    /// Milliseconds, to a tenth.
    static func milliseconds(_ duration: Duration) -> Double {
        let components = duration.components
        let ms = Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
        return (ms * 10).rounded() / 10
    }
}
