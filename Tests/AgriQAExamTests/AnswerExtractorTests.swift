import Testing

@testable import AgriQAExam

/// The extraction cascade: JSON, answer line, (B), a lone letter, the option's text.
@Suite struct AnswerExtractorTests {
    let options: [ExamQuestion.Option] = [
        .init(label: "A", text: "Nitrogen"), .init(label: "B", text: "Nitrogen and sulfur"),
        .init(label: "C", text: "Gypsum at early bloom"), .init(label: "D", text: "Boron"),
    ]

    private func extract(_ text: String) -> ExtractedAnswer { AnswerExtractor.extract(text, options: options) }

    @Test func jsonFirst() {
        #expect(extract(#"{"answer": "C"}"#) == .init(label: "C", method: .json))
        #expect(extract("```json\n{\"answer\": \"b\", \"why\": \"{x}\"}\n```") == .init(label: "B", method: .json))
        #expect(extract(#"Sure! {"Answer":"D"}"#) == .init(label: "D", method: .json))
        // Small models nest the label or write the option's text as the value.
        #expect(extract(#"{"answer": {"label": "C", "type": "json"}}"#) == .init(label: "C", method: .json))
        #expect(extract(#"{"answer": "Gypsum at early bloom"}"#) == .init(label: "C", method: .json))
    }

    @Test func answerLineTakesTheLastConclusion() {
        #expect(extract("Answer: B") == .init(label: "B", method: .answerLine))
        #expect(extract("A looks right at first. But potassium... so the answer is (C).") == .init(label: "C", method: .answerLine))
        #expect(extract("Option A is wrong.\nAnswer: A\nWait, reconsidering.\nFinal answer: D") == .init(label: "D", method: .answerLine))
        // "the answer is a mix of …" is prose, not option A.
        #expect(extract("the answer is a mix of several nutrients") == .none)
    }

    @Test func parenthesisedLabelOnlyWhenUnambiguous() {
        #expect(extract("I would pick (B) here.") == .init(label: "B", method: .parenthesised))
        #expect(extract("Either (A) or (C).") == .none)
    }

    @Test func loneLetterAndLeadingLabel() {
        #expect(extract("B") == .init(label: "B", method: .loneLetter))
        #expect(extract(" d. ") == .init(label: "D", method: .loneLetter))
        #expect(extract("C. Gypsum at early bloom, because pods need calcium") == .init(label: "C", method: .loneLetter))
    }

    @Test func optionTextPrefersTheLongerContainingOption() {
        #expect(extract("Gypsum at early bloom.") == .init(label: "C", method: .optionText))
        #expect(extract("The crop needs nitrogen and sulfur.") == .init(label: "B", method: .optionText))
        #expect(extract("Boron, definitely") == .init(label: "D", method: .optionText))
    }

    @Test func garbageIsUnparseable() {
        #expect(extract("") == .none)
        #expect(extract("I cannot help with that.") == .none)
        #expect(extract(#"{"answer": "E"}"#) == .none)
        #expect(extract("<think>Answer: A</think>") == .none)
        #expect(extract("<think>maybe A</think>Answer: C") == .init(label: "C", method: .answerLine))
    }

    @Test func judgeRepliesAreRead() {
        #expect(OpenAnswerJudge.judgement(#"{"correct": true}"#) == true)
        #expect(OpenAnswerJudge.judgement(#"{"correct": "no"}"#) == false)
        #expect(OpenAnswerJudge.judgement("Incorrect: the depth is wrong.") == false)
        #expect(OpenAnswerJudge.judgement("It depends.") == nil)
    }

    @Test func pluralityVotePrefersRefinementsThenSamplesThenOptionOrder() {
        func record(_ stage: SampleRecord.Stage, _ label: String?) -> SampleRecord {
            SampleRecord(stage: stage, index: 0, temperature: 0.7, seed: 1, output: "", extracted: label, method: nil)
        }
        let options = [ExamQuestion.Option(label: "A", text: "a"), .init(label: "B", text: "b"), .init(label: "C", text: "c")]
        // Refinements tie B and C; the samples favour C.
        let records = [record(.sample, "C"), record(.sample, "C"), record(.sample, "B"), record(.refinement, "B"), record(.refinement, "C")]
        #expect(ModelSolver.plurality(records, options: options) == "C")
        // No valid refinement: the samples decide.
        #expect(ModelSolver.plurality([record(.sample, "A"), record(.sample, "B"), record(.refinement, nil)], options: options) == "A")
        #expect(ModelSolver.plurality([record(.sample, nil)], options: options) == nil)
    }
}
