import Foundation
import MentorMatchCore

/// The locks file: `mentor_id,mentee_id,rule`, where `rule` is `lock` (the pair must be made) or `forbid`.
public enum PairRulesCSV {
    static let columns = CSVColumns(
        kind: "rules", required: ["mentor_id", "mentee_id", "rule"], optional: [], requiresRows: false, keyColumn: nil
    )

    /// Reads the file's rows into pair rules, reporting syntax problems; check the result with ``InputValidator``.
    /// - Parameter source: The file name as the user gave it.
    public static func read(_ data: Data, source: String) -> ParsedRecords<PairRule> {
        CSVInputTable.read(data, source: source, columns: columns) { row in rule(from: &row) }
    }

    /// A rule from a row with the locks columns, problems reported on the row.
    static func rule(from row: inout CSVRow) -> PairRule? {
        let fix = Phrase("write lock (the pair must be made) or forbid (the pair must never be made)",
                         lv: "rakstiet lock (pāris jāizveido) vai forbid (pāri nedrīkst izveidot)")
        guard let text = row.required("rule", fix: fix) else { return nil }
        guard let kind = PairRule.Kind(rawValue: text.lowercased()) else {
            let quoted = InputText.excerpt(text)
            row.report("rule", problem: Phrase("rule '\(quoted)' is neither lock nor forbid", lv: "rule '\(quoted)' nav ne lock, ne forbid"),
                       fix: fix)
            return nil
        }
        return PairRule(mentorID: row.text("mentor_id"), menteeID: row.text("mentee_id"), kind: kind)
    }

    /// The text of a locks file that ``read(_:source:)`` reads back to the same rules.
    public static func text(_ rules: [PairRule]) -> String {
        CSVWriter.text(header: columns.required, rows: rules.map { [$0.mentorID, $0.menteeID, $0.kind.rawValue] })
    }
}
