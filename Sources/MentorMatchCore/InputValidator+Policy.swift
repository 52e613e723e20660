extension InputValidator {
    /// The range problems of a policy on its own; field names are the policy file's key paths.
    ///
    /// Rules that need the input (place names in `min_served_per_place`) are checked by
    /// ``issues(in:policy:sources:)``, which includes these.
    /// - Parameter source: The policy file name, or `policy`.
    public static func issues(in policy: Policy, source: String) -> [InputIssue] {
        var check = PolicyRangeCheck(source: source)
        check.whole(policy.minimumMentorAge, in: 18...100, key: "min_mentor_age",
                    fix: Phrase("mentors are adults; the programmes require at least 20", lv: "mentori ir pieaugušie; programmas prasa vismaz 20"))
        check.whole(policy.minimumMenteeAge, in: plausibleAges, key: "min_mentee_age",
                    fix: Phrase("the programmes serve young people from 13", lv: "programmas ir jauniešiem no 13 gadiem"))
        check.whole(policy.maximumMenteeAge, in: plausibleAges, key: "max_mentee_age",
                    fix: Phrase("the programmes serve young people up to 25", lv: "programmas ir jauniešiem līdz 25 gadiem"))
        if policy.minimumMenteeAge > policy.maximumMenteeAge {
            check.report(key: "max_mentee_age",
                         problem: Phrase("max_mentee_age \(policy.maximumMenteeAge) is below min_mentee_age \(policy.minimumMenteeAge)",
                                         lv: "max_mentee_age \(policy.maximumMenteeAge) ir mazāks par min_mentee_age \(policy.minimumMenteeAge)"),
                         fix: Phrase("make max_mentee_age at least min_mentee_age (the programmes use 13 to 25)", lv: "max_mentee_age jābūt vismaz min_mentee_age (programmas izmanto 13 līdz 25)"))
        }
        check.whole(policy.minimumAgeGap, in: 0...plausibleAges.upperBound, key: "min_age_gap",
                    fix: Phrase("use 0 or more years; the programmes only require the mentor to be older (1)", lv: "ierakstiet 0 vai vairāk gadus; programmas prasa tikai, lai mentors būtu vecāks (1)"))
        check.whole(policy.maximumCapacity, in: 1...Policy.capacityLimit, key: "max_capacity",
                    fix: Phrase("use 1, 2 or 3 (the programmes' rule: one to three young people per mentor)", lv: "ierakstiet 1, 2 vai 3 (programmu noteikums: vienam mentoram viens līdz trīs jaunieši)"))
        if let limit = policy.maximumTravelKm {
            check.number(limit, in: InputLimits.kilometres, key: "max_travel_km",
                         fix: Phrase("use a distance in km, or leave the key out for no limit", lv: "ierakstiet attālumu kilometros vai atstājiet to tukšu, ja nav ierobežojuma"))
        }
        check.whole(policy.meetingMinutes, in: 15...600, key: "meeting_minutes",
                    fix: Phrase("use the length of one meeting in minutes; the programmes meet for at least 60", lv: "ierakstiet vienas tikšanās ilgumu minūtēs; programmās tiekas vismaz 60 minūtes"))
        check.whole(policy.alternativesPerMentee, in: 0...20, key: "alternatives_per_mentee",
                    fix: Phrase("use a count from 0 to 20", lv: "ierakstiet skaitu no 0 līdz 20"))
        if !(policy.timeLimitSeconds.isFinite && policy.timeLimitSeconds > 0 && policy.timeLimitSeconds <= 86_400) {
            check.report(key: "time_limit_seconds",
                         problem: Phrase("time_limit_seconds \(displayNumber(policy.timeLimitSeconds)) is outside 0–86400 (a day)",
                                         lv: "time_limit_seconds \(displayNumber(policy.timeLimitSeconds)) nav robežās 0–86400 (diennakts)"),
                         fix: Phrase("use a number of seconds above 0, such as 60", lv: "ierakstiet sekunžu skaitu virs 0, piemēram, 60"))
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
                         fix: Phrase("use a weight from 0 to 1,000,000; only the weights' ratios matter", lv: "ierakstiet svaru no 0 līdz 1 000 000; nozīme ir tikai svaru attiecībām"))
        }
        let fit = objective.fitWeights
        let fitWeights = [("travel", fit.travel), ("interests", fit.interests),
                          ("gender_preference", fit.genderPreference), ("priority", fit.priority),
                          ("waiting", fit.waiting)]
        for (key, weight) in fitWeights {
            check.number(weight, in: InputLimits.weights, key: "objective.fit_weights.\(key)",
                         fix: Phrase("use a weight from 0 to 1,000,000; the weights are normalised to sum to 1", lv: "ierakstiet svaru no 0 līdz 1 000 000; svarus normalizē, lai summa būtu 1"))
        }
        if fitWeights.allSatisfy({ InputLimits.weights.contains($0.1) }), !(fit.total > 0) {
            check.report(key: "objective.fit_weights",
                         problem: Phrase("the fit weights add up to 0", lv: "piemērotības svaru summa ir 0"),
                         fix: Phrase("give at least one fit weight a positive value (the defaults add up to 1)", lv: "piešķiriet vismaz vienam piemērotības svaram pozitīvu vērtību (noklusējumu summa ir 1)"))
        }
    }

    private static func checkSideConstraints(_ constraints: SideConstraints, check: inout PolicyRangeCheck) {
        if let share = constraints.minimumRemoteShare, !(share.isFinite && (0...1).contains(share)) {
            check.report(key: "side_constraints.min_remote_share",
                         problem: Phrase("min_remote_share \(displayNumber(share)) is outside 0–1",
                                         lv: "min_remote_share \(displayNumber(share)) nav robežās 0–1"),
                         fix: Phrase("use a share from 0 to 1, such as 0.3 for 30%", lv: "ierakstiet daļu no 0 līdz 1, piemēram, 0.3 nozīmē 30%"))
        }
        for (place, count) in constraints.minimumServedPerPlace.sorted(by: { $0.key < $1.key })
        where !(0...1_000_000).contains(count) {
            check.report(key: "side_constraints.min_served_per_place.\(InputText.excerpt(place))",
                         problem: Phrase("the minimum of \(count) young people served in \(InputText.excerpt(place)) is outside 0–1,000,000",
                                         lv: "minimums \(count) apkalpoto jauniešu vietā \(InputText.excerpt(place)) nav robežās 0–1 000 000"),
                         fix: Phrase("use a count of 0 or more", lv: "ierakstiet skaitu 0 vai vairāk"))
        }
    }
}

/// Collects range problems of one policy.
struct PolicyRangeCheck {
    let source: String
    var issues: [InputIssue] = []

    mutating func report(key: String, problem: Phrase, fix: Phrase) {
        issues.append(InputIssue(source: source, field: key, problem: problem, fix: fix))
    }

    mutating func whole(_ value: Int, in range: ClosedRange<Int>, key: String, fix: Phrase) {
        guard !range.contains(value) else { return }
        let bounds = "\(range.lowerBound)–\(range.upperBound)"
        report(key: key, problem: Phrase("\(key) \(value) is outside \(bounds)", lv: "\(key) \(value) nav robežās \(bounds)"), fix: fix)
    }

    /// A finite number within `range` (NaN and infinities are outside every range).
    mutating func number(_ value: Double, in range: ClosedRange<Double>, key: String, fix: Phrase) {
        guard !range.contains(value) else { return }
        let name = key.split(separator: ".").last.map(String.init) ?? key
        let bounds = "\(displayNumber(range.lowerBound))–\(displayNumber(range.upperBound))"
        report(key: key, problem: Phrase("\(name) \(displayNumber(value)) is outside \(bounds)",
                                         lv: "\(name) \(displayNumber(value)) nav robežās \(bounds)"), fix: fix)
    }
}
