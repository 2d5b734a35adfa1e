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
