import Foundation
@testable import MentorMatchFormats
import MentorMatchCore
import Scheduling
import Testing

struct SchedulePolicyFileTests {
    @Test("the schedule section reads, round-trips through the written YAML, and is left out when default")
    func scheduleSection() throws {
        let policy = try PolicyFile.decode(Data("""
            schedule:
              hours_per_month: 20
              session_minutes: 90
              travel_speed_kmh: 40
              extra_days_off: [2024-06-25]
            """.utf8), source: "policy.yaml")
        #expect(policy.schedule.hoursPerMonth == 20 && policy.schedule.sessionMinutes == 90)
        #expect(policy.schedule.extraDaysOff == [LocalDate(iso: "2024-06-25")!])
        #expect(try PolicyFile.decode(Data(PolicyFile.yamlText(policy).utf8), source: "again.yaml") == policy)
        #expect(!PolicyFile.yamlText(Policy()).contains("schedule:"))
    }

    @Test("unknown schedule keys and values out of range are reported with their paths and lines")
    func scheduleIssues() {
        #expect { try PolicyFile.decode(Data("schedule:\n  sesion_minutes: 60\n  travel_speed_kmh: 0\n".utf8), source: "p.yaml") }
            throws: { error in
                let text = (error as? InputError)?.description ?? ""
                return text.contains("p.yaml, line 2, column schedule.sesion_minutes: unknown key sesion_minutes (did you mean session_minutes?)")
                    && text.contains("p.yaml, line 3, column schedule.travel_speed_kmh: travel_speed_kmh 0 is outside 1–1000")
            }
    }
}

struct RigaTimeTests {
    /// Foundation's time zone database on this machine is the independent reference (checked to work on Linux).
    @Test("UTC offsets equal Foundation's Europe/Riga on every quarter hour around each change, 2024–2030",
          arguments: 2024...2030)
    func offsetsEqualFoundation(year: Int) throws {
        let zone = try #require(TimeZone(identifier: "Europe/Riga"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        for month in [1, 3, 7, 10, 12] {
            for day in [1, 24, 25, 26, 27, 28, 29, 30, 31] {
                guard let date = LocalDate(year: year, month: month, day: day) else { continue }
                for minute in stride(from: 0, to: 1440, by: 15) {
                    var parts = DateComponents(year: year, month: month, day: day, hour: minute / 60, minute: minute % 60)
                    parts.timeZone = zone
                    let instant = try #require(calendar.date(from: parts))
                    // The skipped spring hour has no instant; Foundation moves it forward, so compare real local times only.
                    guard calendar.component(.hour, from: instant) == minute / 60 else { continue }
                    let expected = zone.secondsFromGMT(for: instant) / 60
                    #expect(RigaTime.utcOffsetMinutes(date: date, minute: minute) == expected, "\(date) \(minute)")
                }
            }
        }
    }

    @Test func isoAndUTCText() {
        let date = LocalDate(iso: "2024-03-31")!
        #expect(RigaTime.iso8601(date: date, minute: 17 * 60 + 30) == "2024-03-31T17:30:00+03:00")
        #expect(RigaTime.iso8601(date: LocalDate(iso: "2024-03-30")!, minute: 0) == "2024-03-30T00:00:00+02:00")
        #expect(RigaTime.utcStamp(date: LocalDate(iso: "2024-01-01")!, minute: 60) == "20231231T230000Z")
    }
}

struct ICalendarTests {
    @Test("lines fold at 75 octets without splitting a character; text is escaped")
    func foldingAndEscaping() {
        let line = "SUMMARY:" + String(repeating: "ā", count: 60)
        let folded = ICalendar.folded(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(pieces.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICalendar.escaped("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
    }

    private static func session(_ date: String, start: Int = 17 * 60) -> ScheduledSession {
        ScheduledSession(mentorID: "M1", menteeID: "Y1", date: LocalDate(iso: date)!, startMinute: start, endMinute: start + 60,
                         place: "Ogre")
    }

    private static func result(_ sessions: [ScheduledSession]) -> ScheduleResult {
        ScheduleResult(start: LocalDate(iso: "2024-03-01")!, end: LocalDate(iso: "2024-04-30")!, sessions: sessions, shortfalls: [],
                       supervision: [], supervisionAbsences: [], months: [], solves: [], seconds: 0)
    }

    @Test("a fortnightly pattern becomes one RRULE with EXDATE for the skipped date; an odd date stays single")
    func series() {
        let sessions = ["2024-03-04", "2024-03-18", "2024-04-15", "2024-04-29", "2024-03-07"].map { Self.session($0) }.sorted()
        let split = CalendarSeries.split(sessions)
        #expect(split.series.count == 1)
        #expect(split.series.first?.intervalWeeks == 2)
        #expect(split.series.first?.excludedDates == [LocalDate(iso: "2024-04-01")!])
        #expect(split.singles.map(\.date) == [LocalDate(iso: "2024-03-07")!])
    }

    @Test("re-running keeps UIDs, SEQUENCE and DTSTAMP of unchanged events and raises SEQUENCE of changed ones")
    func sequence() throws {
        let first = Date(timeIntervalSince1970: 1_700_000_000), later = Date(timeIntervalSince1970: 1_800_000_000)
        let original = Self.result(["2024-03-04", "2024-03-18", "2024-04-01", "2024-04-15"].map { Self.session($0) }
            + [Self.session("2024-03-07", start: 18 * 60)])
        let files = ScheduleCalendars.files(original, programmeID: "test", previous: [:], generated: first)
        let again = ScheduleCalendars.files(original, programmeID: "test", previous: files, generated: later)
        #expect(again == files)
        var moved = original
        moved.sessions[0].startMinute = 16 * 60
        moved.sessions[0].endMinute = 17 * 60
        let changed = ScheduleCalendars.files(moved, programmeID: "test", previous: files, generated: later)
        let text = String(decoding: try #require(changed["pair-M1-Y1.ics"]), as: UTF8.self)
        #expect(text.contains("SEQUENCE:1"))
        #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("an event that is gone is published once more as cancelled; a pair that is gone keeps a file of cancellations")
    func cancellations() throws {
        let stamp = Date(timeIntervalSince1970: 1_700_000_000)
        let original = Self.result([Self.session("2024-03-07"), Self.session("2024-03-21")])
        let files = ScheduleCalendars.files(original, programmeID: "test", previous: [:], generated: stamp)
        var fewer = original
        fewer.sessions.removeLast()
        let after = ScheduleCalendars.files(fewer, programmeID: "test", previous: files, generated: stamp)
        let pair = String(decoding: try #require(after["pair-M1-Y1.ics"]), as: UTF8.self)
        #expect(pair.components(separatedBy: "STATUS:CANCELLED").count == 2)
        #expect(pair.contains("SEQUENCE:1"))
        let none = ScheduleCalendars.files(Self.result([]), programmeID: "test", previous: after, generated: stamp)
        #expect(none.keys.sorted() == ["mentor-M1.ics", "pair-M1-Y1.ics"])
        let gone = String(decoding: try #require(none["pair-M1-Y1.ics"]), as: UTF8.self)
        #expect(gone.components(separatedBy: "STATUS:CANCELLED").count == 3)
        #expect(ScheduleCalendars.files(Self.result([]), programmeID: "test", previous: none, generated: stamp) == none,
                "cancellations already published stay unchanged")
    }
}
