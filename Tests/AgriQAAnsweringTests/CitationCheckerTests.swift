import Testing

@testable import AgriQAAnswering

@Suite struct CitationCheckerTests {
    @Test func validMarkersOfEveryShapeAreKeptAndRecorded() {
        let text = "Seed in late September [1]. Use 90 lb of seed [2, 3]. Raise the rate late [1-3]. Scout often [2][4]. See [Source 4]."
        let check = CitationChecker.check(text, sourceCount: 4)
        #expect(check.text == text)
        #expect(check.used == [1, 2, 3, 4])
        #expect(check.removed.isEmpty)
        #expect(!check.uncited)
    }

    @Test func unknownNumbersAreRemovedAndReported() {
        let check = CitationChecker.check("Seed in late September [1][7]. Apply nitrogen [9]. Lime acid soils [2, 8].", sourceCount: 3)
        #expect(check.text == "Seed in late September [1]. Apply nitrogen. Lime acid soils [2].")
        #expect(check.used == [1, 2])
        #expect(check.removed == [7, 8, 9])
        #expect(!check.uncited)
    }

    @Test func rangesPastTheLastSourceKeepTheValidPart() {
        let check = CitationChecker.check("Plant early [2–5].", sourceCount: 3)
        #expect(check.text == "Plant early [2, 3].")
        #expect(check.used == [2, 3])
        #expect(check.removed == [4, 5])
    }

    @Test func zeroAndHugeRangesAreNotSources() {
        let check = CitationChecker.check("Plant early [0]. Water [1-900].", sourceCount: 2)
        #expect(check.text == "Plant early. Water [1].")
        #expect(check.removed == [0, 900])
    }

    @Test func anAnswerWithoutValidMarkersIsUncited() {
        #expect(CitationChecker.check("Seed in late September.", sourceCount: 3).uncited)
        let onlyUnknown = CitationChecker.check("Seed in late September [5].", sourceCount: 3)
        #expect(onlyUnknown.uncited)
        #expect(onlyUnknown.text == "Seed in late September.")
        #expect(CitationChecker.check("Anything [1].", sourceCount: 0).uncited)
    }

    @Test func bracketsThatAreNotMarkersAreLeftAlone() {
        let text = "Use the [recommended] rate from the 2019 trial [2024] and [a, b] [1]."
        let check = CitationChecker.check(text, sourceCount: 1)
        #expect(check.text == text)
        #expect(check.used == [1])
        #expect(CitationChecker.check("Unclosed [1 bracket", sourceCount: 1).text == "Unclosed [1 bracket")
    }

    @Test func markerParsing() {
        #expect(CitationChecker.parseMarker("1, 3") == [1, 3])
        #expect(CitationChecker.parseMarker(" 1 - 3 ") == [1, 2, 3])
        #expect(CitationChecker.parseMarker("source 2") == [2])
        #expect(CitationChecker.parseMarker("2; 2; 1") == [2, 1])
        #expect(CitationChecker.parseMarker("1a") == nil)
        #expect(CitationChecker.parseMarker("") == nil)
        #expect(CitationChecker.parseMarker("1-2-3") == nil)
    }
}
