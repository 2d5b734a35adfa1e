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

@Suite struct QuantizedVectorMatrixTests {
    /// A small deterministic generator (64-bit LCG), so the test data are the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func int8ScoresStayCloseToFloatCosines() {
        var generator = SeededGenerator(state: 42)
        let dimension = 384, rows = 1_000
        var values: [Float] = []
        for _ in 0..<rows {
            let row = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            values += row.map { $0 / norm }
        }
        let matrix = VectorMatrix(chunkIDs: (0..<rows).map(Int64.init), values: values, dimension: dimension)
        let quantized = QuantizedVectorMatrix(matrix)
        // A query near row 123: the best match is unambiguous.
        let query = (0..<dimension).map { values[123 * dimension + $0] + Float.random(in: -0.02...0.02, using: &generator) }
        let exact = matrix.nearest(to: query, k: rows).map(\.score)
        let ranked = matrix.nearest(to: query, k: rows)
        let approximate = quantized.approximateScores(query)
        #expect(approximate.count == rows)
        var worst: Float = 0
        for hit in ranked { worst = max(worst, abs(approximate[Int(hit.chunkID)] - hit.score)) }
        #expect(worst < 0.01, "largest int8 score error \(worst)")
        #expect(exact.count == rows)
        #expect(quantized.nearest(to: query, k: 5).first?.chunkID == 123)
    }

    /// The int8 scan shortlists and float32 rescoring decides: the top k is the float32 scan's, with
    /// its cosines, on random unit vectors (whose cosines crowd together: the hard case).
    @Test func rescoredTopKMatchesTheFloatScan() {
        let dimension = 384, rows = 5_000
        let values = ScanKernelTests.unitRows(rows, dimension: dimension, seed: 7)
        let matrix = VectorMatrix(chunkIDs: (0..<rows).map { Int64($0) * 3 + 1 }, values: values, dimension: dimension)
        let quantized = QuantizedVectorMatrix(matrix)
        let queries = ScanKernelTests.unitRows(20, dimension: dimension, seed: 8)
        for number in 0..<20 {
            let query = Array(queries[(number * dimension)..<((number + 1) * dimension)])
            for k in [1, 10, 100] {
                let float = matrix.nearest(to: query, k: k)
                let int8 = quantized.nearest(to: query, k: k)
                #expect(int8.map(\.chunkID) == float.map(\.chunkID), "k \(k)")
                for (a, b) in zip(int8, float) { #expect(abs(a.score - b.score) < 1e-5) }
            }
        }
        #expect(quantized.nearest(to: [0, 1], k: 3).isEmpty, "a query of the wrong dimension finds nothing")
    }
}
