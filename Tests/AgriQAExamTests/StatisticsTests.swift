import Testing

@testable import AgriQAExam

/// Wilson intervals and McNemar's test against values worked out by hand (and checked with
/// Python's math module).
@Suite struct StatisticsTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) < tolerance }

    @Test func wilsonIntervalOnTextbookCases() {
        let eight = WilsonInterval(successes: 8, trials: 10)
        #expect(close(eight.lower, 0.4901624715))
        #expect(close(eight.upper, 0.9433178485))
        let none = WilsonInterval(successes: 0, trials: 10)
        #expect(none.lower == 0)
        #expect(close(none.upper, 0.2775327999))
        let all = WilsonInterval(successes: 10, trials: 10)
        #expect(close(all.lower, 0.7224672001))
        #expect(close(all.upper, 1))
        let half = WilsonInterval(successes: 300, trials: 600)
        #expect(close(half.lower, 0.4601198639))
        #expect(close(half.upper, 0.5398801361))
        #expect(WilsonInterval(successes: 0, trials: 0) == WilsonInterval(lower: 0, upper: 1))
    }

    @Test func mcnemarExactBinomialForFewDiscordantPairs() {
        // n = 13: P(X ≤ 3) = (1 + 13 + 78 + 286) / 2^13; two-sided doubles it.
        let test = McNemarTest(onlyFirstCorrect: 3, onlySecondCorrect: 10)
        #expect(test.method == .exactBinomial)
        #expect(test.statistic == nil)
        #expect(close(test.pValue, 756.0 / 8192.0))
        // Symmetric in the two runs.
        #expect(close(McNemarTest(onlyFirstCorrect: 10, onlySecondCorrect: 3).pValue, test.pValue))
        #expect(McNemarTest(onlyFirstCorrect: 12, onlySecondCorrect: 12).pValue == 1)
        #expect(McNemarTest(onlyFirstCorrect: 0, onlySecondCorrect: 0).pValue == 1)
    }

    @Test func mcnemarChiSquareWithContinuityCorrection() {
        let test = McNemarTest(onlyFirstCorrect: 20, onlySecondCorrect: 40)
        #expect(test.method == .chiSquare)
        #expect(close(test.statistic ?? 0, 361.0 / 60.0))
        #expect(close(test.pValue, 0.014171388254))
        let lopsided = McNemarTest(onlyFirstCorrect: 2, onlySecondCorrect: 23)
        #expect(lopsided.method == .chiSquare)
        #expect(close(lopsided.statistic ?? 0, 16))
        #expect(close(lopsided.pValue, 6.334248366624e-05, 1e-12))
    }

    @Test func binomialTailStaysFiniteForLargeCounts() {
        let tail = McNemarTest.binomialLowerTail(500, 1000)
        #expect(tail > 0.5 && tail < 0.52)
    }
}
