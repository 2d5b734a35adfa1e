extension Duration {
    /// The duration in seconds (division, not multiplication by 1e-18, so 0.3 s is exactly `0.3`).
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
