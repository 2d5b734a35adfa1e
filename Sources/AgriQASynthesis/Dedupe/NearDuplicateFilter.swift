/// Removes near-duplicate questions: token-set Jaccard similarity of content words.
///
/// Two questions are near duplicates when |A ∩ B| / |A ∪ B| ≥ ``threshold``, where A and B are
/// the sets of their content words (``TextTokens/contentWords(_:)``: stop words removed, plural
/// "s" stripped). Exact: every candidate is compared with every kept question (quadratic, a few
/// milliseconds for thousands of questions). Questions without content words are compared by
/// their whole word sequence. The first of a group is kept.
public struct NearDuplicateFilter: Sendable {
    public enum Decision: Sendable, Equatable {
        case kept(index: Int)
        /// `index` is the kept question it duplicates.
        case duplicate(of: Int, similarity: Double)
    }

    public let threshold: Double
    private var kept: [Set<String>] = []
    private var keptWords: [[String]] = []

    public init(threshold: Double = 0.8) {
        self.threshold = threshold
    }

    /// How many questions were kept so far.
    public var count: Int { kept.count }

    public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    /// Keeps `question` unless it is a near duplicate of one kept before.
    public mutating func admit(_ question: String) -> Decision {
        let words = TextTokens.words(question)
        let set = Set(TextTokens.contentWords(question))
        var best: (index: Int, similarity: Double)?
        for (index, other) in kept.enumerated() {
            let similarity = set.isEmpty || other.isEmpty
                ? (words == keptWords[index] ? 1 : 0) : Self.jaccard(set, other)
            if similarity >= threshold, similarity > (best?.similarity ?? -1) { best = (index, similarity) }
        }
        if let best { return .duplicate(of: best.index, similarity: best.similarity) }
        kept.append(set)
        keptWords.append(words)
        return .kept(index: kept.count - 1)
    }
}
