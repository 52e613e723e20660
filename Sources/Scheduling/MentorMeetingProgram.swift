import LinearProgramming
import MentorMatchCore

/// The integer programme of one mentor's sessions in one month (or a run of months).
///
/// Variables: `x` (binary) per candidate session; a binary per feasible day plan; `u` (binary) per pair and weekly
/// pattern (weekday and start time) the pair uses; `s` (integer) and `n` (binary) per pair and month, the sessions
/// missing, `n` the last of them; `e` per pair and ISO week, sessions above the week's share; `f` per pair and two
/// adjacent weeks, sessions in both when the month has room to leave a week between. Every variable the objective
/// counts is an integer with a whole coefficient, so GLPK rounds each node's bound to a whole number and prunes the
/// nodes that cannot beat the best schedule by a unit (`e` and `f` as continuous variables take the same values but
/// switch that off: the national six-month run took twice the CPU).
///
/// Constraints: sessions plus shortfall equal the month's requirement; each day one plan of sessions at most, a plan
/// holding at most one session per pair and no two sessions overlapping, the travel buffer between different places
/// included; a session only on a pattern its pair uses; the mentor's monthly minutes within the cap.
///
/// Objective (maximised): −1000 per missing session (−3000 for a month without any), −40 per session above a week's
/// share, −20 per pair of adjacent weeks with sessions, −15 per pattern a pair uses (−5 when it used it the month
/// before), +3 per session on the rhythm from the month before. So the requirement comes first, then spread through
/// the month, then a stable weekday, time and rhythm.
struct MentorMeetingProgram {
    static let shortfallPenalty = 1000.0
    static let monthWithoutMeetingPenalty = 3000.0
    static let crowdedWeekPenalty = 40.0
    static let adjacentWeeksPenalty = 20.0
    static let patternCost = 15.0
    static let keptPatternCost = 5.0
    static let rhythmReward = 3.0

    let candidates: MeetingCandidates
    let months: [ProgrammeMonth]
    private(set) var program: LinearProgram
    private(set) var sessionVariables: [VariableID] = []

    /// What the month before leaves for routine: each pair's patterns, which cost less, and its last session.
    struct Routine {
        var previousPatterns: [Set<MeetingCandidates.PatternKey>]
        var previousLastDates: [LocalDate?]
    }

    /// - Parameter routine: The pattern and rhythm terms; `nil` leaves them out (requirement and spread only).
    init(
        mentorID: String, candidates: MeetingCandidates, months: [ProgrammeMonth], monthlyMinutesCap: Int,
        travelSpeedKmh: Double, routine: Routine?
    ) {
        self.candidates = candidates
        self.months = months
        program = LinearProgram(name: "schedule_\(Self.safeName(mentorID))", sense: .maximize)
        for index in candidates.candidates.indices {
            sessionVariables.append(program.addVariable(name: "x\(index)", upperBound: 1, isInteger: true))
        }
        if let routine {
            addPatternTerms(previousPatterns: routine.previousPatterns)
            addRhythmRewards(previousLastDates: routine.previousLastDates)
        }
        addRequirementRows()
        addSpreadRows()
        addDayPlanRows(speedKmh: travelSpeedKmh)
        addMonthlyCapRows(cap: monthlyMinutesCap)
    }

    /// A pair's sessions each use a weekly pattern (weekday and start time); every pattern a pair uses costs, so the
    /// fewest patterns win: a stable weekday and time. A session needs its pattern's `u` (the strong form `x ≤ u`,
    /// which keeps the relaxation close to the integer optimum).
    private mutating func addPatternTerms(previousPatterns: [Set<MeetingCandidates.PatternKey>]) {
        var patternVariables: [[VariableID]] = []
        for (pairIndex, patterns) in candidates.patterns.enumerated() {
            patternVariables.append(patterns.enumerated().map { patternIndex, pattern in
                let cost = previousPatterns[pairIndex].contains(pattern) ? Self.keptPatternCost : Self.patternCost
                return program.addVariable(name: "u\(pairIndex)_\(patternIndex)", upperBound: 1, isInteger: true, objective: -cost)
            })
        }
        for (index, candidate) in candidates.candidates.enumerated() {
            let pattern = patternVariables[candidate.pairIndex][candidate.patternIndex]
            program.addConstraint(name: "uses\(index)", terms: [Term(sessionVariables[index], 1), Term(pattern, -1)], upperBound: 0)
        }
    }

    /// A session on the pair's rhythm (whole weeks, the month's sessions spread evenly: every other week for two a
    /// month) counted from the last session of the month before earns a little, so a series runs on across months.
    private mutating func addRhythmRewards(previousLastDates: [LocalDate?]) {
        for (index, candidate) in candidates.candidates.enumerated() {
            guard let last = previousLastDates[candidate.pairIndex] else { continue }
            let month = months[candidate.monthIndex]
            let weeks = (month.last.daysSinceEpoch - month.first.daysSinceEpoch + 1) / 7
            let interval = 7 * max(1, min(2, weeks / max(1, month.required)))
            if (candidate.date.daysSinceEpoch - last.daysSinceEpoch) % interval == 0 {
                program.setObjectiveCoefficient(Self.rhythmReward, for: sessionVariables[index])
            }
        }
    }

    /// Sessions plus shortfall equal the requirement, month by month. The last missing session (a month without any
    /// meeting) costs three times as much, so a mentor's scarce windows go round the pairs before one pair gets more.
    private mutating func addRequirementRows() {
        var byPairMonth: [[[Term]]] = Array(repeating: Array(repeating: [], count: months.count), count: candidates.pairs.count)
        for (index, candidate) in candidates.candidates.enumerated() {
            byPairMonth[candidate.pairIndex][candidate.monthIndex].append(Term(sessionVariables[index], 1))
        }
        for pairIndex in candidates.pairs.indices {
            for (monthIndex, month) in months.enumerated() {
                let missing = program.addVariable(name: "s\(pairIndex)_\(monthIndex)", upperBound: Double(max(0, month.required - 1)),
                                                  isInteger: true, objective: -Self.shortfallPenalty)
                let none = program.addVariable(name: "n\(pairIndex)_\(monthIndex)", upperBound: Double(min(1, month.required)),
                                               isInteger: true, objective: -Self.monthWithoutMeetingPenalty)
                program.addConstraint(name: "need\(pairIndex)_\(monthIndex)",
                                      terms: byPairMonth[pairIndex][monthIndex] + [Term(missing, 1), Term(none, 1)],
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
                    let excess = program.addVariable(name: "e\(pairIndex)_\(monthIndex)_\(week)", isInteger: true,
                                                     objective: -Self.crowdedWeekPenalty)
                    program.addConstraint(name: "week\(pairIndex)_\(monthIndex)_\(week)", terms: terms + [Term(excess, -1)],
                                          upperBound: Double(share))
                }
                guard leaveGaps else { continue }
                for week in weeks.dropLast() {
                    let first = byWeek[WeekKey(pair: pairIndex, month: monthIndex, week: week)] ?? []
                    let second = byWeek[WeekKey(pair: pairIndex, month: monthIndex, week: week + 7)] ?? []
                    guard !first.isEmpty, !second.isEmpty else { continue }
                    let both = program.addVariable(name: "f\(pairIndex)_\(monthIndex)_\(week)", isInteger: true,
                                                   objective: -Self.adjacentWeeksPenalty)
                    program.addConstraint(name: "gap\(pairIndex)_\(monthIndex)_\(week)", terms: first + second + [Term(both, -1)],
                                          upperBound: 1)
                }
            }
        }
    }

    /// Each day, the mentor follows one day plan: a set of candidates, at most one per pair, no two overlapping
    /// once the travel buffer between different places is added. One binary variable per feasible plan, at most one
    /// chosen, and each candidate's `x` equals the plans that hold it. Describing a day by its whole plans, rather than
    /// by pairwise clashes, makes each day's relaxation exact, which keeps branch and bound short.
    private mutating func addDayPlanRows(speedKmh: Double) {
        let pairs = candidates.pairs
        let buffers = pairs.map { first in
            pairs.map { travelBufferMinutes(from: first.point, to: $0.point, speedKmh: speedKmh) }
        }
        let byDay = Dictionary(grouping: candidates.candidates.indices, by: { candidates.candidates[$0].date.daysSinceEpoch })
        for day in byDay.keys.sorted() {
            let plans = Self.dayPlans(byDay[day]!, candidates: candidates.candidates, buffers: buffers)
            var holding: [Int: [Term]] = [:]
            var planTerms: [Term] = []
            for (planIndex, plan) in plans.enumerated() {
                let variable = program.addVariable(name: "plan\(day)_\(planIndex)", upperBound: 1, isInteger: true)
                planTerms.append(Term(variable, 1))
                for candidate in plan { holding[candidate, default: []].append(Term(variable, -1)) }
            }
            program.addConstraint(name: "day\(day)", terms: planTerms, upperBound: 1)
            for candidate in byDay[day]! {
                program.addConstraint(name: "held\(candidate)", terms: [Term(sessionVariables[candidate], 1)] + holding[candidate, default: []],
                                      lowerBound: 0, upperBound: 0)
            }
        }
    }

    /// Every non-empty set of the day's candidates with at most one per pair and no clash, travel included.
    static func dayPlans(_ indexes: [Int], candidates: [MeetingCandidate], buffers: [[Int]]) -> [[Int]] {
        let byPair = Dictionary(grouping: indexes, by: { candidates[$0].pairIndex }).sorted { $0.key < $1.key }.map(\.value)
        func clash(_ first: Int, _ second: Int) -> Bool {
            let a = candidates[first], b = candidates[second]
            let buffer = buffers[a.pairIndex][b.pairIndex]
            return a.startMinute < b.endMinute + buffer && b.startMinute < a.endMinute + buffer
        }
        var plans: [[Int]] = [[]]
        for options in byPair {
            plans += plans.flatMap { plan in options.filter { option in !plan.contains { clash($0, option) } }.map { plan + [$0] } }
        }
        return Array(plans.dropFirst())
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
