import Foundation
import MentorMatchCore
import Scheduling

/// The files `mentormatch schedule` writes besides `calendars/`: `sessions.csv`, `sessions.json` and `shortfalls.csv`.
///
/// Times are local Europe/Riga times in ISO 8601 with their UTC offset (`2024-03-04T17:30:00+02:00`). The CSV files
/// hold only ids, times, places and reasons, sorted, so the same input gives the same bytes.
public enum ScheduleFiles {
    public static let sessionsHeader = ["mentor_id", "mentee_id", "start", "end", "place"]
    public static let shortfallsHeader = ["mentor_id", "mentee_id", "month", "required", "scheduled", "reason"]

    public static func sessionsCSV(_ result: ScheduleResult) -> String {
        CSVWriter.text(header: sessionsHeader, rows: result.sessions.map { session in
            let times = SessionTimes(session.date, session.startMinute, session.endMinute)
            return [session.mentorID, session.menteeID, times.start, times.end, session.place]
        })
    }

    public static func shortfallsCSV(_ result: ScheduleResult) -> String {
        CSVWriter.text(header: shortfallsHeader, rows: result.shortfalls.map {
            [$0.mentorID, $0.menteeID, $0.month, "\($0.required)", "\($0.scheduled)", $0.reason]
        })
    }

    public static func json(_ result: ScheduleResult) throws(FormatError) -> Data {
        try JSONOutput.data(ScheduleDocument(result), output: "sessions.json")
    }

    /// Every file by name, for ``AtomicOutput``.
    public static func all(_ result: ScheduleResult) throws(FormatError) -> [String: Data] {
        ["sessions.csv": Data(sessionsCSV(result).utf8), "shortfalls.csv": Data(shortfallsCSV(result).utf8),
         "sessions.json": try json(result)]
    }
}

/// A start and an end in ISO 8601 local time.
private struct SessionTimes: Encodable {
    var start: String
    var end: String

    init(_ date: LocalDate, _ startMinute: Int, _ endMinute: Int) {
        start = RigaTime.iso8601(date: date, minute: startMinute)
        end = RigaTime.iso8601(date: date, minute: endMinute)
    }
}

/// `sessions.json`: the programme's dates, every session and supervision group, shortfalls, absences, the monthly
/// summary and each mentor's solve.
private struct ScheduleDocument: Encodable {
    struct Programme: Encodable {
        var start: LocalDate
        var end: LocalDate
        var timeZone = "Europe/Riga"
        enum CodingKeys: String, CodingKey {
            case start, end
            case timeZone = "time_zone"
        }
    }

    struct Session: Encodable {
        var mentorID: String
        var menteeID: String
        var start: String
        var end: String
        var place: String
        enum CodingKeys: String, CodingKey {
            case mentorID = "mentor_id"
            case menteeID = "mentee_id"
            case start, end, place
        }
    }

    struct Group: Encodable {
        var start: String
        var end: String
        var place: String?
        var mentorIDs: [String]
        enum CodingKeys: String, CodingKey {
            case start, end, place
            case mentorIDs = "mentor_ids"
        }
    }

    var programme: Programme
    var sessions: [Session]
    var supervision: [Group]
    var shortfalls: [Shortfall]
    var supervisionAbsences: [SupervisionAbsence]
    var months: [MonthSummary]
    var solves: [MentorSolveReport]
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case programme, sessions, supervision, shortfalls, months, solves, seconds
        case supervisionAbsences = "supervision_absences"
    }

    init(_ result: ScheduleResult) {
        programme = Programme(start: result.start, end: result.end)
        sessions = result.sessions.map { session in
            let times = SessionTimes(session.date, session.startMinute, session.endMinute)
            return Session(mentorID: session.mentorID, menteeID: session.menteeID, start: times.start, end: times.end,
                           place: session.place)
        }
        supervision = result.supervision.map { group in
            let times = SessionTimes(group.slot.date, group.slot.startMinute, group.slot.endMinute)
            return Group(start: times.start, end: times.end, place: group.slot.place, mentorIDs: group.mentorIDs)
        }
        shortfalls = result.shortfalls
        supervisionAbsences = result.supervisionAbsences
        months = result.months
        solves = result.solves
        seconds = result.seconds
    }
}

/// A schedule written earlier (`sessions.json` in `--out`), read back for `schedule --from`.
public struct PreviousSchedule: Sendable, Hashable {
    public var start: LocalDate
    public var end: LocalDate
    public var sessions: [ScheduledSession]
    public var supervision: [SupervisionGroup]
    /// The months in which pairs got fewer sessions than required, as that run reported them.
    public var shortfalls: [Shortfall]

    /// Reads the `sessions.json` at `path`; see ``read(_:source:)``.
    public static func load(path: String) throws(InputError) -> PreviousSchedule {
        try read(contentsOfFile(path), source: path)
    }

    /// Reads the programme, sessions, supervision groups and shortfalls of a `sessions.json`.
    /// - Throws: ``InputError`` naming the file when it is not one `mentormatch schedule` wrote.
    public static func read(_ data: Data, source: String) throws(InputError) -> PreviousSchedule {
        struct Document: Decodable {
            struct Programme: Decodable { var start: LocalDate; var end: LocalDate }
            struct Session: Decodable {
                var mentorID: String, menteeID: String, start: String, end: String, place: String
                enum CodingKeys: String, CodingKey {
                    case mentorID = "mentor_id", menteeID = "mentee_id", start, end, place
                }
            }
            struct Group: Decodable {
                var start: String, end: String, place: String?, mentorIDs: [String]
                enum CodingKeys: String, CodingKey { case start, end, place, mentorIDs = "mentor_ids" }
            }
            var programme: Programme
            var sessions: [Session]
            var supervision: [Group]
            var shortfalls: [Shortfall]
        }
        let problem = InputError(issues: [InputIssue(
            source: source, problem: "is not a sessions.json written by mentormatch schedule",
            fix: "schedule --from re-plans the schedule in --out; run schedule without --from first, into the same --out"
        )])
        guard let document = try? JSONDecoder().decode(Document.self, from: data) else { throw problem }
        /// `2024-03-04T17:30:00+02:00` as the local date and minute of the day.
        func local(_ text: String) -> (date: LocalDate, minute: Int)? {
            let characters = Array(text)
            guard characters.count >= 16, let date = LocalDate(iso: String(characters[0..<10])),
                let hours = Int(String(characters[11..<13])), let minutes = Int(String(characters[14..<16]))
            else { return nil }
            return (date, hours * 60 + minutes)
        }
        var sessions: [ScheduledSession] = []
        for session in document.sessions {
            guard let start = local(session.start), let end = local(session.end) else { throw problem }
            sessions.append(ScheduledSession(
                mentorID: session.mentorID, menteeID: session.menteeID, date: start.date, startMinute: start.minute,
                endMinute: end.minute, place: session.place
            ))
        }
        var supervision: [SupervisionGroup] = []
        for group in document.supervision {
            guard let start = local(group.start), let end = local(group.end) else { throw problem }
            supervision.append(SupervisionGroup(
                slot: SupervisorSlot(date: start.date, startMinute: start.minute, endMinute: end.minute, place: group.place),
                mentorIDs: group.mentorIDs
            ))
        }
        return PreviousSchedule(
            start: document.programme.start, end: document.programme.end, sessions: sessions, supervision: supervision,
            shortfalls: document.shortfalls
        )
    }
}
