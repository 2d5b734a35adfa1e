import AgriQADomain
import AgriQAGeography
import AgriQARetrieval
import Testing

@testable import AgriQAAnswering

@Suite(.enabled(if: Fixtures.gazetteer != nil)) struct RegionStatementTests {
    func statement() throws -> (RegionStatement, Gazetteer) {
        let gazetteer = try #require(Fixtures.gazetteer)
        return (RegionStatement(gazetteer: gazetteer), gazetteer)
    }

    func citation(_ number: Int, _ regions: [String], _ relation: RegionRelation) -> Citation {
        Citation(number: number, chunkID: Int64(number), documentID: 1, title: "t", path: "/p", regions: regions, relation: relation)
    }

    @Test func namesEveryOtherRegionAndGeneralMaterial() throws {
        let (statement, gazetteer) = try statement()
        let asker = try #require(gazetteer.region("US-WA"))
        let citations = [citation(1, ["US-ID"], .other), citation(2, ["US-OR"], .other), citation(3, [], .none)]
        #expect(
            statement.note(location: asker, citations: citations, evidence: [1, 2, 3])
                == "No Washington-specific source was found; this comes from Idaho and Oregon guidance and general material.")
        #expect(
            statement.note(location: asker, citations: citations, evidence: [3])
                == "No Washington-specific source was found; this comes from general guidance not tied to a region.")
    }

    @Test func localSourcesElsewhereInTheListChangeTheWording() throws {
        let (statement, gazetteer) = try statement()
        let asker = try #require(gazetteer.region("US-WA"))
        let citations = [citation(1, ["KE"], .other), citation(2, ["US-WA"], .same)]
        #expect(
            statement.note(location: asker, citations: citations, evidence: [1, 2])
                == "The best-matching evidence comes from Kenya guidance, not from Washington-specific sources.")
        #expect(statement.note(location: asker, citations: citations, evidence: [2, 1]) == nil)
    }

    @Test func noLocationOrNoEvidenceMeansNoNote() throws {
        let (statement, gazetteer) = try statement()
        let asker = try #require(gazetteer.region("US-WA"))
        #expect(statement.note(location: nil, citations: [citation(1, ["KE"], .other)], evidence: [1]) == nil)
        #expect(statement.note(location: asker, citations: [citation(1, ["KE"], .other)], evidence: []) == nil)
    }
}

extension RegionStatementTests {
    @Test func aParentSourceIsNamedByTheRegionContainingTheAsker() throws {
        let (statement, gazetteer) = try statement()
        let asker = try #require(gazetteer.region("US-IA"))
        let citations = [citation(1, ["US-GA", "US"], .parent)]
        #expect(
            statement.note(location: asker, citations: citations, evidence: [1])
                == "No Iowa-specific source was found; this comes from United States guidance.")
    }
}
