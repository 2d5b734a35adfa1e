import AgriQAGeography
import Foundation
import Testing

@testable import AgriQARetrieval

/// Loading passages and questions: every bad line is an error naming file and line.
@Suite struct EvaluationSetTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-evalset-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ lines: [String]) throws -> String {
            let path = url.appendingPathComponent(name).path
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    private func load(passages: [String], questions: [String]) throws -> (Folder, Result<EvaluationSet, EvaluationError>) {
        let folder = try Folder()
        let p = try folder.write("passages.jsonl", passages)
        let q = try folder.write("questions.jsonl", questions)
        return (folder, Result { () throws(EvaluationError) in try EvaluationSet.load(passages: p, questions: q) })
    }

    private func failure(_ result: Result<EvaluationSet, EvaluationError>) -> String? {
        if case .failure(let error) = result { return error.description }
        return nil
    }

    @Test func readsIdsTextsAndLocations() throws {
        let (_, result) = try load(
            passages: [
                #"{"id": "p1", "text": "Sow wheat in October."}"#, "",
                #"{"id": 2, "text": "Rice needs standing water.", "state": "Maharashtra", "country": "India"}"#,
                #"{"id": "p3", "text": "Kale.", "location": "US-WA"}"#,
            ],
            questions: [
                #"{"id": 1, "question": "when to sow wheat?", "passage_id": "p1", "answer": "October"}"#,
                #"{"id": "q2", "question": "rice water?", "passage_id": 2, "location": "Kerala"}"#,
            ])
        let set = try result.get()
        #expect(set.passages.map(\.id) == ["p1", "2", "p3"])
        #expect(set.passages.map(\.line) == [1, 3, 4])
        #expect(set.passages[1].location == "Maharashtra, India")
        #expect(set.passages[2].location == "US-WA")
        #expect(set.questions.map(\.id) == ["1", "q2"])
        #expect(set.questions[1].passageID == "2")
        #expect(set.questions[1].location == "Kerala")

        let regions = try set.resolveLocations(with: Gazetteer.builtIn())
        #expect(regions.passages["2"]?.code == "IN-MH")
        #expect(regions.passages["p3"]?.code == "US-WA")
        #expect(regions.questions["q2"]?.code == "IN-KL")
        #expect(regions.questions["1"] == nil)
    }

    @Test func malformedLineNamesFileAndLine() throws {
        let (_, result) = try load(
            passages: [#"{"id": "p1", "text": "a"}"#, #"{"id": "p2", "text": "#], questions: [])
        let message = try #require(failure(result))
        #expect(message.contains("passages.jsonl:2"))
        #expect(message.contains("not valid JSON"))
    }

    @Test func missingFieldAndDuplicateId() throws {
        let (_, missing) = try load(passages: [#"{"id": "p1", "text": "  "}"#], questions: [])
        #expect(failure(missing)?.contains("passages.jsonl:1: no \"text\"") == true)
        let (_, duplicate) = try load(
            passages: [#"{"id": "p1", "text": "a"}"#, #"{"id": "p1", "text": "b"}"#], questions: [])
        #expect(failure(duplicate)?.contains("already used on line 1") == true)
        let (_, notObject) = try load(passages: ["[1, 2]"], questions: [])
        #expect(failure(notObject)?.contains("not a JSON object") == true)
    }

    @Test func unknownPassageIdNamesTheQuestionLine() throws {
        let (_, result) = try load(
            passages: [#"{"id": "p1", "text": "a"}"#],
            questions: [
                #"{"id": 1, "question": "q?", "passage_id": "p1"}"#, #"{"id": 2, "question": "q?", "passage_id": "p9"}"#,
            ])
        let message = try #require(failure(result))
        #expect(message.contains("questions.jsonl:2"))
        #expect(message.contains("\"p9\""))
        #expect(message.contains("passages.jsonl"))
    }

    @Test func emptyFilesAndMissingFilesAreErrors() throws {
        let (_, empty) = try load(passages: [#"{"id": "p1", "text": "a"}"#], questions: ["", " "])
        #expect(failure(empty)?.contains("holds no questions") == true)
        let missing = Result { () throws(EvaluationError) in
            try EvaluationSet.load(passages: "/nonexistent/passages.jsonl", questions: "/nonexistent/q.jsonl")
        }
        #expect(failure(missing)?.contains("cannot read /nonexistent/passages.jsonl") == true)
    }

    @Test func unresolvableLocationNamesFileAndLine() throws {
        let (_, result) = try load(
            passages: [#"{"id": "p1", "text": "a"}"#],
            questions: [#"{"id": 1, "question": "q?", "passage_id": "p1", "location": "Atlantisshire"}"#])
        let set = try result.get()
        let gazetteer = try Gazetteer.builtIn()
        do {
            _ = try set.resolveLocations(with: gazetteer)
            Issue.record("an unknown location must be an error")
        } catch {
            #expect(error.description.contains("questions.jsonl:1"))
            #expect(error.description.contains("Atlantisshire"))
            #expect(error.description.contains("--gazetteer"))
        }
    }
}
