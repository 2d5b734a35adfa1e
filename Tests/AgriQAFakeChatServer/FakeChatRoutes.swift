import Foundation
import Hummingbird

/// The fake server's routes and how each ``FakeChatBehaviour`` is played on the wire.
struct FakeChatRoutes: Sendable {
    let state: FakeChatState

    func add(to router: Router<FakeChatContext>) {
        for prefix in ["/v1", ""] {
            router.post(RouterPath("\(prefix)/chat/completions")) { request, context in
                try await chat(request, context: context)
            }
            router.get(RouterPath("\(prefix)/models")) { _, _ in
                state.recordModelListRequest()
                return Self.json(200, FakeChatWire.json([
                    "object": "list",
                    "data": [["id": state.modelID, "object": "model", "created": 0, "owned_by": "agriqa-fake"]],
                ]))
            }
        }
    }

    private func chat(_ request: Request, context: FakeChatContext) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 32 << 20)
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        guard let chat = FakeChatRequest(body: Data(buffer.readableBytesView), headers: headers, receivedAt: .now)
        else {
            return Self.json(400, FakeChatWire.error(status: 400, message: "the body is not a chat completion request"))
        }
        let (behaviour, id) = await state.behaviour(for: chat)
        let reply = FakeChatWire.Reply(id: id, model: chat.model ?? state.modelID)
        return try await respond(behaviour, to: chat, reply: reply, context: context)
    }

    private func respond(
        _ behaviour: FakeChatBehaviour, to chat: FakeChatRequest, reply: FakeChatWire.Reply, context: FakeChatContext
    ) async throws -> Response {
        switch behaviour {
        case .delayed(let delay, let next):
            try await pause(delay)
            return try await respond(next, to: chat, reply: reply, context: context)

        case .reply(let text, let finishReason):
            return try await play(
                StreamPlan(pieces: FakeChatWire.pieces(of: text), ending: .finish(finishReason)),
                to: chat, reply: reply, context: context)

        case .stream(let pieces, let delay, let finishReason):
            return try await play(
                StreamPlan(pieces: pieces, delay: delay, ending: .finish(finishReason)),
                to: chat, reply: reply, context: context)

        case .cutStream(let pieces, let count):
            return try await play(
                StreamPlan(pieces: Array(pieces.prefix(count)), ending: .cut), to: chat, reply: reply, context: context)

        case .stallStream(let pieces, let count):
            return try await play(
                StreamPlan(pieces: Array(pieces.prefix(count)), ending: .stall), to: chat, reply: reply, context: context)

        case .streamError(let pieces, let status, let message):
            return try await play(
                StreamPlan(pieces: pieces, ending: .error(status: status, message: message)),
                to: chat, reply: reply, context: context)

        case .status(let code, let body, let retryAfter):
            var response = Self.json(code, body ?? FakeChatWire.error(status: code, message: "fake error \(code)"))
            if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response

        case .hang:
            await waitForCloseOrStop(context)
            return Self.droppedConnection()

        case .malformedJSON:
            if chat.stream {
                return Self.events([reply.roleChunk(), "data: {\"choices\":[{\"delta\":{\"content\":\"Pla\n\n", FakeChatWire.done])
            }
            let whole = reply.completion("Plant in May.", finishReason: "stop", usage: (1, 3))
            return Self.json(200, String(whole.prefix(whole.count / 2)))

        case .malformedSSE:
            let lines = #"{"choices":[{"delta":{"content":"Plant"}}]}"# + "\n" + #"{"choices":[{"delta":{"content":" in May."}}]}"# + "\n"
            return chat.stream ? Self.events([lines]) : Self.json(200, lines)
        }
    }

    // MARK: Streams

    /// What a streamed answer sends: its pieces, then how it ends.
    private struct StreamPlan {
        enum Ending {
            /// A `finish_reason` chunk, usage when asked, `[DONE]`.
            case finish(String)
            /// Drop the connection.
            case cut
            /// Go silent with the connection open until the client leaves or the server stops.
            case stall
            /// An error object inside the stream, then `[DONE]`.
            case error(status: Int, message: String)
        }
        var pieces: [String]
        var delay: Duration = .zero
        var ending: Ending
    }

    /// Plays `plan` as Server-Sent Events, or, for a plain request, as one JSON answer.
    private func play(
        _ plan: StreamPlan, to chat: FakeChatRequest, reply: FakeChatWire.Reply, context: FakeChatContext
    ) async throws -> Response {
        let usage = (prompt: chat.promptWordCount, completion: FakeChatWire.wordCount(plan.pieces.joined()))
        guard chat.stream else {
            if plan.delay > .zero, plan.pieces.count > 1 { try await pause(plan.delay * (plan.pieces.count - 1)) }
            switch plan.ending {
            case .finish(let reason):
                return Self.json(200, reply.completion(plan.pieces.joined(), finishReason: reason, usage: usage))
            case .cut:
                return Self.droppedConnection()
            case .stall:
                await waitForCloseOrStop(context)
                return Self.droppedConnection()
            case .error(let status, let message):
                return Self.json(status, FakeChatWire.error(status: status, message: message))
            }
        }
        let state = self.state
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                do {
                    try await writer.write(ByteBuffer(string: reply.roleChunk()))
                    for (index, piece) in plan.pieces.enumerated() {
                        if index > 0, plan.delay > .zero { try await pause(plan.delay) }
                        try await writer.write(ByteBuffer(string: reply.contentChunk(piece)))
                    }
                    switch plan.ending {
                    case .finish(let reason):
                        try await writer.write(ByteBuffer(string: reply.finishChunk(reason)))
                        if chat.includeUsage { try await writer.write(ByteBuffer(string: reply.usageChunk(usage))) }
                        try await writer.write(ByteBuffer(string: FakeChatWire.done))
                        try await writer.finish(nil)
                    case .cut:
                        throw DroppedConnection()
                    case .stall:
                        await waitForCloseOrStop(context)
                        throw DroppedConnection()
                    case .error(let status, let message):
                        try await writer.write(ByteBuffer(string: FakeChatWire.event(FakeChatWire.error(status: status, message: message))))
                        try await writer.write(ByteBuffer(string: FakeChatWire.done))
                        try await writer.finish(nil)
                    }
                } catch let error as DroppedConnection {
                    throw error
                } catch {
                    // A write failed: the client went away mid-stream.
                    if !state.isStopped { state.recordAbandoned() }
                    throw error
                }
            })
    }

    // MARK: Helpers

    /// Thrown from a response body to close the connection without finishing the response.
    private struct DroppedConnection: Error {}

    /// A response whose body closes the connection at once.
    private static func droppedConnection() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { _ in throw DroppedConnection() })
    }

    /// Waits until the client closes the connection (recorded as abandoned) or the server stops.
    private func waitForCloseOrStop(_ context: FakeChatContext) async {
        let state = self.state
        await FirstOf.wait([{ await context.connectionClosed() }, { await state.waitForStop() }])
        if !state.isStopped { state.recordAbandoned() }
    }

    /// Sleeps; ends early, throwing, when the server stops.
    private func pause(_ duration: Duration) async throws {
        // In slices, so that `stop()` need not wait out a long delay.
        var remaining = duration
        while remaining > .zero, !state.isStopped {
            let slice = min(remaining, .milliseconds(50))
            try await Task.sleep(for: slice)
            remaining -= slice
        }
        if state.isStopped { throw CancellationError() }
    }

    private static func json(_ status: Int, _ body: String) -> Response {
        Response(
            status: .init(code: status), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private static func events(_ parts: [String]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: parts.joined())))
    }
}
