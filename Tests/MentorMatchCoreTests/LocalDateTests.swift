import Foundation
import MentorMatchCore
import Testing

struct LocalDateTests {
    @Test(arguments: [
        ("2024-02-14", LocalDate(year: 2024, month: 2, day: 14)), ("14.02.2024", LocalDate(year: 2024, month: 2, day: 14)),
        ("1.3.2024", LocalDate(year: 2024, month: 3, day: 1)), ("14.02.2024.", LocalDate(year: 2024, month: 2, day: 14)),
        ("29.02.2023", nil), ("2024.02.14", nil), ("14.02.24", nil), ("14-02-2024", nil), ("14.02.2024..", nil), ("", nil),
        ("+1.02.2024", nil),
    ])
    func readsISOAndLatvianExcelDates(text: String, date: LocalDate?) {
        #expect(LocalDate(text: text) == date)
    }

    @Test(arguments: [(2000, true), (1900, false), (2024, true), (2023, false), (2100, false), (1600, true)])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(LocalDate.isLeap(year) == isLeap)
        guard LocalDate.supportedYears.contains(year) else { return }
        #expect((LocalDate(year: year, month: 2, day: 29) != nil) == isLeap)
    }

    @Test func rejectsDaysThatDoNotExist() {
        #expect(LocalDate(year: 2024, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2024, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2024, month: 1, day: 0) == nil)
    }

    /// Known values from the proleptic Gregorian calendar (as Python's `date.toordinal()` - 719163 gives).
    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-01-01", 10_957), ("2000-03-01", 11_017),
        ("2024-02-14", 19_767), ("2024-03-01", 19_783), ("1900-03-01", -25_508), ("2200-12-31", 84_370),
    ])
    func daysSinceEpoch(text: String, days: Int) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(date.daysSinceEpoch == days)
    }

    /// Dates from outside lie within 1900–2200 (issue 14: 9999-12-31 plus a day trapped), so that no day count or
    /// month arithmetic on them can overflow; arithmetic may step just beyond, without a trap.
    @Test func readsOnlySupportedYears() throws {
        #expect(LocalDate(iso: "1899-12-31") == nil)
        #expect(LocalDate(iso: "2201-01-01") == nil)
        #expect(LocalDate(iso: "9999-12-31") == nil)
        let last = try #require(LocalDate(iso: "2200-12-31"))
        #expect(last.adding(days: 1).description == "2201-01-01")
        #expect(last.firstOfMonth(adding: 1) == nil)
        #expect(last.firstOfMonth(adding: Int.max) == nil)
        #expect(last.firstOfMonth(adding: Int.min) == nil)
        #expect(LocalDate(daysSinceEpoch: Int(Int32.max)).year > 2200)
    }

    @Test func ordersByDay() throws {
        let earlier = try #require(LocalDate(iso: "2023-12-31"))
        let later = try #require(LocalDate(iso: "2024-01-01"))
        #expect(earlier < later)
        #expect(later.daysSinceEpoch - earlier.daysSinceEpoch == 1)
    }

    @Test(arguments: ["2024-2-14", "24-02-14", "2024/02/14", "2024-02-30", "", "2024-02-14T00:00"])
    func rejectsMalformedText(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func writesPaddedText() throws {
        #expect(LocalDate(year: 1999, month: 1, day: 5)?.description == "1999-01-05")
        let date = try #require(LocalDate(iso: "2024-02-14"))
        let decoded = try JSONDecoder().decode([LocalDate].self, from: JSONEncoder().encode([date]))
        #expect(decoded == [date])
    }
}
