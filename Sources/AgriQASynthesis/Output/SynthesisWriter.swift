import AgriQAChatModel
import Foundation

/// Writes a run's files into one folder:
///
/// | file | content |
/// |---|---|
/// | `train.jsonl`, `validation.jsonl` | OpenAI chat fine-tuning examples |
/// | `metadata.jsonl` | ``ExampleMetadata`` per example (train first, then validation) |
/// | `questions.jsonl` | ``EvaluationQuestion`` per example, for `agriqa eval` |
/// | `sections.jsonl` | the structure step's ``SectionRecord`` per section, failures included |
/// | `facts.jsonl` | facts mode: every fact, with whether an example covers it |
/// | `report.json` | ``SynthesisReport``: coverage, dedupe, split, tokens per step |
public struct SynthesisWriter: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public static let files = ["train.jsonl", "validation.jsonl", "metadata.jsonl", "questions.jsonl", "sections.jsonl", "facts.jsonl", "report.json"]

    public func write(_ result: SynthesisPipeline.Result) throws(SynthesisError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .output(path: folder.path, reason: error.localizedDescription)
        }
        let ordered = result.examples.filter { $0.split == .train } + result.examples.filter { $0.split == .validation }
        var lines: [DocumentSplit.Part: Int] = [:]
        var train: [FineTuneExample] = []
        var validation: [FineTuneExample] = []
        var metadata: [ExampleMetadata] = []
        var questions: [EvaluationQuestion] = []
        for (offset, example) in ordered.enumerated() {
            let id = String(format: "ex-%06d", offset + 1)
            lines[example.split, default: 0] += 1
            let fineTune = FineTuneExample(messages: example.answer.messages)
            if example.split == .train { train.append(fineTune) } else { validation.append(fineTune) }
            metadata.append(Self.metadata(example, id: id, line: lines[example.split] ?? 1, report: result.report))
            questions.append(
                EvaluationQuestion(
                    id: id, question: example.question.text, reference: TeacherAnswerer.removingMarkers(example.answer.answer),
                    source: example.section.text, section: example.section.id, document: example.section.documentPath,
                    region: example.section.primaryRegion, split: example.split.rawValue))
        }
        let covered = Set(result.examples.flatMap(\.question.factIDs))
        struct FactLine: Encodable {
            var id: String
            var sectionID: String
            var text: String
            var covered: Bool
        }
        try writeLines(train, "train.jsonl")
        try writeLines(validation, "validation.jsonl")
        try writeLines(metadata, "metadata.jsonl")
        try writeLines(questions, "questions.jsonl")
        try writeLines(result.sections, "sections.jsonl")
        try writeLines(
            result.facts.map { FactLine(id: $0.id, sectionID: $0.sectionID, text: $0.text, covered: covered.contains($0.id)) },
            "facts.jsonl")
        try write(JSONLines.pretty(result.report), "report.json")
    }

    static func metadata(_ example: SynthesizedExample, id: String, line: Int, report: SynthesisReport) -> ExampleMetadata {
        let section = example.section
        return ExampleMetadata(
            id: id, split: example.split, line: line, question: example.question.text, sectionID: section.id,
            section: section.section,
            document: .init(id: section.documentID, title: section.documentTitle, path: section.documentPath),
            pageStart: section.pageStart, pageEnd: section.pageEnd, region: section.primaryRegion, regions: section.regions,
            location: example.structure.location, topics: example.structure.topics, factIDs: example.question.factIDs,
            round: example.question.round, generatorModel: report.model, teacherModel: example.answer.model,
            promptVersions: report.promptVersions, promptFormat: report.promptFormat, reasoning: example.answer.reasoning,
            sources: example.answer.sources, cited: example.answer.cited,
            questionTokens: TokenCount.estimate(example.question.text),
            answerTokens: TokenCount.estimate(example.answer.messages.last?.content ?? ""))
    }

    private func writeLines<T: Encodable>(_ values: [T], _ name: String) throws(SynthesisError) {
        try write(JSONLines.encode(values), name)
    }

    private func write(_ text: String, _ name: String) throws(SynthesisError) {
        let url = folder.appending(path: name)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .output(path: url.path, reason: error.localizedDescription)
        }
    }
}
