import AgriQADomain
import AgriQAGeography
import Testing

@testable import AgriQARetrieval

@Suite struct GeographyRankingTests {
    let ranking: GeographyRanking? = (try? Gazetteer.builtIn()).map(GeographyRanking.init)

    @Test func relationsToTheAsker() throws {
        let ranking = try #require(ranking)
        #expect(ranking.relation(of: [("US-WA", 1)], to: "US-WA") == .same)
        #expect(ranking.relation(of: [("US", 0.9)], to: "US-WA") == .parent)
        #expect(ranking.relation(of: [("US-WA/53075", 0.9)], to: "US-WA") == .child)
        #expect(ranking.relation(of: [("US-ID", 0.9)], to: "US-WA") == .other)
        #expect(ranking.relation(of: [], to: "US-WA") == .none)
        // Weak tags (a passing mention) do not count.
        #expect(ranking.relation(of: [("US-ID", 0.1)], to: "US-WA") == .none)
        // A country tag beside a subdivision elsewhere: the source is about that subdivision.
        #expect(ranking.relation(of: [("US-ID", 0.9), ("US", 0.5)], to: "US-WA") == .other)
        #expect(ranking.relation(of: [("US-GA", 0.9), ("US", 0.9)], to: "US-WA") == .other)
        #expect(ranking.relation(of: [("US-WA", 0.9), ("US", 0.9)], to: "US-WA") == .same)
        #expect(ranking.relation(of: [("US", 0.9), ("US-WA", 0.9)], to: "US-WA/53075") == .parent)
        // Below the country level the broader tag keeps its meaning: a California guide naming
        // Fresno County is state guidance for Kern County and "same" for California.
        #expect(ranking.relation(of: [("US-CA", 0.99), ("US-CA/06019", 0.92)], to: "US-CA/06029") == .parent)
        #expect(ranking.relation(of: [("US-CA", 0.99), ("US-CA/06019", 0.92)], to: "US-CA") == .same)
        // Among unrelated places, the closest relation wins.
        #expect(ranking.relation(of: [("IN-TN", 0.9), ("US", 0.5)], to: "US-WA") == .parent)
        #expect(ranking.relation(of: [("US-ID", 0.9), ("US-WA/53075", 0.5)], to: "US-WA") == .child)
    }

    @Test func factorsOrderTheTiers() {
        let order: [RegionRelation] = [.same, .child, .parent, .none, .other]
        let factors = order.map(GeographyRanking.factor)
        #expect(factors == factors.sorted(by: >))
    }
}
