extension Int {
    /// `value` rounded by `rule` and clamped into `bounds`; `nil` when `value` is NaN.
    ///
    /// The conversion for a `Double` derived from input: `Int(_:)` traps on infinity, NaN and anything beyond 2⁶³,
    /// and a range check on each input cannot rule that out for every product or quotient of checked values.
    public init?(
        rounding value: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero,
        clampedTo bounds: ClosedRange<Int> = Int.min...Int.max
    ) {
        guard !value.isNaN else { return nil }
        let rounded = value.rounded(rule)
        if rounded <= Double(bounds.lowerBound) {
            self = bounds.lowerBound
        } else if rounded >= Double(bounds.upperBound) {
            self = bounds.upperBound
        } else {
            // Strictly between the bounds' nearest Doubles, and no Double lies between a bound and its nearest.
            self = Int(rounded)
        }
    }
}
