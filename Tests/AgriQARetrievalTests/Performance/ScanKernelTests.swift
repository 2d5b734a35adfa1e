import Testing

@testable import AgriQARetrieval

/// The vector scans: the int8 kernel against the plain integer loop (exactly), the float scan
/// against a full sort, and how scans are split into blocks.
@Suite struct ScanKernelTests {
    static func unitRows(_ rows: Int, dimension: Int, seed: UInt64) -> [Float] {
        var generator = TestGenerator(state: seed)
        var values: [Float] = []
        values.reserveCapacity(rows * dimension)
        for _ in 0..<rows {
            let row = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            values += row.map { $0 / norm }
        }
        return values
    }

    @Test(arguments: [384, 37, 16])
    func int8KernelGivesTheExactIntegerDotProducts(dimension: Int) {
        // 1,003 rows: several 4-row groups and a remainder.
        let rows = 1_003
        let values = Self.unitRows(rows, dimension: dimension, seed: UInt64(dimension))
        let matrix = QuantizedVectorMatrix(VectorMatrix(chunkIDs: (0..<rows).map(Int64.init), values: values, dimension: dimension))
        var generator = TestGenerator(state: 99)
        for _ in 0..<5 {
            let query = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
            let expected = Reference.int8Scores(matrix, query: query)
            #expect(matrix.approximateScores(query) == expected)
        }
    }

    @Test func int8KernelHandlesExtremeValues() {
        // ±127 everywhere: the largest products and sums the kernel can meet.
        let dimension = 384
        let values = [Float](repeating: 1 / Float(dimension).squareRoot(), count: dimension)
            + [Float](repeating: -1 / Float(dimension).squareRoot(), count: dimension)
        let matrix = QuantizedVectorMatrix(VectorMatrix(chunkIDs: [1, 2], values: values, dimension: dimension))
        let query = [Float](repeating: 1, count: dimension)
        let expected = Reference.int8Scores(matrix, query: query)
        #expect(matrix.approximateScores(query) == expected)
        #expect(abs(expected[0] - Float(dimension).squareRoot()) < 1e-3)
        let hits = matrix.nearest(to: query, k: 2)
        #expect(hits.map(\.chunkID) == [1, 2])
        #expect(abs(hits[0].score - Float(dimension).squareRoot()) < 1e-3)
    }

    @Test func floatScanMatchesAFullSort() {
        // More rows than one scan block, so large matrices take the split path when cores allow.
        let rows = 20_000, dimension = 48
        let values = Self.unitRows(rows, dimension: dimension, seed: 5)
        let matrix = VectorMatrix(chunkIDs: (0..<rows).map { Int64($0 * 3) }, values: values, dimension: dimension)
        let query = Array(values[(777 * dimension)..<(778 * dimension)])
        let hits = matrix.nearest(to: query, k: 50)
        let cosines = (0..<rows).map { row in (0..<dimension).reduce(Float(0)) { $0 + values[row * dimension + $1] * query[$1] } }
        let expected = cosines.indices.sorted { cosines[$0] > cosines[$1] }.prefix(50)
        #expect(hits.first?.chunkID == Int64(777 * 3))
        #expect(hits.count == 50)
        for (hit, row) in zip(hits, expected) {
            #expect(abs(hit.score - cosines[row]) < 1e-5)
            #expect(abs(hit.score - cosines[Int(hit.chunkID) / 3]) < 1e-5)
        }
    }

    @Test func scanBlocksCoverEveryRowOnAlignedBoundaries() {
        for rows in [1, 63, 8_191, 16_384, 16_385, 100_000, 100_003] {
            for cores in [1, 2, 3, 8] {
                let blocks = ScanParallelism.blocks(rows: rows, cores: cores)
                #expect(blocks.first?.lowerBound == 0)
                #expect(blocks.last?.upperBound == rows)
                #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(blocks.dropLast().allSatisfy { $0.upperBound % ScanParallelism.rowAlignment == 0 })
                #expect(blocks.allSatisfy { !$0.isEmpty })
                #expect(blocks.count <= cores)
                #expect(rows >= 2 * ScanParallelism.minimumRowsPerBlock || blocks.count == 1)
            }
        }
    }
}
