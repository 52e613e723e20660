import Foundation
import MentorMatchCore
import Scheduling

/// The matching's `pairs.csv` as schedule input: `mentor_id,mentee_id`, the other columns of `pairs.csv` allowed.
public enum PairsCSV {
    static let columns = CSVColumns(
        kind: "pairs", required: ["mentor_id", "mentee_id"], optional: Array(ResultFiles.pairsHeader.dropFirst(2)),
        requiresRows: true, keyColumn: nil
    )

    public static func read(_ data: Data, source: String) -> ParsedRecords<PairToSchedule> {
        CSVInputTable.read(data, source: source, columns: columns) { row in
            let fix = Phrase("copy the pairs from the matching's pairs.csv", lv: "pārkopējiet pārus no savienošanas pairs.csv")
            guard let mentor = row.required("mentor_id", fix: fix), let mentee = row.required("mentee_id", fix: fix) else { return nil }
            return PairToSchedule(mentorID: mentor, menteeID: mentee)
        }
    }
}

/// `person_id,date`: a mentor's or young person's own dates without sessions (holidays, exams).
public enum UnavailableCSV {
    static let columns = CSVColumns(kind: "dates", required: ["person_id", "date"], optional: [], requiresRows: false, keyColumn: nil)

    public static func read(_ data: Data, source: String) -> ParsedRecords<UnavailableDate> {
        CSVInputTable.read(data, source: source, columns: columns) { row in
            guard let person = row.required("person_id", fix: Phrase("write the mentor's or young person's id",
                                                                 lv: "ierakstiet mentora vai jaunieša id")),
                let date = row.date("date")
            else { return nil }
            return UnavailableDate(personID: person, date: date)
        }
    }
}

/// `date,start,end` and optionally `place`: the times the supervisor offers for group supervision.
public enum SupervisorSlotsCSV {
    static let columns = CSVColumns(kind: "slots", required: ["date", "start", "end"], optional: ["place"], requiresRows: true,
                                    keyColumn: nil)

    public static func read(_ data: Data, source: String) -> ParsedRecords<SupervisorSlot> {
        CSVInputTable.read(data, source: source, columns: columns) { row in
            let date = row.date("date")
            let start = row.clock("start"), end = row.clock("end")
            guard let date, let start, let end else { return nil }
            let place = row.text("place")
            return SupervisorSlot(date: date, startMinute: start, endMinute: end, place: place.isEmpty ? nil : place)
        }
    }
}

extension CSVRow {
    /// A date `YYYY-MM-DD`.
    mutating func date(_ column: String) -> LocalDate? {
        let fix = Phrase("write the date as YYYY-MM-DD or DD.MM.YYYY, such as 2024-03-15 or 15.03.2024",
                         lv: "rakstiet datumu kā DD.MM.GGGG vai GGGG-MM-DD, piemēram, 15.03.2024 vai 2024-03-15")
        guard let text = required(column, fix: fix) else { return nil }
        guard let date = LocalDate(text: text) else {
            let quoted = InputText.excerpt(text)
            report(column, problem: Phrase("\(column) '\(quoted)' is not a date", lv: "\(column) '\(quoted)' nav datums"), fix: fix)
            return nil
        }
        return date
    }

    /// A time of day `HH:MM`, as minutes after midnight.
    mutating func clock(_ column: String) -> Int? {
        let fix = Phrase("write the time as HH:MM, such as 17:30", lv: "rakstiet laiku kā HH:MM, piemēram, 17:30")
        guard let text = required(column, fix: fix) else { return nil }
        guard let minutes = WeeklyAvailability.parseClock(text) else {
            let quoted = InputText.excerpt(text)
            report(column, problem: Phrase("\(column) '\(quoted)' is not a time of day", lv: "\(column) '\(quoted)' nav diennakts laiks"),
                   fix: fix)
            return nil
        }
        return minutes
    }
}

/// The schedule's own input files, read with every problem collected.
public struct ScheduleInputRecords: Sendable {
    /// `nil` when no pairs file was given (the pairs are then matched on the fly).
    public var pairs: [PairToSchedule]?
    public var unavailable: [UnavailableDate]
    public var supervisorSlots: [SupervisorSlot]
    public var sources: ScheduleSources

    /// Reads the files that are given.
    /// - Throws: ``InputError`` with every problem of every file.
    public static func load(pairs: String?, unavailable: String?, supervisorSlots: String?) throws(InputError) -> ScheduleInputRecords {
        var issues: [InputIssue] = []
        func read<Record>(_ path: String?, _ reader: (Data, String) -> ParsedRecords<Record>) -> ParsedRecords<Record>? {
            guard let path else { return nil }
            do {
                let parsed = reader(try contentsOfFile(path), path)
                issues += parsed.issues
                return parsed
            } catch {
                issues += error.issues
                return nil
            }
        }
        let pairRecords = read(pairs, PairsCSV.read)
        let unavailableRecords = read(unavailable, UnavailableCSV.read)
        let slotRecords = read(supervisorSlots, SupervisorSlotsCSV.read)
        guard issues.isEmpty else { throw InputError(issues: issues) }
        var sources = ScheduleSources()
        if let pairRecords { sources.pairs = pairRecords.source }
        if let unavailableRecords { sources.unavailable = unavailableRecords.source }
        if let slotRecords { sources.supervisorSlots = slotRecords.source }
        return ScheduleInputRecords(
            pairs: pairRecords?.records, unavailable: unavailableRecords?.records ?? [],
            supervisorSlots: slotRecords?.records ?? [], sources: sources)
    }
}
