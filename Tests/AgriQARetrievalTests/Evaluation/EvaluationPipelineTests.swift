import AgriQADomain
import AgriQAGeography
import AgriQAIndex
import Foundation
import Testing

@testable import AgriQARetrieval

/// The evaluation pieces on a real SQLite index, with BM25 only (no model needed): passages written
/// as one document and mapped back, metrics per mode, and the seeded hold-out of Q&A records.
@Suite struct EvaluationPipelineTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-evalpipe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ text: String) throws -> String {
            let path = url.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    static let passages = """
        {"id": "wheat", "text": "Sow winter wheat in late September after the Hessian fly free date.", "location": "US-WA"}
        {"id": "rice", "text": "Transplant paddy seedlings into puddled fields with standing water.", "location": "Kerala"}
        {"id": "rice2", "text": "Paddy nurseries need standing water and nitrogen at tillering.", "location": "Punjab, India"}
        {"id": "mango", "text": "Mango hoppers are controlled by spraying imidacloprid at flowering."}
        """
    static let questions = """
        {"id": 1, "question": "when should winter wheat be sown", "passage_id": "wheat"}
        {"id": 2, "question": "transplant paddy seedlings puddled", "passage_id": "rice", "location": "Kerala"}
        {"id": 3, "question": "mango hoppers spraying", "passage_id": "mango"}
        """

    @Test func passagesAreOneDocumentMappedBackToTheirIds() throws {
        let folder = try Folder()
        let set = try EvaluationSet.load(
            passages: folder.write("passages.jsonl", Self.passages), questions: folder.write("questions.jsonl", Self.questions))
        let gazetteer = try Gazetteer.builtIn()
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("eval.sqlite").path)
        let regions = try set.resolveLocations(with: gazetteer)
        let builder = EvaluationIndexBuilder(index: index, gazetteer: gazetteer)
        let document = try builder.writePassages(set, regions: regions.passages)
        #expect(!document.reused)
        #expect(Set(document.passageOfChunk.values) == ["wheat", "rice", "rice2", "mango"])
        let documents = try index.documents()
        #expect(documents.count == 1)
        #expect(documents.first?.title == "passages.jsonl")
        #expect(documents.first?.kind == "records")
        let details = try index.chunkDetails(Array(document.passageOfChunk.keys))
        let regionsOf = Dictionary(uniqueKeysWithValues: details.values.map { detail in
            (document.passageOfChunk[detail.chunkID] ?? "", Set(detail.regions.map(\.code)))
        })
        #expect(regionsOf["wheat"] == ["US-WA"])
        #expect(regionsOf["rice"] == ["IN-KL"])
        #expect(regionsOf["rice2"]?.contains("IN-PB") == true)
        #expect(regionsOf["mango"] == [])
        // Same file, same locations: the stored document is reused.
        let again = try builder.writePassages(set, regions: regions.passages)
        #expect(again.reused)
        #expect(again.passageOfChunk == document.passageOfChunk)
    }

    @Test func bm25RunFindsEachPassageAndJudgesRegions() async throws {
        let folder = try Folder()
        let set = try EvaluationSet.load(
            passages: folder.write("passages.jsonl", Self.passages), questions: folder.write("questions.jsonl", Self.questions))
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("eval.sqlite").path)
        let report = try await RetrievalEvaluation.run(
            set, index: index, gazetteer: Gazetteer.builtIn(), embedder: nil, modes: [.bm25], k: 10, keptIndex: false)
        #expect(report.passages == 4)
        #expect(report.questions == 3)
        #expect(report.locatedQuestions == 1)
        #expect(report.index == nil)
        let bm25 = try #require(report.modes.first)
        #expect(report.modes.count == 1)
        #expect(bm25.mode == .bm25)
        #expect(bm25.judged == 3)
        #expect(bm25.recall(at: 1) == 1)
        #expect(bm25.mrr == 1)
        #expect(bm25.ndcg == 1)
        // Question 2 (Kerala) finds the Kerala passage and perhaps the Punjab one: share 1 or 1/2.
        let sameRegion = try #require(bm25.sameRegion5)
        #expect(sameRegion >= 0.5 && sameRegion <= 1)
        #expect(bm25.located == 1)
    }

    static let records = """
        StateName,DistrictName,QueryType,QueryText,KccAns
        MAHARASHTRA,PUNE,Plant Protection,control of pink bollworm in cotton,spray emamectin benzoate
        MAHARASHTRA,NASHIK,Plant Protection,thrips in onion,spray fipronil
        MAHARASHTRA,PUNE,Nutrient Management,fertilizer dose for sugarcane,apply 250 kg nitrogen per hectare
        MAHARASHTRA,NAGPUR,Plant Protection,orange fruit drop,spray 2-4-D
        MAHARASHTRA,PUNE,Weather,rain forecast,light rain expected
        MAHARASHTRA,NASHIK,Plant Protection,downy mildew in grapes,spray metalaxyl mancozeb
        KERALA,THRISSUR,Plant Protection,rhinoceros beetle in coconut,fill leaf axils with neem cake
        KERALA,WAYANAD,Plant Protection,quick wilt in pepper,drench copper oxychloride
        KERALA,PALAKKAD,Nutrient Management,fertilizer for paddy,apply 90 kg nitrogen per hectare
        KERALA,IDUKKI,Plant Protection,cardamom thrips,spray spinosad
        KERALA,THRISSUR,Weather,monsoon onset date,heavy rain expected
        KERALA,KOLLAM,Plant Protection,banana pseudostem weevil,inject chlorpyrifos
        NA,NA,Weather,weather this week,no state given
        """

    @Test func holdOutIsSeededAndRemovedFromTheIndexedDocuments() throws {
        let folder = try Folder()
        let path = try folder.write("kcc.csv", Self.records)
        let gazetteer = try Gazetteer.builtIn()
        let split = try HoldoutSplit.make(files: [path], gazetteer: gazetteer, count: 4, seed: 1)
        #expect(split.records == 13)
        #expect(split.eligible == 12)  // the record without a state cannot be asked from a state
        #expect(split.heldOut.count == 4)
        #expect(split.documents.count == 1)
        #expect(split.documents[0].chunks.count == 9)
        let indexedQuestions = Set(split.documents[0].chunks.compactMap { $0.metadata["question"] })
        for record in split.heldOut {
            #expect(!indexedQuestions.contains(record.question))
            #expect(["IN-MH", "IN-KL"].contains(record.state.code.rawValue))
            #expect(record.id.hasPrefix("kcc.csv#"))
        }
        // Same seed, same sample; the index fingerprint differs from the plain file hash.
        let again = try HoldoutSplit.make(files: [path], gazetteer: gazetteer, count: 4, seed: 1)
        #expect(again.heldOut == split.heldOut)
        #expect(again.documents[0].contentHash == split.documents[0].contentHash)
        let other = try HoldoutSplit.make(files: [path], gazetteer: gazetteer, count: 4, seed: 2)
        #expect(other.heldOut.map(\.id) != split.heldOut.map(\.id))
        #expect(other.documents[0].contentHash != split.documents[0].contentHash)
        // 6 of the 9 indexed records are in one of the two states.
        for (code, share) in split.indexedShare {
            let inside = split.documents[0].chunks.filter { chunk in chunk.regions.contains { $0.code == code } }.count
            #expect(abs(share - Double(inside) / 9) < 1e-9)
        }
    }

    @Test func holdOutThatLeavesTooLittleIsAnError() throws {
        let folder = try Folder()
        let path = try folder.write("kcc.csv", Self.records)
        let gazetteer = try Gazetteer.builtIn()
        #expect(throws: EvaluationError.self) { try HoldoutSplit.make(files: [path], gazetteer: gazetteer, count: 7, seed: 1) }
        let noStates = try folder.write("plain.csv", "question,answer\nwhat is urea,a fertilizer\nwhat is dap,a fertilizer\n")
        do {
            _ = try HoldoutSplit.make(files: [noStates], gazetteer: gazetteer, count: 1, seed: 1)
            Issue.record("records without states cannot be held out")
        } catch {
            #expect(error.description.contains("state"))
        }
    }
}
