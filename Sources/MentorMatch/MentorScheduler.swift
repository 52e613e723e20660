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

    public init(
        input: InputFiles, pairs: String?, unavailable: String? = nil, supervisorSlots: String? = nil, start: LocalDate,
        length: ProgrammeLength, adjustments: ScheduleAdjustments = ScheduleAdjustments()
    ) {
        self.input = input
        self.pairs = pairs
        self.unavailable = unavailable
        self.supervisorSlots = supervisorSlots
        self.start = start
        self.length = length
        self.adjustments = adjustments
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
        if records.pairs == nil {
            // The adjusted policy: with `matching_needs_room`, the room in a mentor's windows depends on the overrides.
            pairs = try matcher.solve(matcher.prepare(loaded.input, policy: policy, sources: loaded.sourceMap)).pairs
                .map { PairToSchedule(mentorID: $0.mentorID, menteeID: $0.menteeID) }
        }
        let request = ScheduleRequest(
            mentors: loaded.input.mentors, mentees: loaded.input.mentees, places: loaded.input.places, pairs: pairs,
            calendar: calendar, unavailable: records.unavailable, supervisorSlots: records.supervisorSlots,
            timeLimitSeconds: policy.timeLimitSeconds)
        do {
            return try scheduler.schedule(request, sources: records.sources, calendarSource: "--start/--end")
        } catch .invalidInput(let error) {
            throw .invalidInput(error)
        } catch {
            throw .schedulingFailed(error)
        }
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
