import Foundation
import GLPKBackend
@_exported import Scheduling

/// How long a programme runs: a number of months from the start, or to an end date.
public enum ProgrammeLength: Sendable, Hashable {
    case months(Int)
    case until(LocalDate)
}

/// Everything `mentormatch schedule` reads: the matching's input files, the pairs (or none, to match on the fly),
/// people's unavailable dates, the supervisor's slots, and the programme's dates.
public struct ScheduleSetup: Sendable, Hashable {
    public var input: InputFiles
    public var pairs: String?
    public var unavailable: String?
    public var supervisorSlots: String?
    public var start: LocalDate
    public var length: ProgrammeLength
    /// Applied to the policy's `schedule:` section (command-line options over the file).
    public var adjustments: ScheduleAdjustments
    /// `schedule --from`: the running programme's earlier schedule, re-planned from a date.
    public var continuation: ScheduleContinuation?

    public init(
        input: InputFiles, pairs: String?, unavailable: String? = nil, supervisorSlots: String? = nil, start: LocalDate,
        length: ProgrammeLength, adjustments: ScheduleAdjustments = ScheduleAdjustments(),
        continuation: ScheduleContinuation? = nil
    ) {
        self.continuation = continuation
        self.input = input
        self.pairs = pairs
        self.unavailable = unavailable
        self.supervisorSlots = supervisorSlots
        self.start = start
        self.length = length
        self.adjustments = adjustments
    }
}

/// Re-planning a running programme from a date: sessions before it stay as they were; pairs that are unchanged keep
/// every session (their series, weekday and time) from it on; only new pairs get new sessions, around those. The
/// supervision groups stay as they were planned, less the mentors who have left; pairs that are gone lose their
/// sessions from the date on (their calendars publish them as cancelled). The earlier run's shortfalls that still
/// hold stay reported, so that `shortfalls.csv` covers the whole programme.
public struct ScheduleContinuation: Sendable, Hashable {
    public var from: LocalDate
    public var previous: PreviousSchedule

    public init(from: LocalDate, previous: PreviousSchedule) {
        self.from = from
        self.previous = previous
    }

    /// The sessions that stay: all before `from`, and those of pairs still scheduled from `from` on.
    func fixedSessions(pairs: [PairToSchedule]) -> [ScheduledSession] {
        let kept = Set(pairs.map { "\($0.mentorID)|\($0.menteeID)" })
        return previous.sessions.filter { $0.date < from || kept.contains("\($0.mentorID)|\($0.menteeID)") }
    }

    /// The supervision groups as planned, without the mentors who have left from `from` on.
    func supervision(mentorIDs: Set<String>) -> [SupervisionGroup] {
        previous.supervision.compactMap { group in
            guard group.slot.date >= from else { return group }
            let staying = group.mentorIDs.filter(mentorIDs.contains)
            return staying.isEmpty ? nil : SupervisionGroup(slot: group.slot, mentorIDs: staying)
        }
    }

    /// The earlier run's shortfalls that still hold: every one of a pair that keeps its sessions, and those of the
    /// other pairs in months wholly before `from` (their sessions there stay as they were).
    func carriedShortfalls(pairs: [PairToSchedule]) -> [Shortfall] {
        let unchanged = Set(pairs.map { "\($0.mentorID)|\($0.menteeID)" })
            .subtracting(newPairs(pairs).map { "\($0.mentorID)|\($0.menteeID)" })
        return previous.shortfalls.filter { $0.month < from.monthText || unchanged.contains("\($0.mentorID)|\($0.menteeID)") }
    }

    /// The pairs without sessions in the earlier schedule: the only ones scheduled anew.
    func newPairs(_ pairs: [PairToSchedule]) -> [PairToSchedule] {
        let scheduled = Set(previous.sessions.map { "\($0.mentorID)|\($0.menteeID)" })
        return pairs.filter { !scheduled.contains("\($0.mentorID)|\($0.menteeID)") }
    }
}

/// Settings that override the policy's `schedule:` section; `nil` keeps the policy's.
public struct ScheduleAdjustments: Sendable, Hashable {
    public var sessionsPerMonth: Int?
    public var hoursPerMonth: Double?
    public var sessionMinutes: Int?
    public var supervisionGroupSize: Int?

    public init(sessionsPerMonth: Int? = nil, hoursPerMonth: Double? = nil, sessionMinutes: Int? = nil, supervisionGroupSize: Int? = nil) {
        self.sessionsPerMonth = sessionsPerMonth
        self.hoursPerMonth = hoursPerMonth
        self.sessionMinutes = sessionMinutes
        self.supervisionGroupSize = supervisionGroupSize
    }

    func applied(to rules: SchedulePolicy) -> SchedulePolicy {
        var rules = rules
        if let sessionsPerMonth { rules.sessionsPerMonth = sessionsPerMonth }
        if let hoursPerMonth { rules.hoursPerMonth = hoursPerMonth }
        if let sessionMinutes { rules.sessionMinutes = sessionMinutes }
        if let supervisionGroupSize { rules.supervisionGroupSize = supervisionGroupSize }
        return rules
    }
}

/// The library entry point for meeting calendars: reads and checks the files, matches on the fly when no pairs are
/// given, and schedules with GLPK (or an injected solver).
public struct MentorScheduler: Sendable {
    public let scheduler: SessionScheduler
    public let matcher: MentorMatcher

    public init(solver: any LinearProgramSolver = GLPKSolver(), matcher: MentorMatcher = MentorMatcher()) {
        scheduler = SessionScheduler(solver: solver)
        self.matcher = matcher
    }

    /// Reads, checks and schedules.
    /// - Throws: ``MentorMatchError/invalidInput(_:)`` with every problem (impossible calendars included);
    ///   ``MentorMatchError/matchingFailed(_:)`` when matching on the fly fails (the overrides apply to it too);
    ///   ``MentorMatchError/schedulingFailed(_:)`` when a scheduling solver fails.
    public func schedule(_ setup: ScheduleSetup) throws(MentorMatchError) -> ScheduleResult {
        let loaded = try matcher.load(setup.input)
        var policy = loaded.policy
        policy.schedule = setup.adjustments.applied(to: policy.schedule)
        let optionIssues = InputValidator.issues(in: policy, source: "command line")
        let records: ScheduleInputRecords
        do {
            records = try ScheduleInputRecords.load(pairs: setup.pairs, unavailable: setup.unavailable,
                                                    supervisorSlots: setup.supervisorSlots)
        } catch {
            throw .invalidInput(InputError(issues: optionIssues + error.issues))
        }
        guard optionIssues.isEmpty else { throw .invalidInput(InputError(issues: optionIssues)) }
        let calendar = try Self.calendar(start: setup.start, length: setup.length, rules: policy.schedule)
        var pairs = records.pairs ?? []
        if let given = records.pairs { try checkPairs(given, loaded: loaded, policy: policy, source: records.sources.pairs) }
        if records.pairs == nil {
            // The adjusted policy: with `matching_needs_room`, the room in a mentor's windows depends on the overrides.
            pairs = try matcher.solve(matcher.prepare(loaded.input, policy: policy, sources: loaded.sourceMap)).pairs
                .map { PairToSchedule(mentorID: $0.mentorID, menteeID: $0.menteeID) }
        }
        var request = ScheduleRequest(
            mentors: loaded.input.mentors, mentees: loaded.input.mentees, places: loaded.input.places, pairs: pairs,
            calendar: calendar, unavailable: records.unavailable, supervisorSlots: records.supervisorSlots,
            timeLimitSeconds: policy.timeLimitSeconds)
        var sources = records.sources
        if let continuation = setup.continuation {
            guard continuation.from >= calendar.start, continuation.from <= calendar.end else {
                throw .invalidInput(InputError(issues: [InputIssue(
                    source: "--from", problem: "\(continuation.from) is outside the programme \(calendar.start) – \(calendar.end)",
                    fix: "give a date within the programme's --start and --end (or --months)")]))
            }
            // The dates before `from` concern sessions that stay as they were, so the same file serves every re-plan;
            // a date before the programme is still reported.
            let replanned = records.unavailable.indices.filter {
                records.unavailable[$0].date >= continuation.from || records.unavailable[$0].date < calendar.start
            }
            request.unavailable = replanned.map { records.unavailable[$0] }
            sources.unavailable.lines = sources.unavailable.lines.map { lines in
                replanned.filter(lines.indices.contains).map { lines[$0] }
            }
            request.fixedSessions = continuation.fixedSessions(pairs: pairs)
            request.fixedSupervision = continuation.supervision(mentorIDs: Set(loaded.input.mentors.map(\.id)))
            request.supervisorSlots = []
            request.pairs = continuation.newPairs(pairs)
            request.calendar = ProgrammeCalendar(start: continuation.from, end: calendar.end, rules: policy.schedule)
        }
        do {
            var result = try scheduler.schedule(request, sources: sources, calendarSource: "--start/--end")
            if let continuation = setup.continuation {
                // The figures cover the whole programme, the kept sessions and their shortfalls included.
                result.shortfalls = (continuation.carriedShortfalls(pairs: pairs) + result.shortfalls).sorted {
                    ($0.mentorID, $0.month, $0.menteeID) < ($1.mentorID, $1.month, $1.menteeID)
                }
                result.start = calendar.start
                result.months = SessionScheduler.summaries(
                    months: calendar.months, sessions: result.sessions, shortfalls: result.shortfalls,
                    supervision: result.supervision)
            }
            return result
        } catch .invalidInput(let error) {
            throw .invalidInput(error)
        } catch {
            throw .schedulingFailed(error)
        }
    }

    /// Pairs given with `--pairs` must be pairs the matching could make: each is checked as a lock would be (every
    /// hard rule, the coordinator's forbids, one mentor per young person, the mentor's capacity), with the same
    /// messages, naming the line of the pairs file.
    private func checkPairs(
        _ pairs: [PairToSchedule], loaded: LoadedInput, policy: Policy, source: RecordSource
    ) throws(MentorMatchError) {
        var asLocks = loaded.input
        asLocks.pairRules = pairs.map { PairRule(mentorID: $0.mentorID, menteeID: $0.menteeID, kind: .lock) }
            + loaded.input.pairRules.filter { $0.kind == .forbid }
        asLocks.currentPairs = []
        asLocks.previousSuggestions = []
        var sources = loaded.sourceMap
        sources.pairRules = source
        _ = try matcher.prepare(asLocks, policy: policy, sources: sources)
    }

    /// The programme's calendar, after checking its length against ``InputLimits/programmeMonths`` (at most ten
    /// years, so that the work of every month stays within the machine).
    static func calendar(start: LocalDate, length: ProgrammeLength, rules: SchedulePolicy) throws(MentorMatchError)
        -> ProgrammeCalendar
    {
        let months = InputLimits.programmeMonths
        let tooLong = InputIssue(
            source: "--start/--end", field: "end",
            problem: "the programme is longer than \(months.upperBound) months (ten years)",
            fix: "give an end at most ten years after the start, or --months from 1 to \(months.upperBound)")
        switch length {
        case .until(let end):
            guard end.daysSinceEpoch - start.daysSinceEpoch <= InputLimits.programmeDays else {
                throw .invalidInput(InputError(issues: [tooLong]))
            }
            return ProgrammeCalendar(start: start, end: end, rules: rules)
        case .months(let count):
            guard months.contains(count), let calendar = ProgrammeCalendar(start: start, months: count, rules: rules) else {
                throw .invalidInput(InputError(issues: [InputIssue(
                    source: "--months", field: "months",
                    problem: "\(InputLimits.grouped(count)) months is outside \(months.lowerBound)–\(months.upperBound)",
                    fix: "give the programme's length in months, such as 6 (at most ten years)")]))
            }
            return calendar
        }
    }
}
