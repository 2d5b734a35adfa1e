import AgriQAChatModel

/// A ``ChatModel`` that records every call's tokens in a ``UsageLedger``, under the current
/// ``ModelStep``. Put it outside a ``CachingChatModel``: completions with `attempts == 0` came
/// from the cache and are counted as cache hits, not as requests.
public struct MeteredChatModel: ChatModel {
    public let base: any ChatModel
    public let ledger: UsageLedger

    public init(base: any ChatModel, ledger: UsageLedger) {
        self.base = base
        self.ledger = ledger
    }

    public var modelID: String { base.modelID }

    public func complete(_ request: ChatRequest) async throws(ChatModelError) -> ChatCompletion {
        let step = ModelStep.current
        do {
            let completion = try await base.complete(request)
            record(completion, step: step)
            return completion
        } catch {
            ledger.record(step: step) { $0.failures += 1 }
            throw error
        }
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let step = ModelStep.current
        let upstream = base.stream(request)
        let metered = self
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in upstream {
                        if case .finished(let completion) = event { metered.record(completion, step: step) }
                        continuation.yield(event)
                    }
                    continuation.finish()
                } catch {
                    metered.ledger.record(step: step) { $0.failures += 1 }
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    public func isReachable(timeout: Duration) async -> Bool {
        await base.isReachable(timeout: timeout)
    }

    private func record(_ completion: ChatCompletion, step: String) {
        let prompt = completion.usage?.promptTokens ?? 0
        let generated = completion.usage?.completionTokens ?? 0
        ledger.record(step: step) { usage in
            if completion.attempts == 0 {
                usage.cacheHits += 1
                usage.cachedPromptTokens += prompt
                usage.cachedCompletionTokens += generated
            } else {
                usage.requests += 1
                usage.promptTokens += prompt
                usage.completionTokens += generated
            }
        }
    }
}
