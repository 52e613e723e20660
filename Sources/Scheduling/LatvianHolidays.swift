import MentorMatchCore

/// A day without sessions: a Latvian public holiday, an extra day off from the policy, or a person's own date.
public struct DayOff: Sendable, Hashable {
    public var date: LocalDate
    /// The English name, such as `Midsummer Day`; never personal.
    public var name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// Latvian public holidays and days off, by the rules of the law "Par svētku, atceres un atzīmējamām dienām"
/// (3 Oct 1990, as amended) plus the Cabinet's working-day transfer orders.
///
/// The rules: 1 January; Good Friday, Easter Sunday and Easter Monday (Western Easter); 1 May; 4 May; 23 and 24 June;
/// 18 November; 24, 25 and 26 December; 31 December; Mother's Day (second Sunday of May) and Pentecost (Easter + 49
/// days), always Sundays. When 4 May or 18 November falls on a Saturday or Sunday, the next Monday is a day off.
/// Working-day transfers are one-off orders, listed in ``transferredDaysOff`` with their sources; years
/// without a known order follow the rules alone.
public enum LatvianHolidays {
    /// The days off of `year`, sorted by date.
    public static func daysOff(in year: Int) -> [DayOff] {
        var days: [DayOff] = []
        func add(_ month: Int, _ day: Int, _ name: String) {
            if let date = LocalDate(year: year, month: month, day: day) { days.append(DayOff(date: date, name: name)) }
        }
        add(1, 1, "New Year's Day")
        if let easter = easterSunday(year) {
            days.append(DayOff(date: easter.adding(days: -2), name: "Good Friday"))
            days.append(DayOff(date: easter, name: "Easter Sunday"))
            days.append(DayOff(date: easter.adding(days: 1), name: "Easter Monday"))
            days.append(DayOff(date: easter.adding(days: 49), name: "Pentecost"))
        }
        add(5, 1, "Labour Day")
        add(5, 4, "Restoration of Independence Day")
        if let mayFirst = LocalDate(year: year, month: 5, day: 1) {
            let firstSunday = mayFirst.adding(days: (7 - mayFirst.weekday.rawValue) % 7)
            days.append(DayOff(date: firstSunday.adding(days: 7), name: "Mother's Day"))
        }
        add(6, 23, "Midsummer Eve")
        add(6, 24, "Midsummer Day")
        add(11, 18, "Proclamation Day")
        add(12, 24, "Christmas Eve")
        add(12, 25, "Christmas Day")
        add(12, 26, "Second Day of Christmas")
        add(12, 31, "New Year's Eve")
        for (month, name) in [(5, "Restoration of Independence Day (observed)"), (11, "Proclamation Day (observed)")] {
            let holiday = LocalDate(year: year, month: month, day: month == 5 ? 4 : 18)
            if let holiday, holiday.weekday >= .saturday {
                days.append(DayOff(date: holiday.adding(days: holiday.weekday == .saturday ? 2 : 1), name: name))
            }
        }
        days += transferredDaysOff.filter { $0.date.year == year }.map { DayOff(date: $0.date, name: "Day off (transferred)") }
        return days.sorted { $0.date < $1.date }
    }

    /// The Latvian name of a day off this table names (`Midsummer Day` is `Jāņu diena`), as the law names them;
    /// `nil` for a name it does not give, such as an extra day off from the policy.
    public static func latvianName(of name: String) -> String? { latvianNames[name] }

    private static let latvianNames: [String: String] = [
        "New Year's Day": "Jaungada diena", "Good Friday": "Lielā Piektdiena", "Easter Sunday": "Lieldienas",
        "Easter Monday": "Otrās Lieldienas", "Pentecost": "Vasarsvētki", "Labour Day": "Darba svētki",
        "Restoration of Independence Day": "Latvijas Republikas Neatkarības atjaunošanas diena",
        "Mother's Day": "Mātes diena", "Midsummer Eve": "Līgo diena", "Midsummer Day": "Jāņu diena",
        "Proclamation Day": "Latvijas Republikas proklamēšanas diena", "Christmas Eve": "Ziemassvētku vakars",
        "Christmas Day": "Ziemassvētki", "Second Day of Christmas": "Otrie Ziemassvētki", "New Year's Eve": "Vecgada vakars",
        "Restoration of Independence Day (observed)": "Neatkarības atjaunošanas dienas pārceltā brīvdiena",
        "Proclamation Day (observed)": "Proklamēšanas dienas pārceltā brīvdiena",
        "Day off (transferred)": "pārcelta brīvdiena",
    ]

    /// A working-day transfer order: a weekday off, worked on a Saturday instead.
    public struct Transfer: Sendable, Hashable {
        public var date: LocalDate
        public var workedSaturday: LocalDate
        public var source: String
    }

    /// The Cabinet's transfer orders known to this version. Source: PyPI `holidays` 0.109 (country LV), which cites
    /// the Cabinet's yearly orders; orders for 2027 and later were not issued when this was written.
    public static let transferredDaysOff: [Transfer] = [
        ("2024-12-23", "2024-12-14"), ("2024-12-30", "2024-12-28"), ("2025-05-02", "2025-05-10"),
        ("2025-11-17", "2025-11-08"), ("2026-01-02", "2026-01-17"), ("2026-06-22", "2026-06-27"),
    ].map { Transfer(date: LocalDate(iso: $0.0)!, workedSaturday: LocalDate(iso: $0.1)!, source: "Cabinet of Ministers order (via PyPI holidays 0.109)") }

    /// Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> LocalDate? {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }
}
