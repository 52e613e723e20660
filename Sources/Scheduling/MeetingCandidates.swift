import MentorMatchCore

/// One pair of a mentor's programme with what its candidates are made of.
struct PairContext {
    var pair: PairToSchedule
    /// Where the pair meets: the young person's place name and point (the mentor travels).
    var place: String
    var point: Coordinate
    /// The weekly windows both people share.
    var sharedWindows: [WeeklyWindow]
    /// Dates on which either person is unavailable.
    var unavailable: Set<LocalDate>
}

/// A possible session: a pair, a date and a start time inside both people's windows, on no day off.
struct MeetingCandidate {
    var pairIndex: Int
    var date: LocalDate
    var startMinute: Int
    var endMinute: Int
    /// Index of the programme month.
    var monthIndex: Int
    /// The Monday of the ISO week, as a day count.
    var weekStart: Int
    /// The weekly pattern (weekday and start time) within the pair's patterns.
    var patternIndex: Int
}

/// The candidate sessions of one mentor's pairs in the given months.
struct MeetingCandidates {
    var pairs: [PairContext]
    var candidates: [MeetingCandidate] = []
    /// Each pair's patterns, `(weekday, start minute)`, in order of first use.
    var patterns: [[PatternKey]]
    /// Dates on which the mentor's supervision took a start time a pair could have used, by pair index.
    var datesTakenBySupervision: [Int: Set<LocalDate>] = [:]

    struct PatternKey: Hashable {
        var weekday: Weekday
        var startMinute: Int
    }

    /// - Parameter busy: The mentor's supervision; candidates keep clear of it, travel included.
    init(pairs: [PairContext], busy: [MentorBusyTime], months: [ProgrammeMonth], daysOff: [LocalDate: String], rules: SchedulePolicy) {
        self.pairs = pairs
        patterns = Array(repeating: [], count: pairs.count)
        var patternIndexes: [[PatternKey: Int]] = Array(repeating: [:], count: pairs.count)
        let length = rules.sessionMinutes, step = rules.startStepMinutes
        let allowed = Self.budgetedPatterns(sharedWindows: pairs.map(\.sharedWindows), length: length, step: step)
        for (monthIndex, month) in months.enumerated() {
            for day in month.first.daysSinceEpoch...month.last.daysSinceEpoch {
                let date = LocalDate(daysSinceEpoch: day)
                guard daysOff[date] == nil else { continue }
                for (pairIndex, pair) in pairs.enumerated() where !pair.unavailable.contains(date) {
                    for window in pair.sharedWindows where window.weekday == date.weekday {
                        for start in Self.starts(in: window, length: length, step: step)
                        where allowed[pairIndex].contains(PatternKey(weekday: window.weekday, startMinute: start)) {
                            let end = start + length
                            guard !busy.contains(where: { $0.clashes(date: date, start: start, end: end, at: pair.point, speedKmh: rules.travelSpeedKmh) })
                            else {
                                datesTakenBySupervision[pairIndex, default: []].insert(date)
                                continue
                            }
                            let key = PatternKey(weekday: window.weekday, startMinute: start)
                            let pattern = patternIndexes[pairIndex][key] ?? {
                                patterns[pairIndex].append(key)
                                patternIndexes[pairIndex][key] = patterns[pairIndex].count - 1
                                return patterns[pairIndex].count - 1
                            }()
                            candidates.append(MeetingCandidate(
                                pairIndex: pairIndex, date: date, startMinute: start, endMinute: start + length,
                                monthIndex: monthIndex, weekStart: date.isoWeekStart, patternIndex: pattern))
                        }
                    }
                }
            }
        }
    }

    /// At most this many start times per window and day: a day's plans grow with the product of the pairs' starts.
    static let maximumStartsPerWindow = 6

    /// At most this many weekly patterns (weekday and start time) for all of one mentor's pairs together. Every pattern
    /// is a choice the routine terms must rule out, and their relaxation is weak, so a mentor with wide windows on
    /// every day (a hundred patterns and more) would use the whole time limit and prove nothing; beyond this budget
    /// each pair keeps an even spread of its patterns, which leaves plenty of ways to meet. The bundled scenarios'
    /// mentors have at most 31 (Liepāja), so their calendars are unchanged.
    static let maximumPatternsPerMentor = 32

    /// Each pair's patterns within ``maximumPatternsPerMentor``: all of them when the mentor's pairs have that few,
    /// else an even spread over each pair's patterns in week order, an equal share for every pair (at least 4).
    static func budgetedPatterns(sharedWindows: [[WeeklyWindow]], length: Int, step: Int) -> [Set<PatternKey>] {
        let all = sharedWindows.map { windows in
            windows.sorted { ($0.weekday, $0.startMinute) < ($1.weekday, $1.startMinute) }.flatMap { window in
                starts(in: window, length: length, step: step).map { PatternKey(weekday: window.weekday, startMinute: $0) }
            }
        }
        let total = all.reduce(0) { $0 + $1.count }
        guard total > maximumPatternsPerMentor else { return all.map(Set.init) }
        let share = max(4, maximumPatternsPerMentor / max(1, sharedWindows.count))
        return all.map { patterns in
            guard patterns.count > share else { return Set(patterns) }
            return Set((0..<share).map { patterns[$0 * patterns.count / share] })
        }
    }

    /// Start times in a window: its own start, then a grid of whole multiples of `step` minutes, as long as a session
    /// fits; a long window gets a coarser grid, so that it offers at most ``maximumStartsPerWindow`` starts.
    static func starts(in window: WeeklyWindow, length: Int, step: Int) -> [Int] {
        guard window.durationMinutes >= length else { return [] }
        let spread = window.endMinute - length - window.startMinute
        let coarseStep = step * max(1, (spread / step + maximumStartsPerWindow - 2) / (maximumStartsPerWindow - 1))
        let grid = stride(from: (window.startMinute / coarseStep + 1) * coarseStep, through: window.endMinute - length, by: coarseStep)
        return [window.startMinute] + grid
    }
}

/// A time the mentor is taken (a supervision group), with where it is when known.
struct MentorBusyTime {
    var slot: SupervisorSlot
    var point: Coordinate?

    func clashes(date: LocalDate, start: Int, end: Int, at place: Coordinate, speedKmh: Double) -> Bool {
        guard date == slot.date else { return false }
        let buffer = point.map { travelBufferMinutes(from: $0, to: place, speedKmh: speedKmh) } ?? 0
        return start < slot.endMinute + buffer && slot.startMinute < end + buffer
    }
}

/// Minutes a mentor needs between sessions at two points: the distance at the policy's speed, rounded up to 5 minutes;
/// at most a day, which already keeps the two sessions off the same day (however slow the speed).
func travelBufferMinutes(from first: Coordinate, to second: Coordinate, speedKmh: Double) -> Int {
    let fiveMinuteSteps = first.distanceKm(to: second) / speedKmh * 12
    let day = 24 * 12
    return 5 * (Int(rounding: fiveMinuteSteps, .up, clampedTo: 0...day) ?? day)
}
