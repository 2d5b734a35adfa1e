import AgriQAChatModel
import Foundation

/// A ``ChatModel`` that answers repeated requests from a ``ResponseCache`` without calling the
/// endpoint: re-running the same prompt costs nothing.
///
/// A cached completion comes back with `attempts == 0` (no request was made), which
/// ``MeteredChatModel`` uses to count cache hits apart from billed calls. Failures are never
/// cached. Streams of a cached answer deliver the whole text as one delta.
public struct CachingChatModel: ChatModel {
    public let base: any ChatModel
    public let cache: ResponseCache

    public init(base: any ChatModel, cache: ResponseCache) {
        self.base = base
        self.cache = cache
    }

    public var modelID: String { base.modelID }

    public func complete(_ request: ChatRequest) async throws(ChatModelError) -> ChatCompletion {
        let key = CacheKey(modelID: modelID, request: request)
        if let entry = cache.entry(for: key) { return entry.completion }
        let completion = try await base.complete(request)
        cache.store(completion, for: key)
        return completion
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let key = CacheKey(modelID: modelID, request: request)
        if let entry = cache.entry(for: key) {
            return AsyncThrowingStream { continuation in
                continuation.yield(.delta(entry.content))
                continuation.yield(.finished(entry.completion))
                continuation.finish()
            }
        }
        let upstream = base.stream(request)
        let cache = self.cache
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in upstream {
                        if case .finished(let completion) = event { cache.store(completion, for: key) }
                        continuation.yield(event)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    public func isReachable(timeout: Duration) async -> Bool {
        await base.isReachable(timeout: timeout)
    }
}
