import Foundation

/// Writes CSV deterministically: `,`-delimited (or another delimiter), `\n` line ends, a final line end, and
/// quotes only around fields that need them.
public enum CSVWriter {
    /// The text of a CSV file.
    ///
    /// A field is quoted when it holds the delimiter, a quote, a line break, or blanks at either end (which
    /// ``CSVReader`` would otherwise trim); quotes inside are doubled.
    /// - Parameters:
    ///   - header: Column names.
    ///   - rows: One array of fields per row, in header order.
    ///   - delimiter: `,` unless given.
    public static func text(header: [String], rows: [[String]], delimiter: Character = ",") -> String {
        var output = ""
        for row in [header] + rows {
            output += row.map { quotedIfNeeded($0, delimiter: delimiter) }.joined(separator: String(delimiter))
            output += "\n"
        }
        return output
    }

    static func quotedIfNeeded(_ field: String, delimiter: Character) -> String {
        let needsQuotes = field.contains(delimiter) || field.contains("\"")
            || field.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
            || field.first.map { $0 == " " || $0 == "\t" } == true
            || field.last.map { $0 == " " || $0 == "\t" } == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
