import Foundation

/// The mutable state of one synthesis run: records, examples, the dedupe filter and the report.
struct RunState {
    let settings: SynthesisSettings
    var sections: [SectionRecord] = []
    var examples: [SynthesizedExample] = [] {
        didSet { datasetTokens = examples.reduce(0) { $0 + $1.datasetTokens } }
    }
    var facts: [Fact] = []
    var report: SynthesisReport
    private(set) var datasetTokens = 0
    private var filter: NearDuplicateFilter

    static let maximumProblems = 200

    init(settings: SynthesisSettings, catalog: SectionCatalog.Catalog, model: String, index: String) {
        self.settings = settings
        filter = NearDuplicateFilter(threshold: settings.dedupeThreshold)
        var scaling = SynthesisReport.Scaling(mode: settings.scaling.name)
        switch settings.scaling {
        case .tokens(let factor, let perRound, _):
            scaling.factor = factor
            scaling.questionsPerRound = perRound
        case .facts(let perFact, _):
            scaling.questionsPerFact = perFact
        }
        report = SynthesisReport(
            createdAt: Date(), index: index, model: model, promptFormat: settings.format.rawValue, reasoning: settings.reasoning,
            promptVersions: SynthesisPipeline.promptVersions, scaling: scaling,
            dedupe: .init(threshold: settings.dedupeThreshold),
            split: .init(seed: settings.seed, validationShare: settings.validationShare))
        report.sections.found = catalog.sections.count
        report.sections.skippedShort = catalog.skippedShort
        report.sections.skippedRecordDocuments = catalog.skippedRecordDocuments
    }

    mutating func problem(_ text: String) {
        if report.problems.count < Self.maximumProblems { report.problems.append(text) }
    }

    mutating func recordStructure() {
        for record in sections {
            if record.structure != nil {
                report.sections.structured += 1
                if record.attempts > 1 { report.sections.structureRetried += 1 }
            } else {
                report.sections.structureFailed += 1
                problem("\(record.section.id) structure: \(record.failure ?? "failed")")
            }
        }
    }

    /// The candidates that are not near duplicates of a question kept before (in this call or an
    /// earlier one). A removed question's facts pass to the question it duplicates, when that one
    /// is among the candidates returned now, so dedupe never uncovers a fact.
    mutating func dedupe(_ candidates: [CandidateQuestion]) -> [CandidateQuestion] {
        var kept: [CandidateQuestion] = []
        var position: [Int: Int] = [:]  // filter index → index in `kept`
        for candidate in candidates {
            report.questions.generated += 1
            switch filter.admit(candidate.text) {
            case .kept(let index):
                position[index] = kept.count
                kept.append(candidate)
            case .duplicate(let index, _):
                report.questions.duplicatesRemoved += 1
                if let at = position[index] {
                    for fact in candidate.factIDs where !kept[at].factIDs.contains(fact) { kept[at].factIDs.append(fact) }
                }
            }
        }
        return kept
    }

    mutating func finishReport(split: DocumentSplit, ledger: UsageLedger?) {
        report.questions.examples = examples.count
        report.scaling.datasetTokens = datasetTokens
        let documents = Set(sections.filter { $0.structure != nil }.map(\.section.documentPath))
        report.split.validationDocuments = documents.filter { split.part(of: $0) == .validation }.count
        report.split.trainDocuments = documents.count - report.split.validationDocuments
        report.split.validationExamples = examples.filter { $0.split == .validation }.count
        report.split.trainExamples = examples.count - report.split.validationExamples

        let coveredFacts = Set(examples.flatMap(\.question.factIDs))
        let factsBySection = Dictionary(grouping: facts, by: \.sectionID)
        var byDocument: [String: SynthesisReport.Coverage] = [:]
        var byRegion: [String: SynthesisReport.Coverage] = [:]
        let examplesBySection = Dictionary(grouping: examples, by: \.section.id)
        for record in sections {
            let section = record.section
            let sectionExamples = examplesBySection[section.id] ?? []
            let sectionFacts = factsBySection[section.id] ?? []
            func add(_ coverage: inout SynthesisReport.Coverage) {
                coverage.sections += 1
                coverage.sectionsWithExamples += sectionExamples.isEmpty ? 0 : 1
                coverage.facts += sectionFacts.count
                coverage.factsCovered += sectionFacts.filter { coveredFacts.contains($0.id) }.count
                coverage.examples += sectionExamples.count
                coverage.sourceTokens += section.tokens
                coverage.datasetTokens += sectionExamples.reduce(0) { $0 + $1.datasetTokens }
            }
            add(&byDocument[
                section.documentPath,
                default: .init(key: section.documentPath, title: section.documentTitle, split: split.part(of: section.documentPath).rawValue)])
            add(&byRegion[section.primaryRegion, default: .init(key: section.primaryRegion)])
        }
        report.documents = byDocument.values.sorted { $0.key < $1.key }
        report.regions = byRegion.values.sorted { $0.key < $1.key }
        if let ledger {
            report.usage = ledger.snapshot
            report.totalUsage = ledger.total
        }
    }
}
