import Testing

@testable import AgriQAAnswering

@Suite struct ContentTermsTests {
    @Test func stopWordsAreDroppedAndWordsFolded() {
        #expect(ContentTerms.terms("When should I plant Maïs in the spring?").map(\.word) == ["plant", "mais", "spring"])
    }

    @Test func lightStemming() {
        #expect(ContentTerms.stem("seeding") == "seed")
        #expect(ContentTerms.stem("seeded") == "seed")
        #expect(ContentTerms.stem("varieties") == "variety")
        #expect(ContentTerms.stem("cropping") == "crop")
        #expect(ContentTerms.stem("planting") == "plant")
        #expect(ContentTerms.stem("sowing") == "sow")
        // Words that only look inflected stay whole.
        #expect(ContentTerms.stem("spring") == "spring")
        #expect(ContentTerms.stem("breed") == "breed")
        #expect(ContentTerms.stem("grass") == "grass")
        #expect(ContentTerms.stem("virus") == "virus")
    }

    @Test func matchingToleratesSuffixes() {
        #expect(ContentTerms.matches("fertiliz", "fertilizer"))
        #expect(ContentTerms.matches(ContentTerms.stem("irrigation"), ContentTerms.stem("irrigate")))
        #expect(!ContentTerms.matches("corn", "cornell"))
        #expect(!ContentTerms.matches("wheat", "whey"))
    }
}
