import AgriQAChatModel
import AgriQAFakeChatServer
import Foundation
import Testing

/// The server answering through a chat model that misbehaves in every way a real endpoint does.
/// Documented behaviour (docs/server.md, README "Answers"): retries on 429/5xx/connection failures
/// (429 honouring Retry-After), then the extractive fallback with a warning saying why; never a
/// request that outlives the model timeout.
@Suite("Model endpoint faults while serving", .serialized)
struct ModelEndpointFaultTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var behaviour: FakeChatBehaviour
        var stream: Bool
    }

    static func model(_ url: URL) throws -> any ChatModel {
        try OpenAICompatibleChatModel(configuration: ChatModelConfiguration(
            baseURL: url, model: "agriqa-fault", timeout: .seconds(4), streamIdleTimeout: .seconds(2), maxRetries: 1,
            backoffBase: .milliseconds(20), maxRetryAfter: .seconds(2)))
    }

    static let failures: [Case] = [false, true].flatMap { stream in
        [
            Case(description: "500 (stream \(stream))", behaviour: .status(500), stream: stream),
            Case(description: "503 with Retry-After (stream \(stream))", behaviour: .status(503, retryAfter: 1), stream: stream),
            Case(description: "hang (stream \(stream))", behaviour: .hang, stream: stream),
            Case(description: "malformed JSON (stream \(stream))", behaviour: .malformedJSON, stream: stream),
            Case(description: "malformed SSE (stream \(stream))", behaviour: .malformedSSE, stream: stream),
            Case(description: "empty 200 body (stream \(stream))", behaviour: .status(200, body: ""), stream: stream),
        ]
    } + [
        Case(description: "stream cut midway", behaviour: .cutStream(["Seed ", "winter ", "wheat "], after: 2), stream: true),
        Case(description: "stream stalls midway", behaviour: .stallStream(["Seed ", "winter ", "wheat "], after: 2), stream: true),
        Case(description: "error inside the stream", behaviour: .streamError(["Seed "], status: 500, message: "overloaded"), stream: true),
    ]

    @Test(arguments: failures)
    func eachFailureFallsBackToTheExtractiveAnswerWithAWarning(_ failure: Case) async throws {
        let fake = try await FakeChatServer.start { _ in failure.behaviour }
        let server = try await FaultServer.start(model: try Self.model(fake.baseURL))
        let answer = try await Self.ask(server, stream: failure.stream)
        #expect(answer["mode"] as? String == "extractive-fallback", "\(failure): \(answer)")
        let warnings = answer["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains("chat model failed") }, "\(failure): \(warnings)")
        #expect((answer["citations"] as? [[String: Any]])?.isEmpty == false)
        #expect(!(answer["answer"] as? String ?? "").isEmpty)
        // Retried what is worth retrying (5xx); never more than the configured attempts.
        #expect(fake.requests.count <= 2)
        await fake.stop()
        await server.stop()
    }

    @Test(arguments: [false, true])
    func aRefusedConnectionFallsBack(stream: Bool) async throws {
        // A port that was just listening and is now closed: connection refused.
        let gone = try await FakeChatServer.start()
        let url = gone.baseURL
        await gone.stop()
        let server = try await FaultServer.start(model: try Self.model(url))
        let answer = try await Self.ask(server, stream: stream)
        #expect(answer["mode"] as? String == "extractive-fallback")
        #expect((answer["warnings"] as? [String] ?? []).contains { $0.contains("chat model failed") })
        // A follow-up needs the model to rewrite it; a dead model falls back there too.
        let followUp = try await server.postJSON("/v1/ask", [
            "question": "And how deep?", "location": "US-WA",
            "history": [["role": "user", "content": "When do I seed winter wheat?"], ["role": "assistant", "content": "In September [1]."]],
        ])
        #expect(followUp.status == 200)
        #expect(try followUp.json()["mode"] as? String == "extractive-fallback")
        let ready = try await server.send("GET", "/readyz")
        #expect(ready.status == 200)
        await server.stop()
    }

    @Test func a429WithRetryAfterIsRetriedAndTheModelAnswers() async throws {
        let fake = try await FakeChatServer.start(
            queue: [.status(429, retryAfter: 1)], then: .reply("Seed winter wheat in September [1]."))
        let server = try await FaultServer.start(model: try Self.model(fake.baseURL))
        let answer = try await Self.ask(server, stream: false)
        #expect(answer["mode"] as? String == "model")
        #expect((answer["answer"] as? String)?.contains("[1]") == true)
        #expect(fake.requests.count == 2)
        await fake.stop()
        await server.stop()
    }

    @Test func persistent429sFallBackAfterTheRetries() async throws {
        let fake = try await FakeChatServer.start { _ in .status(429, retryAfter: 1) }
        let server = try await FaultServer.start(model: try Self.model(fake.baseURL))
        let answer = try await Self.ask(server, stream: true)
        #expect(answer["mode"] as? String == "extractive-fallback")
        #expect(fake.requests.count == 2)
        await fake.stop()
        await server.stop()
    }

    @Test func theOpenAICompatibleFaceFallsBackToo() async throws {
        let fake = try await FakeChatServer.start { _ in .malformedSSE }
        let server = try await FaultServer.start(model: try Self.model(fake.baseURL))
        let reply = try await server.postJSON("/v1/chat/completions", [
            "model": "agriqa", "location": "US-GA", "messages": [["role": "user", "content": "How should peanuts be dug?"]],
        ])
        #expect(reply.status == 200)
        let agriqa = try reply.json()["agriqa"] as? [String: Any]
        #expect(agriqa?["mode"] as? String == "extractive-fallback")
        await fake.stop()
        await server.stop()
    }

    /// Asks a question the corpus answers; a streamed reply is reduced to its `done` event.
    static func ask(_ server: FaultServer, stream: Bool) async throws -> [String: Any] {
        // The client's own limit is far above the model's (4 s + one retry): a hang here is a defect.
        let reply = try await server.postJSON(
            "/v1/ask", ["question": "When do I seed winter wheat?", "location": "US-WA", "stream": stream], timeout: 60)
        try #require(reply.status == 200, "\(reply.status): \(reply.text.prefix(300))")
        guard stream else { return try reply.json() }
        let events = FaultServer.events(reply.text)
        #expect(events.first?.event == "sources")
        let done = try #require(events.last { $0.event == "done" }, "no done event: \(reply.text.suffix(500))")
        return try ChildProcess.json(done.data)
    }
}
