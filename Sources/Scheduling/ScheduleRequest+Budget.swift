import MentorMatchCore

/// The memory a schedule needs at most, estimated from the request before any programme is built: the day plans of
/// the largest mentor-month programme (programmes are built and solved one after another) and every session the
/// result and its files hold.
public struct ScheduleMemoryEstimate: Sendable, Hashable {
    /// The most day plans one mentor's programme of one month can have, and whose.
    public var largestMonthDayPlans: Double
    public var largestMentorID: String?
    /// Sessions the result can hold: each pair meets at most once a day, so at most 31 times a month.
    public var sessions: Double

    /// A day plan: its binary variable, its terms, the plan itself and GLPK's copy of the column.
    public static let bytesPerDayPlan = 1_024.0
    /// A session: the result's record, its rows in `sessions.csv` and `sessions.json`, and its events in three
    /// calendars, all held until the output set is written (Ogre's files take 390 bytes a session on disk).
    public static let bytesPerSession = 2_048.0

    public var bytes: Double { largestMonthDayPlans * Self.bytesPerDayPlan + sessions * Self.bytesPerSession }
}

extension ScheduleRequest {
    /// The estimate for this request's pairs, windows and calendar.
    /// - Complexity: O(pairs × their shared windows); no day or programme is built.
    public var memoryEstimate: ScheduleMemoryEstimate {
        let mentorsByID = Dictionary(mentors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let menteesByID = Dictionary(mentees.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = calendar.rules
        var estimate = ScheduleMemoryEstimate(largestMonthDayPlans: 0, sessions: 0)
        for (mentorID, pairs) in Dictionary(grouping: pairs, by: \.mentorID) {
            guard let mentor = mentorsByID[mentorID] else { continue }
            let shared = pairs.compactMap { pair in
                menteesByID[pair.menteeID].map { mentor.availability.sharedWindows(with: $0.availability) }
            }
            let patterns = MeetingCandidates.budgetedPatterns(sharedWindows: shared, length: rules.sessionMinutes,
                                                              step: rules.startStepMinutes)
            // A day's plans: every choice of at most one start per pair (clashes only remove plans), less the empty
            // one; a month has at most five of each weekday. In Doubles, as the product may pass 2⁶³.
            let weekly = Weekday.allCases.reduce(0.0) { total, weekday in
                total + patterns.reduce(1.0) { product, own in
                    product * Double(1 + own.count { $0.weekday == weekday })
                } - 1
            }
            if 5 * weekly > estimate.largestMonthDayPlans {
                estimate.largestMonthDayPlans = 5 * weekly
                estimate.largestMentorID = mentorID
            }
        }
        let sessionsPerMonth = Double(min(rules.requiredSessionsPerMonth, 31))
        estimate.sessions = Double(pairs.count) * Double(calendar.months.count) * sessionsPerMonth + Double(fixedSessions.count)
        return estimate
    }

    /// A schedule whose ``memoryEstimate`` passes ``InputLimits/scheduleMemoryBytes`` is refused before it starts,
    /// rather than running for hours or being killed.
    func memoryIssues(sources: ScheduleSources, calendarSource: String) -> [InputIssue] {
        let estimate = memoryEstimate
        let limit = Double(InputLimits.scheduleMemoryBytes)
        guard estimate.bytes > limit else { return [] }
        let allowed = "at most \(gigabytes(limit)) are allowed"
        if estimate.largestMonthDayPlans * ScheduleMemoryEstimate.bytesPerDayPlan > limit / 2 {
            return [sources.pairs.issue(
                record: nil, field: "mentor_id",
                problem: "the pairs of mentor \(estimate.largestMentorID ?? "?") share so many weekly windows that one "
                    + "month's calendar has about \(count(estimate.largestMonthDayPlans)) day plans to weigh "
                    + "(\(gigabytes(estimate.largestMonthDayPlans * ScheduleMemoryEstimate.bytesPerDayPlan)) of memory); "
                    + allowed,
                fix: "give the mentor fewer pairs (a capacity of at most \(Policy.capacityLimit)), or narrower windows")]
        }
        let months = calendar.months.count
        return [InputIssue(
            source: calendarSource,
            problem: "this schedule asks for about \(count(estimate.sessions)) sessions (\(InputLimits.grouped(pairs.count)) "
                + "pairs × \(InputLimits.grouped(months)) months × \(min(calendar.rules.requiredSessionsPerMonth, 31)) a month), "
                + "about \(gigabytes(estimate.bytes)) of memory; \(allowed)",
            fix: "schedule fewer months at a time (--months, then --from to go on), or fewer sessions a month")]
    }

    private func count(_ value: Double) -> String {
        value < 1e15 ? InputLimits.grouped(Int(rounding: value, clampedTo: 0...Int.max) ?? 0) : DecimalText.fixed(value, decimals: 0)
    }

    private func gigabytes(_ bytes: Double) -> String {
        bytes < 1e18 ? "\(DecimalText.fixed(bytes / 1e9, decimals: 1)) GB" : "more than 10⁹ GB"
    }
}
