import Foundation
import Testing

@Suite(.serialized, .enabled(if: AgriQABinary.exists)) struct DocsAndStatsCommandTests {
    let corpus = AgriQABinary.packageRoot.appendingPathComponent("corpus").path

    @Test func listStatsAndRemove() throws {
        let directory = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        try AgriQABinary.run(["ingest", corpus, "--index", indexPath])

        let list = try AgriQABinary.run(["docs", "list", "--index", indexPath, "--json"])
        #expect(list.status == 0)
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let wheat = try #require(documents.first { ($0["path"] as? String)?.hasSuffix("us-wa-winter-wheat.pdf") == true })
        let wheatRegions = (wheat["regions"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(wheatRegions.first == "US-WA")
        let general = try #require(documents.first { ($0["path"] as? String)?.hasSuffix("general-soil-testing.pdf") == true })
        #expect((general["regions"] as? [Any])?.isEmpty == true, "false friends must not tag the general guide")

        let stats = try AgriQABinary.json(try AgriQABinary.run(["stats", "--index", indexPath, "--json"]).stdout)
        #expect(stats["documents"] as? Int == documents.count)
        #expect(stats["imageOnlyPages"] as? Int == 1)
        let top = (stats["topRegions"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(top.contains("US-WA") && top.contains("IN-TN"))

        let human = try AgriQABinary.run(["stats", "--index", indexPath])
        #expect(human.stdout.contains("documents"))
        #expect(human.stdout.contains("Top regions"))

        let id = try #require(wheat["id"] as? Int)
        let removed = try AgriQABinary.run(["docs", "remove", String(id), "--index", indexPath])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("Removed"))
        let after = try AgriQABinary.json(try AgriQABinary.run(["stats", "--index", indexPath, "--json"]).stdout)
        #expect(after["documents"] as? Int == documents.count - 1)
        let again = try AgriQABinary.run(["docs", "remove", String(id), "--index", indexPath])
        #expect(again.status != 0)
        #expect(again.stderr.contains("no document"))
    }

    @Test func readCommandsOnAMissingIndexSayHowToBuildOne() throws {
        let result = try AgriQABinary.run(["stats", "--index", "/tmp/agriqa-does-not-exist/x.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("agriqa ingest"))
    }
}
