import AgriQAServer
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("POST /v1/ask (extractive, in-process)")
struct AskRouteTests {
    @Test func answersWithCitationsForTheAskersRegion() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "When should winter wheat be seeded?", "location": "Whitman County, Washington"])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                let answer = try TestRequests.object(response)
                #expect(answer["mode"] as? String == "extractive")
                let text = try #require(answer["answer"] as? String)
                #expect(text.contains("[1]") || text.contains("[2]"))
                let citations = try #require(answer["citations"] as? [[String: Any]])
                #expect(!citations.isEmpty)
                let bulletin = try #require(citations.first { ($0["title"] as? String)?.contains("Winter Wheat") == true })
                #expect(["same", "parent", "child"].contains(bulletin["relation"] as? String ?? ""))
                #expect(bulletin["pageStart"] as? Int != nil)
                #expect(citations.allSatisfy { $0["relation"] as? String != nil })
                // The server's own directories stay private: citations carry file names only.
                #expect(citations.allSatisfy { ($0["path"] as? String).map { !$0.isEmpty && !$0.contains("/") } == true })
                let location = try #require(answer["location"] as? [String: Any])
                #expect((location["code"] as? String)?.hasPrefix("US-WA") == true)
                #expect(answer["timings"] as? [String: Any] != nil)
            }
        }
    }

    @Test func unknownLocationIsA400WithSuggestions() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "When to plant maize?", "location": "Tamil Nadoo"])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .badRequest)
                let error = try TestRequests.error(response)
                #expect(error["field"] as? String == "location")
                #expect(error["code"] as? String == "unknown_location")
                let suggestions = try #require(error["suggestions"] as? [String])
                #expect(suggestions.contains { $0.contains("(IN-TN)") })
            }
        }
    }

    @Test(arguments: [
        ("{\"question\": 5}", "question"),
        ("{\"location\": \"US-WA\"}", "question"),
        ("{\"question\": \"wheat\", \"k\": \"ten\"}", "k"),
        ("{\"question\": \"wheat\", \"k\": 500}", "k"),
        ("{\"question\": \"wheat\", \"mode\": \"poetry\"}", "mode"),
        ("{\"question\": \"wheat\", \"history\": [{\"role\": \"robot\", \"content\": \"x\"}]}", "history[0].role"),
        ("{\"question\": \"   \"}", "question"),
    ])
    func malformedBodiesNameTheField(body: String, field: String) async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: ByteBuffer(string: body)
            ) { response throws in
                #expect(response.status == .badRequest)
                #expect(try TestRequests.error(response)["field"] as? String == field)
            }
        }
    }

    @Test func brokenJSONOversizedAndWrongContentTypeGetTheirStatus() async throws {
        let app = TestRequests.app(try await ServerFixture.environment { $0.maxJSONBytes = 4096 })
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: ByteBuffer(string: "{\"question\": ")
            ) { response throws in
                #expect(response.status == .badRequest)
                #expect((try TestRequests.error(response)["message"] as? String)?.contains("JSON") == true)
            }
            let big = TestRequests.json(["question": String(repeating: "wheat ", count: 2000)])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: big) { response throws in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "wheat?")
            ) { response throws in
                #expect(response.status == .unsupportedMediaType)
            }
            let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: ByteBuffer(string: "{\"question\": \(deep)}")
            ) { response throws in
                #expect(response.status == .badRequest)
            }
            let long = TestRequests.json(["question": String(repeating: "a", count: 2500)])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: long) { response throws in
                #expect(response.status == .badRequest)
                #expect(try TestRequests.error(response)["code"] as? String == "question_too_long")
            }
        }
    }

    @Test(arguments: ["wheat AND NEAR(rust", "\"unbalanced quote", "* - ^ : ( )", "seeding* OR -rate", "DROP TABLE chunks;--"])
    func ftsSyntaxInQuestionsIsSafe(question: String) async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: TestRequests.json(["question": question])
            ) { response throws in
                #expect(response.status == .ok)
                #expect(try TestRequests.object(response)["answer"] as? String != nil)
            }
        }
    }

    @Test func streamsSourcesThenTheAnswer() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "How much nitrogen does rice need in Tamil Nadu?", "location": "IN-TN", "stream": true])
            try await client.execute(uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                let events = TestRequests.events(TestRequests.text(response))
                #expect(events.first?.event == "sources")
                #expect(events.last?.event == "done")
                let done = try TestRequests.decode(try #require(events.last?.data))
                #expect(done["mode"] as? String == "extractive")
                let sources = try TestRequests.decode(try #require(events.first?.data))["sources"] as? [[String: Any]]
                #expect(sources?.isEmpty == false)
            }
        }
    }

    @Test func acceptHeaderAlsoSelectsStreaming() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            var headers = TestRequests.jsonHeaders
            headers[.accept] = "text/event-stream"
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: headers, body: TestRequests.json(["question": "peanut harvest timing"])
            ) { response throws in
                #expect(TestRequests.events(TestRequests.text(response)).map(\.event).contains("done"))
            }
        }
    }

    @Test func modelModeWithoutAModelIsA400() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders,
                body: TestRequests.json(["question": "wheat seeding", "mode": "model"])
            ) { response throws in
                #expect(response.status == .badRequest)
                #expect(try TestRequests.error(response)["code"] as? String == "model_not_configured")
            }
        }
    }
}
