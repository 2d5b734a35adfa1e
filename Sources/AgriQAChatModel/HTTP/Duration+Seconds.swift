extension Duration {
    /// The duration in seconds (division, not multiplication by 1e-18, so 0.3 s is exactly `0.3`).
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// A duration of `seconds`, rounded to the millisecond; negative and non-finite values give zero.
    static func seconds(clamping seconds: Double) -> Duration {
        guard seconds.isFinite, seconds > 0 else { return .zero }
        return .milliseconds(Int((min(seconds, 1e9) * 1000).rounded()))
    }
}
