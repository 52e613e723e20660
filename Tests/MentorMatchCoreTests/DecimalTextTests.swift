import MentorMatchCore
import Testing

struct DecimalTextTests {
    /// The text as interpolation writes it: what result files held before the digit-by-digit writer.
    private func interpolated(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int((scaled / scale).rounded(.towardZero))
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        let digits = String(fraction)
        return "\(sign)\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    @Test func writesWhatInterpolationWrote() {
        var random = SplitMix64(seed: 15)
        let values = [0, -0.0, 0.0004, -0.0004, 0.0005, 0.9995, 1, -1, 12.5, -0.3, 7, 99.999, 123_456_789.125, 1e12]
            + (0..<5_000).map { _ in random.double(in: -1_000...1_000) }
            + (0..<1_000).map { _ in Double(random.int(in: -100_000...100_000)) / 1_000 }
        for value in values {
            for decimals in 0...4 {
                #expect(DecimalText.fixed(value, decimals: decimals) == interpolated(value, decimals: decimals),
                        "\(value) to \(decimals) places")
            }
        }
    }

    @Test func examples() {
        #expect(DecimalText.fixed(12.5, decimals: 2) == "12.50")
        #expect(DecimalText.fixed(-0.3, decimals: 1) == "-0.3")
        #expect(DecimalText.fixed(7, decimals: 0) == "7")
        #expect(DecimalText.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(DecimalText.fixed(.nan, decimals: 2) == "nan")
        #expect(DecimalText.fixed(-.infinity, decimals: 2) == "-inf")
    }
}
