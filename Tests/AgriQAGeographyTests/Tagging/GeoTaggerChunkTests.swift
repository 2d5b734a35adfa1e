import AgriQADomain
import Testing

@testable import AgriQAGeography

@Suite("Chunk tagging", .enabled(if: Fixtures.hasSampleGazetteers))
struct GeoTaggerChunkTests {
    let tagger = Fixtures.tagger
    let documentTags = [
        RegionTag(code: "US-WA", weight: 0.95, evidence: .publisher),
        RegionTag(code: "US", weight: 0.3, evidence: .mention),
    ]

    @Test("document tags are inherited at a lower weight")
    func inherits() throws {
        let tags = tagger.tagChunk("Scout fields weekly from April until heading.", inheriting: documentTags)
        let washington = try #require(tags.tag("US-WA"))
        #expect(washington.evidence == .inherited)
        #expect(abs(washington.weight - 0.95 * 0.8) < 0.001)
        #expect(tags.codes == ["US-WA", "US"])
    }

    @Test("mentions in the chunk are read with the document's regions as context")
    func mentionsWithContext() throws {
        let tags = tagger.tagChunk(
            "In Whitman County yields were high; Latah County, Idaho, was drier.", inheriting: documentTags)
        let whitman = try #require(tags.tag("US-WA/53075"))
        #expect(whitman.evidence == .mention)
        #expect(tags.codes.contains("US-ID/16057"))  // qualified by "Idaho"
        #expect(tags.tag("US-WA")?.evidence == .inherited)
    }

    @Test("a region both mentioned and inherited keeps the stronger tag")
    func keepsStronger() throws {
        let weak = [RegionTag(code: "US-WA", weight: 0.4, evidence: .mention)]
        let tags = tagger.tagChunk("Washington State growers in eastern Washington, Washington State.", inheriting: weak)
        let washington = try #require(tags.tag("US-WA"))
        #expect(washington.evidence == .mention)
        #expect(washington.weight > 0.4 * 0.8)
        #expect(tags.filter { $0.code == "US-WA" }.count == 1)
    }

    @Test("without document context a local name needs its qualifier")
    func localNeedsContext() throws {
        #expect(tagger.tagChunk("Whitman County had a wet spring.", inheriting: []).isEmpty)
        #expect(tagger.tagChunk("Whitman County, WA had a wet spring.", inheriting: []).codes.contains("US-WA/53075"))
    }
}
