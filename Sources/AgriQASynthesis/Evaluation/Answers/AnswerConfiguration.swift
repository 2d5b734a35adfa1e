import Foundation

/// One system `agriqa eval answers` compares: a model (id and endpoint) with retrieval on or off.
///
/// Given on the command line as `key=value` pairs separated by commas —
/// `model=agriqa-ft,rag=on`, `name=base,model=smollm2,url=http://127.0.0.1:8081/v1,rag=off,k=4` —
/// or as a JSON file holding one such object or an array of them
/// (`{"name": "base", "model": "smollm2", "rag": false}`).
///
/// | key | meaning | default |
/// |---|---|---|
/// | `name` | the column title | `MODEL+rag` or `MODEL` |
/// | `model` | model id sent to the endpoint | the `--model` / `AGRIQA_MODEL` id |
/// | `url` | the endpoint's base URL | `--model-url` / `AGRIQA_MODEL_URL` |
/// | `rag` | `on`/`off` (also true/false, yes/no, 1/0): retrieved sources in the prompt | on |
/// | `k` | sources retrieved with rag on | 6 |
public struct AnswerConfiguration: Codable, Sendable, Equatable {
    public var name: String
    public var model: String?
    public var url: String?
    public var rag: Bool
    public var k: Int

    public init(name: String? = nil, model: String? = nil, url: String? = nil, rag: Bool = true, k: Int = 6) {
        self.model = model
        self.url = url
        self.rag = rag
        self.k = k
        self.name = name ?? ((model ?? "default") + (rag ? "+rag" : ""))
    }

    public static let keys = ["name", "model", "url", "rag", "k"]

    /// Parses one `--config` value: a JSON file path, or `key=value,…`.
    public static func parse(_ text: String) throws(SynthesisError) -> [AnswerConfiguration] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix(".json") || (FileManager.default.fileExists(atPath: trimmed) && !trimmed.contains("=")) {
            return try parseFile(trimmed)
        }
        var values: [String: String] = [:]
        for pair in trimmed.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .configuration("\"\(pair)\" is not key=value; write e.g. model=agriqa-ft,rag=on")
            }
            let key = parts[0].lowercased()
            guard keys.contains(key) else {
                throw .configuration("unknown key \"\(parts[0])\"; the keys are \(keys.joined(separator: ", "))")
            }
            values[key] = parts[1]
        }
        guard !values.isEmpty else { throw .configuration("empty; write e.g. model=agriqa-ft,rag=on or give a JSON file") }
        return [try make(values)]
    }

    static func make(_ values: [String: String]) throws(SynthesisError) -> AnswerConfiguration {
        var rag = true
        if let text = values["rag"] {
            switch text.lowercased() {
            case "on", "true", "yes", "1": rag = true
            case "off", "false", "no", "0": rag = false
            default: throw .configuration("rag=\(text): use on or off")
            }
        }
        var k = 6
        if let text = values["k"] {
            guard let number = Int(text), (1...50).contains(number) else { throw .configuration("k=\(text): use a number from 1 to 50") }
            k = number
        }
        func nonEmpty(_ key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }
        return AnswerConfiguration(name: nonEmpty("name"), model: nonEmpty("model"), url: nonEmpty("url"), rag: rag, k: k)
    }

    static func parseFile(_ path: String) throws(SynthesisError) -> [AnswerConfiguration] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .configuration("\(path) cannot be read; give key=value pairs or an existing JSON file")
        }
        let parsed = try? JSONSerialization.jsonObject(with: data)
        let objects: [[String: Any]]
        if let one = parsed as? [String: Any] {
            objects = [one]
        } else if let many = parsed as? [[String: Any]] {
            objects = many
        } else {
            throw .configuration("\(path) must hold a JSON object or an array of objects with keys \(keys.joined(separator: ", "))")
        }
        return try objects.map { object throws(SynthesisError) in
            var values: [String: String] = [:]
            for (key, value) in object {
                guard keys.contains(key.lowercased()) else {
                    throw .configuration("\(path): unknown key \"\(key)\"; the keys are \(keys.joined(separator: ", "))")
                }
                if let flag = value as? Bool {
                    values[key.lowercased()] = flag ? "on" : "off"
                } else if let number = value as? NSNumber {
                    values[key.lowercased()] = number.stringValue
                } else {
                    values[key.lowercased()] = "\(value)"
                }
            }
            return try make(values)
        }
    }
}
