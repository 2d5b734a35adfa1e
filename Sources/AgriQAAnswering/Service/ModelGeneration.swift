import AgriQAChatModel

/// One model call for an answer, streamed or not, reduced to what the service decides on: a
/// completion, or a failure that warrants the extractive fallback. Failures that must not be hidden
/// (cancellation, bad configuration) are thrown.
struct ModelGeneration: Sendable {
    enum Outcome: Sendable {
        case completed(ChatCompletion)
        /// The model failed; `streamedDeltas` pieces of its text had already been sent.
        case failed(ChatModelError, streamedDeltas: Int)
    }

    let model: any ChatModel

    func run(
        _ request: ChatRequest, streaming: Bool, emit: @Sendable (AnswerEvent) -> Void
    ) async throws(AnswerError) -> Outcome {
        streaming ? try await stream(request, emit: emit) : try await complete(request)
    }

    private func complete(_ request: ChatRequest) async throws(AnswerError) -> Outcome {
        do {
            return try validated(await model.complete(request), streamedDeltas: 0)
        } catch {
            return try outcome(for: error, streamedDeltas: 0)
        }
    }

    private func stream(_ request: ChatRequest, emit: @Sendable (AnswerEvent) -> Void) async throws(AnswerError) -> Outcome {
        var text = ""
        var deltas = 0
        var finished: ChatCompletion?
        do {
            for try await event in model.stream(request) {
                switch event {
                case .delta(let piece):
                    guard !piece.isEmpty else { continue }
                    text += piece
                    deltas += 1
                    emit(.delta(piece))
                case .finished(let completion):
                    finished = completion
                }
            }
        } catch let error as ChatModelError {
            return try outcome(for: error, streamedDeltas: deltas)
        } catch {
            if error is CancellationError || Task.isCancelled { throw .cancelled }
            return try outcome(
                for: .malformedResponse(url: model.modelID, reason: "the stream failed: \(error)"), streamedDeltas: deltas)
        }
        if Task.isCancelled { throw .cancelled }
        // A stream that ended without its summary still carries its text.
        let completion = finished ?? ChatCompletion(content: text, finishReason: nil, usage: nil, model: model.modelID)
        return validated(completion, streamedDeltas: deltas)
    }

    /// An empty answer is garbage, not an answer.
    private func validated(_ completion: ChatCompletion, streamedDeltas: Int) -> Outcome {
        guard !completion.content.trimmingWhitespace().isEmpty else {
            return .failed(
                .malformedResponse(url: completion.model.isEmpty ? model.modelID : completion.model, reason: "the answer was empty"),
                streamedDeltas: streamedDeltas)
        }
        return .completed(completion)
    }

    private func outcome(for error: ChatModelError, streamedDeltas: Int) throws(AnswerError) -> Outcome {
        guard error.warrantsFallback else { throw error == .cancelled ? .cancelled : .model(error) }
        return .failed(error, streamedDeltas: streamedDeltas)
    }
}
