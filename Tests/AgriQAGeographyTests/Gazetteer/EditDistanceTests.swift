import Testing

@testable import AgriQAGeography

@Suite("Edit distance and name skeletons")
struct EditDistanceTests {
    private func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        EditDistance.distance(Array(a.utf8), Array(b.utf8), limit: limit)
    }

    @Test("counts insertions, deletions, substitutions and adjacent transpositions")
    func distances() throws {
        #expect(distance("tamil nadoo", "tamil nadu") == 2)
        #expect(distance("kenya", "kenya") == 0)
        #expect(distance("jangaon", "jangoan") == 1)  // transposition
        #expect(distance("", "abc") == 3)
        #expect(distance("abcdefgh", "zzzzzzzz", limit: 2) == 3)  // stops early past the limit
    }

    @Test("skeletons absorb common transliteration variants")
    func skeletons() throws {
        func same(_ a: String, _ b: String) -> Bool {
            NameSkeleton.skeleton(FoldingTokenizer.key(a)) == NameSkeleton.skeleton(FoldingTokenizer.key(b))
        }
        #expect(same("MAHABOOBNAGAR", "Mahabubnagar"))
        #expect(same("Nasik", "Nashik"))
        #expect(same("Gondiya", "Gondia"))
        #expect(same("RANGAREDDY", "Ranga Reddy"))
        #expect(!same("Kurnool", "Krishna"))
    }
}
