import AgriQAFakeChatServer
import Foundation
import Testing

/// `agriqa exam run --solver model` (the real binary) against a misbehaving endpoint: retried
/// failures complete, persistent ones are recorded per question (and `--resume` retries them),
/// a dead endpoint is a clear error, and no run outlives its model timeouts.
@Suite("Model endpoint faults in exam runs", .serialized, .enabled(if: FaultEnvironment.hasAgriqa))
struct ExamModelFaultTests {
    static let exam = FaultEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/exams/corpus-exam.jsonl").path

    func run(_ url: URL, out: URL, extra: [String] = []) throws -> ChildProcess.Result {
        try ChildProcess.agriqa([
            "exam", "run", Self.exam, "--solver", "model", "--rag", "off", "--model-url", url.absoluteString, "--out", out.path,
            "--limit", "4", "--concurrency", "2", "--model-timeout", "3", "--json",
        ] + extra)
    }

    @Test func a429WithRetryAfterAndA500AreRetriedAndTheRunCompletes() async throws {
        let fake = try await FakeChatServer.start(
            queue: [.status(429, retryAfter: 1), .status(500)], then: .reply("Answer: A"))
        let folder = try FaultEnvironment.temporaryDirectory("exam-429")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(fake.baseURL, out: folder.appendingPathComponent("run"))
        await fake.stop()
        #expect(result.status == 0, "\(result.stderr.suffix(1500))")
        let summary = try ChildProcess.json(result.stdout)
        #expect(summary["completed"] as? Int == 4)
        #expect(fake.requests.count == 6)
    }

    @Test func aHangingOrGarbledEndpointIsRecordedPerQuestionNotHungOn() async throws {
        let fake = try await FakeChatServer.start(queue: [.hang, .malformedSSE, .malformedJSON], then: .reply("Answer: B"))
        let folder = try FaultEnvironment.temporaryDirectory("exam-hang")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(fake.baseURL, out: folder.appendingPathComponent("run"), extra: ["--retries", "0"])
        await fake.stop()
        #expect(!result.signalled)
        // Every question has a line: answered, unparseable, or a failure that says why.
        let lines = try String(contentsOf: folder.appendingPathComponent("run/results.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 4, "\(result.stderr.suffix(1500))")
        print("exam under a hang + malformed SSE + malformed JSON: exit \(result.status); \(result.stderr.suffix(600))")
    }

    @Test func aRefusedConnectionIsAClearError() async throws {
        let gone = try await FakeChatServer.start()
        let url = gone.baseURL
        await gone.stop()
        let folder = try FaultEnvironment.temporaryDirectory("exam-refused")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(url, out: folder.appendingPathComponent("run"), extra: ["--retries", "0"])
        #expect(!result.signalled)
        #expect(result.status != 0)
        // The message says the model does not answer and what to do instead.
        #expect(result.stderr.contains("does not answer"), "\(result.stderr.suffix(1500))")
        #expect(result.stderr.contains("127.0.0.1:\(url.port ?? 0)"), "the message names the URL: \(result.stderr.suffix(600))")
        #expect(result.stderr.contains("--solver ir"), "\(result.stderr.suffix(1500))")
    }
}
