import MentorMatchCore
import Testing

/// `Int(rounding:_:clampedTo:)`: the conversion of Doubles derived from input, which must never trap.
struct IntRoundingTests {
    @Test("NaN gives nil; infinities and values beyond 2⁶³ give the bounds", arguments: [
        (Double.nan, nil), (Double.infinity, Int.max), (-Double.infinity, Int.min), (1e300, Int.max), (-1e300, Int.min),
        (0x1p63, Int.max), (-0x1p63, Int.min), (0x1p62, 1 << 62),
    ] as [(Double, Int?)])
    func extremes(_ value: Double, expected: Int?) {
        #expect(Int(rounding: value) == expected)
    }

    @Test("rounded by the rule, then clamped into the bounds")
    func roundedThenClamped() {
        #expect(Int(rounding: 2.5) == 3)
        #expect(Int(rounding: -2.5) == -3)
        #expect(Int(rounding: 2.1, .up) == 3)
        #expect(Int(rounding: 2.9, .down) == 2)
        #expect(Int(rounding: -2.9, .towardZero) == -2)
        #expect(Int(rounding: 250_000.4, clampedTo: 0...200_000) == 200_000)
        #expect(Int(rounding: -0.6, clampedTo: 0...10) == 0)
        #expect(Int(rounding: 7.2, clampedTo: 0...10) == 7)
        #expect(Int(rounding: .infinity, .up, clampedTo: 1...31) == 31)
        // A bound a Double cannot hold exactly is still kept.
        #expect(Int(rounding: 0x1p63, clampedTo: 0...(Int.max - 1)) == Int.max - 1)
    }
}
