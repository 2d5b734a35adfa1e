import Testing

@testable import AgriQARetrieval

@Suite struct VectorMatrixTests {
    @Test func nearestReturnsTheBestCosinesInOrder() {
        // Four unit vectors in 3-d.
        let matrix = VectorMatrix(
            chunkIDs: [10, 11, 12, 13],
            values: [1, 0, 0, 0, 1, 0, 0.6, 0.8, 0, 0, 0, 1], dimension: 3)
        let hits = matrix.nearest(to: [0.8, 0.6, 0], k: 2)
        #expect(hits.map(\.chunkID) == [12, 10])
        #expect(abs(hits[0].score - 0.96) < 1e-5)
        #expect(matrix.nearest(to: [1, 0], k: 2).isEmpty)  // wrong dimension
    }

    @Test func topKMatchesAFullSort() {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<5_000).map { _ in Float.random(in: -1...1, using: &generator) }
        let expected = values.indices.sorted { values[$0] > values[$1] }.prefix(25)
        #expect(TopK.select(values, k: 25) == Array(expected))
        #expect(TopK.select([3, 1, 2], k: 10) == [0, 2, 1])
    }
}

@Suite struct DiversityTests {
    private func hit(_ id: Int64, document: Int64, text: String) -> SearchHit {
        SearchHit(
            rank: 0, chunkID: id, documentID: document, title: "t", path: "p", pageStart: 1, pageEnd: 1, pageLabel: nil,
            section: "", text: text, snippet: text, matchedTerms: [], regions: [], relation: .none,
            scores: ScoreParts(bm25Rank: 1, denseRank: 1, cosine: 1, geographyFactor: 1, fused: 1))
    }

    @Test func capsPerDocumentAndCollapsesDuplicates() {
        let ranked = [
            hit(1, document: 1, text: "Seed wheat in October."), hit(2, document: 1, text: "Apply nitrogen in spring."),
            hit(3, document: 1, text: "Scout for rust in May."), hit(4, document: 2, text: "Seed  wheat in October!"),
            hit(5, document: 3, text: "Different words, same meaning."), hit(6, document: 4, text: "Harvest in July."),
        ]
        let selected = Diversity.select(ranked, k: 10, perDocument: 2) { a, b in
            Set([a, b]) == Set([5, 1]) ? 0.99 : 0.1
        }
        #expect(selected.map(\.chunkID) == [1, 2, 6])
    }
}
