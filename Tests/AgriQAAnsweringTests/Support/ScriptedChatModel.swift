import AgriQAChatModel
import Foundation

/// A `ChatModel` that plays a script: each call takes the next reply (scripted text, pieces to
/// stream, an error, a failure part-way through a stream, or a hang until cancelled) and records the
/// request it was given. Running out of replies is a malformed response, so a test notices.
final class ScriptedChatModel: ChatModel, @unchecked Sendable {
    enum Reply: Sendable {
        case text(String, usage: TokenUsage? = nil, finishReason: String? = "stop")
        /// Streamed as these deltas; `complete` returns them joined.
        case pieces([String])
        case failure(ChatModelError)
        /// Streams the pieces, then fails; `complete` just fails.
        case piecesThenFailure([String], ChatModelError)
        /// Never answers until the call is cancelled (at most 30 s, so a broken test cannot hang).
        case hang
    }

    enum Call: Equatable {
        case complete, stream
    }

    let modelID: String
    private let lock = NSLock()
    private var replies: [Reply]
    private var recorded: [(Call, ChatRequest)] = []
    private var cancelledCalls = 0

    init(_ replies: [Reply], modelID: String = "scripted-model") {
        self.replies = replies
        self.modelID = modelID
    }

    var requests: [ChatRequest] { lock.withLock { recorded.map(\.1) } }
    var calls: [Call] { lock.withLock { recorded.map(\.0) } }
    var cancellations: Int { lock.withLock { cancelledCalls } }

    private func next(_ call: Call, _ request: ChatRequest) -> Reply {
        lock.withLock {
            recorded.append((call, request))
            return replies.isEmpty
                ? .failure(.malformedResponse(url: "scripted", reason: "no scripted reply left")) : replies.removeFirst()
        }
    }

    private func noteCancellation() { lock.withLock { cancelledCalls += 1 } }

    func complete(_ request: ChatRequest) async throws(ChatModelError) -> ChatCompletion {
        switch next(.complete, request) {
        case .text(let text, let usage, let finishReason):
            return ChatCompletion(content: text, finishReason: finishReason, usage: usage, model: modelID)
        case .pieces(let pieces):
            return ChatCompletion(content: pieces.joined(), finishReason: "stop", usage: nil, model: modelID)
        case .failure(let error), .piecesThenFailure(_, let error):
            throw error
        case .hang:
            do {
                try await Task.sleep(for: .seconds(30))
            } catch {
                noteCancellation()
                throw .cancelled
            }
            throw .timedOut(url: "scripted", seconds: 30)
        }
    }

    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let reply = next(.stream, request)
        let modelID = modelID
        return AsyncThrowingStream { continuation in
            let task = Task {
                switch reply {
                case .text(let text, let usage, let finishReason):
                    continuation.yield(.delta(text))
                    continuation.yield(
                        .finished(ChatCompletion(content: text, finishReason: finishReason, usage: usage, model: modelID)))
                    continuation.finish()
                case .pieces(let pieces):
                    for piece in pieces { continuation.yield(.delta(piece)) }
                    continuation.yield(
                        .finished(ChatCompletion(content: pieces.joined(), finishReason: "stop", usage: nil, model: modelID)))
                    continuation.finish()
                case .failure(let error):
                    continuation.finish(throwing: error)
                case .piecesThenFailure(let pieces, let error):
                    for piece in pieces { continuation.yield(.delta(piece)) }
                    continuation.finish(throwing: error)
                case .hang:
                    do {
                        try await Task.sleep(for: .seconds(30))
                        continuation.finish(throwing: ChatModelError.timedOut(url: "scripted", seconds: 30))
                    } catch {
                        self.noteCancellation()
                        continuation.finish(throwing: ChatModelError.cancelled)
                    }
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func isReachable(timeout: Duration) async -> Bool { true }
}
