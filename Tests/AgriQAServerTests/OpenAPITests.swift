import AgriQAServer
import Foundation
import Hummingbird
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    /// Every route the router serves is in the spec, and every operation in the spec is served.
    @Test func specAndRoutesAgree() async throws {
        let environment = try await ServerFixture.environment()
        let (_, registry) = AgriQAHTTPServer.router(environment)
        let served = Set(registry.entries.map { "\($0.method) \($0.path)" })

        let app = TestRequests.app(environment)
        let specified = try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response throws in
                #expect(response.status == .ok)
                let spec = try TestRequests.object(response)
                #expect((spec["openapi"] as? String)?.hasPrefix("3.") == true)
                let paths = try #require(spec["paths"] as? [String: [String: Any]])
                var operations = Set<String>()
                for (path, methods) in paths {
                    for method in methods.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                        operations.insert("\(method.uppercased()) \(path)")
                    }
                }
                return operations
            }
        }
        #expect(served.subtracting(specified).isEmpty, "served but not in the spec: \(served.subtracting(specified).sorted())")
        #expect(specified.subtracting(served).isEmpty, "in the spec but not served: \(specified.subtracting(served).sorted())")
        #expect(served.count >= 17)
    }

    /// Every `$ref` in the document points at something defined in it.
    @Test func referencesResolve() throws {
        let data = Data(OpenAPIDocumentProbe.json.utf8)
        let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(spec["components"] as? [String: [String: Any]])
        let refs = OpenAPIDocumentProbe.json.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/)
        #expect(!refs.isEmpty)
        for ref in refs {
            #expect(components[String(ref.1)]?[String(ref.2)] != nil, "unresolved $ref \(ref.0)")
        }
    }
}
