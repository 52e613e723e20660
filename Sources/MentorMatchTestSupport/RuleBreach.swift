import Matching

/// A hard rule as the checker names it: the engine's pair rules plus the age limits that input validation enforces.
public enum CheckedRule: String, Sendable, Hashable, CaseIterable {
    case mentorAge = "mentor_age"
    case menteeAge = "mentee_age"
    /// A person's place is not among the input's places and they have no explicit coordinate.
    case location
    case travel
    case language
    case specialisation
    case ageGap = "age_gap"
    case genderPreference = "gender_preference"
    case availability
    case forbidden

    /// The engine's name for the same pair rule; `nil` for rules the engine leaves to input validation.
    public var hardRule: HardRule? {
        switch self {
        case .mentorAge, .menteeAge, .location: nil
        case .travel: .travel
        case .language: .language
        case .specialisation: .specialisation
        case .ageGap: .ageGap
        case .genderPreference: .genderPreference
        case .availability: .availability
        case .forbidden: .forbidden
        }
    }
}

/// One hard rule a mentor–mentee pair breaks, with the figures that break it.
public struct RuleBreach: Sendable, Hashable, CustomStringConvertible {
    public var rule: CheckedRule
    public var detail: String

    public init(rule: CheckedRule, detail: String) {
        self.rule = rule
        self.detail = detail
    }

    public var description: String { "\(rule.rawValue): \(detail)" }
}
