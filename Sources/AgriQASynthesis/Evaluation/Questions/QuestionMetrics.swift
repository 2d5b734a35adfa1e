import Foundation

/// The lexical and embedding measures of `agriqa eval questions`.
public enum QuestionMetrics {
    /// KL divergence D(Q ‖ S) in nats between the question's word distribution Q and the source's
    /// S, both over the union of their word types V and smoothed additively (Lidstone):
    /// P(w) = (count(w) + α) / (N + α·|V|). 0 when the question uses words exactly as often as the
    /// source; it grows as the question's words are rarer in the source. Words are
    /// ``TextTokens/words(_:)`` (stop words kept: they are part of both distributions). Nil when
    /// either text has no word.
    public static func klDivergence(question: String, source: String, alpha: Double = 1) -> Double? {
        let q = counts(TextTokens.words(question))
        let s = counts(TextTokens.words(source))
        guard !q.isEmpty, !s.isEmpty, alpha > 0 else { return nil }
        let vocabulary = Set(q.keys).union(s.keys)
        let qTotal = Double(q.values.reduce(0, +)) + alpha * Double(vocabulary.count)
        let sTotal = Double(s.values.reduce(0, +)) + alpha * Double(vocabulary.count)
        var divergence = 0.0
        for word in vocabulary {
            let pq = (Double(q[word] ?? 0) + alpha) / qTotal
            let ps = (Double(s[word] ?? 0) + alpha) / sTotal
            divergence += pq * log(pq / ps)
        }
        return divergence
    }

    /// Mean of 1 − cosine over every pair of `vectors`; nil for fewer than two.
    public static func meanPairwiseCosineDistance(_ vectors: [[Float]]) -> Double? {
        guard vectors.count >= 2 else { return nil }
        var sum = 0.0
        var pairs = 0
        for i in 0..<vectors.count {
            for j in (i + 1)..<vectors.count {
                sum += 1 - cosine(vectors[i], vectors[j])
                pairs += 1
            }
        }
        return sum / Double(pairs)
    }

    /// Mean of 1 − Jaccard over every pair of the texts' content-word sets (the diversity
    /// fallback without an embedder); nil for fewer than two.
    public static func meanPairwiseJaccardDistance(_ texts: [String]) -> Double? {
        guard texts.count >= 2 else { return nil }
        let sets = texts.map { Set(TextTokens.contentWords($0)) }
        var sum = 0.0
        var pairs = 0
        for i in 0..<sets.count {
            for j in (i + 1)..<sets.count {
                sum += 1 - NearDuplicateFilter.jaccard(sets[i], sets[j])
                pairs += 1
            }
        }
        return sum / Double(pairs)
    }

    /// Cosine similarity; 0 when either vector is zero or the lengths differ.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var dot = 0.0
        var na = 0.0
        var nb = 0.0
        for index in a.indices {
            dot += Double(a[index]) * Double(b[index])
            na += Double(a[index]) * Double(a[index])
            nb += Double(b[index]) * Double(b[index])
        }
        guard na > 0, nb > 0 else { return 0 }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    static func counts(_ words: [String]) -> [String: Int] {
        words.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
