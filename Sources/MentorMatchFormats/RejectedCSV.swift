import Foundation

/// `rejected.csv`: the rows `--skip-invalid` set aside, one line per row with every problem found in it.
///
/// Columns `file,line,id,problems`: the input file and line of the row, its id (the place for `places.csv`, the pair
/// for locks; blank when the row could not be read), and its problems with what to do, separated by ` | `.
public enum RejectedCSV {
    public static let header = ["file", "line", "id", "problems"]

    public static func text(_ rows: [RejectedRow]) -> String {
        CSVWriter.text(header: header, rows: rows.map { row in
            [row.source, String(row.line), row.key, row.issues.map { issue in
                (issue.field.map { "\($0): " } ?? "") + "\(issue.problem). Fix: \(issue.fix)"
            }.joined(separator: " | ")]
        })
    }

    /// `Set aside 2 invalid rows (rejected.csv): 1 of mentors.csv, 1 of mentees.csv; matched the rest`.
    public static func headline(_ rows: [RejectedRow]) -> String {
        let files = Dictionary(grouping: rows, by: \.source)
        let parts = rows.map(\.source).reduce(into: [String]()) { order, source in
            if !order.contains(source) { order.append(source) }
        }.map { "\(files[$0]?.count ?? 0) of \($0)" }
        return "Set aside \(rows.count) invalid row\(rows.count == 1 ? "" : "s") (rejected.csv): "
            + parts.joined(separator: ", ") + "; matched the rest"
    }
}
