import AgriQAExam
import Foundation

/// Terminal output of `exam run` and `exam compare`.
enum ExamRendering {
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func render(_ summary: RunSummary, folder: String, resumed: Int) -> String {
        var lines: [String] = []
        let name = URL(fileURLWithPath: summary.exam).lastPathComponent
        lines.append(Terminal.bold("Exam \(name): \(summary.solver)"))
        let score = summary.score
        var headline = "accuracy \(percent(score.accuracy)) (\(score.correct)/\(score.scored)), 95% CI \(percent(score.ci95.lower))–\(percent(score.ci95.upper))"
        if summary.chance > 0 { headline += ", chance \(percent(summary.chance))" }
        lines.append(headline)
        lines.append(
            String(format: "pass mark %g%%: ", summary.passMark) + (summary.passed ? "pass" : "fail")
                + " · unparseable \(summary.invalidAnswers) (\(percent(summary.invalidRate)))"
                + (summary.failed > 0 ? " · failed \(summary.failed)" : ""))
        let timing = summary.timing
        lines.append(
            String(
                format: "%d questions in %.1f s (%.2f questions/s), latency median %.2f s, p95 %.2f s", timing.answeredThisSession,
                timing.wallSeconds, timing.questionsPerSecond, timing.medianLatencySeconds, timing.p95LatencySeconds)
                + (resumed > 0 ? "; \(resumed) already answered (resumed)" : ""))
        if summary.promptTokens + summary.completionTokens > 0 {
            lines.append("tokens: \(summary.promptTokens) prompt + \(summary.completionTokens) completion")
        }
        if let open = summary.openEnded {
            var text = "open-ended: \(open.questions)"
            if let f1 = open.meanTokenF1 { text += String(format: ", token F1 %.3f", f1) }
            if let rouge = open.meanRougeL { text += String(format: ", ROUGE-L %.3f", rouge) }
            if open.judged > 0 { text += ", judged correct \(open.judgedCorrect)/\(open.judged)" }
            lines.append(text)
        }
        for notice in summary.notices { lines.append("! " + notice) }
        for (title, groups) in [("category", summary.byCategory), ("region", summary.byRegion), ("difficulty", summary.byDifficulty)]
        where !groups.isEmpty {
            lines.append("")
            lines.append("By \(title):")
            let width = min(32, groups.map(\.name.count).max() ?? 8)
            for group in groups {
                let name = group.name.count > width ? String(group.name.prefix(width - 1)) + "…" : group.name
                lines.append(
                    "  " + name.padding(toLength: width, withPad: " ", startingAt: 0)
                        + String(format: "  %6.1f%%  (%d/%d)", group.score.accuracy * 100, group.score.correct, group.score.scored))
            }
        }
        lines.append("")
        lines.append("results: \(folder)/results.jsonl · report: \(folder)/report.html, report.md · summary.json")
        return lines.joined(separator: "\n")
    }

    static func render(_ comparison: RunComparison, show: Int) -> String {
        var lines: [String] = []
        lines.append(Terminal.bold("Comparing \(comparison.pairs) questions both runs scored"))
        for (label, side) in [("A", comparison.first), ("B", comparison.second)] {
            lines.append(
                "  \(label) \(side.solver) — \(percent(side.paired.accuracy)) (\(side.paired.correct)/\(side.paired.scored)), "
                    + "95% CI \(percent(side.paired.ci95.lower))–\(percent(side.paired.ci95.upper))  [\(side.directory)]")
        }
        let test = comparison.mcnemar
        lines.append(
            "  both right \(comparison.bothCorrect), both wrong \(comparison.neitherCorrect), only A right \(test.onlyFirstCorrect), only B right \(test.onlySecondCorrect)")
        var line = "  McNemar (\(test.method.rawValue)): p = " + String(format: "%.4g", test.pValue)
        if let statistic = test.statistic { line += String(format: ", χ² = %.3f", statistic) }
        line += test.pValue < 0.05 ? " — the difference is significant at 5%" : " — no significant difference at 5%"
        lines.append(line)
        if comparison.unpaired > 0 { lines.append("  \(comparison.unpaired) questions only one run scored are left out") }
        if !comparison.byCategory.isEmpty {
            lines.append("")
            lines.append("By category (A / B):")
            for row in comparison.byCategory {
                lines.append("  \(row.name): \(percent(row.first.accuracy)) / \(percent(row.second.accuracy)) of \(row.first.scored)")
            }
        }
        if !comparison.flips.isEmpty {
            lines.append("")
            lines.append("Flipped (\(comparison.flips.count)):")
            for flip in comparison.flips.prefix(show) {
                let who = flip.nowCorrectIn == "first" ? "A right" : "B right"
                let question = flip.question.count > 90 ? String(flip.question.prefix(89)) + "…" : flip.question
                lines.append(
                    "  \(flip.id) [\(who); key \(flip.answerKey ?? "—"), A \(flip.firstAnswer ?? "—"), B \(flip.secondAnswer ?? "—")] \(question)")
            }
            if comparison.flips.count > show { lines.append("  … \(comparison.flips.count - show) more (--show N, or --json)") }
        }
        return lines.joined(separator: "\n")
    }
}
