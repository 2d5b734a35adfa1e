import AgriQAChatModel
import AgriQADomain

/// Answers one exam question. Two implementations: ``IRSolver`` (retrieval support, no model) and
/// ``ModelSolver`` (the chat model, with or without retrieved sources).
public protocol ExamSolver: Sendable {
    /// A short description for reports ("ir (combined)", "model qwen2 · rag on · cot").
    var description: String { get }
    func solve(_ question: ExamQuestion, context: SolveContext) async throws(ExamSolverError) -> SolverOutput
}

/// What a solver knows besides the question.
public struct SolveContext: Sendable {
    /// Where the asker is, for location-aware retrieval.
    public var location: Region?
    /// The run's seed; solvers derive per-request seeds from it and the question id.
    public var seed: Int

    public init(location: Region?, seed: Int) {
        self.location = location
        self.seed = seed
    }
}

/// Why a solver could not answer a question (the question is recorded as failed, and `--resume` retries it).
public enum ExamSolverError: Error, Sendable, CustomStringConvertible {
    case model(ChatModelError)
    case retrieval(String)

    public var description: String {
        switch self {
        case .model(let error): return error.description
        case .retrieval(let reason): return "retrieval failed: \(reason)"
        }
    }

    /// Whether trying the question again may help (a 500, a timeout), as opposed to a broken setup.
    var isTransient: Bool {
        switch self {
        case .model(let error): return error.warrantsFallback
        case .retrieval: return false
        }
    }
}

/// A source shown to the model or used as evidence by the IR solver.
public struct SourceRecord: Sendable, Codable, Equatable {
    public var rank: Int
    public var chunkID: Int64
    public var title: String
    public var path: String
    public var page: Int?
    public var score: Double
    /// The text as given to the model (possibly shortened); empty for the IR solver's evidence list.
    public var text: String

    public init(rank: Int, chunkID: Int64, title: String, path: String, page: Int?, score: Double, text: String) {
        self.rank = rank
        self.chunkID = chunkID
        self.title = title
        self.path = path
        self.page = page
        self.score = score
        self.text = text
    }
}

/// One model call of an ensemble: a reasoning sample or a refinement.
public struct SampleRecord: Sendable, Codable, Equatable {
    public enum Stage: String, Sendable, Codable {
        case sample, refinement
    }

    public var stage: Stage
    public var index: Int
    public var temperature: Double
    public var seed: Int
    public var output: String
    public var extracted: String?
    public var method: ExtractedAnswer.Method?
    public var promptTokens: Int?
    public var completionTokens: Int?
}

/// The IR solver's evidence for one option.
public struct OptionScore: Sendable, Codable, Equatable {
    public var label: String
    /// The per-question normalized score the choice was made on.
    public var score: Double
    /// Best BM25 of question + option (SQLite's bm25 negated: higher is better); nil when nothing matched.
    public var lexical: Double?
    /// Best cosine between question + option and a chunk; nil without vectors.
    public var dense: Double?
}

/// What a solver produced for one question.
public struct SolverOutput: Sendable {
    /// The messages sent (model), or the retrieval queries (IR) as user messages.
    public var prompt: [ChatMessage]
    /// Every raw completion, in order (one, or the ensemble's samples then refinements).
    public var rawOutputs: [String]
    public var samples: [SampleRecord]
    public var extracted: ExtractedAnswer
    /// The answer text of an open-ended question.
    public var answerText: String?
    public var sources: [SourceRecord]
    public var usage: TokenUsage?
    public var optionScores: [OptionScore]
    public var judge: JudgeVerdict?

    public init(
        prompt: [ChatMessage], rawOutputs: [String], samples: [SampleRecord] = [], extracted: ExtractedAnswer,
        answerText: String? = nil, sources: [SourceRecord], usage: TokenUsage? = nil, optionScores: [OptionScore] = [],
        judge: JudgeVerdict? = nil
    ) {
        self.prompt = prompt
        self.rawOutputs = rawOutputs
        self.samples = samples
        self.extracted = extracted
        self.answerText = answerText
        self.sources = sources
        self.usage = usage
        self.optionScores = optionScores
        self.judge = judge
    }
}

/// A judge model's verdict on an open-ended answer.
public struct JudgeVerdict: Sendable, Codable, Equatable {
    /// Nil when the judge's reply could not be read.
    public var correct: Bool?
    public var output: String
}

/// Token counts of two calls together; nil when neither reported any.
func summed(_ lhs: TokenUsage?, _ rhs: TokenUsage?) -> TokenUsage? {
    guard let lhs else { return rhs }
    guard let rhs else { return lhs }
    return TokenUsage(promptTokens: lhs.promptTokens + rhs.promptTokens, completionTokens: lhs.completionTokens + rhs.completionTokens)
}
