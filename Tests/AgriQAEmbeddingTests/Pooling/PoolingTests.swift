import AgriQAEmbedding
import Testing

struct PoolingTests {
    // Two sequences packed back to back: rows 0-2 and 3-4, dimension 2.
    let states: [Float] = [1, 2, 3, 4, 5, 6, 10, 20, 30, 40]
    let offsets = [0, 3, 5]

    @Test func meanAveragesEachSequencesOwnRows() {
        #expect(PoolingStrategy.mean.pool(hiddenStates: states, dimension: 2, offsets: offsets) == [[3, 4], [20, 30]])
    }

    @Test func clsTakesEachSequencesFirstRow() {
        #expect(PoolingStrategy.cls.pool(hiddenStates: states, dimension: 2, offsets: offsets) == [[1, 2], [10, 20]])
    }

    @Test func emptySequencePoolsToZero() {
        #expect(PoolingStrategy.mean.pool(hiddenStates: [1, 2], dimension: 2, offsets: [0, 0, 1]) == [[0, 0], [1, 2]])
    }
}

struct L2NormalizationTests {
    @Test func scalesToUnitLength() {
        #expect(L2Normalization.normalized([3, 4]) == [0.6, 0.8])
        var vector: [Float] = [0, 0, 2]
        L2Normalization.normalize(&vector)
        #expect(vector == [0, 0, 1])
    }

    @Test func zeroVectorStaysZero() {
        #expect(L2Normalization.normalized([0, 0]) == [0, 0])
        #expect(L2Normalization.normalized([]) == [])
    }
}
