import AgriQAFakeChatServer
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `agriqa exam run` and `agriqa exam compare` through the real binary: the IR solver on the
/// corpus exam, input errors, and a model run killed midway and resumed.
@Suite(.serialized, .enabled(if: ExamBinary.exists)) struct ExamCommandTests {
    /// The sample corpus ingested by the binary itself (embedded when the model is installed).
    static let indexPath: String? = {
        guard let directory = try? ExamTestSupport.temporaryDirectory("exam-cli") else { return nil }
        let path = directory.appendingPathComponent("index.sqlite").path
        let corpus = ExamTestSupport.corpus
        let result = try? ExamBinary.run([
            "ingest", corpus.path, "--index", path, "--gazetteer", corpus.appendingPathComponent("gazetteer/sample-places.csv").path,
        ])
        return result?.status == 0 ? path : nil
    }()

    @Test func irRunWritesTheRunFolderAndRefusesToOverwriteIt() throws {
        let index = try #require(Self.indexPath)
        let out = try ExamTestSupport.temporaryDirectory("exam-cli-run").appendingPathComponent("run")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let result = try ExamBinary.run([
            "exam", "run", ExamTestSupport.corpusExam.path, "--index", index, "--out", out.path, "--json", "--pass-mark", "50",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(ExamBinary.json(result.stdout))
        let score = try #require(summary["score"] as? [String: Any])
        #expect(score["scored"] as? Int == 16)
        #expect((score["correct"] as? Int ?? 0) >= 12)
        #expect(summary["passed"] as? Bool == true)
        #expect((summary["settings"] as? [String: Any])?["irScoring"] as? String == "lexical")
        for file in ["results.jsonl", "summary.json", "report.md", "report.html", "run.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }

        let human = try ExamBinary.run(["exam", "run", ExamTestSupport.corpusExam.path, "--index", index, "--out", out.path])
        #expect(human.status != 0)
        #expect(human.stderr.contains("pass --resume"))

        let resumed = try ExamBinary.run(["exam", "run", ExamTestSupport.corpusExam.path, "--index", index, "--out", out.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("18 already answered (resumed)"))
        #expect(resumed.stdout.contains("accuracy "))

        let compared = try ExamBinary.run(["exam", "compare", out.path, out.path])
        #expect(compared.status == 0)
        #expect(compared.stdout.contains("McNemar (exact binomial): p = 1"))
    }

    @Test func malformedExamsNameTheLineAndField() throws {
        let folder = try ExamTestSupport.temporaryDirectory("exam-cli-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.jsonl")
        try Data("{\"question\": \"Q?\", \"options\": [\"a\", \"b\"], \"answer\": \"A\"}\n{\"question\": \"Q2?\", \"choices\": [\"a\", \"b\"], \"answerKey\": \"Z\"}\n".utf8)
            .write(to: file)
        let result = try ExamBinary.run(["exam", "run", file.path, "--index", "/nonexistent.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.jsonl line 2, field \"answerKey\": the answer key \"Z\" is not one of the options (A, B)"))
    }

    @Test func modelSolverWithoutAModelSaysWhatToDo() throws {
        let result = try ExamBinary.run(["exam", "run", ExamTestSupport.corpusExam.path, "--solver", "model", "--rag", "off"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--solver ir"))
    }

    @Test func aModelRunKilledMidwayResumesWhereItStopped() async throws {
        // Each answer takes a moment, so the run can be killed while questions remain.
        let server = try await FakeChatServer.start(responder: { request in
            let text = request.lastUserMessage ?? ""
            guard let range = text.range(of: ", key ") else { return .reply("?") }
            return .delayed(.milliseconds(150), .reply("Answer: \(text[range.upperBound])"))
        })
        let folder = try ExamTestSupport.temporaryDirectory("exam-cli-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exam = folder.appendingPathComponent("model.jsonl")
        let keys = ["A", "B", "C", "D", "A", "B", "C", "D", "A", "B", "C", "D"]
        let lines = keys.enumerated().map { offset, key in
            "{\"id\": \"m\(offset)\", \"question\": \"Question \(offset), key \(key)?\", \"options\": [\"w\", \"x\", \"y\", \"z\"], \"answer\": \"\(key)\"}"
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: exam)
        let out = folder.appendingPathComponent("run")
        let arguments = [
            "exam", "run", exam.path, "--solver", "model", "--rag", "off", "--model-url", server.baseURL.absoluteString,
            "--out", out.path, "--concurrency", "1", "--seed", "3",
        ]
        let results = out.appendingPathComponent("results.jsonl")
        let process = try ExamBinary.start(arguments, captureOutput: false)
        // Wait (bounded) for a few answers, then kill the process without warning.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: results, encoding: .utf8), text.split(separator: "\n").count >= 3 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let answeredBeforeKill = try ExamTestSupport.lines(results).count
        try #require(answeredBeforeKill >= 3 && answeredBeforeKill < 12, "killed after \(answeredBeforeKill) answers")

        let resumed = try ExamBinary.run(arguments + ["--resume", "--json"])
        await server.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let summary = try #require(ExamBinary.json(resumed.stdout))
        #expect((summary["score"] as? [String: Any])?["correct"] as? Int == 12)
        #expect(summary["completed"] as? Int == 12)
        // Questions answered before the kill were not asked again; at most the one in flight was.
        let asked = server.requests.count
        #expect(asked >= 12 && asked <= 13)
        let ids = try ExamTestSupport.lines(results).compactMap { ExamBinary.json($0)?["id"] as? String }
        #expect(Set(ids).count == 12)
        #expect(ids.count == 12)
    }
}
