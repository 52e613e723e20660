/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) with its own bounded draws,
/// shared by the population generator and the tests' random instances.
///
/// Generated populations must be identical for a seed on every machine and Swift version, so nothing here uses
/// the standard library's random algorithms (`random(in:using:)`, `shuffle(using:)`), whose exact draws are
/// not promised to stay the same, nor anything that depends on `Hasher`'s per-process seed. Every draw is
/// integer arithmetic or an exact conversion of an integer to `Double`.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`, without modulo bias (Lemire's multiply-and-reject).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        guard span != 0 else { return Int(truncatingIfNeeded: next()) }  // the whole of `Int`
        let threshold = (0 &- span) % span
        while true {
            let (high, low) = next().multipliedFullWidth(by: span)
            if low >= threshold { return range.lowerBound &+ Int(truncatingIfNeeded: high) }
        }
    }

    /// A uniform `Double` in `range` (53 random bits).
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A uniform `Double` in `0..<1` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with the given probability.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniform element of a non-empty array.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// An element drawn with probability proportional to its integer weight; weights must sum to more than zero.
    public mutating func pick<Element>(weighted choices: KeyValuePairs<Element, Int>) -> Element {
        var remaining = int(in: 0...(choices.reduce(0) { $0 + $1.value } - 1))
        for (element, weight) in choices {
            if remaining < weight { return element }
            remaining -= weight
        }
        preconditionFailure("weights must sum to more than zero")
    }

    /// `count` distinct elements in random order (a partial Fisher–Yates shuffle).
    public mutating func sample<Element>(_ count: Int, from elements: [Element]) -> [Element] {
        var pool = elements
        for index in 0..<count {
            pool.swapAt(index, int(in: index...(pool.count - 1)))
        }
        return Array(pool.prefix(count))
    }

    /// The elements in random order (a Fisher–Yates shuffle).
    public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        sample(elements.count, from: elements)
    }
}
