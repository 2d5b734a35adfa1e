import Foundation

/// McNemar's test for two runs over the same questions: does one get right significantly more
/// often what the other gets wrong? Only the discordant pairs count.
public struct McNemarTest: Sendable, Codable, Equatable {
    public enum Method: String, Sendable, Codable {
        /// Two-sided exact binomial test on the discordant pairs (small counts).
        case exactBinomial = "exact binomial"
        /// Chi-square with Edwards' continuity correction, 1 degree of freedom.
        case chiSquare = "chi-square (continuity corrected)"
    }

    /// Questions the first run got right and the second wrong.
    public var onlyFirstCorrect: Int
    /// Questions the second run got right and the first wrong.
    public var onlySecondCorrect: Int
    public var method: Method
    /// The chi-square statistic (nil for the exact test).
    public var statistic: Double?
    public var pValue: Double

    /// Below this many discordant pairs the exact binomial test is used.
    public static let exactBelow = 25

    public init(onlyFirstCorrect b: Int, onlySecondCorrect c: Int) {
        onlyFirstCorrect = b
        onlySecondCorrect = c
        let n = b + c
        if n < Self.exactBelow {
            method = .exactBinomial
            statistic = nil
            pValue = n == 0 ? 1 : min(1, 2 * Self.binomialLowerTail(min(b, c), n))
        } else {
            method = .chiSquare
            let difference = Double(abs(b - c)) - 1
            let chi = max(0, difference) * max(0, difference) / Double(n)
            statistic = chi
            // Survival function of chi-square with 1 degree of freedom.
            pValue = erfc((chi / 2).squareRoot())
        }
    }

    /// P(X ≤ k) for X ~ Binomial(n, 1/2), summed in log space so large n cannot overflow.
    static func binomialLowerTail(_ k: Int, _ n: Int) -> Double {
        var total = 0.0
        for i in 0...k {
            let logChoose = lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1))
            total += exp(logChoose - Double(n) * log(2.0))
        }
        return total
    }
}
