/// Overlap between an answer and a reference answer, for open-ended questions scored without a
/// judge model.
public enum OpenAnswerMetrics {
    /// SQuAD-style token F1: harmonic mean of precision and recall over the bag of normalized
    /// words (lower case, punctuation and the articles a/an/the removed). 1 when both are empty.
    public static func tokenF1(_ answer: String, reference: String) -> Double {
        let predicted = TextNormalization.tokens(answer)
        let expected = TextNormalization.tokens(reference)
        if predicted.isEmpty || expected.isEmpty { return predicted.isEmpty && expected.isEmpty ? 1 : 0 }
        var counts: [String: Int] = [:]
        for token in expected { counts[token, default: 0] += 1 }
        var common = 0
        for token in predicted where (counts[token] ?? 0) > 0 {
            counts[token, default: 0] -= 1
            common += 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(predicted.count)
        let recall = Double(common) / Double(expected.count)
        return 2 * precision * recall / (precision + recall)
    }

    /// ROUGE-L F1: the longest common subsequence of normalized words, as precision (over the
    /// answer) and recall (over the reference), combined with β = 1.
    public static func rougeL(_ answer: String, reference: String) -> Double {
        let predicted = TextNormalization.tokens(answer)
        let expected = TextNormalization.tokens(reference)
        if predicted.isEmpty || expected.isEmpty { return predicted.isEmpty && expected.isEmpty ? 1 : 0 }
        let lcs = longestCommonSubsequence(predicted, expected)
        guard lcs > 0 else { return 0 }
        let precision = Double(lcs) / Double(predicted.count)
        let recall = Double(lcs) / Double(expected.count)
        return 2 * precision * recall / (precision + recall)
    }

    /// Length of the longest common subsequence, in O(n·m) time and O(m) memory.
    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
