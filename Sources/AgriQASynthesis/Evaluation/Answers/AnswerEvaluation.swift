import Foundation

/// One configuration's answer to one question, with its grades (`results.jsonl`).
public struct AnswerScores: Codable, Sendable, Equatable {
    public var configuration: String
    public var questionID: String
    public var question: String
    public var answer: String?
    /// `model`, or `extractive-fallback` when the model failed and the answer service stepped in
    /// (not graded: it measures the extractive answerer, not the configuration).
    public var mode: String?
    /// Why there is no graded answer.
    public var failure: String?
    public var correctness: Judge.Grade<Judge.Verdict>?
    public var succinctness: Judge.Grade<Int>?
    /// rag on only: lexical support of the answer's sentences by its cited sources.
    public var groundedness: Groundedness.Measure?
    public var cosine: Double?
    public var tokenF1: Double?
    public var answerTokens: Int?
    public var citedSources: [Int]
}

/// One configuration's column of the comparison table.
public struct ConfigurationSummary: Codable, Sendable, Equatable {
    public var configuration: AnswerConfiguration
    /// The model id the endpoint reported (or the configured one).
    public var model: String
    public var questions: Int
    public var answered: Int
    public var failed: Int
    public var correct: Int
    public var partial: Int
    public var incorrect: Int
    /// Mean verdict score (correct 1, partial 0.5, incorrect 0) over graded answers.
    public var correctness: Double?
    public var succinctness: Double?
    public var groundedness: Double?
    public var cosine: Double?
    public var tokenF1: Double?
    public var meanAnswerTokens: Double?
    public var usage: StepUsage
}

/// `summary.json` of `agriqa eval answers`.
public struct AnswerEvaluationReport: Codable, Sendable {
    public var createdAt: Date
    public var file: String
    public var questions: Int
    public var judgeModel: String
    public var promptVersions: [String: String]
    public var definitions: [String: String]
    public var configurations: [ConfigurationSummary]
    public var judgeUsage: [StepUsage]
}
