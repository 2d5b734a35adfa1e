import AgriQADomain
import Testing

@testable import AgriQAGeography

@Suite("Record tagging", .enabled(if: Fixtures.hasSampleGazetteers))
struct GeoTaggerRecordTests {
    let tagger = Fixtures.tagger

    @Test("country, state and district fields resolve to record-field tags")
    func kisanCallCentreRecord() throws {
        let (tags, unresolved) = tagger.tagRecord(
            country: "India", state: "ANDHRA PRADESH", district: "KURNOOL",
            text: "FARMER ASKED QUERY ON PM KISAN SAMMAN NIDHI SCHEME?")
        #expect(unresolved.isEmpty)
        #expect(Set(tags.codes) == ["IN", "IN-AP", "IN-AP/511"])
        #expect(tags.allSatisfy { $0.evidence == .recordField && $0.weight == 1.0 })
    }

    @Test("names that cannot be resolved are returned; placeholders are ignored")
    func unresolved() throws {
        let (tags, unresolved) = tagger.tagRecord(
            country: nil, state: "TELANGANA", district: "WARANGAL RURAL", text: "")
        #expect(tags.codes == ["IN-TG"])
        #expect(unresolved == ["WARANGAL RURAL"])
        let placeholders = tagger.tagRecord(country: "NA", state: "Atlantis", district: "9999", text: "")
        #expect(placeholders.unresolved == ["Atlantis"])
        #expect(placeholders.tags.isEmpty)
    }

    @Test("an ambiguous state is settled by its district")
    func ambiguousStateByDistrict() throws {
        let (tags, unresolved) = tagger.tagRecord(country: nil, state: "PUNJAB", district: "LUDHIANA", text: "")
        #expect(unresolved.isEmpty)
        #expect(tags.codes.contains("IN-PB"))
        #expect(tags.codes.contains { $0.rawValue.hasPrefix("IN-PB/") })
    }

    @Test("in text written in capitals, one-word names need the record's context")
    func capitalsText() {
        let (tags, _) = tagger.tagRecord(
            country: nil, state: "ANDHRA PRADESH", district: "GUNTUR",
            text: "FARMER ASKED ABOUT CHILI PRICE IN MANDI. CHILI NUTRIENT MANAGEMENT FOR GUNTUR.")
        #expect(!tags.codes.contains("CL"))  // the pepper, not Chile
        #expect(!tags.codes.contains { $0.rawValue.hasPrefix("IN-HP") })  // "mandi" (market), not Mandi district
        #expect(tags.codes.contains("IN-AP/506"))
    }

    @Test("places named in the text are added as mentions")
    func textMentions() throws {
        let (tags, _) = tagger.tagRecord(
            country: "India", state: "Andhra Pradesh", district: nil,
            text: "Seed was bought in Guntur and sown in Kurnool district.")
        #expect(tags.tag("IN-AP")?.evidence == .recordField)
        let guntur = try #require(tags.tag("IN-AP/506"))
        #expect(guntur.evidence == .mention)
        #expect(tags.codes.contains("IN-AP/511"))
    }
}
