import MentorMatchCore

/// Every mentor's rule checks against one young person without a candidate, in column passes.
///
/// The failed rules are exact for every mentor, but a distance is computed only where a rule or the wording needs
/// it: a mentor whose latitude alone puts them beyond their travel limit fails the travel rule without trigonometry,
/// and the nearest mentors are found with the same bound. Weekly windows are compared once per distinct week of
/// mentors, not once per mentor. Everything read from here equals ``CompatibilityRules/failedRules(mentorIndex:menteeIndex:)``.
struct MentorField {
    let rules: CompatibilityRules
    let menteeIndex: Int
    /// Failed rules of each mentor, as ``RuleCheck`` bits (its distance unused: see ``distanceKm(_:)``).
    private(set) var checks: [RuleCheck]
    /// Exact distances computed so far; NaN where not yet needed.
    private var distances: [Double]

    init(rules: CompatibilityRules, menteeIndex: Int) {
        self.rules = rules
        self.menteeIndex = menteeIndex
        let mentorCount = rules.input.mentors.count
        let policy = rules.policy
        let shared = rules.mentorWeeks.longestSharedStretches(with: rules.menteeWindows, menteeIndex)
        let menteePoint = rules.menteePoints[menteeIndex]
        var checks = [RuleCheck](repeating: RuleCheck(distanceKm: .nan), count: mentorCount)
        var distances = [Double](repeating: .nan, count: mentorCount)
        for mentorIndex in 0..<mentorCount {
            var check = RuleCheck(distanceKm: .nan)
            let limit = rules.mentorTravelLimits[mentorIndex]
            if rules.latitudeBoundKm(rules.mentorPoints[mentorIndex], menteePoint) > CompatibilityRules.withSlack(limit) {
                check.add(.travel)
            } else {
                let distance = rules.mentorPoints[mentorIndex].distanceKm(to: menteePoint)
                distances[mentorIndex] = distance
                if distance > limit { check.add(.travel) }
            }
            rules.addCheapFailures(mentorIndex: mentorIndex, menteeIndex: menteeIndex, to: &check)
            if shared[rules.mentorWeekOfMentor[mentorIndex]] < policy.meetingMinutes { check.add(.availability) }
            checks[mentorIndex] = check
        }
        self.checks = checks
        self.distances = distances
    }

    /// The exact distance of a mentor, computed on first need.
    mutating func distanceKm(_ mentorIndex: Int) -> Double {
        if distances[mentorIndex].isNaN {
            distances[mentorIndex] = rules.distanceKm(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
        }
        return distances[mentorIndex]
    }

    /// Whether the mentor is surely farther than `distanceKm`, from latitudes alone.
    private func isSurelyFarther(_ mentorIndex: Int, than distanceKm: Double) -> Bool {
        rules.latitudeBoundKm(rules.mentorPoints[mentorIndex], rules.menteePoints[menteeIndex])
            > CompatibilityRules.withSlack(distanceKm)
    }

    /// The nearest of `mentors` (the first in their order where distances tie), as `min(by:)` on distances finds it.
    mutating func nearest(of mentors: [Int]) -> Int? {
        var best: (index: Int, distanceKm: Double)?
        for mentorIndex in mentors {
            if let best, isSurelyFarther(mentorIndex, than: best.distanceKm) { continue }
            let distance = distanceKm(mentorIndex)
            if best == nil || distance < best!.distanceKm { best = (mentorIndex, distance) }
        }
        return best?.index
    }

    /// The `count` mentors failing the fewest rules, then nearest, then first in index order.
    mutating func closest(_ count: Int) -> [Int] {
        var closest: [(index: Int, failed: Int, distanceKm: Double)] = []
        func isCloser(_ a: (index: Int, failed: Int, distanceKm: Double), _ b: (index: Int, failed: Int, distanceKm: Double)) -> Bool {
            (a.failed, a.distanceKm, a.index) < (b.failed, b.distanceKm, b.index)
        }
        for mentorIndex in checks.indices {
            let failed = checks[mentorIndex].failedCount
            if closest.count >= count, let last = closest.last {
                // Nothing that fails more rules, or is surely farther at the same count, can be closer.
                if failed > last.failed || (failed == last.failed && isSurelyFarther(mentorIndex, than: last.distanceKm)) {
                    continue
                }
            }
            let entry = (index: mentorIndex, failed: failed, distanceKm: distanceKm(mentorIndex))
            guard closest.count < count || isCloser(entry, closest[closest.count - 1]) else { continue }
            closest.append(entry)
            closest.sort(by: isCloser)
            if closest.count > count { closest.removeLast() }
        }
        return closest.map(\.index)
    }
}

/// Distinct weekly windows among the mentors, so that a young person's week is compared with each once.
struct DistinctWeeks: Sendable {
    let windows: FlatWindows

    /// The longest stretch of each distinct week shared with person `index` of `other`.
    func longestSharedStretches(with other: FlatWindows, _ index: Int) -> [Int] {
        (0..<windows.count).map { windows.longestSharedStretch($0, with: other, index) }
    }

    /// The distinct weeks of `weeks`, and which one each person has.
    static func of(_ weeks: [WeeklyAvailability]) -> (weeks: DistinctWeeks, weekOfPerson: [Int]) {
        var position: [WeeklyAvailability: Int] = [:]
        var distinct: [WeeklyAvailability] = []
        let weekOfPerson = weeks.map { week in
            if let known = position[week] { return known }
            position[week] = distinct.count
            distinct.append(week)
            return distinct.count - 1
        }
        return (DistinctWeeks(windows: FlatWindows(distinct)), weekOfPerson)
    }
}
