import Foundation
import MentorMatchCore

/// The pairs meeting now (`--current`) and earlier suggestions (`--previous`): `mentor_id,mentee_id`, and for current
/// pairs optional `since` and `until` (`2024-03-01` or `01.03.2024`).
///
/// Last month's `pairs.csv` is read as it is: its other columns (distance, score, locked, …) are ignored in these
/// files only.
public enum CurrentPairsCSV {
    static let currentColumns = CSVColumns(
        kind: "pairs", required: ["mentor_id", "mentee_id"], optional: ["since", "until"], requiresRows: false,
        keyColumn: nil, ignoresOtherColumns: true
    )
    static let previousColumns = CSVColumns(
        kind: "pairs", required: ["mentor_id", "mentee_id"], optional: [], requiresRows: false, keyColumn: nil,
        ignoresOtherColumns: true
    )

    /// Reads the current pairs, reporting blank ids and dates that cannot be read.
    public static func read(_ data: Data, source: String) -> ParsedRecords<CurrentPair> {
        CSVInputTable.read(data, source: source, columns: currentColumns) { row in
            let fix = "give the ids of both people of every pair meeting now"
            guard let mentor = row.required("mentor_id", fix: fix), let mentee = row.required("mentee_id", fix: fix)
            else { return nil }
            let since = date(&row, "since")
            let until = date(&row, "until")
            guard let since, let until else { return nil }
            return CurrentPair(mentorID: mentor, menteeID: mentee, since: since.value, until: until.value)
        }
    }

    /// Reads previous suggestions (`pairs.csv` of a run not yet confirmed).
    public static func readSuggestions(_ data: Data, source: String) -> ParsedRecords<SuggestedPair> {
        CSVInputTable.read(data, source: source, columns: previousColumns) { row in
            let fix = "give the ids of both people of every suggested pair"
            guard let mentor = row.required("mentor_id", fix: fix), let mentee = row.required("mentee_id", fix: fix)
            else { return nil }
            return SuggestedPair(mentorID: mentor, menteeID: mentee)
        }
    }

    /// The text of a current-pairs file that ``read(_:source:)`` reads back to the same pairs.
    public static func text(_ pairs: [CurrentPair]) -> String {
        CSVWriter.text(
            header: ["mentor_id", "mentee_id", "since", "until"],
            rows: pairs.map { [$0.mentorID, $0.menteeID, $0.since?.description ?? "", $0.until?.description ?? ""] }
        )
    }

    /// A blank date is none (the outer optional holds the date, the inner one says whether it was given).
    private static func date(_ row: inout CSVRow, _ column: String) -> ReadDate? {
        let text = row.text(column)
        guard !text.isEmpty else { return ReadDate(value: nil) }
        guard let date = LocalDate(iso: text) ?? latvianDate(text) else {
            row.report(column, problem: "\(column) '\(text)' is not a date",
                       fix: "write the date as 2024-03-01 or 01.03.2024, or leave it blank")
            return nil
        }
        return ReadDate(value: date)
    }

    private struct ReadDate { var value: LocalDate? }

    /// `dd.mm.yyyy`, as Latvian spreadsheets write dates.
    static func latvianDate(_ text: String) -> LocalDate? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
