import AgriQAChatModel
import AgriQARetrieval

/// Which answerer produced an answer. Every answer says it.
public enum AnswerMode: String, Sendable, Codable, CaseIterable {
    /// The chat model, grounded in the numbered sources.
    case model
    /// The extractive answerer: the best-supported sentences of the sources, each cited.
    case extractive
    /// The extractive answerer because the chat model failed (the warnings say why).
    case extractiveFallback = "extractive-fallback"
}

/// Where each stage's time went, in milliseconds.
public struct AnswerTimings: Sendable, Codable, Equatable {
    /// Rewriting a follow-up into a standalone question (0 without history).
    public var rewriteMs: Double
    public var retrievalMs: Double
    /// The model call (including a failed one before the fallback), or the extractive answerer.
    public var generationMs: Double
    public var totalMs: Double

    public init(rewriteMs: Double = 0, retrievalMs: Double = 0, generationMs: Double = 0, totalMs: Double = 0) {
        self.rewriteMs = rewriteMs
        self.retrievalMs = retrievalMs
        self.generationMs = generationMs
        self.totalMs = totalMs
    }
}

/// The asker's location as the answer used it.
public struct AnswerLocation: Sendable, Codable, Equatable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// An answer with its sources and everything a client needs to judge it.
public struct Answer: Sendable, Codable, Equatable {
    /// The question as asked.
    public var question: String
    /// The answer text; `[n]` markers name entries of `citations`.
    public var answer: String
    /// Every source given to the answerer, numbered; `used` says which the answer cites.
    public var citations: [Citation]
    public var location: AnswerLocation?
    public var mode: AnswerMode
    /// The chat model that answered, as the endpoint named it; with `extractive-fallback`, the model
    /// that was tried and failed. Nil when no model was asked.
    public var model: String?
    /// The question retrieval ran with: the question itself, or a follow-up rewritten to stand alone.
    public var standaloneQuestion: String
    /// How `standaloneQuestion` was made from the question and the history.
    public var rewriteMethod: RewriteMethod
    /// Said when the evidence is not from the asker's region (also stated in extractive answers).
    public var regionNote: String?
    /// Anything the reader should know: the model failed, citations were removed, nothing cited.
    public var warnings: [String]
    /// Source numbers the model cited that were not given; their markers were removed from the text.
    public var removedCitations: [Int]
    /// The answer makes claims but cites no given source.
    public var uncited: Bool
    /// Retrieval's notices (no source from the asker's region, BM25 only, …).
    public var notices: [String]
    /// The ranking retrieval actually used (BM25 when no embedder is available).
    public var retrievalMode: SearchMode?
    /// The prompt's version when a model was asked, so runs can be compared.
    public var promptVersion: String?
    public var timings: AnswerTimings
    /// Token counts the model endpoint reported.
    public var usage: TokenUsage?

    public init(
        question: String, answer: String, citations: [Citation], location: AnswerLocation?, mode: AnswerMode,
        model: String? = nil, standaloneQuestion: String, rewriteMethod: RewriteMethod = .unchanged, regionNote: String? = nil, warnings: [String] = [],
        removedCitations: [Int] = [], uncited: Bool = false, notices: [String] = [], retrievalMode: SearchMode? = nil,
        promptVersion: String? = nil, timings: AnswerTimings = AnswerTimings(), usage: TokenUsage? = nil
    ) {
        self.question = question
        self.answer = answer
        self.citations = citations
        self.location = location
        self.mode = mode
        self.model = model
        self.standaloneQuestion = standaloneQuestion
        self.rewriteMethod = rewriteMethod
        self.regionNote = regionNote
        self.warnings = warnings
        self.removedCitations = removedCitations
        self.uncited = uncited
        self.notices = notices
        self.retrievalMode = retrievalMode
        self.promptVersion = promptVersion
        self.timings = timings
        self.usage = usage
    }
}
