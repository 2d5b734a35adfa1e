import AgriQAIndex
import Foundation
import Testing

/// End-to-end: the real binary, real poppler, real SQLite, on the project's own corpus.
@Suite(.serialized, .enabled(if: AgriQABinary.exists)) struct IngestCommandTests {
    let corpus = AgriQABinary.packageRoot.appendingPathComponent("corpus").path

    @Test func ingestsTheCorpusThenIsANoOpThenReplacesAChangedFile() throws {
        let directory = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        let copy = directory.appendingPathComponent("corpus")
        try FileManager.default.copyItem(atPath: corpus, toPath: copy.path)

        let first = try AgriQABinary.run(["ingest", copy.path, "--index", indexPath, "--json"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let summary = try AgriQABinary.json(first.stdout)
        let pdfCount = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".pdf") }.count
        #expect(summary["added"] as? Int == pdfCount + 1)  // + the records file
        #expect((summary["failed"] as? [Any])?.isEmpty == true)
        #expect(summary["imageOnlyPages"] as? Int == 1)
        #expect((summary["chunks"] as? Int ?? 0) > 30)
        #expect((summary["regions"] as? Int ?? 0) >= 8)
        // Every chunk got a vector from the built-in embedder (when its weights are installed).
        if let embedding = summary["embedding"] as? [String: Any] {
            #expect(embedding["embedded"] as? Int == summary["chunks"] as? Int)
        } else {
            #expect((summary["embeddingError"] as? String)?.contains("scripts/fetch-model.sh") == true)
        }

        let second = try AgriQABinary.run(["ingest", copy.path, "--index", indexPath, "--json"])
        let again = try AgriQABinary.json(second.stdout)
        #expect(again["unchanged"] as? Int == pdfCount + 1)
        #expect(again["added"] as? Int == 0)
        #expect((again["embedding"] as? [String: Any])?["embedded"] as? Int ?? 0 == 0)

        // Change the records file: it is replaced, not duplicated.
        let records = copy.appendingPathComponent("records/farmer-questions.jsonl")
        var text = try String(contentsOf: records, encoding: .utf8)
        text += #"{"id": "extra-1", "question": "How deep to plant sorghum in Kansas?", "answer": "About 1 to 1.5 inches.", "state": "Kansas", "country": "US"}"# + "\n"
        try text.write(to: records, atomically: true, encoding: .utf8)
        let third = try AgriQABinary.json(try AgriQABinary.run(["ingest", copy.path, "--index", indexPath, "--json"]).stdout)
        #expect(third["replaced"] as? Int == 1)
        #expect(third["unchanged"] as? Int == pdfCount)

        let index = try KnowledgeIndex(path: indexPath)
        let documents = try index.documents()
        #expect(documents.count == pdfCount + 1)
        #expect(Set(documents.map(\.path)).count == documents.count)
        #expect(try index.integrityProblems().isEmpty)
    }

    @Test func aFolderOfMixedAndBrokenFilesNeverStopsTheBatch() throws {
        let directory = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inbox = directory.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let fixtures = AgriQABinary.packageRoot.appendingPathComponent("Tests/Fixtures")
        try FileManager.default.copyItem(
            atPath: "\(corpus)/us-wa-winter-wheat.pdf", toPath: inbox.appendingPathComponent("good.pdf").path)
        try Data().write(to: inbox.appendingPathComponent("empty.pdf"))
        try Data("<html>not a pdf</html>".utf8).write(to: inbox.appendingPathComponent("page.pdf"))
        let good = try Data(contentsOf: URL(fileURLWithPath: "\(corpus)/us-ia-corn-soybean.pdf"))
        try good.prefix(good.count / 2).write(to: inbox.appendingPathComponent("truncated.pdf"))
        try FileManager.default.copyItem(
            atPath: fixtures.appendingPathComponent("encrypted.pdf").path,
            toPath: inbox.appendingPathComponent("locked.pdf").path)
        try FileManager.default.copyItem(
            atPath: fixtures.appendingPathComponent("image-only.pdf").path,
            toPath: inbox.appendingPathComponent("scan.pdf").path)
        try Data("name,state\nx,Iowa\n".utf8).write(to: inbox.appendingPathComponent("nocolumns.csv"))
        try Data("# notes".utf8).write(to: inbox.appendingPathComponent("README.md"))
        let indexPath = directory.appendingPathComponent("index.sqlite").path

        let result = try AgriQABinary.run(["ingest", inbox.path, "--index", indexPath, "--json", "--no-embed"])
        #expect(result.status == 1)  // some files failed
        let summary = try AgriQABinary.json(result.stdout)
        let failures = (summary["failed"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        func failure(_ name: String) -> String? { failures.first { $0.contains(name) } }
        #expect(failure("empty.pdf")?.contains("empty") == true)
        #expect(failure("page.pdf")?.contains("not a PDF") == true)
        #expect(failure("locked.pdf")?.contains("password") == true)
        // A table that is not Q&A records is skipped inside a folder…
        #expect(failure("nocolumns.csv") == nil)
        #expect((summary["skipped"] as? [String])?.contains { $0.hasSuffix("nocolumns.csv") } == true)
        // Truncated: poppler may recover it (then it is added) or not (then it fails with a reason).
        let added = summary["added"] as? Int ?? 0
        #expect(added == (failure("truncated.pdf") == nil ? 3 : 2))  // good.pdf, scan.pdf (+ truncated)
        #expect(summary["imageOnlyPages"] as? Int == 2)
        #expect((summary["skipped"] as? [String])?.contains { $0.hasSuffix("README.md") } == true)

        // …but named on its own it is an error that says which columns are accepted.
        let named = try AgriQABinary.run(["ingest", inbox.appendingPathComponent("nocolumns.csv").path, "--index", indexPath])
        #expect(named.status == 1)
        #expect(named.stdout.contains("nocolumns.csv") && named.stdout.contains("question"))

        let human = try AgriQABinary.run(["ingest", inbox.path, "--index", indexPath])
        #expect(human.stdout.contains("Failed:"))
        #expect(human.stdout.contains("locked.pdf"))
    }

    @Test func unknownPathAndUnreadableGazetteerAreClearErrors() throws {
        let directory = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        let missing = try AgriQABinary.run(["ingest", "/nonexistent/folder", "--index", indexPath])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("no such file or folder"))

        let badGazetteer = directory.appendingPathComponent("gaz.csv")
        try Data("foo,bar\n1,2\n".utf8).write(to: badGazetteer)
        let gazetteer = try AgriQABinary.run(["ingest", corpus, "--index", indexPath, "--gazetteer", badGazetteer.path])
        #expect(gazetteer.status != 0)
        #expect(gazetteer.stderr.contains("gaz.csv"))
        let unreadable = try AgriQABinary.run(["ingest", corpus, "--index", indexPath, "--gazetteer", "/nonexistent/gaz.csv"])
        #expect(unreadable.status != 0)
        #expect(unreadable.stderr.contains("/nonexistent/gaz.csv"))
    }
}
