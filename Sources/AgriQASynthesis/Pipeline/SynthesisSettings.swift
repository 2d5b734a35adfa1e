/// How `agriqa synth` scales the dataset.
public enum ScalingMode: Sendable, Equatable {
    /// Rounds of questions over every section until the dataset's tokens reach `factor` × the
    /// source tokens (or a round adds nothing new, or `maxRounds` is reached).
    case tokens(factor: Double, questionsPerRound: Int, maxRounds: Int)
    /// Atomic facts per section, then `questionsPerFact` questions per fact: every fact covered.
    case facts(questionsPerFact: Int, maxFactsPerSection: Int)

    public var name: String {
        switch self {
        case .tokens: "tokens"
        case .facts: "facts"
        }
    }
}

/// Everything a synthesis run is configured with.
public struct SynthesisSettings: Sendable {
    public var scaling: ScalingMode
    /// The teacher reasons step by step before its answer, and the examples keep the chain.
    public var reasoning: Bool
    public var format: PromptFormat
    /// Sources retrieved for each teacher answer.
    public var sources: Int
    /// Token-set Jaccard similarity at or above which a question is a near duplicate.
    public var dedupeThreshold: Double
    public var validationShare: Double
    public var seed: UInt64
    /// Model calls in flight at once.
    public var concurrency: Int
    /// Only the first N sections (after filtering): for trials.
    public var sectionLimit: Int?
    public var catalog: SectionCatalog.Options

    public init(
        scaling: ScalingMode = .tokens(factor: 1, questionsPerRound: 3, maxRounds: 10), reasoning: Bool = false,
        format: PromptFormat = .rag, sources: Int = 4, dedupeThreshold: Double = 0.8, validationShare: Double = 0.2,
        seed: UInt64 = 1, concurrency: Int = 4, sectionLimit: Int? = nil, catalog: SectionCatalog.Options = .init()
    ) {
        self.scaling = scaling
        self.reasoning = reasoning
        self.format = format
        self.sources = sources
        self.dedupeThreshold = dedupeThreshold
        self.validationShare = validationShare
        self.seed = seed
        self.concurrency = concurrency
        self.sectionLimit = sectionLimit
        self.catalog = catalog
    }
}

/// Where a run is, for a progress display.
public struct SynthesisProgress: Sendable {
    /// structure, facts, questions, answers.
    public var stage: String
    public var completed: Int
    public var total: Int
    public var detail: String
}
