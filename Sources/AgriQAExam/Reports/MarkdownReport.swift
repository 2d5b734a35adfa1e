import Foundation

/// `report.md`: the summary as Markdown tables, then the wrong, unparseable and failed questions.
public enum MarkdownReport {
    /// At most this many questions are listed per section.
    static let listed = 50

    public static func render(_ summary: RunSummary, results: [QuestionResult]) -> String {
        typealias F = ReportFormatting
        var lines: [String] = []
        lines.append("# Exam run: \(F.examName(summary.exam))")
        lines.append("")
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| solver | \(F.cell(summary.solver)) |")
        lines.append("| exam | `\(summary.exam)` (\(F.cell(summary.shape))) |")
        lines.append("| questions | \(summary.questions) (\(summary.completed) answered, \(summary.failed) failed) |")
        lines.append(
            "| accuracy | **\(F.percent(summary.score.accuracy))** (\(summary.score.correct)/\(summary.score.scored)), 95% CI \(F.interval(summary.score.ci95)) |")
        if summary.chance > 0 { lines.append("| chance | \(F.percent(summary.chance)) |") }
        lines.append("| pass mark | \(String(format: "%g", summary.passMark))% — **\(summary.passed ? "pass" : "fail")** |")
        lines.append("| unparseable answers | \(summary.invalidAnswers) (\(F.percent(summary.invalidRate))) |")
        if summary.promptTokens + summary.completionTokens > 0 {
            lines.append("| tokens | \(summary.promptTokens) prompt + \(summary.completionTokens) completion |")
        }
        let timing = summary.timing
        lines.append(
            "| time | \(F.seconds(timing.wallSeconds)) for \(timing.answeredThisSession) questions (\(String(format: "%.2f", timing.questionsPerSecond)) questions/s); latency median \(F.seconds(timing.medianLatencySeconds)), p95 \(F.seconds(timing.p95LatencySeconds)) |")
        lines.append("| seed | \(summary.settings.seed) |")
        if let location = summary.settings.location { lines.append("| location | \(location) |") }
        for notice in summary.notices { lines.append("") ; lines.append("> \(notice)") }

        for (title, groups) in [("category", summary.byCategory), ("region", summary.byRegion), ("difficulty", summary.byDifficulty)]
        where !groups.isEmpty {
            lines.append("")
            lines.append("## By \(title)")
            lines.append("")
            lines.append("| \(title) | correct | questions | accuracy | 95% CI | unparseable |")
            lines.append("|---|---:|---:|---:|---|---:|")
            for group in groups {
                lines.append(
                    "| \(F.cell(group.name)) | \(group.score.correct) | \(group.score.scored) | \(F.percent(group.score.accuracy)) | \(F.interval(group.score.ci95)) | \(group.invalid) |")
            }
        }
        if let open = summary.openEnded {
            lines.append("")
            lines.append("## Open-ended questions")
            lines.append("")
            lines.append("- \(open.questions) questions")
            if let f1 = open.meanTokenF1 { lines.append("- mean token F1: \(String(format: "%.3f", f1))") }
            if let rouge = open.meanRougeL { lines.append("- mean ROUGE-L: \(String(format: "%.3f", rouge))") }
            lines.append(
                open.judged > 0
                    ? "- judged correct: \(open.judgedCorrect)/\(open.judged)" : "- no judge model: open-ended answers are not in the accuracy")
        }
        if !summary.extraction.isEmpty, summary.extraction.keys.contains(where: { $0 != "direct" }) {
            lines.append("")
            lines.append("## Answer extraction")
            lines.append("")
            lines.append("| method | answers |")
            lines.append("|---|---:|")
            for (method, count) in summary.extraction.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
                lines.append("| \(method) | \(count) |")
            }
        }

        let wrong = results.filter { $0.isComplete && $0.correct == false && !$0.invalid }
        let invalid = results.filter { $0.isComplete && $0.invalid }
        let failed = results.filter { !$0.isComplete }
        section("Wrong answers", wrong, &lines) { "| \(F.cell($0.id)) | \($0.answerKey ?? "—") | \($0.extracted ?? "—") | \(F.cell(F.shortened($0.question, 120))) |" }
        section("Unparseable answers", invalid, &lines) {
            "| \(F.cell($0.id)) | \($0.answerKey ?? "—") | \(F.cell(F.shortened($0.rawOutputs.last ?? "", 80))) | \(F.cell(F.shortened($0.question, 80))) |"
        }
        section("Failed questions (retried by --resume)", failed, &lines) {
            "| \(F.cell($0.id)) | — | — | \(F.cell(F.shortened($0.error ?? "", 160))) |"
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private static func section(_ title: String, _ items: [QuestionResult], _ lines: inout [String], row: (QuestionResult) -> String) {
        guard !items.isEmpty else { return }
        lines.append("")
        lines.append("## \(title) (\(items.count))")
        lines.append("")
        lines.append("| id | key | answer | question / output |")
        lines.append("|---|---|---|---|")
        for item in items.prefix(listed) { lines.append(row(item)) }
        if items.count > listed { lines.append("") ; lines.append("… and \(items.count - listed) more in results.jsonl.") }
    }
}
