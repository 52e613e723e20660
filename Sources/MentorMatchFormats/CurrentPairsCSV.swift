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
        CSVInputTable.read(data, source: source, columns: currentColumns) { row in currentPair(from: &row) }
    }

    /// Reads previous suggestions (`pairs.csv` of a run not yet confirmed).
    public static func readSuggestions(_ data: Data, source: String) -> ParsedRecords<SuggestedPair> {
        CSVInputTable.read(data, source: source, columns: previousColumns) { row in suggestion(from: &row) }
    }

    /// A current pair from a row with the current-pairs columns (a CSV row or a JSON document's record).
    static func currentPair(from row: inout CSVRow) -> CurrentPair? {
        let fix = Phrase("give the ids of both people of every pair meeting now",
                         lv: "norādiet abu cilvēku id katram pārim, kas tagad tiekas")
        guard let mentor = row.required("mentor_id", fix: fix), let mentee = row.required("mentee_id", fix: fix)
        else { return nil }
        let since = date(&row, "since")
        let until = date(&row, "until")
        guard let since, let until else { return nil }
        return CurrentPair(mentorID: mentor, menteeID: mentee, since: since.value, until: until.value)
    }

    /// A suggested pair from a row with the previous-suggestions columns.
    static func suggestion(from row: inout CSVRow) -> SuggestedPair? {
        let fix = Phrase("give the ids of both people of every suggested pair", lv: "norādiet abu cilvēku id katram ieteiktajam pārim")
        guard let mentor = row.required("mentor_id", fix: fix), let mentee = row.required("mentee_id", fix: fix)
        else { return nil }
        return SuggestedPair(mentorID: mentor, menteeID: mentee)
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
        guard let date = LocalDate(text: text) else {
            let quoted = InputText.excerpt(text)
            row.report(column, problem: Phrase("\(column) '\(quoted)' is not a date", lv: "\(column) '\(quoted)' nav datums"),
                       fix: Phrase("write the date as 2024-03-01 or 01.03.2024, or leave it blank",
                                   lv: "rakstiet datumu kā 01.03.2024 vai 2024-03-01, vai atstājiet tukšu"))
            return nil
        }
        return ReadDate(value: date)
    }

    private struct ReadDate { var value: LocalDate? }
}
