import AgriQATestSupport
import Foundation
import Testing

/// A large `agriqa ingest` (another process) writes into the index the server is answering from:
/// thanks to WAL, searches and answers keep coming back 200 the whole time, and the new documents
/// become searchable.
@Suite("Ingest while serving", .serialized, .enabled(if: FaultEnvironment.hasAgriqa))
struct IngestWhileServingTests {
    @Test func queriesKeepAnsweringDuringALargeIngest() async throws {
        let folder = try FaultEnvironment.temporaryDirectory("serve-ingest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let fileCount = FaultEnvironment.scale("AGRIQA_FAULT_SERVE_INGEST_FILES", default: 40)
        for file in 0..<fileCount {
            let pages = (1...30).map { page in
                (0..<12).map { line in
                    "Cassava note \(file) page \(page) line \(line): plant stem cuttings of cassava at the onset of rains, spacing \(file + line) cm."
                }
            }
            try MinimalPDF.make(pages: pages).write(to: inbox.appendingPathComponent(String(format: "cassava-%03d.pdf", file)))
        }
        let server = try await FaultServer.start()
        let ingest = try ChildProcess.start(
            FaultEnvironment.agriqa.path, ["ingest", inbox.path, "--index", server.indexPath, "--no-embed", "--jobs", "1"],
            captureOutput: false)
        var answered = 0, failures: [String] = []
        // Clients keep asking until the ingest is done (and at least a few rounds).
        var rounds = 0
        while ingest.isRunning || rounds < 3 {
            rounds += 1
            let replies = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                let requests: [(String, [String: Any])] = [
                    ("/v1/search", ["question": "when to plant cassava cuttings", "k": 5]),
                    ("/v1/search", ["question": "winter wheat seeding date", "location": "US-WA"]),
                    ("/v1/ask", ["question": "How should peanuts be dug?", "location": "US-GA"]),
                    ("/v1/ask", ["question": "cassava spacing", "mode": "extractive"]),
                ]
                for (path, object) in requests {
                    let body = try JSONSerialization.data(withJSONObject: object)
                    group.addTask {
                        let reply = try await server.send(
                            "POST", path, headers: ["Content-Type": "application/json"], body: body, timeout: 120)
                        return (path, reply.status)
                    }
                }
                var all: [(String, Int)] = []
                for try await reply in group { all.append(reply) }
                return all
            }
            for (path, status) in replies {
                if status == 200 { answered += 1 } else { failures.append("\(path) → \(status)") }
            }
        }
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures)")
        // The new documents are found once the ingest is done.
        let search = try await server.postJSON("/v1/search", ["question": "cassava stem cuttings onset of rains", "k": 3]).json()
        let results = search["hits"] as? [[String: Any]] ?? []
        #expect(!results.isEmpty)
        #expect(try IndexConsistency.check(server.indexPath).problems.isEmpty)
        await server.stop()
        print("ingest while serving: \(fileCount) PDFs ingested; \(answered) queries answered 200 during it, \(failures.count) errors")
    }
}
