/// Groups inputs of similar length into batches, so the sequences of a batch have attention
/// blocks of similar sizes and a long text never holds up a batch of short ones.
enum LengthBuckets {
    /// Indices into `lengths`, sorted by length (ties keep input order) and cut into batches of
    /// at most `batchSize`.
    static func batches(lengths: [Int], batchSize: Int) -> [[Int]] {
        let order = lengths.indices.sorted { lengths[$0] != lengths[$1] ? lengths[$0] < lengths[$1] : $0 < $1 }
        return stride(from: 0, to: order.count, by: max(1, batchSize)).map {
            Array(order[$0..<min($0 + max(1, batchSize), order.count)])
        }
    }
}
