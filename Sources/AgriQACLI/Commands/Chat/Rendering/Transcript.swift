import AgriQAAnswering
import AgriQARetrieval
import Foundation

/// What happened in a chat, in order, for `/save`: answers with their sources, and notes
/// (location changes, cleared conversations, cancelled answers).
struct Transcript: Sendable, Equatable {
    enum Entry: Sendable, Equatable {
        case answer(Answer)
        case note(String)
    }

    var origin: String
    var started: Date
    var entries: [Entry] = []

    init(origin: String, started: Date = Date()) {
        self.origin = origin
        self.started = started
    }

    mutating func append(_ answer: Answer) { entries.append(.answer(answer)) }
    mutating func note(_ text: String) { entries.append(.note(text)) }

    var answerCount: Int {
        entries.reduce(0) { count, entry in
            if case .answer = entry { return count + 1 }
            return count
        }
    }

    /// The transcript as Markdown: each question as a heading, the answer, its sources as a
    /// numbered list (document, page, regions, relation, whether cited), warnings and the mode.
    func markdown() -> String {
        let date = ISO8601DateFormatter().string(from: started)
        var out = "# AgriQA chat\n\n"
        out += "- Started: \(date)\n- Answers from: \(origin)\n"
        var number = 0
        for entry in entries {
            switch entry {
            case .note(let text):
                out += "\n_\(Self.escape(text))_\n"
            case .answer(let answer):
                number += 1
                out += "\n## \(number). \(Self.escape(answer.question))\n\n"
                var details: [String] = []
                if let location = answer.location { details.append("location: \(location.name) (\(location.code))") }
                details.append("mode: \(answer.mode.rawValue)" + (answer.model.map { " (\($0))" } ?? ""))
                if answer.rewriteMethod != .unchanged { details.append("asked as: \(answer.standaloneQuestion)") }
                out += "_\(Self.escape(details.joined(separator: " · ")))_\n\n"
                if let note = answer.regionNote, !answer.answer.contains(note) { out += "> \(note)\n\n" }
                out += answer.answer.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
                for warning in answer.warnings { out += "\n> **Warning:** \(warning)\n" }
                if !answer.citations.isEmpty {
                    out += "\n**Sources**\n\n"
                    for citation in answer.citations {
                        var line = "\(citation.number). \(Self.escape(citation.title))"
                        if let page = citation.pageDescription { line += ", \(page)" }
                        line += " — `\(URL(fileURLWithPath: citation.path).lastPathComponent)`"
                        let regions = citation.regions.prefix(3).joined(separator: ", ")
                        line += regions.isEmpty ? " — no region" : " — \(regions)"
                        line += " (\(Self.relationText(citation.relation)))"
                        if !citation.used { line += " — not cited" }
                        out += line + "\n"
                    }
                }
            }
        }
        return out
    }

    static func relationText(_ relation: RegionRelation) -> String {
        switch relation {
        case .same: "your region"
        case .child: "inside your region"
        case .parent: "covers your region"
        case .other: "another region"
        case .none: "not compared"
        }
    }

    /// Keeps `*`, `_` and a leading `#` in user text from turning into Markdown formatting.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "*_`[]".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
