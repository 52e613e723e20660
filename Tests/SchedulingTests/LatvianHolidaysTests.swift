import MentorMatchCore
import Scheduling
import Testing

struct LatvianHolidaysTests {
    @Test("the fixture holds the 116 days of the reference list")
    func fixtureIsComplete() {
        #expect(ReferenceHolidays.days.count == 116)
    }

    @Test("the rules give exactly the reference list's days off, year by year", arguments: ReferenceHolidays.years)
    func rulesEqualTheReferenceList(year: Int) {
        let computed = Set(LatvianHolidays.daysOff(in: year).map(\.date))
        let reference = Set(ReferenceHolidays.days.keys.filter { $0.year == year })
        #expect(computed.subtracting(reference).sorted() == [], "not in the list")
        #expect(reference.subtracting(computed).sorted() == [], "missing from the rules")
    }

    @Test("Easter Sunday by the anonymous Gregorian algorithm", arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2038, "2038-04-25"), (2285, "2285-03-22"), (1818, "1818-03-22"),
    ])
    func easter(year: Int, date: String) {
        #expect(LatvianHolidays.easterSunday(year) == LocalDate(iso: date))
    }

    @Test("beyond the list the rules hold: 4 May 2031 is a Sunday, so Monday 5 May is off; Midsummer and Christmas stay")
    func yearsBeyondTheList() {
        let days = Set(LatvianHolidays.daysOff(in: 2031).map(\.date.description))
        #expect(days.isSuperset(of: ["2031-05-04", "2031-05-05", "2031-06-23", "2031-06-24", "2031-12-24", "2031-12-31"]))
        #expect(!days.contains("2031-11-19"), "18 November 2031 is a Tuesday")
    }

    @Test("the programme calendar adds the policy's extra days off and names each day")
    func extraDaysOff() {
        var rules = SchedulePolicy()
        rules.extraDaysOff = [LocalDate(iso: "2024-06-25")!]
        let calendar = ProgrammeCalendar(start: LocalDate(iso: "2024-06-01")!, months: 1, rules: rules)!
        #expect(calendar.end == LocalDate(iso: "2024-06-30"))
        #expect(calendar.daysOff[LocalDate(iso: "2024-06-25")!] == "extra day off")
        #expect(calendar.daysOff[LocalDate(iso: "2024-06-24")!] == "Midsummer Day")
    }
}
