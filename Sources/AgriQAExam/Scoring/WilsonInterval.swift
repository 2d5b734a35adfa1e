import Foundation

/// The Wilson score interval for a binomial proportion: unlike the normal approximation it stays
/// inside [0, 1] and behaves at 0 % and 100 % and for small samples.
public struct WilsonInterval: Sendable, Codable, Equatable {
    public var lower: Double
    public var upper: Double

    /// z for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The interval for `successes` out of `trials`; [0, 1] when there are no trials.
    public init(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0 else {
            self.init(lower: 0, upper: 1)
            return
        }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        self.init(lower: max(0, centre - half), upper: min(1, centre + half))
    }
}
