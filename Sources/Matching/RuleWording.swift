import MentorMatchCore

/// Puts rule checks into words a coordinator can act on. Never mentions anything but ids, places and rule values.
struct RuleWording {
    let rules: CompatibilityRules

    /// One phrase per failed rule of a pair, such as "31.2 km away, limit 25 km".
    func details(of assessment: PairAssessment) -> [String] {
        assessment.failedRules.map { detail(of: $0, assessment) }
    }

    func detail(of rule: HardRule, _ assessment: PairAssessment) -> String {
        let mentor = rules.input.mentors[assessment.mentorIndex]
        let mentee = rules.input.mentees[assessment.menteeIndex]
        switch rule {
        case .travel:
            return "\(Self.km(assessment.distanceKm)) away, limit \(Self.km(assessment.travelLimitKm))"
        case .language:
            return "speaks \(mentor.languages.joined(separator: "/")), not \(mentee.languages.joined(separator: "/"))"
        case .specialisation:
            let missing = mentee.needs.filter { !mentor.specialisations.contains($0) }
            return "not trained in \(missing.joined(separator: ", "))"
        case .ageGap:
            return "aged \(mentor.age), needs to be at least \(mentee.age + rules.policy.minimumAgeGap)"
        case .genderPreference:
            return "is \(mentor.gender.rawValue), the young person asks for \(mentee.mentorGenderPreference?.gender.rawValue ?? "")"
        case .availability:
            return "shares at most \(assessment.sharedMinutes) min of weekly time, needs \(rules.policy.meetingMinutes)"
        case .forbidden:
            return "pair forbidden by the coordinator"
        }
    }

    /// "none speaks ru" and the like: why the last mentors in the field drop out.
    /// - Parameter nearest: the nearest of the mentors still in the field.
    func noneSentence(for rule: HardRule, menteeIndex: Int, nearest: PairAssessment?) -> String {
        let mentee = rules.input.mentees[menteeIndex]
        switch rule {
        case .travel:
            let nearestText = nearest.map {
                " (nearest: \(rules.input.mentors[$0.mentorIndex].id) at \(Self.km($0.distanceKm)), limit \(Self.km($0.travelLimitKm)))"
            }
            return "none is within travel range\(nearestText ?? "")"
        case .language:
            return "none speaks \(mentee.languages.joined(separator: " or "))"
        case .specialisation:
            return "none is trained in \(mentee.needs.joined(separator: " and "))"
        case .ageGap:
            return "none is at least \(mentee.age + rules.policy.minimumAgeGap) years old"
        case .genderPreference:
            return "none is \(mentee.mentorGenderPreference?.gender.rawValue ?? "") as the young person requires"
        case .availability:
            return "none shares a \(rules.policy.meetingMinutes)-minute weekly window with the young person"
        case .forbidden:
            return "the coordinator forbade every remaining pair"
        }
    }

    /// "share a language" and the like: what the mentors still in the field have in common.
    func passingPhrase(for rule: HardRule) -> String {
        switch rule {
        case .travel: "are within travel range"
        case .language: "share a language"
        case .specialisation: "have the needed specialisations"
        case .ageGap: "are old enough"
        case .genderPreference: "are of the required gender"
        case .availability: "share a weekly window"
        case .forbidden: "are not forbidden"
        }
    }

    /// `31.2 km`, or `25 km` for a whole number.
    static func km(_ value: Double) -> String {
        let tenths = DecimalText.fixed(value, decimals: 1)
        return (tenths.hasSuffix(".0") ? String(tenths.dropLast(2)) : tenths) + " km"
    }
}
