import AgriQAAnswering
import AgriQARetrieval

/// Turns answers, sources and messages into the text the chat prints.
struct ChatRenderer: Sendable {
    var style: ChatStyle

    /// What follows the streamed answer text: the region note, the authoritative text when it
    /// differs from what was streamed, the sources with document, page and region relation,
    /// warnings and a line saying how the answer was made.
    func answerFooter(_ answer: Answer, streamed: String) -> String {
        var lines: [String] = []
        let streamedText = streamed.trimmingCharacters(in: .whitespacesAndNewlines)
        let finalText = answer.answer.trimmingCharacters(in: .whitespacesAndNewlines)
        if streamedText != finalText {
            if let note = answer.regionNote, finalText.hasSuffix(streamedText), !streamedText.isEmpty {
                lines.append(style.yellow("Note: ") + note)
            } else {
                if !streamedText.isEmpty { lines.append(style.yellow("Revised answer:")) }
                lines.append(finalText)
            }
        }
        let sources = self.sources(answer.citations, withSnippets: false)
        if !sources.isEmpty {
            lines.append("")
            lines.append(sources)
        }
        for warning in answer.warnings { lines.append(style.yellow("! ") + warning) }
        for notice in answer.notices { lines.append(style.dim("· " + notice)) }
        lines.append(style.dim(modeLine(answer)))
        return lines.joined(separator: "\n")
    }

    /// "mode: extractive · US-WA · 84 ms".
    func modeLine(_ answer: Answer) -> String {
        var parts = ["mode: " + answer.mode.rawValue + (answer.model.map { " (\($0))" } ?? "")]
        if let location = answer.location { parts.append("\(location.name) (\(location.code))") }
        if answer.rewriteMethod != .unchanged { parts.append("asked as: \(answer.standaloneQuestion)") }
        parts.append("\(Int(answer.timings.totalMs.rounded())) ms")
        return parts.joined(separator: " · ")
    }

    /// The numbered sources; `withSnippets` adds each one's section and matched text (`/sources`).
    func sources(_ citations: [Citation], withSnippets: Bool) -> String {
        guard !citations.isEmpty else { return "" }
        var lines = [style.bold("Sources")]
        for citation in citations {
            let number = style.cyan("[\(citation.number)]")
            let page = citation.pageDescription.map { ", \($0)" } ?? ""
            let marker = citation.used ? "" : style.dim("  (not cited)")
            lines.append("\(number) \(citation.title)\(page) — \(regionText(citation))\(marker)")
            if withSnippets {
                if !citation.section.isEmpty { lines.append("    " + style.dim("§ " + citation.section)) }
                if !citation.snippet.isEmpty { lines.append("    " + citation.snippet) }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "US-WA, same region as yours", "general (no region)".
    func regionText(_ citation: Citation) -> String {
        let regions = citation.regions.prefix(3).joined(separator: ", ")
        let relation: String
        switch citation.relation {
        case .same: relation = style.green("your region")
        case .child: relation = style.green("inside your region")
        case .parent: relation = "covers your region"
        case .other: relation = style.yellow("another region")
        case .none: relation = regions.isEmpty ? "general, no region" : "region not compared"
        }
        return regions.isEmpty ? relation : "\(regions) (\(relation))"
    }

    /// `/open N`: a source's whole text under its title, page and section.
    func sourceText(_ source: SourceText, number: Int) -> String {
        var header = style.cyan("[\(number)]") + " " + style.bold(source.title)
        if let page = source.pageDescription { header += ", " + page }
        var lines = [header, style.dim(source.file + (source.regions.isEmpty ? "" : " · " + source.regions.joined(separator: ", ")))]
        if !source.section.isEmpty { lines.append(style.dim("§ " + source.section)) }
        lines.append("")
        lines.append(source.text)
        return lines.joined(separator: "\n")
    }

    func error(_ message: String) -> String {
        style.red("error: ") + message
    }

    func info(_ message: String) -> String {
        style.dim(message)
    }

    /// `/help`.
    func help() -> String {
        let rows: [(String, String)] = [
            ("/location X", "answer for place X (code, name or lat,lon); /location none clears; /location shows"),
            ("/sources", "the last answer's sources with sections and snippets"),
            ("/open N", "the full text of source N with its page"),
            ("/mode M", "model, extractive or auto (model when configured)"),
            ("/model ID", "ask another model at the same endpoint (local index only)"),
            ("/k N", "how many sources to retrieve (1–50)"),
            ("/clear", "forget the conversation (follow-ups start afresh)"),
            ("/save FILE", "write the transcript with sources as Markdown"),
            ("/help", "this list"),
            ("/quit", "leave (also Ctrl-D)"),
        ]
        var lines = [style.bold("Commands")]
        for (command, text) in rows { lines.append("  " + style.cyan(command.padding(toLength: 12, withPad: " ", startingAt: 0)) + text) }
        lines.append(style.bold("Keys"))
        lines.append("  Ctrl-C cancels the answer being written, or clears the line being typed; Ctrl-D leaves;")
        lines.append("  ↑/↓ walk the history (kept across sessions); Ctrl-R searches it; Tab is not bound.")
        lines.append("Anything else is a question; follow-ups may refer to earlier answers.")
        return lines.joined(separator: "\n")
    }
}
