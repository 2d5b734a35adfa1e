import AgriQAChatModel
import Foundation

/// One line of `results.jsonl`: everything about one question's attempt.
public struct QuestionResult: Sendable, Codable, Equatable {
    public struct Tokens: Sendable, Codable, Equatable {
        public var prompt: Int
        public var completion: Int
    }

    public var id: String
    public var kind: Kind
    public var question: String
    public var category: String?
    public var region: String?
    public var difficulty: String?
    public var answerKey: String?
    public var reference: String?
    /// The location retrieval used (code), if any.
    public var location: String?

    public var prompt: [ChatMessage]
    public var rawOutputs: [String]
    public var samples: [SampleRecord]?
    /// The extracted option label (multiple choice); nil when the answer was unparseable.
    public var extracted: String?
    public var extractionMethod: ExtractedAnswer.Method?
    /// Multiple choice: extracted == key. Open-ended: the judge's verdict (nil without a judge).
    public var correct: Bool?
    /// A multiple-choice answer that could not be read (counted as wrong, reported separately).
    public var invalid: Bool
    public var answer: String?
    public var tokenF1: Double?
    public var rougeL: Double?
    public var judge: JudgeVerdict?
    public var optionScores: [OptionScore]?
    public var sources: [SourceRecord]
    public var latencySeconds: Double
    public var tokens: Tokens?
    /// Attempts the runner made (a transient failure is retried).
    public var attempts: Int
    /// Why the question could not be answered; such questions are retried by `--resume`.
    public var error: String?
    public var finishedAt: Date

    public enum Kind: String, Sendable, Codable {
        case multipleChoice = "multiple choice"
        case openEnded = "open-ended"
    }

    /// Whether the question has an outcome (as opposed to a failure to be retried).
    public var isComplete: Bool { error == nil }
}

extension QuestionResult {
    init(question: ExamQuestion, location: String?, output: SolverOutput, latency: Double, attempts: Int) {
        self.init(
            id: question.id, kind: question.isMultipleChoice ? .multipleChoice : .openEnded, question: question.question,
            category: question.category, region: question.region, difficulty: question.difficulty,
            answerKey: question.answerKey, reference: question.referenceAnswer, location: location,
            prompt: output.prompt, rawOutputs: output.rawOutputs, samples: output.samples.isEmpty ? nil : output.samples,
            extracted: output.extracted.label, extractionMethod: output.extracted.method, correct: nil, invalid: false,
            answer: output.answerText, tokenF1: nil, rougeL: nil, judge: output.judge,
            optionScores: output.optionScores.isEmpty ? nil : output.optionScores, sources: output.sources,
            latencySeconds: latency, tokens: output.usage.map { Tokens(prompt: $0.promptTokens, completion: $0.completionTokens) },
            attempts: attempts, error: nil, finishedAt: Date())
        if question.isMultipleChoice {
            invalid = output.extracted.label == nil
            correct = output.extracted.label.map { $0.caseInsensitiveCompare(question.answerKey ?? "") == .orderedSame } ?? false
        } else {
            let answer = output.answerText ?? ""
            if let reference = question.referenceAnswer {
                tokenF1 = OpenAnswerMetrics.tokenF1(answer, reference: reference)
                rougeL = OpenAnswerMetrics.rougeL(answer, reference: reference)
            }
            correct = output.judge?.correct
        }
    }

    static func failed(question: ExamQuestion, location: String?, error: String, latency: Double, attempts: Int) -> QuestionResult {
        QuestionResult(
            id: question.id, kind: question.isMultipleChoice ? .multipleChoice : .openEnded, question: question.question,
            category: question.category, region: question.region, difficulty: question.difficulty,
            answerKey: question.answerKey, reference: question.referenceAnswer, location: location, prompt: [], rawOutputs: [],
            samples: nil, extracted: nil, extractionMethod: nil, correct: nil, invalid: false, answer: nil, tokenF1: nil,
            rougeL: nil, judge: nil, optionScores: nil, sources: [], latencySeconds: latency, tokens: nil, attempts: attempts,
            error: error, finishedAt: Date())
    }
}
