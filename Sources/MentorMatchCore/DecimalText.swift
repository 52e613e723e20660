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
        let negative = value < 0 && scaled != 0
        // Written digit by digit into the string's own storage: result files hold millions of these.
        let fractionWidth = max(0, decimals)
        let capacity = 1 + 20 + 1 + max(fractionWidth, 20)
        return String(unsafeUninitializedCapacity: capacity) { bytes in
            var count = 0
            if negative {
                bytes[count] = UInt8(ascii: "-")
                count += 1
            }
            count = appendDigits(of: UInt(whole.magnitude), minimumWidth: 1, to: bytes, at: count)
            if decimals > 0 {
                bytes[count] = UInt8(ascii: ".")
                count = appendDigits(of: UInt(fraction.magnitude), minimumWidth: fractionWidth, to: bytes, at: count + 1)
            }
            return count
        }
    }

    /// Writes `value`'s decimal digits, with leading zeros up to `minimumWidth`, and returns the new count.
    private static func appendDigits(
        of value: UInt, minimumWidth: Int, to bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let width = max(digitCount, minimumWidth)
        var remaining = value
        for position in stride(from: start + width - 1, through: start, by: -1) {
            bytes[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return start + width
    }
}
