import AgriQAChatModel
import AgriQAFakeChatServer
import Foundation
import Testing

/// `complete(_:)` against the fake server on a real loopback port.
@Suite struct CompletionTests {
    @Test func returnsTheAnswerWithUsageAndSendsTheRequestAsOpenAIHasIt() async throws {
        let server = try await FakeChatServer.start(queue: [.reply("Plant from mid-September to mid-October.")])
        let client = try makeClient(server) { $0.apiKey = "sk-test" }
        var request = question
        request.seed = 42
        request.stop = ["\n\n"]
        let completion = try await client.complete(request)
        let received = server.requests
        await server.stop()

        #expect(completion.content == "Plant from mid-September to mid-October.")
        #expect(completion.finishReason == "stop")
        #expect(completion.model == "agriqa-test")
        #expect(completion.attempts == 1)
        // The fake counts words: 17 in the two messages, 5 in the answer.
        #expect(completion.usage == TokenUsage(promptTokens: 17, completionTokens: 5))

        let sent = try #require(received.first)
        #expect(received.count == 1)
        #expect(sent.model == "agriqa-test")
        #expect(sent.messages.map(\.role) == ["system", "user"])
        #expect(sent.lastUserMessage == "When do I plant winter wheat in eastern Washington?")
        #expect(!sent.stream)
        #expect(!sent.includeUsage)
        #expect(sent.temperature == 0.2)  // the configuration's default
        #expect(sent.maxTokens == 512)
        #expect(sent.seed == 42)
        #expect(sent.stop == ["\n\n"])
        #expect(sent.responseFormat == nil)
        #expect(sent.headers["authorization"] == "Bearer sk-test")
        #expect(sent.headers["content-type"] == "application/json")
    }

    @Test func requestValuesOverrideTheConfiguration() async throws {
        let server = try await FakeChatServer.start(queue: [.reply("{}")])
        let client = try makeClient(server) {
            $0.apiKey = "azure-key"
            $0.apiKeyHeader = "api-key"
            $0.maxTokens = nil
        }
        _ = try await client.complete(ChatRequest(messages: [.user("Answer in JSON.")], temperature: 0, maxTokens: 64, jsonObject: true))
        let sent = try #require(server.requests.first)
        await server.stop()
        #expect(sent.temperature == 0)
        #expect(sent.maxTokens == 64)
        #expect(sent.responseFormat == "json_object")
        #expect(sent.headers["api-key"] == "azure-key")
        #expect(sent.headers["authorization"] == nil)
    }

    @Test func retriesA500AndSucceeds() async throws {
        let server = try await FakeChatServer.start(queue: [.status(500), .status(502)], then: .reply("Yes."))
        let completion = try await makeClient(server).complete(question)
        let count = server.requests.count
        await server.stop()
        #expect(completion.content == "Yes.")
        #expect(completion.attempts == 3)
        #expect(count == 3)
    }

    @Test func waitsAsLongAsRetryAfterSays() async throws {
        let server = try await FakeChatServer.start(queue: [.status(429, retryAfter: 1)], then: .reply("Later."))
        // The backoff alone would wait about 10 ms; Retry-After asks for a second.
        let completion = try await makeClient(server).complete(question)
        let requests = server.requests
        await server.stop()
        #expect(completion.attempts == 2)
        #expect(requests.count == 2)
        if requests.count == 2 {
            // A lower bound: a slow machine only makes the gap longer.
            #expect(requests[1].receivedAt - requests[0].receivedAt >= .milliseconds(900))
        }
    }

    @Test func givesUpAfterTheLastRetry() async throws {
        let server = try await FakeChatServer.start(queue: [], then: .status(503, body: #"{"error":{"message":"loading model","code":503}}"#))
        await #expect(throws: ChatModelError.http(url: "\(server.baseURL.absoluteString)/chat/completions", status: 503, body: "loading model")) {
            try await makeClient(server, retries: 2).complete(question)
        }
        #expect(server.requests.count == 3)
        await server.stop()
    }

    @Test(arguments: [400, 401, 404, 422])
    func doesNotRetryAClientError(status: Int) async throws {
        let server = try await FakeChatServer.start(queue: [.status(status)], then: .reply("never"))
        let client = try makeClient(server)
        do throws(ChatModelError) {
            _ = try await client.complete(question)
            Issue.record("HTTP \(status) should fail")
        } catch {
            guard case .http(_, let received, let body) = error else {
                Issue.record("expected an HTTP error, got \(error)")
                return
            }
            #expect(received == status)
            #expect(body.contains("fake error \(status)"))
        }
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await FakeChatServer.start(queue: [.hang])
        let client = try makeClient(server, timeout: .seconds(1))
        let result = try await withUpperBound { () -> ChatModelError? in
            do throws(ChatModelError) {
                _ = try await client.complete(question)
                return nil
            } catch {
                return error
            }
        }
        #expect(result == .timedOut(url: "\(server.baseURL.absoluteString)/chat/completions", seconds: 1))
        // Timeouts are not retried.
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test func aBodyThatIsNotJSONIsMalformed() async throws {
        let server = try await FakeChatServer.start(queue: [.malformedJSON, .malformedSSE, .status(200, body: #"{"choices":[]}"#)])
        let client = try makeClient(server)
        for _ in 0..<3 {
            await #expect {
                try await client.complete(question)
            } throws: { error in
                guard case ChatModelError.malformedResponse = error else { return false }
                return true
            }
        }
        // Malformed answers are not retried.
        #expect(server.requests.count == 3)
        await server.stop()
    }

    @Test func nothingListeningIsUnreachable() async throws {
        let server = try await FakeChatServer.start()
        let baseURL = server.baseURL
        await server.stop()
        let client = try makeClient(baseURL: baseURL, retries: 1)
        await #expect {
            try await client.complete(question)
        } throws: { error in
            guard case ChatModelError.unreachable(_, let reason) = error else { return false }
            return reason == "connection refused"
        }
        #expect(await client.isReachable(timeout: .seconds(5)) == false)
    }

    @Test func probesTheModelsEndpoint() async throws {
        let server = try await FakeChatServer.start(modelID: "smollm2-agri")
        let client = try makeClient(server)
        #expect(await client.isReachable(timeout: .seconds(5)))
        #expect(try await client.listModels() == ["smollm2-agri"])
        #expect(server.modelListRequests == 2)
        await server.stop()
    }

    @Test func cancellingTheCallerCancelsTheRequest() async throws {
        let server = try await FakeChatServer.start(queue: [.hang])
        let client = try makeClient(server, retries: 0)
        let call = Task { () -> ChatModelError? in
            do throws(ChatModelError) {
                _ = try await client.complete(question)
                return nil
            } catch {
                return error
            }
        }
        #expect(await eventually { server.requests.count == 1 })
        call.cancel()
        let result = try await withUpperBound { await call.value }
        #expect(result == .cancelled)
        // The connection was closed, so the server saw its client go.
        #expect(await server.waitForAbandonedResponses(1))
        await server.stop()
    }
}
