import AgriQAServer
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("POST /v1/chat/completions (OpenAI-compatible face)")
struct ChatCompletionsTests {
    @Test func answersInTheOpenAIShapeWithSources() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let body = TestRequests.json([
                "model": "agriqa",
                "messages": [
                    ["role": "system", "content": "You are helpful."],
                    ["role": "user", "content": [["type": "text", "text": "How much water do almond trees need?"]]],
                ],
                "location": "US-CA",
            ])
            try await client.execute(uri: "/v1/chat/completions", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                let completion = try TestRequests.object(response)
                #expect(completion["object"] as? String == "chat.completion")
                let choice = try #require((completion["choices"] as? [[String: Any]])?.first)
                #expect(choice["finish_reason"] as? String == "stop")
                let content = try #require((choice["message"] as? [String: Any])?["content"] as? String)
                #expect(!content.isEmpty)
                let agriqa = try #require(completion["agriqa"] as? [String: Any])
                #expect((agriqa["citations"] as? [[String: Any]])?.isEmpty == false)
                #expect((agriqa["location"] as? [String: Any])?["code"] as? String == "US-CA")
            }
        }
    }

    @Test func streamsChunksAndEndsWithDone() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let body = TestRequests.json([
                "messages": [
                    ["role": "user", "content": "What seeding rate for winter wheat?"],
                    ["role": "assistant", "content": "It depends on the zone."],
                    ["role": "user", "content": "And in the low-rainfall zone?"],
                ],
                "stream": true, "stream_options": ["include_usage": true], "agriqa": ["location": "US-WA"],
            ])
            try await client.execute(uri: "/v1/chat/completions", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                let events = TestRequests.events(TestRequests.text(response))
                #expect(events.last?.data == "[DONE]")
                let chunks = try events.dropLast().map { try TestRequests.decode($0.data) }
                #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })
                let first = try #require(chunks.first)
                #expect(((first["agriqa"] as? [String: Any])?["sources"] as? [Any])?.isEmpty == false)
                let text = chunks.compactMap { (($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])?["content"] as? String }
                    .joined()
                #expect(!text.isEmpty)
                let last = try #require(chunks.last { (($0["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String) == "stop" })
                let answer = try #require((last["agriqa"] as? [String: Any])?["answer"] as? [String: Any])
                #expect((answer["standaloneQuestion"] as? String)?.lowercased().contains("wheat") == true)
                #expect(chunks.last?["usage"] != nil)
            }
        }
    }

    @Test func theLastMessageMustBeTheUsers() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let body = TestRequests.json(["messages": [["role": "assistant", "content": "hello"]]])
            try await client.execute(uri: "/v1/chat/completions", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .badRequest)
                #expect(try TestRequests.error(response)["field"] as? String == "messages")
            }
        }
    }
}
