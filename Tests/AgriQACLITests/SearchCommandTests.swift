import Foundation
import Testing

/// `agriqa search` end to end on the sample corpus: real FTS5, real vectors (when the model is
/// installed), real gazetteer.
@Suite(.serialized, .enabled(if: AgriQABinary.exists)) struct SearchCommandTests {
    static let indexPath: String? = {
        guard let directory = try? AgriQABinary.temporaryDirectory() else { return nil }
        let path = directory.appendingPathComponent("index.sqlite").path
        let corpus = AgriQABinary.packageRoot.appendingPathComponent("corpus")
        _ = try? AgriQABinary.run([
            "ingest", corpus.path, "--index", path,
            "--gazetteer", corpus.appendingPathComponent("gazetteer/sample-places.csv").path,
        ])
        return path
    }()

    private func search(_ arguments: [String]) throws -> (AgriQABinary.Result, [String: Any]?) {
        let path = try #require(Self.indexPath)
        let result = try AgriQABinary.run(["search"] + arguments + ["--index", path])
        return (result, try? AgriQABinary.json(result.stdout))
    }

    @Test func locationRanksTheAskersRegionFirstAndExplainsScores() throws {
        let (result, json) = try search([
            "when do I plant winter wheat?", "--location", "Whitman County, Washington", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let response = try #require(json)
        let hits = try #require(response["hits"] as? [[String: Any]])
        #expect(hits.count >= 3)
        let first = try #require(hits.first)
        #expect((first["path"] as? String)?.hasSuffix("us-wa-winter-wheat.pdf") == true || (first["regions"] as? [String])?.contains("US-WA") == true)
        #expect(["same", "child"].contains(first["relation"] as? String ?? ""))
        let scores = try #require(first["scores"] as? [String: Any])
        #expect(scores["geographyFactor"] as? Double ?? 0 > 1)
        #expect(scores["fused"] != nil)
        #expect((response["location"] as? [String: Any])?["code"] as? String == "US-WA/53075")
        // At most two chunks of one document.
        let documents = hits.compactMap { $0["documentID"] as? Int }
        #expect(Dictionary(grouping: documents, by: { $0 }).values.allSatisfy { $0.count <= 2 })
    }

    @Test func otherRegionsAreDownRankedAndTheResponseSaysSo() throws {
        let (result, json) = try search(["almond irrigation scheduling", "--location", "Kenya", "--json"])
        #expect(result.status == 0)
        let response = try #require(json)
        let notices = response["notices"] as? [String] ?? []
        #expect(notices.contains { $0.contains("no Kenya-specific source found") })
        let relations = (response["hits"] as? [[String: Any]] ?? []).compactMap { $0["relation"] as? String }
        #expect(relations.contains("other"))
    }

    @Test func anyTextIsASafeQuestion() throws {
        for question in ["foo AND", "\"unbalanced", "NEAR(wheat rust)", "wheat* -rust", "((( )))", "?"] {
            let (result, _) = try search([question, "--mode", "bm25", "--json"])
            #expect(result.status == 0, "\(question): \(result.stderr)")
        }
    }

    @Test func unknownLocationIsAnErrorWithSuggestions() throws {
        let (result, _) = try search(["rice", "--location", "Tamil Nadoo"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Tamil Nādu"))
    }

    @Test func humanOutputShowsPagesSectionsAndRelations() throws {
        let (result, _) = try search(["seeding rate row spacing", "--location", "US-WA", "--k", "3"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("results for Washington (US-WA)"))
        #expect(result.stdout.contains("§ "))
        #expect(result.stdout.contains("[same]") || result.stdout.contains("[child]"))
        #expect(result.stdout.contains("p. "))
    }
}
