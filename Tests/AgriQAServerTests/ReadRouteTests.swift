import AgriQAServer
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("Search, regions, documents, health, metrics (in-process)")
struct ReadRouteTests {
    @Test func searchReturnsRankedChunksWithScoreParts() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "almond irrigation scheduling", "location": "US-CA", "k": 3])
            try await client.execute(uri: "/v1/search", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .ok)
                let result = try TestRequests.object(response)
                let hits = try #require(result["hits"] as? [[String: Any]])
                #expect(hits.count == 3)
                #expect((hits.first?["title"] as? String)?.lowercased().contains("almond") == true)
                #expect(hits.first?["relation"] as? String == "same")
                #expect((hits.first?["scores"] as? [String: Any])?["bm25Rank"] as? Int != nil)
                #expect(hits.allSatisfy { ($0["path"] as? String).map { !$0.isEmpty && !$0.contains("/") } == true })
            }
            try await client.execute(
                uri: "/v1/search", method: .post, headers: TestRequests.jsonHeaders,
                body: TestRequests.json(["question": "wheat", "mode": "fuzzy"])
            ) { response throws in
                #expect(response.status == .badRequest)
                #expect(try TestRequests.error(response)["field"] as? String == "mode")
            }
        }
    }

    @Test func regionsAutocompleteAndResolve() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/regions?q=Tamil", method: .get) { response throws in
                #expect(response.status == .ok)
                let regions = try #require(try TestRequests.object(response)["regions"] as? [[String: Any]])
                #expect(regions.contains { $0["code"] as? String == "IN-TN" })
            }
            try await client.execute(uri: "/v1/regions/resolve?location=Whitman%20County,%20Washington", method: .get) { response throws in
                #expect(response.status == .ok)
                let region = try TestRequests.object(response)
                #expect((region["code"] as? String)?.hasPrefix("US-WA/") == true)
                #expect((region["label"] as? String)?.contains("Washington") == true)
            }
            try await client.execute(uri: "/v1/regions/resolve?location=Atlantis", method: .get) { response throws in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/v1/regions?q=x&limit=900", method: .get) { response throws in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func documentsAreListedAndChunksOpen() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            let documents = try await client.execute(uri: "/v1/documents", method: .get) { response throws in
                #expect(response.status == .ok)
                return try #require(try TestRequests.object(response)["documents"] as? [[String: Any]])
            }
            #expect(documents.count >= 9)
            let wheat = try #require(documents.first { ($0["fileName"] as? String) == "us-wa-winter-wheat.pdf" })
            #expect((wheat["regions"] as? [[String: Any]])?.contains { $0["code"] as? String == "US-WA" } == true)
            #expect(documents.allSatisfy { !(($0["fileName"] as? String) ?? "/").contains("/") })

            let hit = try await client.execute(
                uri: "/v1/search", method: .post, headers: TestRequests.jsonHeaders, body: TestRequests.json(["question": "stripe rust"])
            ) { response throws in try #require((try TestRequests.object(response)["hits"] as? [[String: Any]])?.first) }
            let chunkID = try #require(hit["chunkID"] as? Int)
            try await client.execute(uri: "/v1/chunks/\(chunkID)", method: .get) { response throws in
                #expect(response.status == .ok)
                let chunk = try TestRequests.object(response)
                #expect((chunk["text"] as? String)?.lowercased().contains("rust") == true)
                #expect(chunk["pageStart"] as? Int != nil)
            }
            try await client.execute(uri: "/v1/chunks/999999999", method: .get) { response throws in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/chunks/abc", method: .get) { response throws in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/v1/jobs/nope", method: .get) { response throws in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/readyz", method: .get) { response throws in
                #expect(response.status == .ok)
                let readiness = try TestRequests.object(response)
                #expect(readiness["ready"] as? Bool == true)
                #expect(readiness["answerMode"] as? String == "extractive")
            }
            try await client.execute(
                uri: "/v1/ask", method: .post, headers: TestRequests.jsonHeaders, body: TestRequests.json(["question": "soil pH testing"])
            ) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response throws in
                #expect(response.status == .ok)
                let text = TestRequests.text(response)
                #expect(text.contains("agriqa_http_requests_total{route=\"/v1/ask\",method=\"POST\",status=\"200\"} 1"))
                #expect(text.contains("agriqa_stage_duration_seconds_bucket{stage=\"retrieval\""))
                #expect(text.contains("agriqa_answers_total{mode=\"extractive\"} 1"))
                #expect(text.contains("agriqa_index_chunks "))
            }
        }
    }

    @Test func unknownRoutesAndMethodsAnswerJSON() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/nothing-here", method: .get) { response throws in
                #expect(response.status == .notFound)
                #expect(try TestRequests.error(response)["code"] as? String == "not_found")
            }
            try await client.execute(uri: "/v1/../../etc/passwd", method: .get) { response throws in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theWebPageIsSelfContained() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response throws in
                #expect(response.status == .ok)
                let html = TestRequests.text(response)
                #expect(html.contains("<meta name=\"viewport\""))
                #expect(html.contains("/v1/ask"))
                #expect(!html.contains("src=\"http"))
                #expect(!html.contains("href=\"http"))
            }
        }
    }
}
