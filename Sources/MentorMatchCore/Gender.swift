/// A person's gender as the programmes record it.
public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
    case female
    case male
    case other
}

/// A young person's wish about their mentor's gender.
public struct GenderPreference: Sendable, Hashable, Codable {
    /// How firmly the wish binds the matching.
    public enum Strength: String, Sendable, Hashable, Codable, CaseIterable {
        /// Never pair against the wish.
        case hard
        /// Prefer pairs that honour the wish; they add to the fit score.
        case soft
    }

    public var gender: Gender
    public var strength: Strength

    public init(gender: Gender, strength: Strength) {
        self.gender = gender
        self.strength = strength
    }
}
