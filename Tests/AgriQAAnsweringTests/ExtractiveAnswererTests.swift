import AgriQADomain
import AgriQAGeography
import Testing

@testable import AgriQAAnswering

@Suite struct ExtractiveAnswererTests {
    let answerer = ExtractiveAnswerer(regionStatement: RegionStatement(gazetteer: Fixtures.gazetteer ?? Gazetteer()))

    static let wheat = Fixtures.source(
        1,
        """
        Winter wheat is the main dryland crop of the region. On the Palouse, seed winter wheat from late September \
        to mid-October. Wheat that emerges before the end of October survives the winter well.

        Scout for stripe rust in May.
        """,
        title: "Winter Wheat in Eastern Washington", section: "Seeding Dates", regions: ["US-WA"], relation: .same)
    static let records = Fixtures.source(
        2,
        """
        Question: When should winter wheat be seeded after lentils?
        Answer: Seed it from late September once the lentils are harvested. Raise the seeding rate after mid-October.
        """,
        title: "farmer-questions.jsonl", regions: ["US-WA"], relation: .same, page: nil)
    static let soil = Fixtures.source(
        3, "Take soil samples every three years from the top six inches of each field.", title: "Soil Testing Basics")

    @Test func picksSupportedSentencesAndCitesEach() {
        let result = answerer.answer(
            question: "When should I seed winter wheat?", sources: [Self.wheat, Self.records, Self.soil], location: nil)
        #expect(result.supported)
        #expect(result.cited.first == 1)
        #expect(result.cited.contains(2))
        #expect(!result.cited.contains(3))
        #expect(result.text.contains("seed winter wheat from late September to mid-October [1]."))
        #expect(result.text.contains("[2]."))
        // A record's question is context, never quoted as an answer.
        #expect(!result.text.contains("Question:"))
        #expect(!result.text.contains("lentils?"))
        #expect(result.regionNote == nil)
        let markers = result.text.filter { $0 == "[" }.count
        #expect((2...4).contains(markers))
    }

    @Test func isDeterministic() {
        let sources = [Self.wheat, Self.records, Self.soil]
        let first = answerer.answer(question: "seed winter wheat date", sources: sources, location: nil)
        for _ in 0..<5 {
            #expect(answerer.answer(question: "seed winter wheat date", sources: sources, location: nil) == first)
        }
    }

    @Test func nearDuplicatesAreDropped() {
        let copy = Fixtures.source(
            2, "On the Palouse, seed winter wheat from late September to mid-October.", title: "Copy", regions: ["US-WA"],
            relation: .same)
        let result = answerer.answer(question: "When to seed winter wheat on the Palouse?", sources: [Self.wheat, copy], location: nil)
        #expect(result.text.components(separatedBy: "late September to mid-October").count == 2)
    }

    @Test func longSentencesAreCutAroundTheMatch() {
        let filler = Array(repeating: "word", count: 60).joined(separator: " ")
        let source = Fixtures.source(1, "Many things matter here \(filler) but sorghum needs warm soil \(filler).")
        let result = answerer.answer(question: "sorghum soil", sources: [source], location: nil)
        #expect(result.text.contains("sorghum needs warm soil"))
        #expect(result.text.hasPrefix("…"))
        #expect(ContentTerms.words(result.text).count <= 50)
    }

    @Test func saysSoWhenNothingSupportsTheQuestion() {
        let result = answerer.answer(question: "How do I repair a tractor gearbox?", sources: [Self.wheat, Self.soil], location: nil)
        #expect(!result.supported)
        #expect(result.cited.isEmpty)
        #expect(result.text.hasPrefix(ExtractiveAnswerer.nothingAnswers))
        #expect(result.text.contains("“Winter Wheat in Eastern Washington” (p. 2, Seeding Dates)"))
        #expect(result.text.contains("“Soil Testing Basics”"))
        #expect(!result.text.contains("[1]"))
    }

    @Test func noSourcesMeansNothingRelevant() {
        let result = answerer.answer(question: "When should I seed winter wheat?", sources: [], location: nil)
        #expect(result.text == ExtractiveAnswerer.nothingRelevant)
        #expect(!result.supported)
    }

    @Test(.enabled(if: Fixtures.gazetteer != nil)) func evidenceFromAnotherRegionIsAnnounced() throws {
        let gazetteer = try #require(Fixtures.gazetteer)
        let iowa = try #require(gazetteer.region("US-IA"))
        var wheat = Self.wheat
        wheat.citation.relation = .other
        let result = answerer.answer(question: "When should I seed winter wheat?", sources: [wheat, Self.soil], location: iowa)
        let note = "No Iowa-specific source was found; this comes from Washington guidance."
        #expect(result.regionNote == note)
        #expect(result.text.hasPrefix(note + " "))
    }

    @Test(.enabled(if: Fixtures.gazetteer != nil)) func localEvidenceNeedsNoNote() throws {
        let gazetteer = try #require(Fixtures.gazetteer)
        let washington = try #require(gazetteer.region("US-WA"))
        let result = answerer.answer(question: "When should I seed winter wheat?", sources: [Self.wheat], location: washington)
        #expect(result.regionNote == nil)
        #expect(result.text.hasPrefix("On the Palouse"))
    }

    @Test func citeMarkersGoBeforeTheFinalStop() {
        #expect(ExtractiveAnswerer.cite("Sow early.", 2) == "Sow early [2].")
        #expect(ExtractiveAnswerer.cite("Is it late?", 1) == "Is it late [1]?")
        #expect(ExtractiveAnswerer.cite("A heading", 3) == "A heading [3].")
        #expect(ExtractiveAnswerer.cite("He said \"sow.\"", 1) == "He said \"sow.\" [1]")
    }
}

extension ExtractiveAnswererTests {
    @Test func weakSentencesFromOtherSourcesAreNotPaddedIn() {
        let wheat = Fixtures.source(
            1,
            "On the Palouse, seed winter wheat from late September to mid-October. Wheat that emerges before the end of October survives the winter well.",
            title: "Winter Wheat")
        let nitrogen = Fixtures.source(
            2, "Winter wheat needs about 2.5 lb of nitrogen per bushel of expected yield. Apply most of it in the fall.",
            title: "Nitrogen")
        let result = answerer.answer(question: "When should I seed winter wheat?", sources: [wheat, nitrogen], location: nil)
        #expect(result.cited == [1])
        #expect(result.text.filter { $0 == "[" }.count == 2)
    }
}

extension ExtractiveAnswererTests {
    @Test func proseIsPreferredToTableRowsAndHeadings() {
        let table = Fixtures.source(
            1,
            """
            Zone Rainfall Rotation Seeding window Low 10 inches wheat fallow late August mid September Intermediate \
            14 inches wheat spring crop early September early October High 18 inches wheat legume late September mid October.

            Seeding window for winter wheat
            """,
            title: "Tables")
        let prose = Fixtures.source(2, "Seed winter wheat on the Palouse from late September to mid-October.", title: "Guide")
        let result = answerer.answer(question: "seeding window winter wheat", sources: [table, prose], location: nil)
        #expect(result.text.hasPrefix("Seed winter wheat on the Palouse"))
    }
}
