import MentorMatchCore

/// A pair to give meetings: a mentor and a young person, as the matching's `pairs.csv` lists them.
public struct PairToSchedule: Sendable, Hashable {
    public var mentorID: String
    public var menteeID: String

    public init(mentorID: String, menteeID: String) {
        self.mentorID = mentorID
        self.menteeID = menteeID
    }
}

/// A date on which a mentor or young person cannot meet.
public struct UnavailableDate: Sendable, Hashable {
    public var personID: String
    public var date: LocalDate

    public init(personID: String, date: LocalDate) {
        self.personID = personID
        self.date = date
    }
}

/// A time the supervisor offers for a group supervision session.
public struct SupervisorSlot: Sendable, Hashable {
    public var date: LocalDate
    /// Minutes after midnight, local time.
    public var startMinute: Int
    public var endMinute: Int
    /// Where the group meets (a place name), or `nil` when unknown: then no travel buffer is applied.
    public var place: String?

    public init(date: LocalDate, startMinute: Int, endMinute: Int, place: String? = nil) {
        self.date = date
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.place = place
    }
}

/// Everything a schedule is made from.
public struct ScheduleRequest: Sendable, Hashable {
    public var mentors: [Mentor]
    public var mentees: [Mentee]
    public var places: [Place]
    public var pairs: [PairToSchedule]
    public var calendar: ProgrammeCalendar
    /// People's own dates without sessions (holidays, exams).
    public var unavailable: [UnavailableDate]
    /// The supervisor's offered times; none means no supervision is planned.
    public var supervisorSlots: [SupervisorSlot]
    /// The limit for each mentor's integer programme.
    public var timeLimitSeconds: Double
    /// Re-planning a running programme (`schedule --from`): sessions that stay as they were, and supervision groups
    /// that stay; the pairs are then scheduled around them.
    public var fixedSessions: [ScheduledSession] = []
    public var fixedSupervision: [SupervisionGroup] = []

    public init(
        mentors: [Mentor], mentees: [Mentee], places: [Place], pairs: [PairToSchedule], calendar: ProgrammeCalendar,
        unavailable: [UnavailableDate] = [], supervisorSlots: [SupervisorSlot] = [],
        timeLimitSeconds: Double = 60
    ) {
        self.mentors = mentors
        self.mentees = mentees
        self.places = places
        self.pairs = pairs
        self.calendar = calendar
        self.unavailable = unavailable
        self.supervisorSlots = supervisorSlots
        self.timeLimitSeconds = timeLimitSeconds
    }
}

/// Where the parts of a ``ScheduleRequest`` came from, so that issues name files and lines.
public struct ScheduleSources: Sendable, Hashable {
    public var pairs: RecordSource
    public var unavailable: RecordSource
    public var supervisorSlots: RecordSource

    public init(
        pairs: RecordSource = RecordSource(name: "pairs"), unavailable: RecordSource = RecordSource(name: "unavailable"),
        supervisorSlots: RecordSource = RecordSource(name: "supervisor slots")
    ) {
        self.pairs = pairs
        self.unavailable = unavailable
        self.supervisorSlots = supervisorSlots
    }
}

extension ScheduleRequest {
    /// Each person's unavailable dates.
    var unavailableByPerson: [String: Set<LocalDate>] {
        Dictionary(grouping: unavailable, by: \.personID).mapValues { Set($0.map(\.date)) }
    }
}
