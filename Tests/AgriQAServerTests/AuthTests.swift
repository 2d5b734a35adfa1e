import AgriQAServer
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("API keys")
struct AuthTests {
    static let key = "test-key-0123456789abcdef"

    @Test func writesAreRefusedWhenNoKeysAreConfigured() async throws {
        let app = TestRequests.app(try await ServerFixture.environment())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/documents/1", method: .delete) { response throws in
                #expect(response.status == .forbidden)
                #expect(try TestRequests.error(response)["code"] as? String == "writes_disabled")
            }
        }
    }

    @Test func writesNeedTheRightKey() async throws {
        let indexPath = try await ServerFixture.smallIndex()
        let app = TestRequests.app(try await ServerFixture.environment(indexPath: indexPath) { $0.apiKeys = [Self.key] })
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/documents/1", method: .delete) { response throws in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            try await client.execute(uri: "/v1/documents/1", method: .delete, headers: [.authorization: "Bearer wrong-key-wrong-key"]) { response throws in
                #expect(response.status == .forbidden)
                #expect(try TestRequests.error(response)["code"] as? String == "invalid_api_key")
            }
            try await client.execute(uri: "/v1/documents/424242", method: .delete, headers: [.authorization: "Bearer \(Self.key)"]) { response throws in
                #expect(response.status == .notFound)
            }
            let first = try await client.execute(uri: "/v1/documents", method: .get) { response throws in
                try #require((try TestRequests.object(response)["documents"] as? [[String: Any]])?.first?["id"] as? Int)
            }
            try await client.execute(
                uri: "/v1/documents/\(first)", method: .delete, headers: [HTTPField.Name("X-API-Key")!: Self.key]
            ) { response throws in
                #expect(response.status == .ok)
                #expect(try TestRequests.object(response)["deleted"] as? Bool == true)
            }
            try await client.execute(uri: "/v1/documents", method: .get) { response throws in
                let ids = (try TestRequests.object(response)["documents"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }
                #expect(ids?.contains(first) == false)
            }
        }
    }

    @Test func readsNeedAKeyOnlyWhenConfigured() async throws {
        let app = TestRequests.app(try await ServerFixture.environment {
            $0.apiKeys = [Self.key]
            $0.requireKeyForReads = true
        })
        try await app.test(.router) { client in
            let body = TestRequests.json(["question": "wheat"])
            try await client.execute(uri: "/v1/search", method: .post, headers: TestRequests.jsonHeaders, body: body) { response throws in
                #expect(response.status == .unauthorized)
            }
            var headers = TestRequests.jsonHeaders
            headers[.authorization] = "Bearer \(Self.key)"
            try await client.execute(uri: "/v1/search", method: .post, headers: headers, body: body) { response throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/healthz", method: .get) { response throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func shortKeysAreRejectedAtStartUp() async throws {
        #expect(throws: ServerConfigurationError.self) {
            _ = try ServerConfigurationLoader.apiKeys(of: { var c = ServerConfiguration(); c.apiKeys = ["abc"]; return c }())
        }
    }
}
