import AgriQAChatModel
import AgriQAFakeChatServer
import Foundation
import Testing

/// `stream(_:)` against the fake server on a real loopback port.
@Suite struct StreamingTests {
    private let pieces = ["Plant", " winter", " wheat", " in", " September."]

    @Test func deliversEachPieceThenTheWholeCompletionWithUsage() async throws {
        let server = try await FakeChatServer.start(queue: [.stream(pieces, delay: .milliseconds(30))])
        let outcome = await drain(try makeClient(server).stream(question))
        let sent = try #require(server.requests.first)
        await server.stop()

        #expect(outcome.error == nil)
        #expect(outcome.deltas == pieces)
        let completion = try #require(outcome.completion)
        #expect(completion.content == pieces.joined())
        #expect(completion.finishReason == "stop")
        #expect(completion.usage == TokenUsage(promptTokens: 17, completionTokens: 5))
        #expect(completion.attempts == 1)
        #expect(sent.stream)
        #expect(sent.includeUsage)
        #expect(sent.headers["accept"] == "text/event-stream")
    }

    @Test func withoutUsageInTheStreamTheCompletionHasNone() async throws {
        let server = try await FakeChatServer.start(queue: [.reply("Yes.")])
        let outcome = await drain(try makeClient(server) { $0.streamUsage = false }.stream(question))
        let sent = try #require(server.requests.first)
        await server.stop()
        #expect(outcome.completion?.content == "Yes.")
        #expect(outcome.completion?.usage == nil)
        #expect(!sent.includeUsage)
    }

    /// The server sends two pieces and then holds the connection open: the deltas can only
    /// arrive if the client hands on bytes as they come, not when the response ends. Leaving
    /// the loop then drops the stream, which must close the connection.
    @Test func deltasArriveBeforeTheStreamEndsAndLeavingClosesTheConnection() async throws {
        let server = try await FakeChatServer.start(queue: [.stallStream(pieces, after: 2)])
        let client = try makeClient(server)
        let received = try await withUpperBound { () -> [String] in
            var deltas: [String] = []
            for try await event in client.stream(question) {
                if case .delta(let text) = event { deltas.append(text) }
                if deltas.count == 2 { break }
            }
            return deltas
        }
        #expect(received == ["Plant", " winter"])
        #expect(await server.waitForAbandonedResponses(1))
        await server.stop()
    }

    @Test func cancellingTheConsumerTaskClosesTheConnection() async throws {
        let server = try await FakeChatServer.start(queue: [.stallStream(pieces, after: 1)])
        let client = try makeClient(server)
        let firstDelta = AsyncStream.makeStream(of: String.self)
        let consumer = Task {
            for try await event in client.stream(question) {
                if case .delta(let text) = event { firstDelta.continuation.yield(text) }
            }
        }
        var iterator = firstDelta.stream.makeAsyncIterator()
        #expect(await iterator.next() == "Plant")
        consumer.cancel()
        _ = try await withUpperBound { await consumer.result }
        #expect(await server.waitForAbandonedResponses(1))
        await server.stop()
    }

    @Test func aStreamThatStallsTimesOut() async throws {
        let server = try await FakeChatServer.start(queue: [.stallStream(pieces, after: 2)])
        let client = try makeClient(server, idleTimeout: .seconds(1))
        let outcome = try await withUpperBound { await drain(client.stream(question)) }
        #expect(outcome.deltas == ["Plant", " winter"])
        #expect(outcome.completion == nil)
        #expect(outcome.chatError == .timedOut(url: "\(server.baseURL.absoluteString)/chat/completions", seconds: 1))
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test func aServerThatSendsNothingHitsTheIdleTimeout() async throws {
        let server = try await FakeChatServer.start(queue: [.hang])
        let client = try makeClient(server, timeout: .seconds(30), idleTimeout: .seconds(1))
        let outcome = try await withUpperBound { await drain(client.stream(question)) }
        #expect(outcome.chatError == .timedOut(url: "\(server.baseURL.absoluteString)/chat/completions", seconds: 1))
        await server.stop()
    }

    @Test func theTotalTimeoutBoundsASlowButSteadyStream() async throws {
        let slow = (0..<100).map { " word\($0)" }
        let server = try await FakeChatServer.start(queue: [.stream(slow, delay: .milliseconds(200))])
        let client = try makeClient(server, timeout: .seconds(1), idleTimeout: .seconds(10))
        let outcome = try await withUpperBound { await drain(client.stream(question)) }
        #expect(!outcome.deltas.isEmpty)
        #expect(outcome.deltas.count < slow.count)
        #expect(outcome.chatError == .timedOut(url: "\(server.baseURL.absoluteString)/chat/completions", seconds: 1))
        await server.stop()
    }

    /// Decided: a stream cut before `[DONE]` and before any `finish_reason` is an error, since
    /// its text may be incomplete; the text already delivered stays delivered.
    @Test func aStreamCutShortIsAnError() async throws {
        let server = try await FakeChatServer.start(queue: [.cutStream(pieces, after: 3)])
        let outcome = try await withUpperBound { await drain(try makeClient(server).stream(question)) }
        #expect(outcome.deltas == Array(pieces.prefix(3)))
        #expect(outcome.completion == nil)
        guard case .unreachable(_, let reason)? = outcome.chatError else {
            Issue.record("expected a broken-connection error, got \(String(describing: outcome.error))")
            return
        }
        #expect(reason.contains("broke mid-stream after 18 characters"))
        // Text was delivered: no retry.
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test func aStreamCutBeforeAnyTextIsRetried() async throws {
        let server = try await FakeChatServer.start(queue: [.cutStream(pieces, after: 0), .status(500)], then: .stream(pieces))
        let outcome = try await withUpperBound { await drain(try makeClient(server).stream(question)) }
        #expect(outcome.error == nil)
        #expect(outcome.deltas == pieces)
        #expect(outcome.completion?.attempts == 3)
        #expect(server.requests.count == 3)
        await server.stop()
    }

    @Test func retriesA429BeforeTheFirstDelta() async throws {
        let server = try await FakeChatServer.start(queue: [.status(429, retryAfter: 0)], then: .reply("Later."))
        let outcome = await drain(try makeClient(server).stream(question))
        #expect(outcome.completion?.content == "Later.")
        #expect(outcome.completion?.attempts == 2)
        await server.stop()
    }

    @Test func doesNotRetryA400() async throws {
        let server = try await FakeChatServer.start(queue: [.status(400)], then: .reply("never"))
        let outcome = await drain(try makeClient(server).stream(question))
        guard case .http(_, 400, _)? = outcome.chatError else {
            Issue.record("expected HTTP 400, got \(String(describing: outcome.error))")
            return
        }
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test func anErrorInsideTheStreamAfterTextIsNotRetried() async throws {
        let server = try await FakeChatServer.start(queue: [.streamError(["Plant"], status: 503, message: "overloaded")])
        let outcome = await drain(try makeClient(server).stream(question))
        #expect(outcome.deltas == ["Plant"])
        guard case .http(_, 503, let body)? = outcome.chatError else {
            Issue.record("expected HTTP 503 from inside the stream, got \(String(describing: outcome.error))")
            return
        }
        #expect(body.contains("overloaded"))
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test func anErrorInsideTheStreamBeforeTextIsRetried() async throws {
        let server = try await FakeChatServer.start(queue: [.streamError([], status: 503, message: "busy")], then: .reply("Done."))
        let outcome = await drain(try makeClient(server).stream(question))
        #expect(outcome.deltas == ["Done."])
        #expect(outcome.completion?.attempts == 2)
        await server.stop()
    }

    @Test func malformedStreamsAreErrors() async throws {
        let server = try await FakeChatServer.start(queue: [.malformedJSON, .malformedSSE])
        let client = try makeClient(server)
        for _ in 0..<2 {
            let outcome = await drain(client.stream(question))
            guard case .malformedResponse? = outcome.chatError else {
                Issue.record("expected a malformed response, got \(String(describing: outcome.error))")
                continue
            }
            #expect(outcome.completion == nil)
        }
        #expect(server.requests.count == 2)
        await server.stop()
    }

    @Test func aPlainJSONAnswerToAStreamedRequestIsOneDelta() async throws {
        let body = #"{"choices":[{"index":0,"message":{"role":"assistant","content":"Plant in May."},"finish_reason":"stop"}],"model":"m2"}"#
        let server = try await FakeChatServer.start(queue: [.status(200, body: body)])
        let outcome = await drain(try makeClient(server).stream(question))
        #expect(outcome.deltas == ["Plant in May."])
        #expect(outcome.completion?.model == "m2")
        await server.stop()
    }

    @Test func nothingListeningIsUnreachable() async throws {
        let server = try await FakeChatServer.start()
        let baseURL = server.baseURL
        await server.stop()
        let outcome = await drain(try makeClient(baseURL: baseURL, retries: 1).stream(question))
        guard case .unreachable(_, let reason)? = outcome.chatError else {
            Issue.record("expected unreachable, got \(String(describing: outcome.error))")
            return
        }
        #expect(reason == "connection refused")
    }

    @Test func manyStreamsAtOnce() async throws {
        let server = try await FakeChatServer.start { request in
            .stream(["Answer", " to", " \(request.lastUserMessage ?? "")"], delay: .milliseconds(5))
        }
        let client = try makeClient(server)
        let outcomes = try await withUpperBound {
            await withTaskGroup(of: (Int, StreamOutcome).self) { group in
                for index in 0..<16 {
                    group.addTask { (index, await drain(client.stream(ChatRequest(messages: [.user("q\(index)")])))) }
                }
                var all: [Int: StreamOutcome] = [:]
                for await (index, outcome) in group { all[index] = outcome }
                return all
            }
        }
        for index in 0..<16 {
            #expect(outcomes[index]?.completion?.content == "Answer to q\(index)")
        }
        await server.stop()
    }
}
