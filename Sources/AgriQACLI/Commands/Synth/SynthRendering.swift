import AgriQASynthesis
import Foundation

/// The human summary of `agriqa synth`.
enum SynthRendering {
    static func render(_ report: SynthesisReport, folder: String) -> String {
        var lines: [String] = []
        let s = report.sections
        lines.append(Terminal.bold("Synthesized \(report.questions.examples) examples") + " into \(folder)/ with \(report.model)")
        lines.append(
            "sections: \(s.found) found, \(s.structured) structured (\(s.structureRetried) after a retry), \(s.structureFailed) failed; skipped \(s.skippedShort) short, \(s.skippedRecordDocuments) record files")
        let scaling = report.scaling
        var scale = "scaling \(scaling.mode): \(scaling.datasetTokens) dataset tokens from \(scaling.sourceTokens) source tokens"
        if let target = scaling.targetTokens { scale += " (target \(target), factor \(scaling.factor ?? 0))" }
        scale += ", \(scaling.rounds) round(s), stop: \(scaling.stopReason)"
        lines.append(scale)
        let q = report.questions
        lines.append(
            "questions: \(q.generated) generated, \(q.duplicatesRemoved) near duplicates removed (Jaccard ≥ \(report.dedupe.threshold)), \(q.unanswerable) unanswerable, \(q.answerFailures) answer failures")
        lines.append(
            "split (seed \(report.split.seed)): train \(report.split.trainExamples) examples / \(report.split.trainDocuments) documents, validation \(report.split.validationExamples) / \(report.split.validationDocuments)")
        lines.append("")
        lines.append(Terminal.bold("Coverage by region"))
        for region in report.regions {
            var line = "  \(region.key.padding(toLength: 10, withPad: " ", startingAt: 0)) sections \(region.sectionsWithExamples)/\(region.sections)"
            if region.facts > 0 { line += "  facts \(region.factsCovered)/\(region.facts)" }
            line += "  examples \(region.examples)  tokens \(region.datasetTokens)/\(region.sourceTokens)"
            lines.append(line)
        }
        lines.append(Terminal.bold("Coverage by document"))
        for document in report.documents {
            var line = "  [\(document.split ?? "-")] \(document.title ?? document.key): sections \(document.sectionsWithExamples)/\(document.sections)"
            if document.facts > 0 { line += ", facts \(document.factsCovered)/\(document.facts)" }
            line += ", examples \(document.examples)"
            lines.append(line)
        }
        lines.append("")
        lines.append(Terminal.bold("Model calls"))
        for usage in report.usage + [report.totalUsage] {
            lines.append(
                "  \(usage.step.padding(toLength: 10, withPad: " ", startingAt: 0)) requests \(usage.requests), cache hits \(usage.cacheHits), failures \(usage.failures), tokens \(usage.promptTokens) prompt + \(usage.completionTokens) completion")
        }
        if !report.problems.isEmpty {
            lines.append("")
            lines.append("\(report.problems.count) problem(s), first ones (all in report.json):")
            lines += report.problems.prefix(5).map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
