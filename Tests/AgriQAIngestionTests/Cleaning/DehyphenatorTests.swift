import Testing

@testable import AgriQAIngestion

@Suite struct DehyphenatorTests {
    @Test func joinsWordsBrokenAtLineEnd() {
        let dehyphenator = Dehyphenator(vocabulary: [])
        #expect(dehyphenator.join("apply nitrogen fertil-", "izer in spring") == "apply nitrogen fertilizer in spring")
        #expect(dehyphenator.join("adubação recomen-", "dada") == "adubação recomendada")
    }

    @Test func keepsCompoundsTheDocumentSpellsWithAHyphen() {
        let dehyphenator = Dehyphenator(lines: ["plant drought-tolerant varieties", "choose a drought-"])
        #expect(dehyphenator.join("choose a drought-", "tolerant line") == "choose a drought-tolerant line")
    }

    @Test func keepsHyphenBeforeCapitalizedWord() {
        let dehyphenator = Dehyphenator(vocabulary: [])
        #expect(dehyphenator.join("the Indo-", "Gangetic plain") == "the Indo-Gangetic plain")
    }

    @Test func joinsOrdinaryLinesWithASpace() {
        let dehyphenator = Dehyphenator(vocabulary: [])
        #expect(dehyphenator.join("seed at 1.5 inches", "deep") == "seed at 1.5 inches deep")
        #expect(dehyphenator.join("range 10 -", "20 kg") == "range 10 - 20 kg")
    }
}
