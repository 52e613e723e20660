import MentorMatchCore
import Scheduling
import Testing

struct ProgrammeCalendarTests {
    @Test("Ogre's six months from 1 March end on 31 August, each month needing two sessions")
    func ogre() {
        let calendar = ProgrammeCalendar(start: LocalDate(iso: "2024-03-01")!, months: 6, rules: SchedulePolicy())!
        #expect(calendar.end == LocalDate(iso: "2024-08-31"))
        #expect(calendar.months.map(\.text) == ["2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08"])
        #expect(calendar.months.allSatisfy { $0.required == 2 })
    }

    @Test("a month covered in part needs its share, rounded; paid mode turns hours into sessions")
    func partialMonthsAndPaidMode() {
        var rules = SchedulePolicy()
        rules.hoursPerMonth = 20
        rules.sessionMinutes = 90
        let calendar = ProgrammeCalendar(start: LocalDate(iso: "2022-07-15")!, end: LocalDate(iso: "2022-08-31")!, rules: rules)
        #expect(rules.requiredSessionsPerMonth == 14)
        #expect(calendar.months.map(\.required) == [8, 14])
        let endingOnTheFirst = ProgrammeCalendar(start: LocalDate(iso: "2019-09-02")!, months: 9, rules: SchedulePolicy())!
        #expect(endingOnTheFirst.months.last?.required == 0)
    }

    @Test("dates: weekdays, ISO weeks and day counts agree with the calendar")
    func dateArithmetic() {
        let date = LocalDate(iso: "2024-02-29")!
        #expect(date.weekday == .thursday)
        #expect(date.adding(days: 1) == LocalDate(iso: "2024-03-01"))
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(LocalDate(iso: "2024-03-03")!.isoWeekStart == LocalDate(iso: "2024-02-26")!.daysSinceEpoch)
        #expect(LocalDate(iso: "1969-12-31")!.weekday == .wednesday)
    }
}
