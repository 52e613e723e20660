import MentorMatchCore
import Testing

struct AvailabilityParserTests {
    @Test func readsSeveralWindowsInOrder() throws {
        let availability = try WeeklyAvailability(parsing: "Sat 10:00-14:00; Mon 16:00-18:00")
        #expect(availability.windows == [
            WeeklyWindow(weekday: .monday, startMinute: 960, endMinute: 1080),
            WeeklyWindow(weekday: .saturday, startMinute: 600, endMinute: 840),
        ])
        #expect(availability.description == "Mon 16:00-18:00; Sat 10:00-14:00")
    }

    @Test(arguments: [
        ("Pirmdiena 16:00-18:00", Weekday.monday),
        ("otrd 16:00-18:00", .tuesday),
        ("Trešdiena 16:00-18:00", .wednesday),
        ("Ceturtdiena 16:00-18:00", .thursday),
        ("Pk 16:00-18:00", .friday),
        ("Sestdiena 16:00-18:00", .saturday),
        ("Svētd 16:00-18:00", .sunday),
        ("SUNDAY 16:00-18:00", .sunday),
    ])
    func readsLatvianAndEnglishDayNames(text: String, weekday: Weekday) throws {
        let availability = try WeeklyAvailability(parsing: text)
        #expect(availability.windows.map(\.weekday) == [weekday])
    }

    @Test func expandsADayRange() throws {
        let availability = try WeeklyAvailability(parsing: "Mon-Fri 16:00-18:00")
        #expect(availability.windows.map(\.weekday) == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(availability.totalMinutes == 5 * 120)
    }

    @Test(arguments: ["Mon 16:00–18:00", "Mon 16:00 – 18:00", "Mon 16:00—18:00", "Mon 16-18", "Mon 16.00-18.00"])
    func acceptsDashesAndShortTimes(text: String) throws {
        let availability = try WeeklyAvailability(parsing: text)
        #expect(availability.windows == [WeeklyWindow(weekday: .monday, startMinute: 960, endMinute: 1080)])
    }

    /// Text beyond plain Latin (a decomposed letter, Cyrillic) is read by Characters, and reads as plain text does.
    @Test(arguments: ["Svētd 16:00-18:00", "Sve\u{304}td 16:00-18:00", "Sve\u{304}td 16:00 — 18:00"])
    func readsComposedAndDecomposedLettersAlike(text: String) throws {
        #expect(try WeeklyAvailability(parsing: text).windows
            == [WeeklyWindow(weekday: .sunday, startMinute: 960, endMinute: 1080)])
    }

    @Test func namesAnUnknownWeekdayInAnotherScript() {
        #expect {
            _ = try WeeklyAvailability(parsing: "Mon 16:00-18:00; Пн 10:00-12:00")
        } throws: { error in
            (error as? AvailabilitySyntaxError)?.description == "'Пн 10:00-12:00': unknown weekday 'Пн'; use Mon, Tue, … Sun"
        }
    }

    @Test func midnightEndsTheDay() throws {
        let availability = try WeeklyAvailability(parsing: "Sun 20:00-24:00")
        #expect(availability.windows.first?.endMinute == 1440)
        #expect(availability.description == "Sun 20:00-24:00")
    }

    @Test func commasSeparateWindowsToo() throws {
        let availability = try WeeklyAvailability(parsing: "Mon 16:00-18:00, Sat 10:00-14:00")
        #expect(availability.windows.count == 2)
    }

    @Test func emptyTextHasNoWindows() throws {
        #expect(try WeeklyAvailability(parsing: "  ").windows.isEmpty)
    }

    @Test(arguments: [
        ("Mon 18:00-16:00", "ends before it starts"),
        ("Xyz 10:00-12:00", "unknown weekday"),
        ("Mon 25:00-26:00", "time range"),
        ("Mon 10:60-11:00", "time range"),
        ("Fri-Mon 10:00-12:00", "must run forward"),
        ("Mon", "weekday and a time range"),
        ("Mon 10:00", "time range"),
    ])
    func reportsTheFragmentThatFails(text: String, expectedProblem: String) {
        #expect {
            _ = try WeeklyAvailability(parsing: "Sat 10:00-12:00; \(text)")
        } throws: { error in
            guard let syntaxError = error as? AvailabilitySyntaxError else { return false }
            return syntaxError.fragment == text && syntaxError.problem.contains(expectedProblem)
        }
    }

    @Test func longestSharedStretchIsPerWindow() throws {
        let mentor = try WeeklyAvailability(parsing: "Mon 16:00-18:00; Tue 10:00-12:00")
        let mentee = try WeeklyAvailability(parsing: "Mon 17:00-20:00; Tue 11:30-13:00")
        #expect(mentor.longestSharedStretch(with: mentee) == 60)
    }
}
