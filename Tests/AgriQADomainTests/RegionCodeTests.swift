import Foundation
import Testing

@testable import AgriQADomain

@Suite struct RegionCodeTests {
    @Test func syntacticParentsWalkUpTheHierarchy() {
        #expect(RegionCode("US-WA/53075").syntacticParent == "US-WA")
        #expect(RegionCode("IN-AP/502/5678").syntacticParent == "IN-AP/502")
        #expect(RegionCode("US-WA").syntacticParent == "US")
        #expect(RegionCode("US").syntacticParent == nil)
    }

    @Test func countryOfAnyCode() {
        #expect(RegionCode("BR-MT/5107925").country == "BR")
        #expect(RegionCode("KE").country == "KE")
    }

    @Test func encodesAsAPlainString() throws {
        let tag = RegionTag(code: "IN-TN", weight: 0.75, evidence: .publisher)
        let json = String(decoding: try JSONEncoder().encode(tag), as: UTF8.self)
        #expect(json.contains(#""code":"IN-TN""#))
        #expect(try JSONDecoder().decode(RegionTag.self, from: Data(json.utf8)) == tag)
    }
}
