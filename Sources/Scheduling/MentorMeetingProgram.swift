import LinearProgramming
import MentorMatchCore

/// The integer programme of one mentor's sessions over the whole programme.
///
/// Variables: `x` (binary) per candidate session; `y` (binary) per pair and weekly pattern (weekday and start time);
/// `z` (0–1) per candidate, at most `x` and at most its pattern's `y`, so it counts sessions on a chosen pattern;
/// `s` (integer) per pair and month, the sessions missing; `e` per pair and ISO week, sessions above the week's
/// share; `f` per pair and two adjacent weeks, sessions in both when the month has room to leave a week between.
///
/// Constraints: sessions plus shortfall equal the month's requirement; one session per pair and day; no two
/// sessions of the mentor overlapping, the travel buffer between different places included; the mentor's monthly
/// minutes within the cap; at most `patternsPerPair` chosen patterns per pair.
///
/// Objective (maximised): −1000 per missing session, −40 per session above a week's share, −20 per adjacent-week
/// pair, +10 per session on a chosen pattern, −1 per chosen pattern. So the requirement comes first, then spread,
/// then a stable weekday and time.
struct MentorMeetingProgram {
    static let shortfallPenalty = 1000.0
    static let crowdedWeekPenalty = 40.0
    static let adjacentWeeksPenalty = 20.0
    static let patternReward = 10.0
    static let patternCost = 1.0

    let candidates: MeetingCandidates
    let months: [ProgrammeMonth]
    private(set) var program: LinearProgram
    private(set) var sessionVariables: [VariableID] = []

    init(mentorID: String, candidates: MeetingCandidates, months: [ProgrammeMonth], monthlyMinutesCap: Int, rules: SchedulePolicy) {
        self.candidates = candidates
        self.months = months
        program = LinearProgram(name: "schedule_\(Self.safeName(mentorID))", sense: .maximize)
        let all = candidates.candidates
        for (index, _) in all.enumerated() {
            sessionVariables.append(program.addVariable(name: "x\(index)", upperBound: 1, isInteger: true))
        }
        addPatternTerms(rules: rules)
        addRequirementRows()
        addSpreadRows()
        addOneSessionPerDayRows()
        addConflictRows(speedKmh: rules.travelSpeedKmh)
        addMonthlyCapRows(cap: monthlyMinutesCap)
    }

    private mutating func addPatternTerms(rules: SchedulePolicy) {
        let perPair = max(1, (rules.requiredSessionsPerMonth + 3) / 4)
        var patternVariables: [[VariableID]] = []
        for (pairIndex, patterns) in candidates.patterns.enumerated() {
            let variables = patterns.indices.map {
                program.addVariable(name: "y\(pairIndex)_\($0)", upperBound: 1, isInteger: true, objective: -Self.patternCost)
            }
            patternVariables.append(variables)
            if !variables.isEmpty {
                program.addConstraint(name: "patterns\(pairIndex)", terms: variables.map { Term($0, 1) },
                                      upperBound: Double(perPair))
            }
        }
        for (index, candidate) in candidates.candidates.enumerated() {
            let onPattern = program.addVariable(name: "z\(index)", upperBound: 1, objective: Self.patternReward)
            program.addConstraint(name: "zx\(index)", terms: [Term(onPattern, 1), Term(sessionVariables[index], -1)], upperBound: 0)
            let pattern = patternVariables[candidate.pairIndex][candidate.patternIndex]
            program.addConstraint(name: "zy\(index)", terms: [Term(onPattern, 1), Term(pattern, -1)], upperBound: 0)
        }
    }

    /// Sessions plus shortfall equal the requirement, month by month.
    private mutating func addRequirementRows() {
        var byPairMonth: [[[Term]]] = Array(repeating: Array(repeating: [], count: months.count), count: candidates.pairs.count)
        for (index, candidate) in candidates.candidates.enumerated() {
            byPairMonth[candidate.pairIndex][candidate.monthIndex].append(Term(sessionVariables[index], 1))
        }
        for pairIndex in candidates.pairs.indices {
            for (monthIndex, month) in months.enumerated() {
                let missing = program.addVariable(name: "s\(pairIndex)_\(monthIndex)", upperBound: Double(month.required),
                                                  isInteger: true, objective: -Self.shortfallPenalty)
                program.addConstraint(name: "need\(pairIndex)_\(monthIndex)",
                                      terms: byPairMonth[pairIndex][monthIndex] + [Term(missing, 1)],
                                      lowerBound: Double(month.required), upperBound: Double(month.required))
            }
        }
    }

    /// A week holds at most its share of the month's sessions; with room, no sessions in two adjacent weeks.
    private mutating func addSpreadRows() {
        struct WeekKey: Hashable { var pair: Int, month: Int, week: Int }
        var byWeek: [WeekKey: [Term]] = [:]
        for (index, candidate) in candidates.candidates.enumerated() {
            byWeek[WeekKey(pair: candidate.pairIndex, month: candidate.monthIndex, week: candidate.weekStart), default: []]
                .append(Term(sessionVariables[index], 1))
        }
        for (monthIndex, month) in months.enumerated() {
            let weeks = Array(stride(from: month.first.isoWeekStart, through: month.last.isoWeekStart, by: 7))
            let share = max(1, (month.required + weeks.count - 1) / weeks.count)
            let leaveGaps = month.required * 2 <= weeks.count
            for pairIndex in candidates.pairs.indices {
                for week in weeks {
                    guard let terms = byWeek[WeekKey(pair: pairIndex, month: monthIndex, week: week)], terms.count > share else { continue }
                    let excess = program.addVariable(name: "e\(pairIndex)_\(monthIndex)_\(week)", objective: -Self.crowdedWeekPenalty)
                    program.addConstraint(name: "week\(pairIndex)_\(monthIndex)_\(week)", terms: terms + [Term(excess, -1)],
                                          upperBound: Double(share))
                }
                guard leaveGaps else { continue }
                for week in weeks.dropLast() {
                    let first = byWeek[WeekKey(pair: pairIndex, month: monthIndex, week: week)] ?? []
                    let second = byWeek[WeekKey(pair: pairIndex, month: monthIndex, week: week + 7)] ?? []
                    guard !first.isEmpty, !second.isEmpty else { continue }
                    let both = program.addVariable(name: "f\(pairIndex)_\(monthIndex)_\(week)", objective: -Self.adjacentWeeksPenalty)
                    program.addConstraint(name: "gap\(pairIndex)_\(monthIndex)_\(week)", terms: first + second + [Term(both, -1)],
                                          upperBound: 1)
                }
            }
        }
    }

    private mutating func addOneSessionPerDayRows() {
        struct DayKey: Hashable { var pair: Int, day: Int }
        var byDay: [DayKey: [Term]] = [:]
        for (index, candidate) in candidates.candidates.enumerated() {
            byDay[DayKey(pair: candidate.pairIndex, day: candidate.date.daysSinceEpoch), default: []].append(Term(sessionVariables[index], 1))
        }
        for (key, terms) in byDay.sorted(by: { ($0.key.pair, $0.key.day) < ($1.key.pair, $1.key.day) }) where terms.count > 1 {
            program.addConstraint(name: "day\(key.pair)_\(key.day)", terms: terms, upperBound: 1)
        }
    }

    /// No two sessions of the mentor overlap: one row per day and start time over the candidates running then (the
    /// tight form for intervals). Sessions of different places that do not overlap but lie closer than the travel
    /// buffer get a row of their own.
    private mutating func addConflictRows(speedKmh: Double) {
        let pairs = candidates.pairs
        let buffers = pairs.map { first in
            pairs.map { second in
                first.place == second.place && first.point == second.point
                    ? 0 : travelBufferMinutes(from: first.point, to: second.point, speedKmh: speedKmh)
            }
        }
        let byDay = Dictionary(grouping: candidates.candidates.indices, by: { candidates.candidates[$0].date.daysSinceEpoch })
        for day in byDay.keys.sorted() {
            let indexes = byDay[day]!
            var previous: [Int] = []
            for start in Set(indexes.map { candidates.candidates[$0].startMinute }).sorted() {
                let running = indexes.filter {
                    candidates.candidates[$0].startMinute <= start && start < candidates.candidates[$0].endMinute
                }
                // A row whose candidates the previous row holds too adds nothing.
                guard running.count > 1, !Set(running).isSubset(of: previous) else { continue }
                previous = running
                program.addConstraint(name: "busy\(day)_\(start)", terms: running.map { Term(sessionVariables[$0], 1) },
                                      upperBound: 1)
            }
            for (position, first) in indexes.enumerated() {
                let a = candidates.candidates[first]
                for second in indexes[(position + 1)...] {
                    let b = candidates.candidates[second]
                    let buffer = buffers[a.pairIndex][b.pairIndex]
                    let overlap = a.startMinute < b.endMinute && b.startMinute < a.endMinute
                    guard buffer > 0, !overlap, a.startMinute < b.endMinute + buffer, b.startMinute < a.endMinute + buffer
                    else { continue }
                    program.addConstraint(name: "travel\(first)_\(second)",
                                          terms: [Term(sessionVariables[first], 1), Term(sessionVariables[second], 1)],
                                          upperBound: 1)
                }
            }
        }
    }

    private mutating func addMonthlyCapRows(cap: Int) {
        var byMonth: [[Term]] = Array(repeating: [], count: months.count)
        for (index, candidate) in candidates.candidates.enumerated() {
            byMonth[candidate.monthIndex].append(Term(sessionVariables[index], Double(candidate.endMinute - candidate.startMinute)))
        }
        for (monthIndex, terms) in byMonth.enumerated() where !terms.isEmpty {
            program.addConstraint(name: "hours\(monthIndex)", terms: terms, upperBound: Double(cap))
        }
    }

    /// A mentor id as a programme name: letters, digits, `_` and `.` only.
    private static func safeName(_ id: String) -> String {
        String(id.unicodeScalars.map { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) ? Character($0) : "_" })
    }

    /// The candidates a solution chose.
    func chosen(_ values: [Double]) -> [MeetingCandidate] {
        sessionVariables.enumerated().filter { values[$0.element.index] > 0.5 }.map { candidates.candidates[$0.offset] }
    }
}
