import AgriQAIndex
import AgriQATestSupport
import Foundation
import Testing

/// SIGKILL at random points of a real ingest: the index always opens, passes integrity checks, holds no
/// partial documents, and the next run finishes the job without duplicates.
@Suite(.serialized, .enabled(if: AgriQABinary.exists)) struct KillDuringIngestTests {
    @Test func killedRunsLeaveAConsistentIndexAndTheNextRunCompletes() throws {
        let directory = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inbox = directory.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let fileCount = 40
        for file in 0..<fileCount {
            let pages = (1...60).map { page in
                (0..<12).map { line in
                    "Bulletin \(file) page \(page) line \(line): irrigate maize when soil water depletion reaches \(file + page + line) percent."
                }
            }
            try MinimalPDF.make(pages: pages).write(to: inbox.appendingPathComponent(String(format: "bulletin-%03d.pdf", file)))
        }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<5 {
            let process = try AgriQABinary.start(["ingest", inbox.path, "--index", indexPath, "--no-embed"], captureOutput: false)
            Thread.sleep(forTimeInterval: Double.random(in: 0.3...2.0, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let index = try KnowledgeIndex(path: indexPath)
            #expect(try index.integrityProblems().isEmpty)
            for document in try index.documents() {
                // A document is all there or not there.
                #expect(try index.chunks(ofDocument: document.id ?? -1).count == document.chunkCount)
                #expect(try index.pages(ofDocument: document.id ?? -1).count == 60)
            }
        }
        let final = try AgriQABinary.run(["ingest", inbox.path, "--index", indexPath, "--json", "--no-embed"])
        #expect(final.status == 0, "\(final.stderr)")
        let summary = try AgriQABinary.json(final.stdout)
        #expect((summary["added"] as? Int ?? 0) + (summary["unchanged"] as? Int ?? 0) == fileCount)
        let index = try KnowledgeIndex(path: indexPath)
        let documents = try index.documents()
        #expect(documents.count == fileCount)
        #expect(Set(documents.map(\.path)).count == fileCount)
        #expect(try index.integrityProblems().isEmpty)
        print("kill test: \(kills) of 5 runs were killed mid-ingest")
    }
}
