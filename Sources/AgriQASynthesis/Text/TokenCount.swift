import AgriQAIngestion

/// Token estimates, with the same estimator the index uses for source sections, so that
/// "dataset tokens ≥ k × source tokens" compares like with like.
public enum TokenCount {
    public static func estimate(_ text: String) -> Int { TokenEstimator.count(text) }
}
