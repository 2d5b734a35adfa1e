import Foundation
import Testing

@testable import AgriQAIngestion

@Suite struct RecordReaderTests {
    private func write(_ text: String, name: String) throws -> (URL, String) {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (directory, file.path)
    }

    @Test func readsJSONLinesAndReportsMalformedLinesWithoutLosingTheRest() throws {
        let (directory, path) = try write(
            """
            {"id": "r1", "question": "When to plant wheat?", "answer": "Late September.", "state": "Washington", "crop": "wheat"}
            {"question": "broken
            {"query_text": "Rust on wheat?", "KccAns": "Spray propiconazole.", "metadata": {"state": "Punjab", "district": "Ludhiana"}}
            """, name: "records.jsonl")
        defer { try? FileManager.default.removeItem(at: directory) }
        let batch = try RecordReader().read(path: path)
        #expect(batch.records.count == 2)
        #expect(batch.records[0].id == "r1" && batch.records[0].state == "Washington" && batch.records[0].crop == "wheat")
        #expect(batch.records[1].question == "Rust on wheat?" && batch.records[1].district == "Ludhiana")
        #expect(batch.warnings.count == 1 && batch.warnings[0].contains(":2: malformed JSON"))
    }

    @Test func csvWithoutAQuestionOrAnswerColumnIsAClearError() throws {
        let (directory, path) = try write("name,state\nfoo,Iowa\n", name: "bad.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try RecordReader().read(path: path)
        } throws: { error in
            guard let error = error as? RecordError, case .missingColumn = error else { return false }
            return error.description.contains("bad.csv") && error.description.contains("question")
        }
    }

    @Test func malformedJSONDocumentIsAClearError() throws {
        let (directory, path) = try write("[{\"question\": ", name: "bad.json")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: RecordError.self) { try RecordReader().read(path: path) }
    }

    @Test func corpusRecordsCarryLocations() throws {
        let path = TestPaths.corpus("records/farmer-questions.jsonl")
        try #require(FileManager.default.fileExists(atPath: path))
        let batch = try RecordReader().read(path: path)
        #expect(batch.records.count >= 20)
        #expect(batch.warnings.isEmpty)
        #expect(batch.records.contains { $0.state != nil && $0.district != nil })
    }

    @Test(.enabled(if: TestPaths.hasSharedData)) func kisanCallCentreCSV() throws {
        let batch = try RecordReader().read(path: TestPaths.shared("kcc/kcc_telangana_2025-01_agrimindzz.csv"))
        #expect(batch.records.count > 2_500)
        let first = try #require(batch.records.first)
        #expect(first.state == "TELANGANA")
        #expect(first.district == "JOGULAMBA GADWAL")
        #expect(first.crop == "Black Gram (urd bean)")
        #expect(first.season == nil)  // "NA"
        #expect(first.date?.hasPrefix("2025-01-03") == true)
    }

    @Test(.enabled(if: TestPaths.hasSharedData)) func kisanCallCentreJSONArrayWithNestedMetadata() throws {
        let batch = try RecordReader().read(path: TestPaths.shared("kcc/kcc_qa_pairs_multistate_krishimind.json"))
        #expect(batch.records.count > 1_900)
        let first = try #require(batch.records.first)
        #expect(first.state == "Madhya Pradesh" && first.district == "Sagar" && first.season == "Rabi")
    }
}
