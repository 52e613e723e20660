extension InputValidator {
    /// The range problems of a policy on its own; field names are the policy file's key paths.
    ///
    /// Rules that need the input (place names in `min_served_per_place`) are checked by
    /// ``issues(in:policy:sources:)``, which includes these.
    /// - Parameter source: The policy file name, or `policy`.
    public static func issues(in policy: Policy, source: String) -> [InputIssue] {
        var check = PolicyRangeCheck(source: source)
        check.whole(policy.minimumMentorAge, in: 18...100, key: "min_mentor_age",
                    fix: "mentors are adults; the programmes require at least 20")
        check.whole(policy.minimumMenteeAge, in: plausibleAges, key: "min_mentee_age",
                    fix: "the programmes serve young people from 13")
        check.whole(policy.maximumMenteeAge, in: plausibleAges, key: "max_mentee_age",
                    fix: "the programmes serve young people up to 25")
        if policy.minimumMenteeAge > policy.maximumMenteeAge {
            check.report(key: "max_mentee_age",
                         problem: "max_mentee_age \(policy.maximumMenteeAge) is below min_mentee_age "
                            + "\(policy.minimumMenteeAge)",
                         fix: "make max_mentee_age at least min_mentee_age (the programmes use 13 to 25)")
        }
        check.whole(policy.minimumAgeGap, in: 0...plausibleAges.upperBound, key: "min_age_gap",
                    fix: "use 0 or more years; the programmes only require the mentor to be older (1)")
        check.whole(policy.maximumCapacity, in: 1...Policy.capacityLimit, key: "max_capacity",
                    fix: "use 1, 2 or 3 (the programmes' rule: one to three young people per mentor)")
        if let limit = policy.maximumTravelKm {
            check.number(limit, in: InputLimits.kilometres, key: "max_travel_km",
                         fix: "use a distance in km, or leave the key out for no limit")
        }
        check.whole(policy.meetingMinutes, in: 15...600, key: "meeting_minutes",
                    fix: "use the length of one meeting in minutes; the programmes meet for at least 60")
        check.whole(policy.alternativesPerMentee, in: 0...20, key: "alternatives_per_mentee",
                    fix: "use a count from 0 to 20")
        if !(policy.timeLimitSeconds.isFinite && policy.timeLimitSeconds > 0 && policy.timeLimitSeconds <= 86_400) {
            check.report(key: "time_limit_seconds",
                         problem: "time_limit_seconds \(displayNumber(policy.timeLimitSeconds)) is outside 0–86400 (a day)",
                         fix: "use a number of seconds above 0, such as 60")
        }
        checkWeights(policy.objective, check: &check)
        checkSideConstraints(policy.sideConstraints, check: &check)
        checkSchedule(policy.schedule, check: &check)
        return check.issues
    }

    private static func checkWeights(_ objective: ObjectivePolicy, check: inout PolicyRangeCheck) {
        let tiers = objective.tierWeights
        let tierWeights = [("served", tiers.served), ("remote_served", tiers.remoteServed),
                           ("mentors_used", tiers.mentorsUsed), ("fit", tiers.fit)]
        for (key, weight) in tierWeights {
            check.number(weight, in: InputLimits.weights, key: "objective.tier_weights.\(key)",
                         fix: "use a weight from 0 to 1,000,000; only the weights' ratios matter")
        }
        let fit = objective.fitWeights
        let fitWeights = [("travel", fit.travel), ("interests", fit.interests),
                          ("gender_preference", fit.genderPreference), ("priority", fit.priority),
                          ("waiting", fit.waiting)]
        for (key, weight) in fitWeights {
            check.number(weight, in: InputLimits.weights, key: "objective.fit_weights.\(key)",
                         fix: "use a weight from 0 to 1,000,000; the weights are normalised to sum to 1")
        }
        if fitWeights.allSatisfy({ InputLimits.weights.contains($0.1) }), !(fit.total > 0) {
            check.report(key: "objective.fit_weights",
                         problem: "the fit weights add up to 0",
                         fix: "give at least one fit weight a positive value (the defaults add up to 1)")
        }
    }

    private static func checkSideConstraints(_ constraints: SideConstraints, check: inout PolicyRangeCheck) {
        if let share = constraints.minimumRemoteShare, !(share.isFinite && (0...1).contains(share)) {
            check.report(key: "side_constraints.min_remote_share",
                         problem: "min_remote_share \(displayNumber(share)) is outside 0–1",
                         fix: "use a share from 0 to 1, such as 0.3 for 30%")
        }
        for (place, count) in constraints.minimumServedPerPlace.sorted(by: { $0.key < $1.key })
        where !(0...1_000_000).contains(count) {
            check.report(key: "side_constraints.min_served_per_place.\(InputText.excerpt(place))",
                         problem: "the minimum of \(count) young people served in \(InputText.excerpt(place)) is outside 0–1,000,000",
                         fix: "use a count of 0 or more")
        }
    }
}

/// Collects range problems of one policy.
struct PolicyRangeCheck {
    let source: String
    var issues: [InputIssue] = []

    mutating func report(key: String, problem: String, fix: String) {
        issues.append(InputIssue(source: source, field: key, problem: problem, fix: fix))
    }

    mutating func whole(_ value: Int, in range: ClosedRange<Int>, key: String, fix: String) {
        guard !range.contains(value) else { return }
        report(key: key, problem: "\(key) \(value) is outside \(range.lowerBound)–\(range.upperBound)", fix: fix)
    }

    /// A finite number within `range` (NaN and infinities are outside every range).
    mutating func number(_ value: Double, in range: ClosedRange<Double>, key: String, fix: String) {
        guard !range.contains(value) else { return }
        let name = key.split(separator: ".").last.map(String.init) ?? key
        report(key: key, problem: "\(name) \(displayNumber(value)) is outside \(displayNumber(range.lowerBound))–"
                + "\(displayNumber(range.upperBound))", fix: fix)
    }
}
