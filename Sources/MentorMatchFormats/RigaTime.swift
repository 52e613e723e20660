import MentorMatchCore

/// Local time in Europe/Riga: EET (UTC+2) in winter, EEST (UTC+3) from the last Sunday of March 01:00 UTC to the
/// last Sunday of October 01:00 UTC (the EU rule, in force in Latvia since 2001).
public enum RigaTime {
    /// The UTC offset in minutes of a local time; in the repeated October hour the summer offset is taken, and the
    /// skipped March hour counts as summer time.
    public static func utcOffsetMinutes(date: LocalDate, minute: Int) -> Int {
        let springSunday = lastSunday(month: 3, year: date.year), autumnSunday = lastSunday(month: 10, year: date.year)
        let afterSpring = date > springSunday || (date == springSunday && minute >= 3 * 60)
        let beforeAutumn = date < autumnSunday || (date == autumnSunday && minute < 4 * 60)
        return afterSpring && beforeAutumn ? 180 : 120
    }

    /// `2024-03-04T17:30:00+02:00`.
    public static func iso8601(date: LocalDate, minute: Int) -> String {
        let offset = utcOffsetMinutes(date: date, minute: minute)
        return "\(date)T\(clock(minute)):00+\(twoDigits(offset / 60)):\(twoDigits(offset % 60))"
    }

    /// `20240304T153000Z`: the same instant in UTC, for iCalendar's UNTIL.
    public static func utcStamp(date: LocalDate, minute: Int) -> String {
        let total = date.daysSinceEpoch * 1440 + minute - utcOffsetMinutes(date: date, minute: minute)
        let day = LocalDate(daysSinceEpoch: Int((Double(total) / 1440).rounded(.down)))
        return compact(day) + "T" + clock(total - day.daysSinceEpoch * 1440).replacingOccurrences(of: ":", with: "") + "00Z"
    }

    /// `20240304`.
    static func compact(_ date: LocalDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    /// `17:30`.
    static func clock(_ minute: Int) -> String { "\(twoDigits(minute / 60)):\(twoDigits(minute % 60))" }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func lastSunday(month: Int, year: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: 31)!
        return last.adding(days: -(last.weekday.rawValue % 7))
    }
}
