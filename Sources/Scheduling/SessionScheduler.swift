import Foundation
import LinearProgramming
import MentorMatchCore

/// Plans monthly group supervision, then turns pairs into dated sessions that fit both people's weekly windows, skip
/// days off, never double-book a mentor (travel and supervision included) and keep a stable weekday and time.
///
/// Mentors share no pair, so the integer programme decomposes into one per mentor and month (``MentorMeetingProgram``),
/// solved by the injected solver month after month, the mentors on all cores at once (the solver must allow calls
/// from several threads; GLPK's environment is thread-local).
public struct SessionScheduler: Sendable {
    public let solver: any LinearProgramSolver

    public init(solver: any LinearProgramSolver) {
        self.solver = solver
    }

    /// Checks the request, then schedules every mentor's pairs and the supervision.
    /// - Parameters:
    ///   - sources: Where the request's records came from, so that issues name files and lines.
    ///   - calendarSource: Names the programme dates' origin in issues, such as `--start/--end`.
    /// - Throws: ``SchedulingError/invalidInput(_:)`` with every problem; ``SchedulingError/solverFailed(_:)``.
    public func schedule(
        _ request: ScheduleRequest, sources: ScheduleSources = ScheduleSources(), calendarSource: String = "calendar"
    ) throws(SchedulingError) -> ScheduleResult {
        let clock = Date()
        let issues = request.issues(sources: sources, calendarSource: calendarSource)
        guard issues.isEmpty else { throw .invalidInput(InputError(issues: issues)) }
        let calendar = request.calendar
        let months = calendar.months
        let daysOff = calendar.daysOff
        let unavailable = request.unavailableByPerson
        let menteesByID = Dictionary(request.mentees.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let placesByName = Dictionary(request.places.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let pairsByMentor = Dictionary(grouping: request.pairs, by: \.mentorID)
        var sessions: [ScheduledSession] = []
        var shortfalls: [Shortfall] = []
        var solves: [MentorSolveReport] = []
        var supervision = try SupervisionPlanner(solver: solver).plan(request: request, months: months, unavailable: unavailable)
        supervision.groups += request.fixedSupervision
        var busyByMentor = Dictionary(grouping: supervision.groups.flatMap { group in group.mentorIDs.map { ($0, group.slot) } },
                                      by: \.0).mapValues { $0.map { MentorBusyTime(slot: $0.1, point: $0.1.place.flatMap { placesByName[$0]?.coordinate }) } }
        // Sessions that stay as they were keep their mentor busy, travel included.
        for session in request.fixedSessions {
            let slot = SupervisorSlot(date: session.date, startMinute: session.startMinute, endMinute: session.endMinute, place: session.place)
            busyByMentor[session.mentorID, default: []].append(MentorBusyTime(slot: slot, point: placesByName[session.place]?.coordinate))
        }
        let scheduled = request.mentors.sorted(by: { $0.id < $1.id }).compactMap { mentor in
            pairsByMentor[mentor.id].map { (mentor: mentor, pairs: $0) }
        }
        let mentorCount = request.mentors.count
        let positions = Dictionary(request.mentors.map(\.id).sorted().enumerated().map { ($1, $0) },
                                   uniquingKeysWith: { first, _ in first })
        // Mentors share nothing once supervision is planned: their programmes run on all cores, in mentor order.
        let outcomes = ConcurrentChunks.map(count: scheduled.count) { [self, busyByMentor] index -> Result<MentorOutcome, SchedulingError> in
            let (mentor, pairs) = scheduled[index]
            // Errors name the mentor by position, not id: they may end up in logs and bug reports.
            let label = "the mentor \((positions[mentor.id] ?? index) + 1) of \(mentorCount) (by id)"
            let contexts = pairs.sorted { $0.menteeID < $1.menteeID }.map { pair in
                // The checked request names only known young people, each with a point or a known place.
                let mentee = menteesByID[pair.menteeID]!
                return PairContext(
                    pair: pair, place: mentee.location.place,
                    point: mentee.location.coordinate ?? placesByName[mentee.location.place]!.coordinate,
                    sharedWindows: mentor.availability.sharedWindows(with: mentee.availability),
                    unavailable: unavailable[mentor.id, default: []].union(unavailable[mentee.id, default: []]))
            }
            let busy = busyByMentor[mentor.id, default: []]
            do throws(SchedulingError) {
                return .success(try scheduleMentor(mentor, label: label, contexts: contexts, busy: busy, months: months,
                                                   daysOff: daysOff, request: request))
            } catch {
                return .failure(error)
            }
        }
        for outcome in outcomes {
            let outcome = try outcome.get()
            sessions += outcome.sessions
            shortfalls += outcome.shortfalls
            solves.append(outcome.report)
        }
        sessions += request.fixedSessions
        sessions.sort()
        supervision.groups.sort { ($0.slot.date, $0.slot.startMinute) < ($1.slot.date, $1.slot.startMinute) }
        return ScheduleResult(
            start: calendar.start, end: calendar.end, sessions: sessions, shortfalls: shortfalls,
            supervision: supervision.groups, supervisionAbsences: supervision.absences,
            months: Self.summaries(months: months, sessions: sessions, shortfalls: shortfalls, supervision: supervision.groups),
            solves: solves, seconds: Date().timeIntervalSince(clock))
    }

    private struct MentorOutcome: Sendable {
        var sessions: [ScheduledSession]
        var shortfalls: [Shortfall]
        var report: MentorSolveReport
    }

    /// One programme per month, in order; the patterns a pair used in the month before cost less, so a pair keeps
    /// its weekday and time from month to month (a rolling horizon: each month small enough to prove optimal fast).
    private func scheduleMentor(
        _ mentor: Mentor, label: String, contexts: [PairContext], busy: [MentorBusyTime], months: [ProgrammeMonth],
        daysOff: [LocalDate: String], request: ScheduleRequest
    ) throws(SchedulingError) -> MentorOutcome {
        let clock = Date()
        let rules = request.calendar.rules
        let offeredHours = rules.maximumMentorHoursPerMonth
            ?? Double(mentor.capacity * rules.requiredSessionsPerMonth * rules.sessionMinutes) / 60
        var outcome = MentorOutcome(sessions: [], shortfalls: [], report: MentorSolveReport(mentorID: mentor.id))
        var previousPatterns: [Set<MeetingCandidates.PatternKey>] = Array(repeating: [], count: contexts.count)
        var previousLastDates: [LocalDate?] = Array(repeating: nil, count: contexts.count)
        for month in months {
            let candidates = MeetingCandidates(pairs: contexts, busy: busy, months: [month], daysOff: daysOff, rules: rules)
            let routine = MentorMeetingProgram.Routine(previousPatterns: previousPatterns, previousLastDates: previousLastDates)
            // Routine terms make ties plentiful; should GLPK find no schedule in time, the month is solved without them.
            var (model, solution) = try solve(mentor, label: label, month: month, candidates: candidates,
                                              offeredHours: offeredHours, routine: routine, request: request)
            if !solution.hasFeasiblePoint, solution.termination == .timeLimit {
                (model, solution) = try solve(mentor, label: label, month: month, candidates: candidates,
                                              offeredHours: offeredHours, routine: nil, request: request)
                outcome.report.record(.timeLimit)
                outcome.report.droppedRoutine = true
            }
            guard solution.hasFeasiblePoint else {
                throw .solverFailed("\(label), \(month.text): the solver stopped (\(solution.termination.rawValue)) without a schedule")
            }
            let chosen = model.chosen(solution.values)
            for pairIndex in contexts.indices {
                let own = chosen.filter { $0.pairIndex == pairIndex }
                previousPatterns[pairIndex] = Set(own.map { candidates.patterns[pairIndex][$0.patternIndex] })
                previousLastDates[pairIndex] = own.map(\.date).max() ?? previousLastDates[pairIndex]
            }
            outcome.sessions += chosen.map { candidate in
                let pair = contexts[candidate.pairIndex]
                return ScheduledSession(mentorID: mentor.id, menteeID: pair.pair.menteeID, date: candidate.date,
                                        startMinute: candidate.startMinute, endMinute: candidate.endMinute, place: pair.place)
            }
            outcome.shortfalls += ShortfallReasons(candidates: candidates, chosen: chosen, months: [month], daysOff: daysOff,
                                                   monthlyCapHours: offeredHours, mentorID: mentor.id).shortfalls()
            outcome.report.variables += model.program.variables.count
            outcome.report.constraints += model.program.constraints.count
            outcome.report.record(solution.termination)
        }
        outcome.report.seconds = Date().timeIntervalSince(clock)
        return outcome
    }

    private func solve(
        _ mentor: Mentor, label: String, month: ProgrammeMonth, candidates: MeetingCandidates, offeredHours: Double,
        routine: MentorMeetingProgram.Routine?, request: ScheduleRequest
    ) throws(SchedulingError) -> (MentorMeetingProgram, Solution) {
        let model = MentorMeetingProgram(mentorID: mentor.id, candidates: candidates, months: [month],
                                         monthlyMinutesCap: Int(rounding: offeredHours * 60, .down, clampedTo: 0...Int.max) ?? 0,
                                         travelSpeedKmh: request.calendar.rules.travelSpeedKmh, routine: routine)
        do {
            return (model, try solver.solve(model.program, options: SolveOptions(timeLimitSeconds: request.timeLimitSeconds)))
        } catch {
            throw .solverFailed("\(label), \(month.text): \(error.description)")
        }
    }

    public static func summaries(
        months: [ProgrammeMonth], sessions: [ScheduledSession], shortfalls: [Shortfall], supervision: [SupervisionGroup]
    ) -> [MonthSummary] {
        months.map { month in
            let inMonth = sessions.filter { month.contains($0.date) }
            let groups = supervision.filter { month.contains($0.slot.date) }
            return MonthSummary(
                month: month.text, sessions: inMonth.count,
                hours: Double(inMonth.reduce(0) { $0 + $1.endMinute - $1.startMinute }) / 60,
                shortfalls: shortfalls.filter { $0.month == month.text }.count,
                conflicts: shortfalls.filter { $0.month == month.text && $0.kind == .mentorFullyBooked }.count,
                supervisionGroups: groups.count, supervisionAttendance: groups.reduce(0) { $0 + $1.mentorIDs.count })
        }
    }
}
