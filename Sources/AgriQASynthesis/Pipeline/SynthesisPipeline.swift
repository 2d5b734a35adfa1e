import AgriQAAnswering
import AgriQAChatModel
import AgriQAGeography
import AgriQARetrieval
import Foundation

/// `agriqa synth`: structure → questions (per section, or per fact) → near-duplicate removal →
/// teacher answers → split by document, over every section of the index.
///
/// Generation runs concurrently (``SynthesisSettings/concurrency`` calls in flight); dedupe runs
/// in section order, so the result does not depend on which call finished first. Every model
/// call goes through the one `model` given (wrap it in ``CachingChatModel`` and
/// ``MeteredChatModel`` for the cache and the token accounting).
public struct SynthesisPipeline: Sendable {
    public struct Result: Sendable {
        public var examples: [SynthesizedExample]
        public var sections: [SectionRecord]
        public var facts: [Fact]
        public var report: SynthesisReport
    }

    public let model: any ChatModel
    public let searcher: HybridSearcher
    public let gazetteer: Gazetteer
    public let settings: SynthesisSettings
    public let ledger: UsageLedger?

    public init(
        model: any ChatModel, searcher: HybridSearcher, gazetteer: Gazetteer, settings: SynthesisSettings,
        ledger: UsageLedger? = nil
    ) {
        self.model = model
        self.searcher = searcher
        self.gazetteer = gazetteer
        self.settings = settings
        self.ledger = ledger
    }

    public static var promptVersions: [String: String] {
        [
            "structure": StructurePrompt.template.version, "questions": QuestionPrompt.section.version,
            "factQuestions": QuestionPrompt.fact.version, "facts": FactPrompt.template.version,
            "answer": PromptBuilder.promptVersion, "teacher": TeacherPrompt.version,
        ]
    }

    public func run(progress: @escaping @Sendable (SynthesisProgress) -> Void = { _ in }) async throws(SynthesisError) -> Result {
        var catalog = try await SectionCatalog(index: searcher.index).read(settings.catalog)
        if let limit = settings.sectionLimit { catalog.sections = Array(catalog.sections.prefix(limit)) }
        guard !catalog.sections.isEmpty else {
            throw .noSections(
                reason: "the index \(searcher.index.path) has no PDF section of at least \(settings.catalog.minimumTokens) tokens")
        }
        var state = RunState(settings: settings, catalog: catalog, model: model.modelID, index: searcher.index.path)

        // 1. Structure.
        let step = StructureStep(model: model)
        let counter = ProgressCounter(stage: "structure", total: catalog.sections.count, report: progress)
        state.sections = await boundedMap(catalog.sections, limit: settings.concurrency) { section in
            let record = await step.run(section)
            counter.advance(section.section)
            return record
        }
        state.recordStructure()
        let structured = state.sections.compactMap { record in record.structure.map { (record.section, $0) } }

        // 2–3. Questions and answers (nothing when every structure step failed: the result then
        // holds the failed section records, with the model's replies, for the caller to write).
        switch structured.isEmpty ? nil : settings.scaling {
        case nil:
            state.report.scaling.stopReason = "no-structured-section"
        case .tokens(let factor, let perRound, let maxRounds):
            await scaleByTokens(&state, structured, factor: factor, perRound: perRound, maxRounds: maxRounds, progress: progress)
        case .facts(let perFact, let maxFacts):
            await scaleByFacts(&state, structured, perFact: perFact, maxFacts: maxFacts, progress: progress)
        }

        // 4. Split by document.
        let split = DocumentSplit(
            documents: structured.map(\.0.documentPath), validationShare: settings.validationShare, seed: settings.seed)
        for index in state.examples.indices {
            state.examples[index].split = split.part(of: state.examples[index].section.documentPath)
        }
        state.finishReport(split: split, ledger: ledger)
        return Result(examples: state.examples, sections: state.sections, facts: state.facts, report: state.report)
    }

    // MARK: Scaling by tokens

    private func scaleByTokens(
        _ state: inout RunState, _ structured: [(SourceSection, SectionStructure)], factor: Double, perRound: Int, maxRounds: Int,
        progress: @escaping @Sendable (SynthesisProgress) -> Void
    ) async {
        let sourceTokens = structured.reduce(0) { $0 + $1.0.tokens }
        // Documents take turns, so a run that reaches its target mid-round has touched every
        // document instead of exhausting the first ones.
        let structured = Self.interleavedByDocument(structured)
        let target = Int((factor * Double(sourceTokens)).rounded(.up))
        state.report.scaling.sourceTokens = sourceTokens
        state.report.scaling.targetTokens = target
        let generator = QuestionGenerator(model: model)
        var previous: [String: [String]] = [:]
        var round = 0
        state.report.scaling.stopReason = "max-rounds"
        rounds: while round < maxRounds {
            round += 1
            state.report.scaling.rounds = round
            let before = state.examples.count
            // Sections in batches, so the target is checked as the dataset grows.
            let batchSize = max(1, settings.concurrency)
            for start in stride(from: 0, to: structured.count, by: batchSize) {
                let batch = Array(structured[start..<min(start + batchSize, structured.count)])
                let seen = previous
                let seed = round
                let generated = await boundedMap(batch, limit: settings.concurrency) { section, structure in
                    await generator.questions(
                        about: section, structure: structure, count: perRound, previous: seen[section.id] ?? [], seed: seed)
                }
                var candidates: [CandidateQuestion] = []
                for ((section, _), outcome) in zip(batch, generated) {
                    switch outcome {
                    case .questions(let texts):
                        for text in texts {
                            previous[section.id, default: []].append(text)
                            candidates.append(CandidateQuestion(text: text, sectionID: section.id, round: round))
                        }
                    case .failed(let reason):
                        state.report.questions.generationFailures += 1
                        state.problem("\(section.id) round \(round): \(reason)")
                    }
                }
                await answer(&state, state.dedupe(candidates), structured: structured)
                progress(
                    SynthesisProgress(
                        stage: "tokens", completed: min(state.datasetTokens, target), total: target,
                        detail: "round \(round), \(state.examples.count) examples"))
                if state.datasetTokens >= target {
                    state.report.scaling.stopReason = "target-reached"
                    break rounds
                }
            }
            if state.examples.count == before {
                state.report.scaling.stopReason = "saturated"
                break
            }
        }
    }

    /// The sections reordered so that documents alternate: d1.s0, d2.s0, d1.s1, d2.s1, …
    static func interleavedByDocument<T>(_ items: [(SourceSection, T)]) -> [(SourceSection, T)] {
        var queues: [[(SourceSection, T)]] = []
        var position: [Int64: Int] = [:]
        for item in items {
            if let at = position[item.0.documentID] {
                queues[at].append(item)
            } else {
                position[item.0.documentID] = queues.count
                queues.append([item])
            }
        }
        var result: [(SourceSection, T)] = []
        var depth = 0
        while result.count < items.count {
            for queue in queues where depth < queue.count { result.append(queue[depth]) }
            depth += 1
        }
        return result
    }

    // MARK: Scaling by facts

    private func scaleByFacts(
        _ state: inout RunState, _ structured: [(SourceSection, SectionStructure)], perFact: Int, maxFacts: Int,
        progress: @escaping @Sendable (SynthesisProgress) -> Void
    ) async {
        state.report.scaling.sourceTokens = structured.reduce(0) { $0 + $1.0.tokens }
        state.report.scaling.rounds = 1
        let extractor = FactExtractor(model: model, maximumFacts: maxFacts)
        let factCounter = ProgressCounter(stage: "facts", total: structured.count, report: progress)
        let extracted = await boundedMap(structured, limit: settings.concurrency) { section, structure in
            let outcome = await extractor.run(section, structure: structure)
            factCounter.advance(section.section)
            return outcome
        }
        var work: [(Fact, SourceSection, SectionStructure)] = []
        for ((section, structure), outcome) in zip(structured, extracted) {
            switch outcome {
            case .facts(let facts):
                state.facts += facts
                work += facts.map { ($0, section, structure) }
            case .failed(let reason):
                state.report.questions.generationFailures += 1
                state.problem("\(section.id) facts: \(reason)")
            }
        }
        let generator = QuestionGenerator(model: model)
        let questionCounter = ProgressCounter(stage: "questions", total: work.count, report: progress)
        let generated = await boundedMap(work, limit: settings.concurrency) { fact, section, structure in
            let outcome = await generator.questions(about: fact, in: section, structure: structure, count: perFact)
            questionCounter.advance(fact.id)
            return outcome
        }
        var candidates: [CandidateQuestion] = []
        for ((fact, section, _), outcome) in zip(work, generated) {
            switch outcome {
            case .questions(let texts):
                candidates += texts.map { CandidateQuestion(text: $0, sectionID: section.id, factIDs: [fact.id]) }
            case .failed(let reason):
                state.report.questions.generationFailures += 1
                state.problem("\(fact.id): \(reason)")
            }
        }
        let kept = state.dedupe(candidates)
        await answer(&state, kept, structured: structured, progress: progress)
        state.report.scaling.stopReason = "all-facts"
    }

    // MARK: Answers

    private func answer(
        _ state: inout RunState, _ questions: [CandidateQuestion], structured: [(SourceSection, SectionStructure)],
        progress: (@Sendable (SynthesisProgress) -> Void)? = nil
    ) async {
        guard !questions.isEmpty else { return }
        let bySection = Dictionary(structured.map { ($0.0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let teacher = TeacherAnswerer(
            model: model, searcher: searcher, gazetteer: gazetteer, sources: settings.sources, reasoning: settings.reasoning,
            format: settings.format)
        let counter = progress.map { ProgressCounter(stage: "answers", total: questions.count, report: $0) }
        let outcomes = await boundedMap(questions, limit: settings.concurrency) { question -> TeacherAnswerer.Outcome in
            defer { counter?.advance(question.text) }
            guard let (section, _) = bySection[question.sectionID] else { return .failed("unknown section") }
            return await teacher.answer(question.text, section: section)
        }
        for (question, outcome) in zip(questions, outcomes) {
            guard let (section, structure) = bySection[question.sectionID] else { continue }
            switch outcome {
            case .answered(let answer):
                state.examples.append(SynthesizedExample(question: question, section: section, structure: structure, answer: answer))
            case .unanswerable:
                state.report.questions.unanswerable += 1
            case .failed(let reason):
                state.report.questions.answerFailures += 1
                state.problem("\(section.id) \"\(question.text.prefix(60))\": \(reason)")
            }
        }
    }
}

/// Counts finished items of a stage and reports them; safe from concurrent tasks.
final class ProgressCounter: @unchecked Sendable {
    // @unchecked: `done` is only touched under `lock`.
    private let lock = NSLock()
    private var done = 0
    let stage: String
    let total: Int
    let report: @Sendable (SynthesisProgress) -> Void

    init(stage: String, total: Int, report: @escaping @Sendable (SynthesisProgress) -> Void) {
        self.stage = stage
        self.total = total
        self.report = report
        report(SynthesisProgress(stage: stage, completed: 0, total: total, detail: ""))
    }

    func advance(_ detail: String) {
        let completed = lock.withLock { () -> Int in
            done += 1
            return done
        }
        report(SynthesisProgress(stage: stage, completed: completed, total: total, detail: detail))
    }
}
