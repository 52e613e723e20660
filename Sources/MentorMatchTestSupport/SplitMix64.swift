/// Steele, Lea and Flood's SplitMix64: a tiny generator whose output depends on the seed alone. Internal, so it never
/// clashes with the `SplitMix64` of the `MentorMatch` module in a test that imports both.
///
/// The helpers below draw from `next()` with their own arithmetic rather than the standard library's
/// `random(in:using:)`, whose algorithm may change between toolchains, so a seed names the same instance everywhere.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`; the modulo bias is below 2⁻⁵⁰ for the small ranges used here.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// A number in `range` with 53 random bits.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) / Double(UInt64(1) << 53)
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// `true` with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        double(in: 0...1) < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// The array in a uniformly random order (Fisher–Yates).
    mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        for index in result.indices.reversed() where index > 0 {
            result.swapAt(index, int(in: 0...index))
        }
        return result
    }
}
