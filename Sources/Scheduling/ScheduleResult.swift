import LinearProgramming
import MentorMatchCore

/// One meeting of a pair, in local (Europe/Riga) time.
public struct ScheduledSession: Sendable, Hashable, Comparable {
    public var mentorID: String
    public var menteeID: String
    public var date: LocalDate
    /// Minutes after midnight, local time.
    public var startMinute: Int
    public var endMinute: Int
    /// Where they meet: the young person's place (the mentor travels).
    public var place: String

    public init(mentorID: String, menteeID: String, date: LocalDate, startMinute: Int, endMinute: Int, place: String) {
        self.mentorID = mentorID
        self.menteeID = menteeID
        self.date = date
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.place = place
    }

    public static func < (lhs: ScheduledSession, rhs: ScheduledSession) -> Bool {
        (lhs.mentorID, lhs.menteeID, lhs.date.daysSinceEpoch, lhs.startMinute)
            < (rhs.mentorID, rhs.menteeID, rhs.date.daysSinceEpoch, rhs.startMinute)
    }
}

/// A month in which a pair meets less often than required, and why.
public struct Shortfall: Sendable, Hashable, Codable {
    public var mentorID: String
    public var menteeID: String
    /// `2024-03`.
    public var month: String
    public var required: Int
    public var scheduled: Int
    public var kind: Kind
    /// Starts with the kind in words (`no common window:` or `mentor fully booked:`), then the details.
    public var reason: String
    /// The same reason in Latvian, from the same facts; `nil` in sessions.json files written before it was added.
    public var reasonLatvian: String?

    public enum Kind: String, Sendable, Hashable, Codable {
        /// Too few dates with a window both share, once days off and unavailable dates are out.
        case noCommonWindow = "no_common_window"
        /// Enough such dates, but the mentor's other sessions (travel included) or offered hours take them.
        case mentorFullyBooked = "mentor_fully_booked"
    }

    enum CodingKeys: String, CodingKey {
        case mentorID = "mentor_id"
        case menteeID = "mentee_id"
        case month, required, scheduled, kind, reason
        case reasonLatvian = "reason_lv"
    }
}

/// One group supervision session and the mentors who attend it.
public struct SupervisionGroup: Sendable, Hashable {
    public var slot: SupervisorSlot
    /// Sorted.
    public var mentorIDs: [String]

    public init(slot: SupervisorSlot, mentorIDs: [String]) {
        self.slot = slot
        self.mentorIDs = mentorIDs
    }
}

/// A mentor without supervision in a month, and why.
public struct SupervisionAbsence: Sendable, Hashable, Codable {
    public var mentorID: String
    public var month: String
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case mentorID = "mentor_id"
        case month, reason
    }
}

/// Sessions, hours and shortfalls of one month.
public struct MonthSummary: Sendable, Hashable, Codable {
    public var month: String
    public var sessions: Int
    public var hours: Double
    /// Pair-months below the requirement.
    public var shortfalls: Int
    /// Of those, pair-months short because the mentor's sessions or hours left no room (``Shortfall/Kind/mentorFullyBooked``).
    public var conflicts: Int
    /// Supervision groups held and mentors attending.
    public var supervisionGroups: Int
    public var supervisionAttendance: Int

    enum CodingKeys: String, CodingKey {
        case month, sessions, hours, shortfalls, conflicts
        case supervisionGroups = "supervision_groups"
        case supervisionAttendance = "supervision_attendance"
    }
}

/// The outcome of one mentor's integer programme, for reports.
public struct MentorSolveReport: Sendable, Hashable, Encodable {
    public var mentorID: String
    /// The first month's reason other than ``TerminationReason/optimal``, else `optimal`: whether every month was
    /// proven optimal.
    public var termination: TerminationReason
    /// A month's programme found no schedule in time with the routine terms and was solved again without them (its
    /// termination is then ``TerminationReason/timeLimit``).
    public var droppedRoutine: Bool
    public var variables: Int
    public var constraints: Int
    public var seconds: Double

    public init(
        mentorID: String, termination: TerminationReason = .optimal, droppedRoutine: Bool = false, variables: Int = 0,
        constraints: Int = 0, seconds: Double = 0
    ) {
        self.mentorID = mentorID
        self.termination = termination
        self.droppedRoutine = droppedRoutine
        self.variables = variables
        self.constraints = constraints
        self.seconds = seconds
    }

    /// Every month's programme proven optimal.
    public var isProvenOptimal: Bool { termination == .optimal }

    /// Notes a month's termination: the first reason other than optimal is kept.
    mutating func record(_ reason: TerminationReason) {
        if termination == .optimal { termination = reason }
    }

    enum CodingKeys: String, CodingKey {
        case mentorID = "mentor_id"
        case termination, variables, constraints, seconds
    }

    /// `termination` is the reason's own name, or `time_limit_without_routine` when the routine was dropped.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mentorID, forKey: .mentorID)
        try container.encode(droppedRoutine ? "time_limit_without_routine" : termination.rawValue, forKey: .termination)
        try container.encode(variables, forKey: .variables)
        try container.encode(constraints, forKey: .constraints)
        try container.encode(seconds, forKey: .seconds)
    }
}

/// A whole schedule: every session, every shortfall with its reason, supervision, and a summary per month.
public struct ScheduleResult: Sendable, Hashable {
    public var start: LocalDate
    public var end: LocalDate
    /// Sorted by mentor, young person, date and time.
    public var sessions: [ScheduledSession]
    public var shortfalls: [Shortfall]
    public var supervision: [SupervisionGroup]
    public var supervisionAbsences: [SupervisionAbsence]
    public var months: [MonthSummary]
    public var solves: [MentorSolveReport]
    /// Seconds the whole scheduling took.
    public var seconds: Double

    public init(
        start: LocalDate, end: LocalDate, sessions: [ScheduledSession], shortfalls: [Shortfall], supervision: [SupervisionGroup],
        supervisionAbsences: [SupervisionAbsence], months: [MonthSummary], solves: [MentorSolveReport], seconds: Double
    ) {
        self.start = start
        self.end = end
        self.sessions = sessions
        self.shortfalls = shortfalls
        self.supervision = supervision
        self.supervisionAbsences = supervisionAbsences
        self.months = months
        self.solves = solves
        self.seconds = seconds
    }
}

/// Why no schedule was made.
public enum SchedulingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The calendar, pairs or dates cannot be used; every problem is listed.
    case invalidInput(InputError)
    /// A solver failed on a mentor's programme.
    case solverFailed(String)

    public var description: String {
        switch self {
        case .invalidInput(let error): error.description
        case .solverFailed(let message): "the scheduling solver failed: \(message)"
        }
    }
}
