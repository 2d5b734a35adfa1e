import Testing

@testable import AgriQAIngestion

@Suite struct SentenceSplitterTests {
    @Test func splitsAtSentenceEnds() {
        let sentences = SentenceSplitter.split("Plant in October. Use 90 lb seed per acre! Is it dry? Wait.")
        #expect(sentences == ["Plant in October.", "Use 90 lb seed per acre!", "Is it dry?", "Wait."])
    }

    @Test func keepsAbbreviationsDecimalsAndInitialsTogether() {
        let text = "Yields rose 2.5 t/ha (Smith et al. 2019). See Fig. 3 for details, e.g. the U.S. data. J. Smith agreed."
        #expect(SentenceSplitter.split(text) == [
            "Yields rose 2.5 t/ha (Smith et al. 2019).", "See Fig. 3 for details, e.g. the U.S. data.", "J. Smith agreed.",
        ])
    }

    @Test func offsetsPointAtSentenceStarts() {
        let text = "First one.  Second one."
        let parts = SentenceSplitter.splitWithOffsets(text)
        #expect(parts.map(\.offset) == [0, 12])
    }
}
