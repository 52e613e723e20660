import Foundation
import GRDB
import MentorMatch
import MentorMatchJobs

/// What the calendar form asks: the programme's first day and length, how often and how long pairs meet (or hours
/// a month, for paid services), and the supervision slots (a `date,start,end,place` CSV file).
public struct CalendarSettings: Sendable, Hashable {
    public var start: String
    public var months: Int
    public var sessionsPerMonth: Int?
    public var sessionMinutes: Int?
    public var hoursPerMonth: Double?
    public var supervisorSlots: Data?

    public init(start: String, months: Int, sessionsPerMonth: Int? = nil, sessionMinutes: Int? = nil,
                hoursPerMonth: Double? = nil, supervisorSlots: Data? = nil)
    {
        self.start = start
        self.months = months
        self.sessionsPerMonth = sessionsPerMonth
        self.sessionMinutes = sessionMinutes
        self.hoursPerMonth = hoursPerMonth
        self.supervisorSlots = supervisorSlots
    }
}

/// A calendar planned for the programme's published pairs: a schedule job.
public struct CalendarRun: Sendable, Hashable {
    public var id: String
    public var jobID: String
    public var account: String
    public var createdAt: Date
    public var start: String
    public var months: Int
    /// Published pairs left out because their mentor or young person is no longer in the files.
    public var pairsLeftOut: Int
}

/// The finished calendar as the page shows it: sessions and shortfalls per month, and its calendar files.
public struct CalendarSummary: Sendable, Hashable, Decodable {
    public var months: [MonthSummary]
    public var shortfalls: [Shortfall]
    /// The files under `calendars/`: `mentor-M001.ics`, `pair-M001-Y0001.ics`, `supervisor.ics`.
    public var files: [String] = []

    enum CodingKeys: String, CodingKey { case months, shortfalls }

    public var mentorFiles: [String] { files.filter { $0.hasPrefix("mentor-") } }
    public var pairFiles: [String] { files.filter { $0.hasPrefix("pair-") } }
}

extension Workspace {
    /// Plans the meetings of the programme's published pairs (a schedule job in a worker process): the files and
    /// policy of the programme, the settings of the form. The calendars' UIDs carry the programme's id, so a
    /// re-planned calendar updates the events a calendar app has already imported.
    public func planCalendar(
        _ settings: CalendarSettings, of programme: Programme, by account: Account
    ) async throws(WorkspaceError) -> CalendarRun {
        guard LocalDate(iso: settings.start) != nil else {
            throw .invalidField(field: "start", problem: Phrase(
                "'\(settings.start.prefix(20))' is not a date; give the first day such as 2024-03-01",
                lv: "'\(settings.start.prefix(20))' nav datums; ierakstiet pirmo dienu, piemēram, 2024-03-01"))
        }
        guard (1...36).contains(settings.months) else {
            throw .invalidField(field: "months", problem: Phrase("give the programme's length as 1 to 36 months",
                                                                 lv: "ierakstiet programmas ilgumu no 1 līdz 36 mēnešiem"))
        }
        let files = try currentFiles(programme)
        guard let contents = try contents(files, programme: programme, current: []),
              let loaded = try? InputLoader.load(contents, skippingInvalidRows: programme.skipsInvalidRows)
        else { throw .dataNotReady }
        let mentorIDs = Set(loaded.input.mentors.map(\.id)), menteeIDs = Set(loaded.input.mentees.map(\.id))
        let published = try publishedPairs(of: programme)
        guard !published.isEmpty else { throw .nothingPublished }
        let pairs = published.filter { mentorIDs.contains($0.mentorID) && menteeIDs.contains($0.menteeID) }
        var parts: [String: Data] = [
            "mentors": contents.mentors.data, "mentees": contents.mentees.data, "places": contents.places.data,
            "pairs": Data(CSVWriter.text(header: ["mentor_id", "mentee_id"], rows: pairs.map { [$0.mentorID, $0.menteeID] }).utf8),
        ]
        parts["policy"] = contents.policy?.data
        parts["supervisor_slots"] = settings.supervisorSlots
        var options = ["start": settings.start, "months": "\(settings.months)", "programme_id": "mentormatch-\(programme.id)"]
        options["sessions_per_month"] = settings.sessionsPerMonth.map(String.init)
        options["session_minutes"] = settings.sessionMinutes.map(String.init)
        options["hours_per_month"] = settings.hoursPerMonth.map { "\($0)" }
        let record: JobRecord
        do {
            record = try await jobs.submit(JobRequest(kind: .schedule, parts: parts, options: options), idempotencyKey: nil).0
        } catch {
            throw .jobRefused(Self.describe(error))
        }
        let run = CalendarRun(id: Self.randomToken(bytes: 8), jobID: record.id, account: account.name, createdAt: Date(),
                              start: settings.start, months: settings.months, pairsLeftOut: published.count - pairs.count)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO calendar_run (id, programme_id, job_id, account, created_at, start, months, pairs_left_out)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [run.id, programme.id, run.jobID, run.account, run.createdAt, run.start, run.months, run.pairsLeftOut])
            try Self.audit(db, programme: programme.id, account: account.name, .calendarPlanned, "calendar \(run.id)")
        }
        logger.info("calendar planned", metadata: ["pairs": "\(pairs.count)", "months": "\(settings.months)"])
        return run
    }

    /// The newest calendar of the programme.
    public func latestCalendar(of programme: Programme) throws(WorkspaceError) -> CalendarRun? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM calendar_run WHERE programme_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
                             arguments: [programme.id]).map {
                CalendarRun(id: $0["id"], jobID: $0["job_id"], account: $0["account"], createdAt: $0["created_at"],
                            start: $0["start"], months: $0["months"], pairsLeftOut: $0["pairs_left_out"])
            }
        }
    }

    /// The calendar's job: its status and failure.
    public func status(of calendar: CalendarRun) async -> JobRecord? { await jobs.job(calendar.jobID) }

    /// The finished calendar's sessions and shortfalls.
    public func summary(of calendar: CalendarRun) async -> CalendarSummary? {
        guard let record = await jobs.job(calendar.jobID), record.status == .succeeded,
              let data = await jobs.output(calendar.jobID, name: "sessions.json"),
              var summary = try? JSONDecoder().decode(CalendarSummary.self, from: data)
        else { return nil }
        summary.files = record.outputNames.filter { $0.hasPrefix("calendars/") }.map { String($0.dropFirst("calendars/".count)) }.sorted()
        return summary
    }

    /// `calendars.zip` or one calendar file (`mentor-M001.ics`, `pair-M001-Y0001.ics`) of a finished calendar.
    public func calendarFile(_ name: String, of calendar: CalendarRun) async -> Data? {
        let stored = name == "calendars.zip" ? name : "calendars/\(name)"
        guard let record = await jobs.job(calendar.jobID), record.outputNames.contains(stored) else { return nil }
        return await jobs.output(calendar.jobID, name: stored)
    }
}
