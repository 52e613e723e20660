import ArgumentParser
import Foundation
import MentorMatch

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Turn pairs into dated sessions and supervision: sessions.csv, sessions.json, shortfalls.csv, calendars/.",
        discussion: "Without --pairs the pairs are matched on the fly. Re-running into the same --out keeps event UIDs and "
            + "raises SEQUENCE only for changed events, so calendar apps update instead of duplicating."
    )

    @OptionGroup var input: InputOptions
    @Option(help: "The matching's pairs.csv (mentor_id,mentee_id,…); without it the pairs are matched on the fly.")
    var pairs: String?
    @Option(help: "First day of the programme, YYYY-MM-DD or DD.MM.YYYY (1900–2200).")
    var start: LocalDate
    @Option(help: "Length of the programme in months (Ogre: 6; 1–120).")
    var months: Int?
    @Option(help: "Last day of the programme, YYYY-MM-DD or DD.MM.YYYY (instead of --months; at most ten years after --start).")
    var end: LocalDate?
    @Option(help: "Sessions per pair and month (default: the policy's schedule.sessions_per_month, 2).")
    var sessionsPerMonth: Int?
    @Option(help: "Paid mode: hours per pair and month (Liepāja: 20), in sessions of --session-minutes.")
    var hoursPerMonth: Double?
    @Option(help: "Length of one session in minutes (default 60).")
    var sessionMinutes: Int?
    @Option(help: "People's own dates without sessions, CSV: person_id,date.")
    var unavailable: String?
    @Option(help: "The supervisor's slots for group supervision, CSV: date,start,end[,place].")
    var supervisorSlots: String?
    @Option(help: "Largest supervision group (default 8).")
    var groupSize: Int?
    @Option(help: "Part of every calendar UID; keep it across re-runs (default: mentormatch-<start>).")
    var programmeID: String?
    @Option(help: "Re-plan a running programme from this date, YYYY-MM-DD: the sessions.json in --out stays as it was before it, unchanged pairs keep their sessions, only new pairs get new ones.")
    var from: LocalDate?
    @Option(help: "Directory for the files (created if missing; written all at once).")
    var out: String
    @Option(help: "What to print: a summary table, or sessions.json for programs.")
    var format: OutputFormat = .table

    func validate() throws {
        guard (months == nil) != (end == nil) else { throw ValidationError("give either --months or --end") }
    }

    func run() throws {
        do throws(MentorMatchError) {
            let setup = ScheduleSetup(
                input: input.files, pairs: pairs, unavailable: unavailable, supervisorSlots: supervisorSlots, start: start,
                length: end.map(ProgrammeLength.until) ?? .months(months ?? 0),
                adjustments: ScheduleAdjustments(sessionsPerMonth: sessionsPerMonth, hoursPerMonth: hoursPerMonth,
                                                 sessionMinutes: sessionMinutes, supervisionGroupSize: groupSize),
                continuation: try from.map { date throws(MentorMatchError) in
                    ScheduleContinuation(from: date, previous: try Self.previousSchedule(in: URL(fileURLWithPath: out)))
                })
            let result = try MentorScheduler().schedule(setup)
            let directory = URL(fileURLWithPath: out)
            let calendars = ScheduleCalendars.files(
                result, programmeID: programmeID ?? "mentormatch-\(start)",
                previous: Self.previousCalendars(in: directory.appendingPathComponent("calendars")), generated: Date())
            let files = try MentorMatchError.formatting { () throws(FormatError) in try ScheduleFiles.all(result) }
            try write(files, subdirectories: ["calendars": calendars], to: directory, owned: CommandOutput.schedule)
            switch format {
            case .table: print(TerminalLayout.fitted(ScheduleReport.render(result, calendarFiles: calendars.count)), terminator: "")
            case .json: FileHandle.standardOutput.write(try producedFile("sessions.json", in: files))
            }
        } catch {
            throw fail(error)
        }
    }

    /// The `sessions.json` of an earlier run into `directory`, for `--from`.
    private static func previousSchedule(in directory: URL) throws(MentorMatchError) -> PreviousSchedule {
        let path = directory.appendingPathComponent("sessions.json").path
        do {
            return try PreviousSchedule.load(path: path)
        } catch {
            throw .invalidInput(error)
        }
    }

    /// The `.ics` files of an earlier run, so that unchanged events keep their SEQUENCE.
    private static func previousCalendars(in directory: URL) -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return Dictionary(uniqueKeysWithValues: names.filter { $0.hasSuffix(".ics") }.compactMap { name in
            (try? Data(contentsOf: directory.appendingPathComponent(name))).map { (name, $0) }
        })
    }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}

/// The terminal summary of a schedule: one line per month, then shortfalls and supervision absences.
enum ScheduleReport {
    static func render(_ result: ScheduleResult, calendarFiles: Int) -> String {
        let pairs = Set(result.sessions.map { "\($0.mentorID)|\($0.menteeID)" }).count
        let hours = result.months.reduce(0) { $0 + $1.hours }
        var lines = [
            "Scheduled \(counted(result.sessions.count, "session")) (\(DecimalText.fixed(hours, decimals: 1)) h) for "
                + "\(counted(pairs, "pair")), \(result.start) – \(result.end), Europe/Riga; "
                + "\(counted(result.shortfalls.count, "shortfall")); \(counted(calendarFiles, "calendar file"))",
            "Solver: \(counted(result.solves.count, "mentor programme")) "
                + "(\(result.solves.count(where: \.isProvenOptimal)) proven optimal); \(DecimalText.fixed(result.seconds, decimals: 2)) s",
            "",
            "month    sessions  hours   shortfalls  conflicts  supervision",
        ]
        for month in result.months {
            let supervision = month.supervisionGroups == 0 ? "–"
                : "\(counted(month.supervisionGroups, "group")), \(month.supervisionAttendance) mentors"
            lines.append(month.month.padding(toLength: 9, withPad: " ", startingAt: 0)
                + "\(month.sessions)".padding(toLength: 10, withPad: " ", startingAt: 0)
                + DecimalText.fixed(month.hours, decimals: 1).padding(toLength: 8, withPad: " ", startingAt: 0)
                + "\(month.shortfalls)".padding(toLength: 12, withPad: " ", startingAt: 0)
                + "\(month.conflicts)".padding(toLength: 11, withPad: " ", startingAt: 0) + supervision)
        }
        if !result.shortfalls.isEmpty {
            lines += ["", "Shortfalls (\(result.shortfalls.count)):"]
            lines += result.shortfalls.map { "  \($0.mentorID)–\($0.menteeID) \($0.month): \($0.scheduled) of \($0.required); \($0.reason)" }
        }
        if !result.supervisionAbsences.isEmpty {
            lines += ["", "Not at supervision (\(result.supervisionAbsences.count)):"]
            lines += result.supervisionAbsences.map { "  \($0.mentorID) \($0.month): \($0.reason)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
