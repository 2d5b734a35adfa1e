import AgriQARetrieval
import Foundation

/// Human-readable evaluation reports: a table of modes × metrics.
enum EvalRendering {
    static func render(_ report: RetrievalReport) -> String {
        var lines: [String] = []
        let name = URL(fileURLWithPath: report.passagesFile).lastPathComponent
        lines.append(
            Terminal.bold(
                "Retrieval: \(report.questions) questions over \(report.passages) passages (\(name)), top \(report.depth)"))
        lines.append(setting(embedder: report.embedder, index: report.index, reused: report.reusedIndex, seconds: report.seconds))
        if let fusion = fusion(report.fusion) { lines.append(fusion) }
        for notice in report.notices { lines.append("! " + notice) }
        lines.append("")
        let cutoffs = report.modes.first.map { Array($0.recall.keys).compactMap(Int.init).sorted() } ?? [1, 5, 10]
        let located = report.locatedQuestions > 0
        var header = ["mode"] + cutoffs.map { "recall@\($0)" } + ["MRR", "nDCG@10"]
        if located { header.append("same-region@5") }
        header.append("ms/query")
        let rows = report.modes.map { mode -> [String] in
            var row = [mode.mode.rawValue] + cutoffs.map { number(mode.recall(at: $0)) } + [number(mode.mrr), number(mode.ndcg)]
            if located { row.append(number(mode.sameRegion5)) }
            row.append(String(format: "%.1f", mode.millisecondsPerQuery))
            return row
        }
        lines += table(header: header, rows: rows)
        if located {
            lines.append("")
            lines.append("same-region@5 over the \(report.locatedQuestions) questions with a location.")
        }
        return lines.joined(separator: "\n")
    }

    static func render(_ report: GeographyReport) -> String {
        var lines: [String] = []
        let files = report.files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
        lines.append(
            Terminal.bold(
                "Geography: \(report.heldOut) held-out questions (seed \(report.seed)), \(report.indexed) of \(report.records) records indexed"))
        lines.append("files: \(files)")
        lines.append(setting(embedder: report.embedder, index: report.index, reused: report.reusedIndex, seconds: report.seconds))
        if let fusion = fusion(report.fusion) { lines.append(fusion) }
        for notice in report.notices { lines.append("! " + notice) }
        lines.append("")
        lines.append("same-region@5: share of the top 5 results from the asker's state or a place inside it")
        lines += table(
            header: ["mode", "with location", "without", "gain"],
            rows: report.modes.map {
                [$0.mode.rawValue, number($0.withLocation), number($0.withoutLocation), signed($0.withLocation - $0.withoutLocation)]
            })
        lines.append(String(format: "baseline (indexed records in the asker's state): %.3f", report.baseline))
        lines.append("")
        lines.append("By state (with / without location):")
        let modes = report.modes.map(\.mode)
        lines += table(
            header: ["state", "questions", "indexed share"] + modes.map(\.rawValue),
            rows: report.states.map { state in
                [ "\(state.name) (\(state.code))", String(state.questions), number(state.indexedShare)]
                    + state.modes.map { "\(number($0.withLocation)) / \(number($0.withoutLocation))" }
            })
        if !report.warnings.isEmpty {
            lines.append("")
            lines.append("\(report.warnings.count) ingestion warnings (see --json), e.g.:")
            lines += report.warnings.prefix(3).map { "  ! " + String($0.prefix(200)) }
        }
        return lines.joined(separator: "\n")
    }

    private static func setting(embedder: String?, index: String?, reused: Bool, seconds: Double) -> String {
        let where_ = index.map { "index \($0)" + (reused ? " (reused)" : "") } ?? "temporary index"
        return "embedder: \(embedder ?? "none (BM25 only)"); \(where_); \(String(format: "%.1f", seconds)) s"
    }

    /// The hybrid fusion settings, when they are not the defaults.
    private static func fusion(_ fusion: FusionSettings) -> String? {
        guard fusion != FusionSettings() else { return nil }
        return String(format: "hybrid fusion: rrf k %g, BM25 weight %g, dense weight %g", fusion.rrfK, fusion.lexicalWeight, fusion.denseWeight)
    }

    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "-"
    }

    static func signed(_ value: Double) -> String {
        String(format: "%+.3f", value)
    }

    /// Columns padded to their widest cell: the first left-aligned, the others right-aligned.
    static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.enumerated().map { offset, row in
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return column == 0 ? cell + padding : padding + cell
            }
            let line = cells.joined(separator: "  ")
            return offset == 0 ? Terminal.bold(line) : line
        }
    }
}
