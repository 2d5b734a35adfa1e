import Testing

@testable import AgriQAAnswering

@Suite struct SentenceSplitterTests {
    @Test func splitsAtSentenceEnds() {
        let sentences = SentenceSplitter.sentences("Seed in late September. Raise the rate! Is it too late? Yes.")
        #expect(sentences == ["Seed in late September.", "Raise the rate!", "Is it too late?", "Yes."])
    }

    @Test func abbreviationsInitialsAndDecimalsDoNotSplit() {
        let text = "Apply 2.5 lb of N, e.g. Urea or UAN, per bushel. Dr. Smith and J. Jones tested cv. Madsen in the U.S. Market. See Fig. 2 for rates."
        #expect(SentenceSplitter.sentences(text) == [
            "Apply 2.5 lb of N, e.g. Urea or UAN, per bushel.",
            "Dr. Smith and J. Jones tested cv. Madsen in the U.S. Market.",
            "See Fig. 2 for rates.",
        ])
    }

    @Test func lowercaseAfterAStopIsNotANewSentence() {
        #expect(SentenceSplitter.sentences("Yields reached 5 t/ha. in the best plots. Then they fell.") == [
            "Yields reached 5 t/ha. in the best plots.", "Then they fell.",
        ])
    }

    @Test func quotesAndBracketsStayWithTheirSentence() {
        #expect(SentenceSplitter.sentences("He said \"sow early.\" Then rain came (as usual.) Done.") == [
            "He said \"sow early.\"", "Then rain came (as usual.)", "Done.",
        ])
    }

    @Test func blankLinesBulletsAndLabelsAreBoundaries() {
        let text = """
            Question: When should I seed wheat?
            Answer: Seed from late
            September to mid-October.

            Headline without a stop
            • Scout fields weekly • Rotate crops
            """
        #expect(SentenceSplitter.sentences(text) == [
            "Question: When should I seed wheat?",
            "Answer: Seed from late September to mid-October.",
            "Headline without a stop",
            "Scout fields weekly",
            "Rotate crops",
        ])
    }

    @Test func emptyAndWhitespaceTextHasNoSentences() {
        #expect(SentenceSplitter.sentences("").isEmpty)
        #expect(SentenceSplitter.sentences(" \n\n  ").isEmpty)
    }
}
