import Foundation

/// The grades and measures of one question (`questions.jsonl` of `agriqa eval questions`).
public struct QuestionScores: Codable, Sendable, Equatable {
    public var id: String
    public var question: String
    public var section: String?
    /// Judged with the source (nil without one).
    public var relevance: Judge.Grade<Int>?
    /// Judged without the source.
    public var globalRelevance: Judge.Grade<Int>
    /// Can the answer be found in the source (nil without one).
    public var coverage: Judge.Grade<Int>?
    public var fluency: Judge.Grade<Int>
    /// KL divergence D(question ‖ source) in nats (nil without a source).
    public var overlapKL: Double?
    public var questionTokens: Int
    public var sourceTokens: Int?
}

/// Diversity of one section's questions.
public struct SectionDiversity: Codable, Sendable, Equatable {
    public var section: String
    public var questions: Int
    public var meanDistance: Double
}

/// `summary.json` of `agriqa eval questions`.
public struct QuestionEvaluationReport: Codable, Sendable {
    public struct Overlap: Codable, Sendable {
        public var meanKL: Double?
        public var medianKL: Double?
        public var measured: Int
        public var definition: String
    }

    public struct Diversity: Codable, Sendable {
        /// `embedding cosine distance (local:all-MiniLM-L6-v2)` or `token-set Jaccard distance`.
        public var method: String
        /// Mean over sections with at least two questions of their mean pairwise distance.
        public var mean: Double?
        public var sections: [SectionDiversity]
    }

    public struct Details: Codable, Sendable {
        public var meanQuestionTokens: Double
        public var minQuestionTokens: Int
        public var maxQuestionTokens: Int
        public var meanSourceTokens: Double?
        public var questionsWithSource: Int
    }

    public var createdAt: Date
    public var file: String
    public var questions: Int
    public var judgeModel: String
    public var promptVersions: [String: String]
    public var scores: [ScoreSummary]
    public var overlap: Overlap
    public var diversity: Diversity
    public var details: Details
    public var usage: [StepUsage]
    public var totalUsage: StepUsage
}
