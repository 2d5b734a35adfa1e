import Foundation
import Testing

/// Hostile and broken HTTP requests against the live server: each gets its documented status
/// (docs/server.md, "Errors") as a JSON error, and the server keeps answering afterwards.
@Suite("Hostile HTTP input", .serialized)
struct HostileRequestTests {
    static let key = "fault-suite-key-0123456789abcdef"

    static func start() async throws -> FaultServer {
        try await FaultServer.start { configuration in
            configuration.apiKeys = [key]
            configuration.maxUploadBytes = 64 * 1024
        }
    }

    @Test func malformedOversizedAndMistypedBodiesGetTheirStatus() async throws {
        let server = try await Self.start()
        let json = ["Content-Type": "application/json"]
        let cases: [(String, String, [String: String], Data, Int)] = [
            ("broken JSON", "/v1/ask", json, Data("{\"question\": ".utf8), 400),
            ("not an object", "/v1/ask", json, Data("[1, 2, 3]".utf8), 400),
            ("wrong field type", "/v1/ask", json, Data("{\"question\": 42}".utf8), 400),
            ("wrong nested type", "/v1/ask", json, Data("{\"question\": \"q?\", \"history\": [{\"role\": 1}]}".utf8), 400),
            ("empty body", "/v1/search", json, Data(), 400),
            ("invalid UTF-8", "/v1/search", json, Data([0x7B, 0x22, 0x71, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]), 400),
            ("raw control bytes", "/v1/search", json, Data("{\"question\": \"wheat\u{0}\u{1}rust\"}".utf8), 400),
            ("escaped NUL", "/v1/search", json, Data(#"{"question": "wheat\u0000rust"}"#.utf8), 200),
            ("deep JSON", "/v1/ask", json, Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8), 400),
            ("deep JSON in a field", "/v1/search", json,
             Data(("{\"question\": \"q\", \"x\": " + String(repeating: "{\"a\":", count: 5000) + "1" + String(repeating: "}", count: 5000) + "}").utf8), 400),
            ("oversized body", "/v1/ask", json, Data(("{\"question\": \"" + String(repeating: "a", count: 2 << 20) + "\"}").utf8), 413),
            ("form content type", "/v1/ask", ["Content-Type": "application/x-www-form-urlencoded"], Data("question=wheat".utf8), 415),
            ("text content type", "/v1/search", ["Content-Type": "text/plain"], Data("{\"question\": \"wheat\"}".utf8), 415),
            ("huge k", "/v1/search", json, Data("{\"question\": \"wheat\", \"k\": 99999999999999999999}".utf8), 400),
            ("negative k", "/v1/ask", json, Data("{\"question\": \"wheat\", \"k\": -1}".utf8), 400),
            ("unknown mode", "/v1/ask", json, Data("{\"question\": \"wheat\", \"mode\": \"; DROP\"}".utf8), 400),
            ("long question", "/v1/ask", json, Data("{\"question\": \"\(String(repeating: "wheat ", count: 2000))\"}".utf8), 400),
            ("long location", "/v1/search", json, Data("{\"question\": \"wheat\", \"location\": \"\(String(repeating: "x", count: 100_000))\"}".utf8), 400),
            ("huge history", "/v1/ask", json,
             try JSONSerialization.data(withJSONObject: ["question": "and then?", "history": Array(repeating: ["role": "user", "content": String(repeating: "w ", count: 200)], count: 2000)]), 400),
            ("oversized upload", "/v1/documents?filename=big.pdf", ["Content-Type": "application/pdf", "X-API-Key": Self.key],
             Data(("%PDF-1.4\n" + String(repeating: "x", count: 200 * 1024)).utf8), 413),
        ]
        for (name, path, headers, body, expected) in cases {
            let reply = try await server.send("POST", path, headers: headers, body: body)
            #expect(reply.status == expected, "\(name): \(reply.status) \(reply.text.prefix(300))")
            if expected != 200 {
                #expect(reply.errorCode != nil, "\(name): not a JSON error: \(reply.text.prefix(200))")
            }
        }
        #expect(try await server.send("GET", "/healthz").status == 200)
        await server.stop()
    }

    @Test(arguments: [
        "wheat AND NEAR(rust", "\"unbalanced quote", "* - ^ : ( ) { } [ ]", "seeding* OR -rate NOT maize", "DROP TABLE chunks;--",
        "text:wheat", "\"\"\"\"", "NEAR(\"a\" \"b\", 2)", "'; SELECT * FROM documents; --", "%00%27", "\u{202E}gnideeS", "🌾🌽?",
        "rust^2 OR col:*", "a AND", "OR", "NOT",
    ])
    func ftsOperatorsAndQuotesAreSearchedAsText(_ question: String) async throws {
        let server = try await Self.start()
        for path in ["/v1/search", "/v1/ask"] {
            let reply = try await server.postJSON(path, ["question": question, "location": "US-WA"])
            #expect(reply.status == 200, "\(path) \(question): \(reply.status) \(reply.text.prefix(300))")
        }
        let regions = try await server.send("GET", "/v1/regions?q=\(question.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        #expect(regions.status == 200 || regions.status == 400, "regions \(question): \(regions.status)")
        await server.stop()
    }

    @Test func uploadNamesCannotEscapeTheUploadFolder() async throws {
        let server = try await Self.start()
        let pdf = try Data(contentsOf: FaultEnvironment.corpus.appendingPathComponent("ke-maize.pdf"))
        let names = [
            "../../../../tmp/evil.pdf", "..%2F..%2Fescape.pdf", "/etc/passwd.pdf", "..\\..\\windows.pdf", "....//....//x.pdf",
            ".hidden.pdf", "a/../../b.pdf",
        ]
        for name in names {
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
            let reply = try await server.send(
                "POST", "/v1/documents?filename=\(encoded)", headers: ["Content-Type": "application/pdf", "X-API-Key": Self.key],
                body: pdf)
            #expect(reply.status == 202 || reply.status == 400, "\(name): \(reply.status) \(reply.text.prefix(200))")
            if reply.status == 202 {
                let stored = try reply.json()["fileName"] as? String ?? ""
                #expect(!stored.contains("/") && !stored.contains("\\") && !stored.hasPrefix("."), "\(name) stored as \(stored)")
            }
        }
        // Also through the other two ways of naming an upload.
        for headers in [["X-Filename": "../../x.pdf"], ["Content-Disposition": "attachment; filename=\"../../../y.pdf\""]] {
            let reply = try await server.send(
                "POST", "/v1/documents", headers: headers.merging(["Content-Type": "application/pdf", "X-API-Key": Self.key]) { a, _ in a },
                body: pdf)
            #expect(reply.status == 202, "\(headers): \(reply.status)")
            let stored = try reply.json()["fileName"] as? String ?? ""
            #expect(!stored.contains("/") && !stored.contains(".."), "stored as \(stored)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.pdf"))
        // Beside the index there is only the index and the upload folder: nothing landed outside it.
        let folder = URL(fileURLWithPath: server.indexPath).deletingLastPathComponent()
        let contents = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(contents.allSatisfy { $0.hasPrefix("agriqa.sqlite") || $0.hasPrefix("uploads-") }, "\(contents)")
        await server.stop()
    }

    @Test func apiKeysAreCheckedOnEveryWritePathSpelling() async throws {
        let server = try await Self.start()
        let pdf = Data("%PDF-1.4\n".utf8)
        let missing = try await server.send("POST", "/v1/documents?filename=a.pdf", headers: ["Content-Type": "application/pdf"], body: pdf)
        #expect(missing.status == 401)
        #expect(missing.errorCode == "missing_api_key")
        for headers in [["X-API-Key": "wrong-key-wrong-key-wrong"], ["Authorization": "Bearer wrong-key-wrong-key"], ["Authorization": "Basic \(Self.key)"],
                        ["Authorization": "Bearer \(Self.key)x"], ["X-API-Key": String(Self.key.dropLast())]] {
            let reply = try await server.send(
                "POST", "/v1/documents?filename=a.pdf", headers: headers.merging(["Content-Type": "application/pdf"]) { a, _ in a }, body: pdf)
            #expect(reply.status == 401 || reply.status == 403, "\(headers): \(reply.status)")
        }
        let delete = try await server.send("DELETE", "/v1/documents/1")
        #expect(delete.status == 401)
        // Other spellings of the write paths never reach the upload or delete handlers without a key.
        for (method, path) in [("POST", "/v1/documents/"), ("POST", "//v1/documents"), ("POST", "/v1/./documents"), ("POST", "/V1/documents"),
                               ("DELETE", "/v1/documents/1/"), ("DELETE", "/v1//documents/1"), ("POST", "/v1/documents%2F")] {
            let connection = try RawConnection(port: server.port)
            try connection.write("\(method) \(path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nContent-Length: 9\r\nConnection: close\r\n\r\n%PDF-1.4\n")
            let status = connection.status() ?? 0
            #expect([400, 401, 404, 405].contains(status), "\(method) \(path): \(status)")
        }
        let documents = try await server.send("GET", "/v1/documents").json()
        #expect((documents["documents"] as? [Any])?.count ?? 0 > 0)
        await server.stop()
    }

    @Test func manySlowClientsDoNotStopTheServerAnswering() async throws {
        let server = try await FaultServer.start { configuration in
            configuration.maxConnections = 64
        }
        let slowCount = FaultEnvironment.scale("AGRIQA_FAULT_SLOW_CLIENTS", default: 200)
        // Slow clients: half send part of the headers and stall, half send headers and a partial body.
        var slow: [RawConnection] = []
        for number in 0..<slowCount {
            let connection = try RawConnection(port: server.port)
            if number % 2 == 0 {
                try connection.write("POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Ty")
            } else {
                try connection.write("POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"que")
            }
            slow.append(connection)
        }
        // Garbage that is not HTTP at all.
        let garbage = try RawConnection(port: server.port)
        try garbage.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        let garbageStatus = garbage.status()
        #expect(garbageStatus == nil || garbageStatus == 400)
        // While the slow clients hold their connections, new clients are still answered (stalled
        // connections are dropped after the server's idle timeout, freeing their slots).
        for _ in 0..<5 {
            let reply = try await server.postJSON("/v1/search", ["question": "winter wheat seeding"], timeout: 90)
            #expect(reply.status == 200)
        }
        slow.removeAll()
        #expect(try await server.send("GET", "/healthz").status == 200)
        await server.stop()
        print("slow clients: \(slowCount) stalled connections (connection limit 64); server answered afterwards")
    }
}
