import Foundation

/// The configurations of `agriqa eval answers` side by side: one row per metric, one column per
/// configuration, as Markdown and as a self-contained HTML page (the JSON is the report itself).
public struct ComparisonTable: Sendable {
    public var headers: [String]
    public var rows: [(metric: String, values: [String])]

    public init(_ report: AnswerEvaluationReport) {
        let columns = report.configurations
        headers = ["metric"] + columns.map(\.configuration.name)
        func format(_ value: Double?, _ digits: Int = 2) -> String {
            value.map { String(format: "%.\(digits)f", $0) } ?? "–"
        }
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", $0 * 100) } ?? "–" }
        rows = [
            ("model", columns.map(\.model)),
            ("retrieval", columns.map { $0.configuration.rag ? "on (k = \($0.configuration.k))" : "off" }),
            ("answered / questions", columns.map { "\($0.answered) / \($0.questions)" }),
            ("correct · partial · incorrect", columns.map { "\($0.correct) · \($0.partial) · \($0.incorrect)" }),
            ("correctness (0–1)", columns.map { format($0.correctness) }),
            ("succinctness (1–5)", columns.map { format($0.succinctness) }),
            ("groundedness", columns.map { percent($0.groundedness) }),
            ("similarity: cosine", columns.map { format($0.cosine, 3) }),
            ("similarity: token F1", columns.map { format($0.tokenF1, 3) }),
            ("mean answer tokens", columns.map { format($0.meanAnswerTokens, 1) }),
            ("tokens (prompt + completion)", columns.map { "\($0.usage.promptTokens) + \($0.usage.completionTokens)" }),
            ("requests · cache hits", columns.map { "\($0.usage.requests) · \($0.usage.cacheHits)" }),
        ]
    }

    public func markdown(_ report: AnswerEvaluationReport) -> String {
        var lines = [
            "# Answer evaluation", "",
            "\(report.questions) questions from `\(report.file)`; judge `\(report.judgeModel)` "
                + "(\(report.promptVersions.sorted { $0.key < $1.key }.map(\.value).joined(separator: ", "))).", "",
            "| " + headers.joined(separator: " | ") + " |",
            "|" + headers.map { _ in "---" }.joined(separator: "|") + "|",
        ]
        for row in rows {
            lines.append("| " + ([row.metric] + row.values).map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        lines += ["", "Definitions:"]
        lines += report.definitions.sorted { $0.key < $1.key }.map { "- **\($0.key)**: \($0.value)" }
        return lines.joined(separator: "\n") + "\n"
    }

    public func html(_ report: AnswerEvaluationReport) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let head = headers.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { row in
            "<tr><th scope=\"row\">\(escape(row.metric))</th>" + row.values.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        let definitions = report.definitions.sorted { $0.key < $1.key }
            .map { "<li><b>\(escape($0.key))</b>: \(escape($0.value))</li>" }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>AgriQA answer evaluation</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2a1d;max-width:70rem}
            table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #c9d6c9;padding:.4rem .7rem;text-align:right}
            th[scope=row],thead th:first-child{text-align:left}thead th{background:#e8f1e8}tbody tr:nth-child(even){background:#f6faf6}
            small{color:#5a6b5a}
            </style></head><body>
            <h1>Answer evaluation</h1>
            <p>\(report.questions) questions from <code>\(escape(report.file))</code>; judge <code>\(escape(report.judgeModel))</code>.</p>
            <table><thead><tr>\(head)</tr></thead><tbody>
            \(body)
            </tbody></table>
            <h2>Definitions</h2><ul>
            \(definitions)
            </ul>
            <p><small>Prompt versions: \(escape(report.promptVersions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))). Made \(ISO8601DateFormatter().string(from: report.createdAt)).</small></p>
            </body></html>

            """
    }
}
