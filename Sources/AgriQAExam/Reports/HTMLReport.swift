import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG; nothing loaded from elsewhere).
public enum HTMLReport {
    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:960px;color:#222;padding:0 1rem}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right}.pass{color:#1b7f3b;font-weight:bold}.fail{color:#b3261e;font-weight:bold}
        .notice{background:#fff6d6;padding:.4rem .6rem;border-left:3px solid #e0b000}
        svg .bar{fill:#4f7cac}svg .whisker{stroke:#222;stroke-width:1.5}svg .grid{stroke:#ddd}
        svg .chance{stroke:#b3261e;stroke-dasharray:4 3;stroke-width:1.5}svg line.pass{stroke:#1b7f3b;stroke-width:1.5}
        svg text{font-size:12px;fill:#333}svg .tick{font-size:11px;fill:#666}
        svg .correct{fill:#3a9d5d}svg .wrong{fill:#d9534f}svg .invalid{fill:#f0ad4e}svg .failed{fill:#888}
        details{margin:.3rem 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}
        """

    public static func render(_ summary: RunSummary, results: [QuestionResult]) -> String {
        typealias F = ReportFormatting
        let h = F.html
        var body = "<h1>Exam run: \(h(F.examName(summary.exam)))</h1>"
        let verdict = summary.passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">fail</span>"
        var rows: [(String, String)] = [
            ("solver", h(summary.solver)),
            ("exam", "<code>\(h(summary.exam))</code> (\(h(summary.shape)))"),
            ("questions", "\(summary.questions) (\(summary.completed) answered, \(summary.failed) failed)"),
            ("accuracy", "<b>\(F.percent(summary.score.accuracy))</b> (\(summary.score.correct)/\(summary.score.scored)), 95% CI \(F.interval(summary.score.ci95))"),
        ]
        if summary.chance > 0 { rows.append(("chance", F.percent(summary.chance))) }
        rows.append(("pass mark", "\(String(format: "%g", summary.passMark))% — \(verdict)"))
        rows.append(("unparseable answers", "\(summary.invalidAnswers) (\(F.percent(summary.invalidRate)))"))
        if summary.promptTokens + summary.completionTokens > 0 {
            rows.append(("tokens", "\(summary.promptTokens) prompt + \(summary.completionTokens) completion"))
        }
        let timing = summary.timing
        rows.append(("time", "\(F.seconds(timing.wallSeconds)) for \(timing.answeredThisSession) questions (\(String(format: "%.2f", timing.questionsPerSecond)) questions/s); latency median \(F.seconds(timing.medianLatencySeconds)), p95 \(F.seconds(timing.p95LatencySeconds))"))
        rows.append(("seed", String(summary.settings.seed)))
        if let location = summary.settings.location { rows.append(("location", h(location))) }
        body += "<table>" + rows.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined() + "</table>"
        for notice in summary.notices { body += "<p class=\"notice\">\(h(notice))</p>" }

        let wrong = results.filter { $0.isComplete && $0.correct == false && !$0.invalid }.count
        body += "<h2>Outcomes</h2>"
        body += SVGCharts.outcomes([
            ("correct", summary.score.correct, "correct"), ("wrong", wrong, "wrong"),
            ("unparseable", summary.invalidAnswers, "invalid"), ("failed", summary.failed, "failed"),
        ])

        var overall = [SVGCharts.Bar(name: "overall", value: summary.score.accuracy, lower: summary.score.ci95.lower, upper: summary.score.ci95.upper, count: summary.score.scored)]
        if summary.score.scored == 0 { overall = [] }
        for (title, groups) in [("category", summary.byCategory), ("region", summary.byRegion), ("difficulty", summary.byDifficulty)]
        where !groups.isEmpty {
            body += "<h2>Accuracy by \(title)</h2>"
            let bars = overall + groups.map { SVGCharts.Bar(name: $0.name, value: $0.score.accuracy, lower: $0.score.ci95.lower, upper: $0.score.ci95.upper, count: $0.score.scored) }
            body += SVGCharts.accuracyBars(bars, chance: summary.chance, passMark: summary.passMark)
            body += "<table><tr><th>\(title)</th><th class=\"n\">correct</th><th class=\"n\">questions</th><th class=\"n\">accuracy</th><th>95% CI</th><th class=\"n\">unparseable</th></tr>"
            for group in groups {
                body += "<tr><td>\(h(group.name))</td><td class=\"n\">\(group.score.correct)</td><td class=\"n\">\(group.score.scored)</td><td class=\"n\">\(F.percent(group.score.accuracy))</td><td>\(F.interval(group.score.ci95))</td><td class=\"n\">\(group.invalid)</td></tr>"
            }
            body += "</table>"
        }
        if summary.byCategory.isEmpty, summary.byRegion.isEmpty, summary.byDifficulty.isEmpty, !overall.isEmpty {
            body += "<h2>Accuracy</h2>" + SVGCharts.accuracyBars(overall, chance: summary.chance, passMark: summary.passMark)
        }
        if let open = summary.openEnded {
            body += "<h2>Open-ended questions</h2><ul><li>\(open.questions) questions</li>"
            if let f1 = open.meanTokenF1 { body += "<li>mean token F1: \(String(format: "%.3f", f1))</li>" }
            if let rouge = open.meanRougeL { body += "<li>mean ROUGE-L: \(String(format: "%.3f", rouge))</li>" }
            body += open.judged > 0 ? "<li>judged correct: \(open.judgedCorrect)/\(open.judged)</li>" : "<li>no judge model: open-ended answers are not in the accuracy</li>"
            body += "</ul>"
        }
        let latencies = results.filter(\.isComplete).map(\.latencySeconds)
        if latencies.count >= 3 {
            body += "<h2>Latency per question</h2>" + SVGCharts.histogram(latencies, unit: "s")
        }
        body += questionList("Wrong answers", results.filter { $0.isComplete && $0.correct == false && !$0.invalid })
        body += questionList("Unparseable answers", results.filter { $0.isComplete && $0.invalid })
        body += questionList("Failed questions (retried by --resume)", results.filter { !$0.isComplete })

        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Exam run: \(h(F.examName(summary.exam)))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"><style>\(style)</style></head>
            <body>\(body)</body></html>

            """
    }

    private static func questionList(_ title: String, _ items: [QuestionResult]) -> String {
        guard !items.isEmpty else { return "" }
        let h = ReportFormatting.html
        var html = "<h2>\(title) (\(items.count))</h2>"
        for item in items.prefix(MarkdownReport.listed) {
            let answer = item.extracted ?? item.answer.map { ReportFormatting.shortened($0, 60) } ?? "—"
            html += "<details><summary><code>\(h(item.id))</code> key \(h(item.answerKey ?? "—")), answered \(h(answer)): \(h(ReportFormatting.shortened(item.question, 110)))</summary>"
            if let error = item.error { html += "<p class=\"notice\">\(h(error))</p>" }
            if let output = item.rawOutputs.last, !output.isEmpty { html += "<pre>\(h(ReportFormatting.shortened(output, 1500)))</pre>" }
            if !item.sources.isEmpty {
                html += "<ol>" + item.sources.map { "<li>\(h($0.title))\($0.page.map { ", p. \($0)" } ?? "")</li>" }.joined() + "</ol>"
            }
            html += "</details>"
        }
        if items.count > MarkdownReport.listed { html += "<p>… and \(items.count - MarkdownReport.listed) more in results.jsonl.</p>" }
        return html
    }
}
