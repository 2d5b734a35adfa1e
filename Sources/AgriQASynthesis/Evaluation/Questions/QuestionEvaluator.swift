import AgriQAEmbedding
import Foundation

/// `agriqa eval questions`: judges every question for relevance (with the source), global
/// relevance (without it), coverage and fluency (1–5 each), and measures overlap (KL divergence
/// to the source), diversity (within each section) and length.
public struct QuestionEvaluator: Sendable {
    public let judge: Judge
    /// For diversity; nil falls back to token-set Jaccard distance.
    public let embedder: (any TextEmbedder)?
    public var concurrency: Int
    /// Lidstone smoothing of the overlap measure.
    public var smoothing: Double
    public var maxSourceCharacters = 6_000

    public init(judge: Judge, embedder: (any TextEmbedder)?, concurrency: Int = 4, smoothing: Double = 1) {
        self.judge = judge
        self.embedder = embedder
        self.concurrency = concurrency
        self.smoothing = smoothing
    }

    public func evaluate(
        _ questions: [EvaluationQuestion], file: String, ledger: UsageLedger? = nil,
        progress: @escaping @Sendable (SynthesisProgress) -> Void = { _ in }
    ) async -> (rows: [QuestionScores], report: QuestionEvaluationReport) {
        let counter = ProgressCounter(stage: "judging", total: questions.count, report: progress)
        let judge = self.judge
        let smoothing = self.smoothing
        let limit = maxSourceCharacters
        let rows = await boundedMap(questions, limit: concurrency) { item -> QuestionScores in
            defer { counter.advance(item.id) }
            let source = item.source.map { String($0.prefix(limit)) }
            let withSource = source.map { ["source": $0, "question": item.question] }
            let alone = ["question": item.question]
            async let relevance = withSource.asyncMap { await judge.score(JudgePrompts.relevance, $0) }
            async let coverage = withSource.asyncMap { await judge.score(JudgePrompts.coverage, $0) }
            async let global = judge.score(JudgePrompts.globalRelevance, alone)
            async let fluency = judge.score(JudgePrompts.fluency, alone)
            return QuestionScores(
                id: item.id, question: item.question, section: item.section, relevance: await relevance,
                globalRelevance: await global, coverage: await coverage, fluency: await fluency,
                overlapKL: item.source.flatMap { QuestionMetrics.klDivergence(question: item.question, source: $0, alpha: smoothing) },
                questionTokens: TokenCount.estimate(item.question), sourceTokens: item.source.map(TokenCount.estimate))
        }
        let diversity = await measureDiversity(questions)
        let kls = rows.compactMap(\.overlapKL).sorted()
        let sourceTokens = rows.compactMap(\.sourceTokens)
        let questionTokens = rows.map(\.questionTokens)
        let report = QuestionEvaluationReport(
            createdAt: Date(), file: file, questions: questions.count, judgeModel: judge.modelID,
            promptVersions: Dictionary(uniqueKeysWithValues: JudgePrompts.questionPrompts.map { ($0.id, $0.version) }),
            scores: [
                ScoreSummary(metric: "relevance", scores: rows.map { $0.relevance?.value }),
                ScoreSummary(metric: "global relevance", scores: rows.map { $0.globalRelevance.value }),
                ScoreSummary(metric: "coverage", scores: rows.map { $0.coverage?.value }),
                ScoreSummary(metric: "fluency", scores: rows.map { $0.fluency.value }),
            ],
            overlap: .init(
                meanKL: mean(kls), medianKL: kls.isEmpty ? nil : kls[kls.count / 2], measured: kls.count,
                definition: "KL(question ‖ source) in nats over the union of their words (case- and accent-folded), Lidstone smoothing α = \(smoothing); lower = the question's wording is closer to the source's"),
            diversity: diversity,
            details: .init(
                meanQuestionTokens: questionTokens.isEmpty ? 0 : Double(questionTokens.reduce(0, +)) / Double(questionTokens.count),
                minQuestionTokens: questionTokens.min() ?? 0, maxQuestionTokens: questionTokens.max() ?? 0,
                meanSourceTokens: sourceTokens.isEmpty ? nil : Double(sourceTokens.reduce(0, +)) / Double(sourceTokens.count),
                questionsWithSource: sourceTokens.count),
            usage: ledger?.snapshot ?? [], totalUsage: ledger?.total ?? StepUsage(step: "total"))
        return (rows, report)
    }

    /// Mean pairwise distance among each section's questions (questions without a section form one group).
    func measureDiversity(_ questions: [EvaluationQuestion]) async -> QuestionEvaluationReport.Diversity {
        var groups: [String: [String]] = [:]
        var order: [String] = []
        for question in questions {
            let key = question.section ?? "(all)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(question.question)
        }
        var method = "token-set Jaccard distance (1 − Jaccard of content words; no embedder)"
        var sections: [SectionDiversity] = []
        for key in order {
            guard let texts = groups[key], texts.count >= 2 else { continue }
            var distance: Double?
            if let embedder, let vectors = try? await embedder.embed(texts) {
                distance = QuestionMetrics.meanPairwiseCosineDistance(vectors)
                method = "embedding cosine distance (1 − cosine, \(embedder.descriptor.id))"
            } else {
                distance = QuestionMetrics.meanPairwiseJaccardDistance(texts)
            }
            if let distance { sections.append(SectionDiversity(section: key, questions: texts.count, meanDistance: distance)) }
        }
        return .init(method: method, mean: mean(sections.map(\.meanDistance)), sections: sections)
    }
}

extension Optional where Wrapped: Sendable {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async -> T) async -> T? {
        guard let value = self else { return nil }
        return await transform(value)
    }
}
