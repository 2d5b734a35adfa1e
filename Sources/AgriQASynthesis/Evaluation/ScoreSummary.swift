/// The mean and spread of one judged 1–5 metric.
public struct ScoreSummary: Codable, Sendable, Equatable {
    public var metric: String
    public var mean: Double?
    public var scored: Int
    /// Items the judge could not grade (invalid reply twice, model failure), or without the
    /// input the metric needs (no source).
    public var unscored: Int
    /// How many items got 1, 2, 3, 4 and 5.
    public var distribution: [Int]

    public init(metric: String, scores: [Int?]) {
        self.metric = metric
        let values = scores.compactMap { $0 }
        scored = values.count
        unscored = scores.count - values.count
        mean = values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
        distribution = (1...5).map { score in values.filter { $0 == score }.count }
    }
}

/// Mean of the values present; nil when none is.
func mean(_ values: [Double?]) -> Double? {
    let present = values.compactMap { $0 }
    return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
}
