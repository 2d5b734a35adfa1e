import Foundation
import Testing

/// `agriqa eval` end to end: the real AgXQA sample and Kisan Call Centre records from
/// ../shared/data (skipped when absent or when the embedding model is not installed), and a small
/// hand-made set with locations.
@Suite(.serialized, .enabled(if: AgriQABinary.exists)) struct EvalCommandTests {
    static var hasModel: Bool {
        FileManager.default.fileExists(atPath: AgriQABinary.modelDirectory + "/model.safetensors")
    }

    static var agxqa: URL { AgriQABinary.sharedData.appendingPathComponent("qa/agxqa") }
    static var hasAgXQA: Bool {
        FileManager.default.fileExists(atPath: agxqa.appendingPathComponent("passages.jsonl").path)
            && FileManager.default.fileExists(atPath: agxqa.appendingPathComponent("questions.dev.jsonl").path)
    }

    static var kccMultistate: URL {
        AgriQABinary.sharedData.appendingPathComponent("kcc/kcc_qa_pairs_multistate_krishimind.json")
    }
    static var hasKCC: Bool { FileManager.default.fileExists(atPath: kccMultistate.path) }

    /// Runs `agriqa` with TMPDIR set to a fresh folder, and checks the temporary index is gone afterwards.
    private func run(_ arguments: [String]) throws -> (AgriQABinary.Result, [String: Any]?) {
        let temporary = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let result = try AgriQABinary.run(arguments, environment: ["TMPDIR": temporary.path])
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(left.isEmpty, "temporary files left behind: \(left)")
        return (result, try? AgriQABinary.json(result.stdout))
    }

    private static func modes(_ report: [String: Any]) -> [String: [String: Any]] {
        let list = report["modes"] as? [[String: Any]] ?? []
        return Dictionary(list.compactMap { mode in (mode["mode"] as? String).map { ($0, mode) } }, uniquingKeysWith: { a, _ in a })
    }

    @Test(.enabled(if: hasAgXQA && hasModel)) func agxqaRecallIsSensibleInEveryMode() throws {
        let (result, json) = try run([
            "eval", "retrieval", "--passages", Self.agxqa.appendingPathComponent("passages.jsonl").path,
            "--questions", Self.agxqa.appendingPathComponent("questions.dev.jsonl").path, "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(json)
        #expect(report["passages"] as? Int == 155)
        #expect(report["questions"] as? Int == 285)
        let modes = Self.modes(report)
        #expect(Set(modes.keys) == ["bm25", "dense", "hybrid"])
        for (name, mode) in modes {
            #expect(mode["judged"] as? Int == 285, "\(name)")
            let recall = try #require(mode["recall"] as? [String: Double], "\(name)")
            #expect(Set(recall.keys) == ["1", "5", "10"], "\(name)")
            let values = Array(recall.values) + [mode["mrr"] as? Double ?? -1, mode["ndcg"] as? Double ?? -1]
            #expect(values.allSatisfy { (0...1).contains($0) }, "\(name): \(values)")
            // Recall grows with the cutoff; MRR lies between recall@1 and recall@10.
            #expect(recall["1"] ?? 2 <= recall["5"] ?? -1 && recall["5"] ?? 2 <= recall["10"] ?? -1, "\(name)")
            #expect(mode["sameRegion5"] == nil, "no AgXQA question carries a location")
        }
        #expect((modes["hybrid"]?["recall"] as? [String: Double])?["10"] ?? 0 > 0.7)
        #expect((modes["bm25"]?["recall"] as? [String: Double])?["10"] ?? 0 > 0.7)
        #expect((modes["dense"]?["recall"] as? [String: Double])?["10"] ?? 0 > 0.5)
    }

    @Test func handMadeSetWithLocationsReportsSameRegion() throws {
        let folder = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let passages = folder.appendingPathComponent("passages.jsonl")
        let questions = folder.appendingPathComponent("questions.jsonl")
        try """
            {"id": "kl-1", "text": "Paddy in Kerala: transplant seedlings into puddled fields and keep 5 cm of standing water.", "state": "Kerala", "country": "India"}
            {"id": "kl-2", "text": "Paddy blast: spray tricyclazole when leaf spots appear on the paddy seedlings.", "location": "Kerala"}
            {"id": "kl-3", "text": "Coconut rhinoceros beetle: fill the leaf axils with neem cake and sand.", "location": "IN-KL"}
            {"id": "pb-1", "text": "Paddy transplanting in Punjab starts in mid June; puddled fields need standing water.", "location": "Punjab, India"}
            {"id": "pb-2", "text": "Wheat sowing in Punjab: sow in the first fortnight of November.", "location": "Punjab, India"}
            {"id": "gen-1", "text": "Seed treatment protects seedlings of most cereals from soil-borne diseases."}
            """.write(to: passages, atomically: true, encoding: .utf8)
        try """
            {"id": 1, "question": "transplant paddy seedlings into puddled fields", "passage_id": "kl-1", "location": "Kerala"}
            {"id": 2, "question": "when to sow wheat", "passage_id": "pb-2", "location": "Punjab, India"}
            {"id": 3, "question": "seed treatment for cereals", "passage_id": "gen-1"}
            """.write(to: questions, atomically: true, encoding: .utf8)
        let (result, json) = try run([
            "eval", "retrieval", "--passages", passages.path, "--questions", questions.path, "--mode", "bm25", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(json)
        #expect(report["locatedQuestions"] as? Int == 2)
        let bm25 = try #require(Self.modes(report)["bm25"])
        #expect(Self.modes(report).count == 1)
        #expect(bm25["located"] as? Int == 2)
        let sameRegion = try #require(bm25["sameRegion5"] as? Double)
        #expect(sameRegion > 0 && sameRegion <= 1)
        #expect((bm25["recall"] as? [String: Double])?["1"] == 1)

        // The human table has a same-region@5 column.
        let (human, _) = try run(["eval", "retrieval", "--passages", passages.path, "--questions", questions.path, "--mode", "bm25"])
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdout.contains("same-region@5"))
        #expect(human.stdout.contains("recall@10"))
        #expect(human.stdout.contains("bm25"))
    }

    @Test func badInputsAreErrorsThatNameTheLine() throws {
        let folder = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let passages = folder.appendingPathComponent("passages.jsonl")
        let questions = folder.appendingPathComponent("questions.jsonl")
        try #"{"id": "p1", "text": "Sow wheat in October."}"#.write(to: passages, atomically: true, encoding: .utf8)
        try """
            {"id": 1, "question": "when to sow wheat", "passage_id": "p1"}
            {"id": 2, "question": "when to sow rice", "passage_id": "p7"}
            """.write(to: questions, atomically: true, encoding: .utf8)
        let (unknown, _) = try run(["eval", "retrieval", "--passages", passages.path, "--questions", questions.path, "--mode", "bm25"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("questions.jsonl:2"))
        #expect(unknown.stderr.contains("\"p7\""))

        try #"{"id": 1, "question": "when to sow wheat", "passage_id": "p1", "location": "Atlantisshire"}"#
            .write(to: questions, atomically: true, encoding: .utf8)
        let (location, _) = try run(["eval", "retrieval", "--passages", passages.path, "--questions", questions.path, "--mode", "bm25"])
        #expect(location.status == 1)
        #expect(location.stderr.contains("questions.jsonl:1"))
        #expect(location.stderr.contains("Atlantisshire"))

        let (noRecords, _) = try run(["eval", "geography"])
        #expect(noRecords.status != 0)
        #expect(noRecords.stderr.contains("--records"))
    }

    @Test func helpListsBothEvaluations() throws {
        let result = try AgriQABinary.run(["eval", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("retrieval"))
        #expect(result.stdout.contains("geography"))
        #expect(try AgriQABinary.run(["help"]).stdout.contains("eval"))
    }

    @Test(.enabled(if: hasKCC && hasModel)) func locationLiftsSameRegionOnHeldOutKisanCallCentreQuestions() throws {
        let (result, json) = try run([
            "eval", "geography", "--records", Self.kccMultistate.path, "--holdout", "30", "--seed", "1",
            "--gazetteer", AgriQABinary.sharedData.appendingPathComponent("gazetteers/india/2-district.csv").path, "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(json)
        #expect(report["heldOut"] as? Int == 30)
        #expect(report["records"] as? Int == 2000)
        #expect(report["indexed"] as? Int == 1970)
        let modes = Self.modes(report)
        #expect(Set(modes.keys) == ["bm25", "dense", "hybrid"])
        for (name, mode) in modes {
            let with = try #require(mode["withLocation"] as? Double, "\(name)")
            let without = try #require(mode["withoutLocation"] as? Double, "\(name)")
            #expect((0...1).contains(with) && (0...1).contains(without), "\(name)")
            #expect(with >= without, "\(name): with location \(with), without \(without)")
        }
        let states = report["states"] as? [[String: Any]] ?? []
        #expect(states.contains { $0["code"] as? String == "IN-AP" })
        #expect(states.compactMap { $0["questions"] as? Int }.reduce(0, +) == 30)
    }
}
