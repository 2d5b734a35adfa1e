import Foundation
import Testing

/// Mutated PDFs (truncated, flipped bytes, broken xref, huge object counts, nesting bombs, …) fed
/// to `agriqa ingest` and to the server's upload worker: no crash, every failure named with its
/// file, and an index that stays consistent. `AGRIQA_FAULT_FUZZ_COUNT` sets how many (CI: 60).
@Suite("Fuzzed PDFs", .serialized, .enabled(if: FaultEnvironment.canFuzz))
struct PDFFuzzTests {
    static let count = FaultEnvironment.scale("AGRIQA_FAULT_FUZZ_COUNT", default: 60)
    static let seed = FaultEnvironment.scale("AGRIQA_FAULT_SEED", default: 1)

    @Test func ingestSurvivesEveryMutationAndNamesEachFailure() throws {
        let folder = try FaultEnvironment.temporaryDirectory("fuzz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("pdfs")
        let files = try FuzzedPDFs.generate(count: Self.count, seed: Self.seed, into: inbox)
        try #require(files.count == Self.count)
        let indexPath = folder.appendingPathComponent("fuzz.sqlite").path

        let result = try ChildProcess.agriqa(["ingest", inbox.path, "--index", indexPath, "--no-embed", "--json", "--jobs", "2"])
        // Exit 1 (some files failed) is expected; a signal is a crash of the whole batch.
        #expect(!result.signalled, "agriqa ingest crashed (signal \(result.status)): \(result.stderr.suffix(2000))")
        #expect(result.status == 0 || result.status == 1, "\(result.stderr.suffix(2000))")
        let summary = try ChildProcess.json(result.stdout)
        let failed = summary["failed"] as? [[String: Any]] ?? []
        let duplicates = summary["duplicates"] as? [String] ?? []
        let added = summary["added"] as? Int ?? 0
        // Every input is accounted for: indexed, recognised as a duplicate, or failed with a reason.
        #expect(added + duplicates.count + failed.count == files.count)
        for failure in failed {
            let path = failure["path"] as? String ?? ""
            let reason = failure["reason"] as? String ?? ""
            #expect(files.contains(path), "failure names an unknown file: \(path)")
            #expect(reason.contains(URL(fileURLWithPath: path).lastPathComponent), "reason does not name the file: \(reason)")
            #expect(reason.count > path.count + 20, "reason says nothing: \(reason)")
        }
        let report = try IndexConsistency.check(indexPath)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.documents == added)

        // A second run over the same files changes nothing and fails the same files.
        let again = try ChildProcess.agriqa(["ingest", inbox.path, "--index", indexPath, "--no-embed", "--json", "--jobs", "2"])
        #expect(!again.signalled)
        let second = try ChildProcess.json(again.stdout)
        #expect(second["added"] as? Int == 0)
        #expect((second["failed"] as? [Any])?.count == failed.count)
        #expect(try IndexConsistency.check(indexPath).problems.isEmpty)
        print("fuzz: \(files.count) mutated PDFs (seed \(Self.seed)): \(added) indexed, \(duplicates.count) duplicates, \(failed.count) failed with reasons, 0 crashes")
    }

    @Test func uploadsOfFuzzedPDFsFailAloneInTheWorker() async throws {
        let folder = try FaultEnvironment.temporaryDirectory("fuzz-upload")
        defer { try? FileManager.default.removeItem(at: folder) }
        let uploadCount = min(Self.count, FaultEnvironment.scale("AGRIQA_FAULT_UPLOAD_COUNT", default: 13))
        let files = try FuzzedPDFs.generate(count: uploadCount, seed: Self.seed + 1, into: folder.appendingPathComponent("pdfs"))
        let key = "fault-suite-key-0123456789abcdef"
        let server = try await FaultServer.start { configuration in
            configuration.apiKeys = [key]
            configuration.workerTimeoutSeconds = 60
            configuration.workerMemoryMB = 1024
        }
        var outcomes: [String: Int] = [:]
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let reply = try await server.send(
                "POST", "/v1/documents?filename=\(name)", headers: ["Content-Type": "application/pdf", "X-API-Key": key],
                body: try Data(contentsOf: URL(fileURLWithPath: file)))
            // Empty files are refused at once; everything else is queued for the worker.
            if reply.status == 400 { outcomes["refused", default: 0] += 1; continue }
            try #require(reply.status == 202, "\(name): \(reply.status) \(reply.text.prefix(300))")
            let job = try #require(try reply.json()["id"] as? String)
            let final = try await Self.waitForJob(job, on: server)
            let status = final["status"] as? String ?? "?"
            outcomes[status, default: 0] += 1
            #expect(status == "succeeded" || status == "failed", "\(name): \(final)")
            if status == "failed" {
                let reason = final["error"] as? String ?? final["reason"] as? String ?? "\(final)"
                #expect(!reason.isEmpty)
            }
        }
        // The server is still up and its index consistent.
        #expect(try await server.send("GET", "/healthz").status == 200)
        #expect(try await server.postJSON("/v1/search", ["question": "maize planting"]).status == 200)
        #expect(try IndexConsistency.check(server.indexPath).problems.isEmpty)
        await server.stop()
        print("fuzz uploads: \(files.count) through the worker: \(outcomes)")
    }

    static func waitForJob(_ id: String, on server: FaultServer) async throws -> [String: Any] {
        // Bounded only so that a broken worker fails the test instead of hanging it.
        for _ in 0..<1200 {
            let job = try await server.send("GET", "/v1/jobs/\(id)").json()
            if let status = job["status"] as? String, status != "queued" && status != "running" { return job }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FaultTestError("job \(id) did not finish")
    }
}
