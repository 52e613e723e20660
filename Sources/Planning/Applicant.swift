import MentorMatchCore

/// A real person who applied to mentor, with what the programme requires of mentors.
public struct Applicant: Sendable, Hashable, Codable {
    /// The applicant's attributes and pseudonymous id.
    public var mentor: Mentor
    /// Ogre 2024 requires secondary education; `nil` when the file does not say.
    public var hasSecondaryEducation: Bool?
    /// Two years of non-formal education or one year of youth work: preferred, not required.
    public var isExperienced: Bool

    public init(mentor: Mentor, hasSecondaryEducation: Bool? = nil, isExperienced: Bool = false) {
        self.mentor = mentor
        self.hasSecondaryEducation = hasSecondaryEducation
        self.isExperienced = isExperienced
    }

    /// Why the applicant cannot be accepted under the programmes' mentor requirements (DOMAIN.md), or `nil`:
    /// at least the policy's minimum mentor age, secondary education, and one weekly window long enough for a
    /// meeting (pairs meet at least twice a month for at least an hour).
    public func ineligibility(under policy: Policy) -> String? {
        if mentor.age < policy.minimumMentorAge {
            return "age \(mentor.age) is below the minimum of \(policy.minimumMentorAge)"
        }
        if hasSecondaryEducation == false { return "no secondary education" }
        if !mentor.availability.windows.contains(where: { $0.durationMinutes >= policy.meetingMinutes }) {
            return "no weekly window of \(policy.meetingMinutes) minutes for a meeting"
        }
        return nil
    }

    /// The applicant as a profile of one person.
    public var profile: RecruitProfile {
        RecruitProfile(mentor: mentor, available: 1, cost: nil, isExperienced: isExperienced)
    }
}
