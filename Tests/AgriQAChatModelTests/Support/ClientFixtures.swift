import AgriQAChatModel
import AgriQAFakeChatServer
import Foundation
import Testing

/// A client for `server` with short timeouts and backoff, so failure paths finish quickly.
func makeClient(
    _ server: FakeChatServer, timeout: Duration = .seconds(20), idleTimeout: Duration = .seconds(20),
    retries: Int = 2, configure: (inout ChatModelConfiguration) -> Void = { _ in }
) throws -> OpenAICompatibleChatModel {
    try makeClient(baseURL: server.baseURL, timeout: timeout, idleTimeout: idleTimeout, retries: retries, configure: configure)
}

func makeClient(
    baseURL: URL, timeout: Duration = .seconds(20), idleTimeout: Duration = .seconds(20), retries: Int = 2,
    configure: (inout ChatModelConfiguration) -> Void = { _ in }
) throws -> OpenAICompatibleChatModel {
    var configuration = ChatModelConfiguration(
        baseURL: baseURL, model: "agriqa-test", timeout: timeout, streamIdleTimeout: idleTimeout, maxRetries: retries,
        backoffBase: .milliseconds(10), maxBackoff: .milliseconds(50))
    configure(&configuration)
    return try OpenAICompatibleChatModel(configuration: configuration)
}

let question = ChatRequest(messages: [
    .system("You answer farmers' questions from the sources given."),
    .user("When do I plant winter wheat in eastern Washington?"),
])

/// Everything a stream produced: its deltas, and how it ended.
struct StreamOutcome {
    var deltas: [String] = []
    var completion: ChatCompletion?
    var error: (any Error)?

    var chatError: ChatModelError? { error as? ChatModelError }
}

/// Reads a whole stream.
func drain(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) async -> StreamOutcome {
    var outcome = StreamOutcome()
    do {
        for try await event in stream {
            switch event {
            case .delta(let text): outcome.deltas.append(text)
            case .finished(let completion): outcome.completion = completion
            }
        }
    } catch {
        outcome.error = error
    }
    return outcome
}

/// Thrown by ``withUpperBound(_:_:)`` when the operation took too long.
struct UpperBoundExceeded: Error, CustomStringConvertible {
    var limit: Duration
    var description: String { "the operation did not end within \(limit) (an upper bound that only prevents hangs)" }
}

/// Runs `operation`, failing after `limit`: an upper bound that keeps a broken deadline from
/// hanging the test run, never a measure of speed.
func withUpperBound<T: Sendable>(
    _ limit: Duration = .seconds(60), _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw UpperBoundExceeded(limit: limit) }
        return value
    }
}

/// Waits until `condition` holds, up to `limit` (an upper bound only); returns whether it held.
func eventually(_ limit: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return true
}
