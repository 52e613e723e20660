import MentorMatchCore

/// A kind of mentor a programme could recruit: a row of a profiles file, which has the columns of `mentors.csv`
/// without `id`, or one real applicant.
///
/// The profile is matched exactly as a mentor with its attributes, located at its place: its age stands for the
/// youngest recruit of this kind the programme expects, so the age-gap rule is checked against it.
public struct RecruitProfile: Sendable, Hashable, Codable {
    /// The recruit's attributes; the id is a label (`profile 3`, or an applicant's own id).
    public var mentor: Mentor
    /// How many such people the programme could find; `nil` for as many as needed.
    public var available: Int?
    /// What one recruit of this kind costs in EUR; `nil` for the cost model's training cost per recruit.
    public var cost: Double?
    /// For applicants: met the preferred experience (two years of non-formal education or one of youth work).
    public var isExperienced: Bool

    public init(mentor: Mentor, available: Int? = nil, cost: Double? = nil, isExperienced: Bool = false) {
        self.mentor = mentor
        self.available = available
        self.cost = cost
        self.isExperienced = isExperienced
    }

    enum CodingKeys: String, CodingKey {
        case mentor, available, cost
        case isExperienced = "experienced"
    }

    /// `count` mentors with this profile's attributes, with ids `prefix1`, `prefix2`, …
    public func recruits(count: Int, idPrefix: String) -> [Mentor] {
        (0..<max(0, count)).map { index in
            var recruit = mentor
            recruit.id = "\(idPrefix)\(index + 1)"
            return recruit
        }
    }

    /// "in Suntaži with intellectual-disability training, speaking lv": how a planner names the kind.
    public var summary: String {
        var words = "in \(mentor.location.place)"
        if !mentor.specialisations.isEmpty { words += " with \(mentor.specialisations.joined(separator: " and ")) training" }
        if !mentor.languages.isEmpty { words += " speaking \(mentor.languages.joined(separator: "/"))" }
        return words
    }
}
