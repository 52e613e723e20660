/// A rule every pair must satisfy. The order is the order in which explanations narrow the field.
public enum HardRule: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The distance is within the mentor's `max_travel_km` and the policy's limit.
    case travel
    /// They share a language.
    case language
    /// Every need of the mentee is among the mentor's specialisations.
    case specialisation
    /// The mentor is older than the mentee by the policy's minimum gap.
    case ageGap = "age_gap"
    /// A hard mentor-gender preference of the mentee holds.
    case genderPreference = "gender_preference"
    /// One window of each overlaps the other by at least the meeting length.
    case availability
    /// The coordinator forbade the pair.
    case forbidden

    public static func < (lhs: HardRule, rhs: HardRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

}
