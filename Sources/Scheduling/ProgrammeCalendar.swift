import MentorMatchCore

/// The dates and rules of one programme: its first and last day, its meeting rules and its days off.
public struct ProgrammeCalendar: Sendable, Hashable {
    /// The first day with sessions.
    public var start: LocalDate
    /// The last day with sessions (inclusive).
    public var end: LocalDate
    public var rules: SchedulePolicy

    public init(start: LocalDate, end: LocalDate, rules: SchedulePolicy) {
        self.start = start
        self.end = end
        self.rules = rules
    }

    /// A programme of `months` months from `start`: Ogre's "at least six months from 1 March" ends on 31 August.
    public init?(start: LocalDate, months: Int, rules: SchedulePolicy) {
        guard months > 0, let firstOfLastMonth = start.firstOfMonth(adding: months) else { return nil }
        let day = min(start.day, LocalDate.daysIn(month: firstOfLastMonth.month, year: firstOfLastMonth.year))
        guard let sameDay = LocalDate(year: firstOfLastMonth.year, month: firstOfLastMonth.month, day: day) else { return nil }
        self.init(start: start, end: sameDay.adding(days: -1), rules: rules)
    }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// Every day of the programme, in order.
    public var dates: [LocalDate] {
        guard start <= end else { return [] }
        return (start.daysSinceEpoch...end.daysSinceEpoch).map(LocalDate.init(daysSinceEpoch:))
    }

    /// The calendar months the programme touches, each clipped to the programme.
    public var months: [ProgrammeMonth] {
        guard start <= end else { return [] }
        var months: [ProgrammeMonth] = []
        var first = start
        while first <= end {
            let last = min(first.lastOfMonth, end)
            months.append(ProgrammeMonth(first: first, last: last, required: requiredSessions(from: first, to: last)))
            first = last.adding(days: 1)
        }
        return months
    }

    /// A whole month needs the full count; a month the programme covers in part needs its share, rounded half up
    /// (a programme ending on the 1st asks nothing of that month).
    private func requiredSessions(from first: LocalDate, to last: LocalDate) -> Int {
        let covered = last.daysSinceEpoch - first.daysSinceEpoch + 1
        let length = LocalDate.daysIn(month: first.month, year: first.year)
        return (2 * rules.requiredSessionsPerMonth * covered + length) / (2 * length)
    }

    /// Public holidays and the policy's extra days off within the programme, by date.
    public var daysOff: [LocalDate: String] {
        guard start <= end else { return [:] }
        var days: [LocalDate: String] = [:]
        for year in start.year...end.year {
            for day in LatvianHolidays.daysOff(in: year) where contains(day.date) {
                days[day.date] = days[day.date].map { "\($0); \(day.name)" } ?? day.name
            }
        }
        for date in rules.extraDaysOff where contains(date) && days[date] == nil { days[date] = "extra day off" }
        return days
    }
}

/// One calendar month of a programme, clipped to the programme's dates.
public struct ProgrammeMonth: Sendable, Hashable {
    public var first: LocalDate
    public var last: LocalDate
    /// Sessions each pair needs in this month.
    public var required: Int

    /// `2024-03`.
    public var text: String { first.monthText }

    public func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }
}
