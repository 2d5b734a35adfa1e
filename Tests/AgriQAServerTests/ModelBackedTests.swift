import AgriQAChatModel
import AgriQAFakeChatServer
import AgriQAServer
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// The answering routes against a real HTTP chat endpoint: the local OpenAI-compatible test server.
@Suite("Answers from a chat model (fake OpenAI-compatible server)")
struct ModelBackedTests {
    static func model(_ server: FakeChatServer, timeout: Duration = .seconds(10)) throws -> any ChatModel {
        try OpenAICompatibleChatModel(configuration: ChatModelConfiguration(
            baseURL: server.baseURL, model: "agriqa-test", timeout: timeout, streamIdleTimeout: .seconds(3), maxRetries: 1,
            backoffBase: .milliseconds(20)))
    }

    @Test func aModelAnswerKeepsValidCitationsAndDropsInventedOnes() async throws {
        let server = try await FakeChatServer.start { _ in
            .reply("Seed winter wheat from early to mid September in the low-rainfall zone [1]. Yields double [9].")
        }
        let app = TestRequests.app(try await ServerFixture.environment(model: try Self.model(server)))
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "When do I seed winter wheat?", "location": "US-WA"])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                let answer = try TestRequests.object(response)
                #expect(answer["mode"] as? String == "model")
                #expect(answer["model"] as? String != nil)
                let text = try #require(answer["answer"] as? String)
                #expect(text.contains("[1]"))
                #expect(!text.contains("[9]"))
                #expect((answer["removedCitations"] as? [Int]) == [9])
                #expect(answer["uncited"] as? Bool == false)
            }
        }
        let prompt = try #require(server.requests.first?.messages.map(\.content).joined(separator: "\n"))
        #expect(prompt.contains("[1]"))
        #expect(prompt.contains("Washington"))
        await server.stop()
    }

    @Test func aFailingModelFallsBackToExtractive() async throws {
        let server = try await FakeChatServer.start { _ in .status(500) }
        let app = TestRequests.app(try await ServerFixture.environment(model: try Self.model(server)))
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "How should peanuts be dug?", "location": "US-GA"])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                let answer = try TestRequests.object(response)
                #expect(answer["mode"] as? String == "extractive-fallback")
                #expect((answer["warnings"] as? [String])?.isEmpty == false)
                #expect((answer["citations"] as? [[String: Any]])?.isEmpty == false)
            }
            try await client.execute(uri: "/metrics", method: .get) { response throws in
                #expect(TestRequests.text(response).contains("agriqa_model_fallbacks_total 1"))
            }
        }
        await server.stop()
    }

    @Test func aHangingModelFallsBackWithinItsTimeout() async throws {
        let server = try await FakeChatServer.start { _ in .hang }
        let app = TestRequests.app(try await ServerFixture.environment(model: try Self.model(server, timeout: .seconds(1))))
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "maize planting in Kenya", "location": "KE"])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                #expect(try TestRequests.object(response)["mode"] as? String == "extractive-fallback")
            }
        }
        await server.stop()
    }

    @Test func streamingRelaysModelDeltas() async throws {
        let server = try await FakeChatServer.start { _ in
            .stream(["Plant ", "in ", "September ", "[1]."], delay: .milliseconds(20))
        }
        let app = TestRequests.app(try await ServerFixture.environment(model: try Self.model(server)))
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "When do I seed winter wheat?", "location": "US-WA", "stream": true])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                let events = TestRequests.events(TestRequests.text(response))
                let names = events.map(\.event)
                #expect(names.first == "sources")
                #expect(names.filter { $0 == "delta" }.count >= 2)
                #expect(names.last == "done")
                let done = try TestRequests.decode(try #require(events.last?.data))
                #expect(done["mode"] as? String == "model")
                #expect(done["answer"] as? String == "Plant in September [1].")
            }
        }
        await server.stop()
    }

    @Test func streamCutMidwayEndsWithTheExtractiveAnswer() async throws {
        let server = try await FakeChatServer.start { _ in .cutStream(["Plant ", "in ", "Sept"], after: 2) }
        let app = TestRequests.app(try await ServerFixture.environment(model: try Self.model(server)))
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "When do I seed winter wheat?", "stream": true])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                let events = TestRequests.events(TestRequests.text(response))
                let done = try TestRequests.decode(try #require(events.last { $0.event == "done" }?.data))
                #expect(done["mode"] as? String == "extractive-fallback")
                #expect((done["warnings"] as? [String])?.isEmpty == false)
            }
        }
        await server.stop()
    }
}
