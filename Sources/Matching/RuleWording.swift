import MentorMatchCore

/// Turns rule checks into facts a coordinator can act on. Never mentions anything but ids, places and rule values.
struct RuleWording {
    let rules: CompatibilityRules

    /// One phrase per failed rule of a pair, such as "31.2 km away, limit 25 km".
    func details(of assessment: PairAssessment) -> [String] {
        facts(of: assessment).map { $0.text(.en) }
    }

    func facts(of assessment: PairAssessment) -> [RuleFact] {
        assessment.failedRules.map { fact(of: $0, assessment) }
    }

    func fact(of rule: HardRule, _ assessment: PairAssessment) -> RuleFact {
        let mentor = rules.input.mentors[assessment.mentorIndex]
        let mentee = rules.input.mentees[assessment.menteeIndex]
        switch rule {
        case .travel: return .tooFar(distanceKm: assessment.distanceKm, limitKm: assessment.travelLimitKm)
        case .language: return .noSharedLanguage(mentorLanguages: mentor.languages, menteeLanguages: mentee.languages)
        case .specialisation: return .untrained(missing: mentee.needs.filter { !mentor.specialisations.contains($0) })
        case .ageGap: return .tooYoung(age: mentor.age, minimumAge: mentee.age + rules.policy.minimumAgeGap)
        case .genderPreference: return .otherGender(mentor: mentor.gender, requested: mentee.mentorGenderPreference?.gender)
        case .availability:
            return .tooLittleTime(sharedMinutes: assessment.sharedMinutes, neededMinutes: rules.policy.meetingMinutes)
        case .forbidden: return .forbidden
        }
    }

    /// "none speaks ru" and the like: why the last mentors in the field drop out.
    /// - Parameter nearest: the nearest of the mentors still in the field.
    func exhaustion(of rule: HardRule, menteeIndex: Int, nearest: PairAssessment?) -> FieldExhaustion {
        let mentee = rules.input.mentees[menteeIndex]
        switch rule {
        case .travel:
            return .travel(nearest: nearest.map {
                NearestMentor(mentorID: rules.input.mentors[$0.mentorIndex].id, distanceKm: $0.distanceKm, limitKm: $0.travelLimitKm)
            })
        case .language: return .language(menteeLanguages: mentee.languages)
        case .specialisation: return .specialisation(needs: mentee.needs)
        case .ageGap: return .ageGap(minimumAge: mentee.age + rules.policy.minimumAgeGap)
        case .genderPreference: return .genderPreference(requested: mentee.mentorGenderPreference?.gender)
        case .availability: return .availability(meetingMinutes: rules.policy.meetingMinutes)
        case .forbidden: return .forbidden
        }
    }

    /// `31.2 km`, or `25 km` for a whole number.
    static func km(_ value: Double) -> String {
        let tenths = DecimalText.fixed(value, decimals: 1)
        return (tenths.hasSuffix(".0") ? String(tenths.dropLast(2)) : tenths) + " km"
    }
}
