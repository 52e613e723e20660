/// The rules of meeting calendars: how often pairs meet, for how long, and how mentors travel between them.
///
/// Every key is optional in the policy file's `schedule:` section; the defaults are Ogre's rule (twice a month for
/// an hour). Command-line options override them.
public struct SchedulePolicy: Sendable, Hashable, Codable {
    /// Ogre: pairs meet at least twice a month.
    public var sessionsPerMonth = 2
    /// Paid mode (Liepāja: 20 hours a month per young person): when set, the monthly requirement is this many hours,
    /// in sessions of ``sessionMinutes``, and replaces ``sessionsPerMonth``.
    public var hoursPerMonth: Double?
    /// Ogre: meetings of at least an hour.
    public var sessionMinutes = 60
    /// Candidate start times lie on this grid of minutes after midnight.
    public var startStepMinutes = 30
    /// The speed that turns the distance between two meeting places into a travel buffer between a mentor's sessions.
    public var travelSpeedKmh: Double = 30
    /// A mentor's monthly meeting hours at most; `nil`: what the mentor offered, capacity × one pair's monthly hours.
    public var maximumMentorHoursPerMonth: Double?
    /// Days off on top of the Latvian public holidays (a school holiday, a new Cabinet transfer order).
    public var extraDaysOff: [LocalDate] = []
    /// The largest supervision group (Ogre: group supervision once a month).
    public var supervisionGroupSize = 8
    /// When set, the matching gives a mentor no more young people than their weekly windows have room for (see
    /// ``pairsWithRoom(in:)``); off by default, so matching results do not change unless asked.
    public var matchingNeedsRoom = false

    public init() {}

    /// The policy file's keys of the `schedule:` section (see ``PolicyKeyTable``).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case sessionsPerMonth = "sessions_per_month"
        case hoursPerMonth = "hours_per_month"
        case sessionMinutes = "session_minutes"
        case startStepMinutes = "start_step_minutes"
        case travelSpeedKmh = "travel_speed_kmh"
        case maximumMentorHoursPerMonth = "max_mentor_hours_per_month"
        case extraDaysOff = "extra_days_off"
        case supervisionGroupSize = "supervision_group_size"
        case matchingNeedsRoom = "matching_needs_room"
    }


    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SchedulePolicy()
        sessionsPerMonth = try container.decodeIfPresent(Int.self, forKey: .sessionsPerMonth) ?? defaults.sessionsPerMonth
        hoursPerMonth = try container.decodeIfPresent(Double.self, forKey: .hoursPerMonth)
        sessionMinutes = try container.decodeIfPresent(Int.self, forKey: .sessionMinutes) ?? defaults.sessionMinutes
        startStepMinutes = try container.decodeIfPresent(Int.self, forKey: .startStepMinutes) ?? defaults.startStepMinutes
        travelSpeedKmh = try container.decodeIfPresent(Double.self, forKey: .travelSpeedKmh) ?? defaults.travelSpeedKmh
        maximumMentorHoursPerMonth = try container.decodeIfPresent(Double.self, forKey: .maximumMentorHoursPerMonth)
        extraDaysOff = try container.decodeIfPresent([LocalDate].self, forKey: .extraDaysOff) ?? defaults.extraDaysOff
        supervisionGroupSize =
            try container.decodeIfPresent(Int.self, forKey: .supervisionGroupSize) ?? defaults.supervisionGroupSize
        matchingNeedsRoom = try container.decodeIfPresent(Bool.self, forKey: .matchingNeedsRoom) ?? defaults.matchingNeedsRoom
    }

    /// How many pairs a mentor's weekly windows have room for: the sessions that fit back to back into the windows
    /// in four weeks, divided by one pair's monthly sessions; at least 1, as the matching's candidate rule already
    /// requires a window of a meeting's length with each young person.
    public func pairsWithRoom(in availability: WeeklyAvailability) -> Int {
        let weekly = availability.windows.reduce(0) { $0 + $1.durationMinutes / max(1, sessionMinutes) }
        return max(1, 4 * weekly / max(1, requiredSessionsPerMonth))
    }

    /// Sessions a pair needs in a whole month: the hours in paid mode, rounded up to whole sessions.
    public var requiredSessionsPerMonth: Int {
        guard let hoursPerMonth else { return sessionsPerMonth }
        // Checked policies keep this within 1…800; the clamp keeps a library caller's extreme hours from trapping.
        return Int(rounding: hoursPerMonth * 60 / Double(max(1, sessionMinutes)), .up, clampedTo: 1...Int(Int32.max)) ?? sessionsPerMonth
    }
}
