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
        let calendar: ProgrammeCalendar
        switch setup.length {
        case .until(let end):
            calendar = ProgrammeCalendar(start: setup.start, end: end, rules: policy.schedule)
        case .months(let months):
            guard let byMonths = ProgrammeCalendar(start: setup.start, months: months, rules: policy.schedule) else {
                throw .invalidInput(InputError(issues: [InputIssue(
                    source: "--months", problem: "\(months) is not a number of months from \(setup.start)",
                    fix: "give 1 or more months, such as 6")]))
            }
            calendar = byMonths
        }
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
}
