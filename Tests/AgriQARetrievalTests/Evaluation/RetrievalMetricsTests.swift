import Foundation
import Testing

@testable import AgriQARetrieval

/// Metric values checked against numbers computed by hand.
@Suite struct RetrievalMetricsTests {
    let ranked: [String?] = ["a", "b", "c", "d"]

    private func close(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) < 1e-9 }

    @Test func oneRelevantPassage() {
        let relevant: Set<String> = ["c"]
        #expect(RetrievalMetrics.recall(ranked, relevant: relevant, k: 1) == 0)
        #expect(RetrievalMetrics.recall(ranked, relevant: relevant, k: 2) == 0)
        #expect(RetrievalMetrics.recall(ranked, relevant: relevant, k: 3) == 1)
        #expect(RetrievalMetrics.recall(ranked, relevant: relevant, k: 10) == 1)
        #expect(close(RetrievalMetrics.reciprocalRank(ranked, relevant: relevant), 1.0 / 3))
        // 1 / log2(3 + 1) = 0.5; the ideal ranking puts it first (gain 1).
        #expect(close(RetrievalMetrics.ndcg(ranked, relevant: relevant, k: 10), 0.5))
        #expect(RetrievalMetrics.ndcg(ranked, relevant: relevant, k: 2) == 0)
        #expect(close(RetrievalMetrics.ndcg(["c"], relevant: relevant, k: 10), 1))
    }

    @Test func twoRelevantPassages() {
        let relevant: Set<String> = ["b", "d"]
        #expect(close(RetrievalMetrics.recall(ranked, relevant: relevant, k: 2), 0.5))
        #expect(close(RetrievalMetrics.recall(ranked, relevant: relevant, k: 4), 1))
        #expect(close(RetrievalMetrics.reciprocalRank(ranked, relevant: relevant), 0.5))
        // (1/log2 3 + 1/log2 5) / (1 + 1/log2 3) = (0.630930 + 0.430677) / 1.630930 = 0.650920
        #expect(abs(RetrievalMetrics.ndcg(ranked, relevant: relevant, k: 4) - 0.650920) < 1e-6)
    }

    @Test func missesUnjudgedResultsAndRepeats() {
        #expect(RetrievalMetrics.reciprocalRank(["x", "y"], relevant: ["a"]) == 0)
        #expect(RetrievalMetrics.recall([], relevant: ["a"], k: 10) == 0)
        #expect(RetrievalMetrics.ndcg([], relevant: ["a"], k: 10) == 0)
        // A result that is no passage (nil) takes a rank.
        #expect(close(RetrievalMetrics.reciprocalRank([nil, "a"], relevant: ["a"]), 0.5))
        // Nothing relevant: every metric is 0, never NaN.
        #expect(RetrievalMetrics.recall(ranked, relevant: [], k: 5) == 0)
        #expect(RetrievalMetrics.ndcg(ranked, relevant: [], k: 5) == 0)
        // A relevant passage counts once: 1 / (1 + 1/log2 3) = 0.613147.
        #expect(close(RetrievalMetrics.recall(["a", "a"], relevant: ["a", "b"], k: 2), 0.5))
        #expect(abs(RetrievalMetrics.ndcg(["a", "a"], relevant: ["a", "b"], k: 2) - 0.613147) < 1e-6)
    }

    @Test func shareOfTheTopResults() {
        #expect(close(RetrievalMetrics.share([true, false, true, true, true, true], k: 5), 0.8))
        // Fewer results than k: the share of those returned.
        #expect(close(RetrievalMetrics.share([true, false], k: 5), 0.5))
        #expect(RetrievalMetrics.share([], k: 5) == 0)
    }

    @Test func accumulatorAveragesPerMode() {
        var accumulator = MetricAccumulator(cutoffs: [1, 5, 10, 5])
        #expect(accumulator.cutoffs == [1, 5, 10])
        accumulator.add(ranked: ["a", "b"], relevant: ["b"], inRegion: nil, seconds: 0.01)
        accumulator.add(ranked: ["c"], relevant: ["c"], inRegion: [true, false], seconds: 0.03)
        // Judged by region only (a held-out question): no recall, but same-region@5.
        accumulator.add(ranked: [nil, nil], relevant: [], inRegion: [true, true], seconds: 0.02)
        let result = accumulator.result(mode: .hybrid)
        #expect(result.mode == .hybrid)
        #expect(result.questions == 3)
        #expect(result.judged == 2)
        #expect(result.located == 2)
        #expect(close(result.recall(at: 1) ?? -1, 0.5))
        #expect(close(result.recall(at: 5) ?? -1, 1))
        #expect(close(result.mrr ?? -1, 0.75))
        // ((1/log2 3) + 1) / 2
        #expect(abs((result.ndcg ?? -1) - (1 / log2(3.0) + 1) / 2) < 1e-9)
        #expect(close(result.sameRegion5 ?? -1, 0.75))
        #expect(abs(result.millisecondsPerQuery - 20) < 1e-6)
    }

    @Test func emptyAccumulatorHasNoMetrics() {
        let result = MetricAccumulator(cutoffs: [1]).result(mode: .bm25)
        #expect(result.mrr == nil)
        #expect(result.sameRegion5 == nil)
        #expect(result.recall.isEmpty)
    }
}

@Suite struct SeededShuffleTests {
    @Test func sameSeedSameOrderOtherSeedOtherOrder() {
        let items = Array(0..<100)
        let first = items.seededShuffle(seed: 1)
        #expect(first == items.seededShuffle(seed: 1))
        #expect(first != items.seededShuffle(seed: 2))
        #expect(first.sorted() == items)
        #expect(first != items)
    }

    @Test func splitMixMatchesItsReferenceOutput() {
        // First outputs of SplitMix64 seeded with 0 (reference implementation by Vigna).
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
