import Foundation

/// The files of a run folder: `run.json` (settings), `results.jsonl`, `summary.json`,
/// `report.md` and `report.html`.
public enum RunFiles {
    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func write(_ value: some Encodable, to url: URL) throws(ExamRunError) {
        do {
            var data = try encoder().encode(value)
            data.append(0x0A)
            try data.write(to: url, options: .atomic)
        } catch {
            throw .output(path: url.path, reason: error.localizedDescription)
        }
    }

    static func write(text: String, to url: URL) throws(ExamRunError) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .output(path: url.path, reason: error.localizedDescription)
        }
    }

    static func readSettings(_ url: URL) -> RunSettings? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? decoder().decode(RunSettings.self, from: data)
    }

    /// The summary of a finished run folder, if it has one.
    public static func readSummary(_ directory: URL) -> RunSummary? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("summary.json")) else { return nil }
        return try? decoder().decode(RunSummary.self, from: data)
    }

    static func writeReports(summary: RunSummary, results: [QuestionResult], to directory: URL) throws(ExamRunError) {
        try write(summary, to: directory.appendingPathComponent("summary.json"))
        try write(text: MarkdownReport.render(summary, results: results), to: directory.appendingPathComponent("report.md"))
        try write(text: HTMLReport.render(summary, results: results), to: directory.appendingPathComponent("report.html"))
    }
}
