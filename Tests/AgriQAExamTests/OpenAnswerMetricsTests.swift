import Testing

@testable import AgriQAExam

/// Token F1 and ROUGE-L on cases counted by hand.
@Suite struct OpenAnswerMetricsTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func tokenF1IgnoresCaseArticlesAndPunctuation() {
        #expect(OpenAnswerMetrics.tokenF1("The cat sat on the mat.", reference: "a cat sat on a MAT") == 1)
        // answer: apply lime to raise ph (5); reference: raise ph with lime (4); common 3.
        // P = 3/5, R = 3/4, F1 = 2PR/(P+R) = 2/3.
        #expect(close(OpenAnswerMetrics.tokenF1("Apply lime to raise pH", reference: "Raise the pH with lime"), 2.0 / 3.0))
        #expect(OpenAnswerMetrics.tokenF1("wheat", reference: "rice") == 0)
        #expect(OpenAnswerMetrics.tokenF1("", reference: "rice") == 0)
        #expect(OpenAnswerMetrics.tokenF1("", reference: "") == 1)
    }

    @Test func tokenF1CountsRepeatedWordsOnce() {
        // answer: rain rain rain (3); reference: rain falls (2); common 1 → P 1/3, R 1/2, F1 0.4.
        #expect(close(OpenAnswerMetrics.tokenF1("rain rain rain", reference: "rain falls"), 0.4))
    }

    @Test func rougeLUsesTheLongestCommonSubsequence() {
        // LCS of [apply lime to raise ph] and [raise ph with lime] is "raise ph" (2):
        // P = 2/5, R = 2/4, F = 2PR/(P+R) = 4/9.
        #expect(close(OpenAnswerMetrics.rougeL("Apply lime to raise pH", reference: "Raise the pH with lime"), 4.0 / 9.0))
        #expect(OpenAnswerMetrics.rougeL("sample to the tillage depth", reference: "sample to the tillage depth") == 1)
        // Order matters for ROUGE-L but not for F1.
        #expect(OpenAnswerMetrics.tokenF1("y x", reference: "x y") == 1)
        #expect(close(OpenAnswerMetrics.rougeL("y x", reference: "x y"), 0.5))
        #expect(OpenAnswerMetrics.longestCommonSubsequence(["a", "b", "c", "d"], ["b", "x", "d"]) == 2)
    }
}
