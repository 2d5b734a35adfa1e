import Foundation
import Testing

@Suite(.serialized, .enabled(if: AgriQABinary.exists)) struct EmbedCommandTests {
    let corpus = AgriQABinary.packageRoot.appendingPathComponent("corpus").path

    @Test func embedFillsMissingVectorsThenIsANoOpAndRebuildRedoesAll() throws {
        let directory = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        try AgriQABinary.run(["ingest", corpus, "--index", indexPath, "--no-embed"])
        let before = try AgriQABinary.json(try AgriQABinary.run(["stats", "--index", indexPath, "--json"]).stdout)
        #expect(before["vectors"] as? Int == 0)
        let chunks = try #require(before["chunks"] as? Int)

        let missingModel = try AgriQABinary.run(["embed", "--index", indexPath, "--model-dir", "/nonexistent/model"])
        #expect(missingModel.status != 0)
        #expect(missingModel.stderr.contains("scripts/fetch-model.sh"))

        let remoteWithoutURL = try AgriQABinary.run(["embed", "--index", indexPath, "--embedder", "remote"])
        #expect(remoteWithoutURL.status != 0)
        #expect(remoteWithoutURL.stderr.contains("--embedding-url"))

        let modelDirectory = AgriQABinary.modelDirectory
        guard FileManager.default.fileExists(atPath: modelDirectory + "/model.safetensors") else { return }
        let embed = try AgriQABinary.run(["embed", "--index", indexPath, "--json"])
        #expect(embed.status == 0, "\(embed.stderr)")
        #expect(try AgriQABinary.json(embed.stdout)["embedded"] as? Int == chunks)
        let again = try AgriQABinary.run(["embed", "--index", indexPath, "--json"])
        #expect(try AgriQABinary.json(again.stdout)["embedded"] as? Int == 0)
        let human = try AgriQABinary.run(["embed", "--index", indexPath, "--rebuild"])
        #expect(human.status == 0)
        #expect(human.stdout.contains("Embedded \(chunks) chunks with local:all-MiniLM-L6-v2"))
        let after = try AgriQABinary.json(try AgriQABinary.run(["stats", "--index", indexPath, "--json"]).stdout)
        #expect(after["vectors"] as? Int == chunks)
        #expect((after["embedder"] as? String)?.hasPrefix("local:all-MiniLM-L6-v2") == true)
    }
}
