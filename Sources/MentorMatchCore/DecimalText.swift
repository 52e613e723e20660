/// Locale-independent decimal text, so that files and tables read the same on every machine.
public enum DecimalText {
    /// `value` rounded to `decimals` places, with a `.` separator and no grouping: `12.50`, `-0.3`, `7`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        // Beyond 10¹⁵ no fraction digit is exact and the whole part may not fit an Int: Swift's shortest form.
        guard abs(value) < 1e15, (0...15).contains(decimals) else { return "\(value)" }
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
}
