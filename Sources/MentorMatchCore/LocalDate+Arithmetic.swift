extension LocalDate {
    /// The date `days` after 1970-01-01 (proleptic Gregorian), by Howard Hinnant's `civil_from_days`.
    public init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The day of the week (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let mondayBased = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(rawValue: mondayBased + 1) ?? .monday
    }

    /// The Monday that starts this date's ISO week, as a day count; two dates share an ISO week when these are equal.
    public var isoWeekStart: Int { daysSinceEpoch - (weekday.rawValue - 1) }

    /// The last day of this date's month.
    public var lastOfMonth: LocalDate { LocalDate(unchecked: year, month, LocalDate.daysIn(month: month, year: year)) }

    /// The first day of the month `months` later, or `nil` outside ``LocalDate/supportedYears`` (checked, so that
    /// no count of months can overflow).
    public func firstOfMonth(adding months: Int) -> LocalDate? {
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow, index >= 0 else { return nil }
        return LocalDate(year: index / 12, month: index % 12 + 1, day: 1)
    }

    /// `2024-03`: the month this date falls in.
    public var monthText: String { String(description.prefix(7)) }
}
