/// One finished training example and where it came from.
public struct SynthesizedExample: Sendable {
    public var question: CandidateQuestion
    public var section: SourceSection
    public var structure: SectionStructure
    public var answer: TeacherAnswer
    public var split: DocumentSplit.Part = .train

    /// Estimated tokens the example adds to the dataset: the question and the assistant's reply
    /// (system prompt and sources repeat across examples and are not counted).
    public var datasetTokens: Int {
        TokenCount.estimate(question.text) + TokenCount.estimate(answer.messages.last?.content ?? answer.answer)
    }
}
