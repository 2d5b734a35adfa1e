import Dispatch

/// Where one search's time went, in seconds; filled by `HybridSearcher.profiledSearch` for
/// `agriqa-bench` (stages a search skips stay 0).
package struct SearchStageTimes: Sendable, Codable {
    /// The BM25 ranking (in-memory postings, or the FTS5 query).
    package var lexical = 0.0
    /// Checking that the in-memory vectors are current (and loading them when not).
    package var vectorCheck = 0.0
    /// Waiting for the question's vector once the FTS5 query is done (the two run at the same time).
    package var embedding = 0.0
    /// The vector scan and its top-k.
    package var scan = 0.0
    /// Reciprocal rank fusion.
    package var fusion = 0.0
    /// Fetching the candidates' titles, pages, texts and regions.
    package var details = 0.0
    /// Geography relations, snippets and sorting.
    package var ranking = 0.0
    /// Per-document cap and near-duplicate collapse.
    package var diversity = 0.0
    /// Snippets of the chosen hits, notices, the response.
    package var presentation = 0.0

    package init() {}

    package var total: Double {
        lexical + vectorCheck + embedding + scan + fusion + details + ranking + diversity + presentation
    }

    /// Stage names and values, in pipeline order.
    package var named: [(name: String, seconds: Double)] {
        [("lexical", lexical), ("vectorCheck", vectorCheck), ("embedding", embedding), ("scan", scan),
         ("fusion", fusion), ("details", details), ("ranking", ranking), ("diversity", diversity),
         ("presentation", presentation)]
    }
}

/// Seconds since the previous lap (monotonic clock).
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now &- last) / 1e9
    }
}
