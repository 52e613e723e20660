import Foundation
import MentorMatchCore
import Scheduling

/// The `calendars/` directory of a schedule: one iCalendar file per mentor (sessions and supervision), one per pair,
/// and one for the supervisor.
///
/// A pair's sessions on one weekday, time and place that repeat every week or every other week become one event
/// with an RRULE, the dates in between left out by EXDATE (holidays, unavailable dates, months needing fewer
/// sessions); the rest are single events. UIDs are stable: a hash of the programme id, the pair and the series'
/// position (or the month and position of a single session), so a re-run updates events in calendar apps instead of
/// adding copies; SEQUENCE rises only for events whose content changed since the files found in the directory, and
/// events that are gone are published once more as cancelled.
public enum ScheduleCalendars {
    /// File name → contents, for ``AtomicOutput``.
    /// - Parameters:
    ///   - programmeID: Part of every UID; keep it across re-runs of one programme.
    ///   - previous: The earlier run's `calendars/` files by name, if any.
    ///   - generated: The time written as DTSTAMP of new and changed events.
    public static func files(
        _ result: ScheduleResult, programmeID: String, previous: [String: Data], generated: Date
    ) -> [String: Data] {
        let stamp = utcStamp(generated)
        let publishedByFile = previous.mapValues { ICalendar.publishedEvents(in: String(decoding: $0, as: UTF8.self)) }
        var published: [String: PublishedEvent] = [:]
        for events in publishedByFile.values { published.merge(events) { first, _ in first } }
        let sessionsByPair = Dictionary(grouping: result.sessions, by: { PairToSchedule(mentorID: $0.mentorID, menteeID: $0.menteeID) })
        var pairEvents: [PairToSchedule: [CalendarEvent]] = [:]
        for (pair, sessions) in sessionsByPair {
            pairEvents[pair] = events(of: sessions.sorted(), pair: pair, programmeID: programmeID)
        }
        let supervisionEvents = supervision(result.supervision, programmeID: programmeID)
        var files: [String: Data] = [:]
        func add(_ name: String, _ title: String, _ events: [CalendarEvent]) {
            let sorted = events.sorted { ($0.date, $0.startMinute, $0.uid) < ($1.date, $1.startMinute, $1.uid) }
            files[name] = Data(ICalendar.text(name: title, events: sorted, previous: published,
                                              previouslyHere: publishedByFile[name] ?? [:], stamp: stamp).utf8)
        }
        for (pair, events) in pairEvents {
            add(pairFileName(pair), "Mentoring \(pair.mentorID) – \(pair.menteeID)", events)
        }
        // Each mentor's events, gathered in one pass (`add` sorts them).
        var mentorEvents: [String: [CalendarEvent]] = [:]
        for (pair, events) in pairEvents { mentorEvents[pair.mentorID, default: []] += events }
        for (group, event) in zip(result.supervision, supervisionEvents) {
            for mentorID in Set(group.mentorIDs) { mentorEvents[mentorID, default: []].append(event) }
        }
        for (mentorID, events) in mentorEvents {
            add("mentor-\(safe(mentorID)).ics", "Mentoring \(mentorID)", events)
        }
        if !result.supervision.isEmpty { add("supervisor.ics", "Group supervision", supervisionEvents) }
        // A calendar whose person or pair is gone stays, with every event cancelled, so subscribers learn of it.
        for name in publishedByFile.keys where files[name] == nil {
            add(name, String(name.dropLast(4)), [])
        }
        return files
    }

    /// `pair-M001-Y0001.ics`.
    public static func pairFileName(_ pair: PairToSchedule) -> String { "pair-\(safe(pair.mentorID))-\(safe(pair.menteeID)).ics" }

    /// Series for repeating weekly or fortnightly patterns, single events for the rest.
    static func events(of sessions: [ScheduledSession], pair: PairToSchedule, programmeID: String) -> [CalendarEvent] {
        let summary = "Mentoring: \(pair.mentorID) with \(pair.menteeID)"
        let split = CalendarSeries.split(sessions)
        var events: [CalendarEvent] = []
        for (index, series) in split.series.enumerated() {
            let first = series.sessions[0]
            events.append(CalendarEvent(
                uid: uid(programmeID, pair.mentorID, pair.menteeID, "series", "\(index)"), summary: summary, location: first.place,
                date: first.date, startMinute: first.startMinute, endMinute: first.endMinute,
                repetition: .init(intervalWeeks: series.intervalWeeks, lastDate: series.sessions.last!.date,
                                  excludedDates: series.excludedDates)))
        }
        for (month, singles) in Dictionary(grouping: split.singles, by: { $0.date.monthText }) {
            for (index, session) in singles.sorted().enumerated() {
                events.append(CalendarEvent(
                    uid: uid(programmeID, pair.mentorID, pair.menteeID, month, "\(index)"), summary: summary,
                    location: session.place, date: session.date, startMinute: session.startMinute,
                    endMinute: session.endMinute))
            }
        }
        return events
    }

    /// One single event per supervision group, in the order of `groups`.
    static func supervision(_ groups: [SupervisionGroup], programmeID: String) -> [CalendarEvent] {
        var countInMonth: [String: Int] = [:]
        return groups.map { group in
            let month = group.slot.date.monthText
            let index = countInMonth[month, default: 0]
            countInMonth[month] = index + 1
            return CalendarEvent(
                uid: uid(programmeID, "supervision", month, "\(index)"),
                summary: "Group supervision: \(group.mentorIDs.joined(separator: ", "))", location: group.slot.place,
                date: group.slot.date, startMinute: group.slot.startMinute, endMinute: group.slot.endMinute)
        }
    }

    /// A stable UID: FNV-1a (64 bits) of the parts.
    static func uid(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "|").utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "@mentormatch"
    }

    /// An id as part of a file name, one to one: ASCII letters, digits and `.` as they are, every other byte of the
    /// UTF-8 text as `_` and two hex digits (`M:1` → `M_3A1`, `M_1` → `M_5F1`, `-` → `_2D`, which keeps the `-`
    /// between a pair's two ids unambiguous), so distinct ids never share a file. An encoding longer than 80 characters keeps its first 60 and a 64-bit FNV-1a hash of the whole id, so
    /// that file names stay within every file system's limit.
    static func safe(_ id: String) -> String {
        var encoded = ""
        for byte in id.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || (48...57).contains(byte) || byte == 46 {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "_" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        guard encoded.count > 80 else { return encoded }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(encoded.prefix(60)) + "_" + String(hash, radix: 16)
    }

    /// `20261123T065100Z`.
    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = LocalDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let second = seconds - day.daysSinceEpoch * 86_400
        let clock = RigaTime.clock(second / 60).replacingOccurrences(of: ":", with: "")
        return RigaTime.compact(day) + "T" + clock + (second % 60 < 10 ? "0" : "") + "\(second % 60)Z"
    }
}

/// Splits a pair's sessions into weekly or fortnightly series and single sessions.
enum CalendarSeries {
    struct Series {
        /// In date order; the first is the series' start.
        var sessions: [ScheduledSession]
        var intervalWeeks: Int
        /// Dates on the series' grid without a session.
        var excludedDates: [LocalDate]
    }

    /// Sessions with the same weekday, time and place form a series when at least three of them lie on one weekly or
    /// fortnightly grid from the first and the grid's gaps are at most half as many as its sessions.
    static func split(_ sessions: [ScheduledSession]) -> (series: [Series], singles: [ScheduledSession]) {
        struct PatternKey: Hashable { var weekday: Weekday, start: Int, end: Int, place: String }
        let groups = Dictionary(grouping: sessions, by: { PatternKey(weekday: $0.date.weekday, start: $0.startMinute, end: $0.endMinute, place: $0.place) })
        var series: [Series] = []
        var singles: [ScheduledSession] = []
        for key in groups.keys.sorted(by: { ($0.weekday, $0.start, $0.end, $0.place) < ($1.weekday, $1.start, $1.end, $1.place) }) {
            var rest = groups[key]!.sorted()
            // A pattern can restart on another grid (after a holiday moved it by a week): take series while they form.
            while let found = bestSeries(rest) {
                series.append(found)
                let inSeries = Set(found.sessions.map(\.date))
                rest = rest.filter { !inSeries.contains($0.date) }
            }
            singles += rest
        }
        return (series.sorted { $0.sessions[0].date < $1.sessions[0].date }, singles)
    }

    /// The weekly or fortnightly grid, from any session on, that holds the most sessions, if one qualifies.
    private static func bestSeries(_ sessions: [ScheduledSession]) -> Series? {
        var best: Series?
        for (position, anchor) in sessions.enumerated() {
            let first = anchor.date.daysSinceEpoch
            for interval in [2, 1] {
                let onGrid = sessions[position...].filter { ($0.date.daysSinceEpoch - first) % (7 * interval) == 0 }
                let taken = Set(onGrid.map(\.date.daysSinceEpoch))
                let excluded = stride(from: first, through: onGrid.last!.date.daysSinceEpoch, by: 7 * interval)
                    .filter { !taken.contains($0) }.map(LocalDate.init(daysSinceEpoch:))
                guard onGrid.count >= 3, excluded.count * 2 <= onGrid.count, onGrid.count > (best?.sessions.count ?? 0)
                else { continue }
                best = Series(sessions: onGrid, intervalWeeks: interval, excludedDates: excluded)
            }
        }
        return best
    }
}
