import AgriQADomain
import AgriQAGeography
import Foundation

/// A passage to retrieve: one line of the passages file.
public struct EvaluationPassage: Sendable, Equatable {
    public var id: String
    public var text: String
    /// Where the passage applies, as written ("Maharashtra", "Pierce County, Washington", "US-WA");
    /// from `location`, else `state` and `country` together.
    public var location: String?
    /// 1-based line in the passages file.
    public var line: Int

    public init(id: String, text: String, location: String? = nil, line: Int = 0) {
        self.id = id
        self.text = text
        self.location = location
        self.line = line
    }
}

/// A question whose answer is in one passage: one line of the questions file.
public struct EvaluationQuestion: Sendable, Equatable {
    public var id: String
    public var question: String
    public var passageID: String
    /// The asker's location as written, if the question carries one.
    public var location: String?
    public var line: Int

    public init(id: String, question: String, passageID: String, location: String? = nil, line: Int = 0) {
        self.id = id
        self.question = question
        self.passageID = passageID
        self.location = location
        self.line = line
    }
}

/// Passages and the questions asked about them, as in AgXQA: JSON Lines, passages
/// `{id, text, location?, state?, country?}` and questions `{id, question, passage_id, location?}`.
public struct EvaluationSet: Sendable {
    public var passagesPath: String
    public var questionsPath: String
    public var passages: [EvaluationPassage]
    public var questions: [EvaluationQuestion]

    public init(passagesPath: String, questionsPath: String, passages: [EvaluationPassage], questions: [EvaluationQuestion]) {
        self.passagesPath = passagesPath
        self.questionsPath = questionsPath
        self.passages = passages
        self.questions = questions
    }

    /// Reads both files. Every problem (a malformed line, a missing field, a duplicate passage id, a
    /// question about an unknown passage) is an error naming the file and line: a silently skipped
    /// line would change the numbers.
    public static func load(passages passagesPath: String, questions questionsPath: String) throws(EvaluationError) -> EvaluationSet {
        var passages: [EvaluationPassage] = []
        var firstLine: [String: Int] = [:]
        for (line, object) in try objects(in: passagesPath) {
            let id = try required("id", in: object, path: passagesPath, line: line, example: #"{"id": "p1", "text": "…"}"#)
            let text = try required("text", in: object, path: passagesPath, line: line, example: #"{"id": "p1", "text": "…"}"#)
            if let first = firstLine[id] { throw .duplicatePassage(path: passagesPath, line: line, id: id, firstLine: first) }
            firstLine[id] = line
            passages.append(EvaluationPassage(id: id, text: text, location: location(in: object), line: line))
        }
        guard !passages.isEmpty else { throw .empty(path: passagesPath, what: "passages") }

        var questions: [EvaluationQuestion] = []
        let example = #"{"id": "q1", "question": "…", "passage_id": "p1"}"#
        for (line, object) in try objects(in: questionsPath) {
            let id = try required("id", in: object, path: questionsPath, line: line, example: example)
            let question = try required("question", in: object, path: questionsPath, line: line, example: example)
            let passageID = try required("passage_id", in: object, path: questionsPath, line: line, example: example)
            guard firstLine[passageID] != nil else {
                throw .unknownPassage(path: questionsPath, line: line, passageID: passageID, passagesPath: passagesPath)
            }
            questions.append(
                EvaluationQuestion(id: id, question: question, passageID: passageID, location: location(in: object), line: line))
        }
        guard !questions.isEmpty else { throw .empty(path: questionsPath, what: "questions") }
        return EvaluationSet(passagesPath: passagesPath, questionsPath: questionsPath, passages: passages, questions: questions)
    }

    /// Resolves every passage's and question's location, so a typo fails before any work is done.
    public func resolveLocations(with gazetteer: Gazetteer) throws(EvaluationError)
        -> (passages: [String: Region], questions: [String: Region])
    {
        var passageRegions: [String: Region] = [:]
        for passage in passages {
            guard let location = passage.location else { continue }
            passageRegions[passage.id] = try Self.resolve(location, gazetteer: gazetteer, path: passagesPath, line: passage.line)
        }
        var questionRegions: [String: Region] = [:]
        for question in questions {
            guard let location = question.location else { continue }
            questionRegions[question.id] = try Self.resolve(location, gazetteer: gazetteer, path: questionsPath, line: question.line)
        }
        return (passageRegions, questionRegions)
    }

    static func resolve(_ location: String, gazetteer: Gazetteer, path: String, line: Int) throws(EvaluationError) -> Region {
        do {
            return try gazetteer.resolveLocation(location)
        } catch {
            throw .unknownLocation(path: path, line: line, location: location, reason: error)
        }
    }

    // MARK: Reading

    /// The JSON objects of a JSON Lines file with their 1-based line numbers; blank lines are skipped.
    static func objects(in path: String) throws(EvaluationError) -> [(line: Int, object: [String: Any])] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, detail: error.localizedDescription)
        }
        var result: [(line: Int, object: [String: Any])] = []
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            if trimmed.isEmpty { continue }
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(trimmed.utf8))
            } catch {
                throw .malformedLine(path: path, line: lineNumber, detail: "not valid JSON")
            }
            guard let object = parsed as? [String: Any] else {
                throw .malformedLine(path: path, line: lineNumber, detail: "not a JSON object")
            }
            result.append((lineNumber, object))
        }
        return result
    }

    /// A string or number field, trimmed; missing or empty is an error.
    static func required(
        _ field: String, in object: [String: Any], path: String, line: Int, example: String
    ) throws(EvaluationError) -> String {
        guard let value = text(object[field]) else {
            throw .missingField(path: path, line: line, field: field, example: example)
        }
        return value
    }

    static func text(_ value: Any?) -> String? {
        let string: String?
        switch value {
        case let value as String: string = value
        case let value as NSNumber: string = value.stringValue
        default: string = nil
        }
        guard let trimmed = string?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// `location`, else "state, country" from whichever of the two is present.
    static func location(in object: [String: Any]) -> String? {
        if let location = text(object["location"]) { return location }
        let parts = [text(object["state"]), text(object["country"])].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
