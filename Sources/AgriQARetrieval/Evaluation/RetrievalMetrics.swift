import Foundation

/// Ranking metrics with binary relevance, as pure functions of a ranked list.
///
/// A ranked list holds, best first, what each result stands for (a passage id) or `nil` for a
/// result that stands for nothing judged (a chunk of another document). A relevant id counts once,
/// at its first position.
public enum RetrievalMetrics {
    /// Share of the relevant ids found in the top `k`: |relevant ∩ top k| / |relevant|; 0 when nothing is relevant.
    public static func recall(_ ranked: [String?], relevant: Set<String>, k: Int) -> Double {
        guard !relevant.isEmpty, k > 0 else { return 0 }
        let found = Set(ranked.prefix(k).compactMap { $0 }).intersection(relevant)
        return Double(found.count) / Double(relevant.count)
    }

    /// 1 / rank of the first relevant result; 0 when none is in the list.
    public static func reciprocalRank(_ ranked: [String?], relevant: Set<String>) -> Double {
        guard let position = ranked.firstIndex(where: { $0.map(relevant.contains) ?? false }) else { return 0 }
        return 1 / Double(position + 1)
    }

    /// Normalized discounted cumulative gain at `k` with binary gains: Σ 1/log2(rank + 1) over the
    /// relevant results in the top `k`, divided by the same sum for an ideal ranking (all relevant
    /// ids first).
    public static func ndcg(_ ranked: [String?], relevant: Set<String>, k: Int) -> Double {
        guard !relevant.isEmpty, k > 0 else { return 0 }
        var seen: Set<String> = []
        var dcg = 0.0
        for (offset, id) in ranked.prefix(k).enumerated() {
            guard let id, relevant.contains(id), seen.insert(id).inserted else { continue }
            dcg += discount(rank: offset + 1)
        }
        let ideal = (1...min(k, relevant.count)).reduce(0.0) { $0 + discount(rank: $1) }
        return dcg / ideal
    }

    /// Share of the top `k` results that satisfy a condition (results in the region asked about,
    /// say): matches among the first `k` divided by how many results there are, at most `k`.
    /// 0 for an empty list.
    public static func share(_ flags: [Bool], k: Int) -> Double {
        let top = flags.prefix(max(0, k))
        guard !top.isEmpty else { return 0 }
        return Double(top.filter { $0 }.count) / Double(top.count)
    }

    static func discount(rank: Int) -> Double { 1 / log2(Double(rank) + 1) }
}

/// Sums per-question values of one mode and gives their means.
public struct MetricAccumulator: Sendable {
    public let cutoffs: [Int]
    public let ndcgCutoff: Int
    public private(set) var judged = 0
    public private(set) var located = 0
    public private(set) var searches = 0
    private var recallSums: [Int: Double] = [:]
    private var reciprocalRankSum = 0.0
    private var ndcgSum = 0.0
    private var sameRegionSum = 0.0
    private var seconds = 0.0

    public init(cutoffs: [Int], ndcgCutoff: Int = 10) {
        self.cutoffs = Array(Set(cutoffs.filter { $0 > 0 })).sorted()
        self.ndcgCutoff = ndcgCutoff
    }

    /// Adds one question: its ranked list judged against `relevant` (skipped when empty), and the
    /// in-region flags of its results (skipped when `nil`: the question named no region).
    public mutating func add(
        ranked: [String?], relevant: Set<String>, inRegion: [Bool]?, sameRegionCutoff: Int = 5, seconds: Double = 0
    ) {
        searches += 1
        self.seconds += seconds
        if !relevant.isEmpty {
            judged += 1
            for cutoff in cutoffs {
                recallSums[cutoff, default: 0] += RetrievalMetrics.recall(ranked, relevant: relevant, k: cutoff)
            }
            reciprocalRankSum += RetrievalMetrics.reciprocalRank(ranked, relevant: relevant)
            ndcgSum += RetrievalMetrics.ndcg(ranked, relevant: relevant, k: ndcgCutoff)
        }
        if let inRegion {
            located += 1
            sameRegionSum += RetrievalMetrics.share(inRegion, k: sameRegionCutoff)
        }
    }

    /// Means over the questions added; a metric no question could be judged on is `nil`.
    public func result(mode: SearchMode) -> ModeMetrics {
        func mean(_ sum: Double, _ count: Int) -> Double? { count > 0 ? sum / Double(count) : nil }
        var recall: [String: Double] = [:]
        for cutoff in cutoffs {
            if let value = mean(recallSums[cutoff, default: 0], judged) { recall[String(cutoff)] = value }
        }
        return ModeMetrics(
            mode: mode, questions: searches, judged: judged, recall: recall, mrr: mean(reciprocalRankSum, judged),
            ndcg: mean(ndcgSum, judged), ndcgCutoff: ndcgCutoff, sameRegion5: mean(sameRegionSum, located),
            located: located, millisecondsPerQuery: mean(seconds * 1000, searches) ?? 0)
    }
}

/// One mode's averaged metrics.
public struct ModeMetrics: Sendable, Codable, Equatable {
    public var mode: SearchMode
    /// Questions asked.
    public var questions: Int
    /// Questions with a relevant passage (those recall, MRR and nDCG average over).
    public var judged: Int
    /// Mean recall at each cutoff, keyed by the cutoff ("1", "5", "10").
    public var recall: [String: Double]
    /// Mean reciprocal rank within the retrieved depth.
    public var mrr: Double?
    /// Mean nDCG at `ndcgCutoff`.
    public var ndcg: Double?
    public var ndcgCutoff: Int
    /// Mean share of the top 5 results in the asker's region or inside it, over located questions.
    public var sameRegion5: Double?
    /// Questions that named a region.
    public var located: Int
    public var millisecondsPerQuery: Double

    public func recall(at cutoff: Int) -> Double? { recall[String(cutoff)] }
}
