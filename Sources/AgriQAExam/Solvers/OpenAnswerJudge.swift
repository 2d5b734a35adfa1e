import AgriQAChatModel
import Foundation

/// Grades an open-ended answer against the reference answer with a chat model (any solver's
/// answers: the model's or the IR solver's extractive ones).
public struct OpenAnswerJudge: Sendable {
    let model: any ChatModel

    public init(model: any ChatModel) {
        self.model = model
    }

    public var modelID: String { model.modelID }

    func grade(_ question: ExamQuestion, answer: String, reference: String, seed: Int) async throws(ExamSolverError)
        -> (verdict: JudgeVerdict, usage: TokenUsage?)
    {
        let messages = ExamPrompts.judge(question, answer: answer, reference: reference)
        let completion = try await ModelSolver.call(
            model, messages, temperature: 0, seed: RequestSeed.derive(seed, question.id, "judge"), json: true, maxTokens: 64)
        return (JudgeVerdict(correct: Self.judgement(completion.content), output: completion.content), completion.usage)
    }

    /// `{"correct": true}`, or a reply that starts with yes/no/correct/incorrect; nil otherwise.
    static func judgement(_ output: String) -> Bool? {
        let text = AnswerExtractor.stripThinking(output)
        if let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close,
            let object = try? JSONSerialization.jsonObject(with: Data(text[open...close].utf8)) as? [String: Any]
        {
            for (key, value) in object where key.lowercased() == "correct" {
                if let flag = value as? Bool { return flag }
                if let word = value as? String { return ["true", "yes", "correct"].contains(word.lowercased()) }
            }
        }
        let first = TextNormalization.tokens(text, dropArticles: false).first ?? ""
        if ["yes", "correct", "true"].contains(first) { return true }
        if ["no", "incorrect", "false", "wrong"].contains(first) { return false }
        return nil
    }
}
