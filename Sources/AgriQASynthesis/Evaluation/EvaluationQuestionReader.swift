import Foundation

/// Reads the questions `agriqa eval` works on: JSON Lines (or a JSON array) of objects.
///
/// `questions.jsonl` from `agriqa synth` reads as it is. Other files need a question field and,
/// for the metrics that use them, a source text and a reference answer; field names are matched
/// ignoring case, `_` and `-`:
///
/// | field | accepted names |
/// |---|---|
/// | question (required) | question, query, q, prompt |
/// | source | source, context, passage, text, chunk |
/// | reference | reference, answer, referenceanswer, gold, expected |
/// | section (groups questions for diversity) | section, sectionid, group |
/// | id | id, questionid (else the line number) |
/// | region | region, location |
public enum EvaluationQuestionReader {
    public static func read(path: String) throws(SynthesisError) -> [EvaluationQuestion] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(path: path, reason: "the file cannot be read; check the path")
        }
        let text = String(decoding: data, as: UTF8.self)
        var objects: [(line: Int, object: [String: Any])] = []
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") {
            guard let array = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [[String: Any]] else {
                throw .input(path: path, reason: "the JSON array does not hold objects")
            }
            objects = array.enumerated().map { ($0 + 1, $1) }
        } else {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let content = line.trimmingCharacters(in: .whitespaces)
                if content.isEmpty { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any] else {
                    throw .input(path: path, reason: "line \(number + 1) is not a JSON object")
                }
                objects.append((number + 1, object))
            }
        }
        guard !objects.isEmpty else { throw .input(path: path, reason: "the file holds no questions") }
        return try objects.map { (line, object) throws(SynthesisError) in
            let fields = Dictionary(
                object.map { (key, value) in (normalize(key), value) }, uniquingKeysWith: { first, _ in first })
            func value(_ names: [String]) -> String? {
                for name in names {
                    if let text = fields[name] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return text }
                    if let number = fields[name] as? NSNumber { return number.stringValue }
                }
                return nil
            }
            guard let question = value(["question", "query", "q", "prompt"]) else {
                throw .input(path: path, reason: "record \(line) has no question (accepted fields: question, query, q, prompt)")
            }
            return EvaluationQuestion(
                id: value(["id", "questionid"]) ?? "q\(line)", question: question,
                reference: value(["reference", "answer", "referenceanswer", "gold", "expected"]),
                source: value(["source", "context", "passage", "text", "chunk"]),
                section: value(["section", "sectionid", "group"]), document: value(["document", "doc", "path"]),
                region: value(["region", "location"]), split: value(["split"]))
        }
    }

    static func normalize(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
    }
}
