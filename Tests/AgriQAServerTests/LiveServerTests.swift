import AgriQAServer
import Foundation
import Testing

/// The server on a real port: requests through the network stack, uploads ingested by the real
/// `agriqa` worker process, and the web page driven by headless Chromium.
@Suite("Live server on a real port", .serialized)
struct LiveServerTests {
    static let key = "live-test-key-0123456789"

    @Test func uploadsAreIngestedByTheWorkerAndBadFilesFailAlone() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ServerFixture.agriqaBinary),
            "build the agriqa binary first (scripts/test.sh does)")
        let indexPath = try await ServerFixture.smallIndex(["ke-maize.pdf"])
        let server = try await LiveServer.start(try await ServerFixture.environment(indexPath: indexPath) {
            $0.apiKeys = [Self.key]
            $0.workerTimeoutSeconds = 120
        })
        let auth = ["Authorization": "Bearer \(Self.key)"]

        #expect(try await server.send("GET", "/healthz").status == 200)

        // A real PDF, named with a path-traversal attempt: stored under its last component only.
        let pdf = try Data(contentsOf: ServerFixture.corpus.appendingPathComponent("us-ga-peanut.pdf"))
        let accepted = try await server.send(
            "POST", "/v1/documents?filename=..%2F..%2Fetc%2Fpeanut.pdf", headers: auth.merging(["Content-Type": "application/pdf"]) { a, _ in a },
            body: pdf)
        #expect(accepted.status == 202)
        let job = try accepted.json()
        #expect(job["fileName"] as? String == "peanut.pdf")
        let jobID = try #require(job["id"] as? String)
        #expect(accepted.headers["location"] == "/v1/jobs/\(jobID)")
        let finished = try await Self.waitForJob(jobID, on: server)
        #expect(finished["status"] as? String == "succeeded", "job: \(finished)")

        let search = try await server.postJSON("/v1/search", ["question": "peanut digging inversion", "k": 1])
        let hit = try #require((try search.json()["hits"] as? [[String: Any]])?.first)
        #expect((hit["title"] as? String)?.lowercased().contains("peanut") == true)

        // A damaged PDF: the job fails with a reason; the server keeps answering.
        var damaged = pdf.prefix(400)
        damaged.append(Data(repeating: 0x41, count: 300))
        let bad = try await server.send(
            "POST", "/v1/documents", headers: auth.merging(["Content-Type": "application/pdf", "X-Filename": "broken.pdf"]) { a, _ in a },
            body: damaged)
        #expect(bad.status == 202)
        let badJob = try await Self.waitForJob(try #require(try bad.json()["id"] as? String), on: server)
        #expect(badJob["status"] as? String == "failed")
        #expect((badJob["error"] as? String)?.isEmpty == false)
        #expect(try await server.send("GET", "/healthz").status == 200)

        // Not a PDF at all, and a type the server does not take.
        let fake = try await server.send(
            "POST", "/v1/documents?filename=x.pdf", headers: auth, body: Data("hello".utf8))
        #expect(fake.status == 400)
        let exe = try await server.send("POST", "/v1/documents?filename=run.sh", headers: auth, body: Data("#!/bin/sh".utf8))
        #expect(exe.status == 415)
        let anonymous = try await server.send("POST", "/v1/documents?filename=a.pdf", body: pdf)
        #expect(anonymous.status == 401)
        await server.stop()
    }

    @Test func askOverTheNetworkWithStreaming() async throws {
        let server = try await LiveServer.start(try await ServerFixture.environment())
        let reply = try await server.postJSON(
            "/v1/ask", ["question": "What seeding rate for soybean in Mato Grosso?", "location": "BR-MT", "stream": true])
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        let events = TestRequests.events(reply.text)
        #expect(events.first?.event == "sources")
        #expect(events.last?.event == "done")
        await server.stop()
    }

    /// The farmers' page in headless Chromium: `/?q=…&location=…` asks at once; the rendered DOM
    /// must hold the streamed answer, its citations and the sources list.
    @Test func theWebPageAnswersInHeadlessChromium() async throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Issue.record("Chromium is not installed: scripts/test.sh installs it (scripts/apt-packages-test.txt)")
            return
        }
        let server = try await LiveServer.start(try await ServerFixture.environment())
        // Warm the searcher so the page's request is quick; Chromium's virtual time does not always
        // wait for a streaming fetch, so a loaded machine gets up to three attempts.
        _ = try await server.postJSON("/v1/ask", ["question": "winter wheat seeding date"])
        let url = "\(server.baseURL)/?q=When%20should%20I%20plant%20winter%20wheat%3F&location=Whitman%20County%2C%20Washington"
        var data = Data()
        for _ in 0..<3 {
            data = try await Self.dumpDOM(chromium: chromium, url: url)
            if String(decoding: data, as: UTF8.self).contains("data-done=\"1\"") { break }
        }
        await server.stop()
        let dom = String(decoding: data, as: UTF8.self)
        #expect(dom.contains("data-done=\"1\""), "the answer did not finish rendering: \(dom.suffix(1500))")
        #expect(dom.contains("id=\"source-1\""))
        #expect(dom.contains("Winter Wheat"))
        #expect(dom.contains("href=\"#source-"))
    }

    /// The DOM after the page's scripts ran (`--dump-dom`), in a throwaway profile.
    static func dumpDOM(chromium: String, url: String) async throws -> Data {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=30000", "--dump-dom", url,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        return data
    }

    static func waitForJob(_ id: String, on server: LiveServer) async throws -> [String: Any] {
        for _ in 0..<600 {
            let job = try await server.send("GET", "/v1/jobs/\(id)").json()
            if let status = job["status"] as? String, status == "succeeded" || status == "failed" { return job }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw FixtureError("job \(id) did not finish")
    }
}
