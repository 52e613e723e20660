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
        output.reserveCapacity(rows.count * (header.count * 8 + 1))
        let separator = String(delimiter)
        func append(_ row: [String]) {
            for (position, field) in row.enumerated() {
                if position > 0 { output += separator }
                output += quotedIfNeeded(field, delimiter: delimiter)
            }
            output += "\n"
        }
        append(header)
        rows.forEach(append)
        return output
    }

    static func quotedIfNeeded(_ field: String, delimiter: Character) -> String {
        // Most fields are ids and numbers: one pass over the bytes shows that none of the rules below applies.
        let delimiterByte = delimiter.asciiValue
        let mayNeedQuotes = field.utf8.first.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } == true
            || field.utf8.last.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } == true
            || field.utf8.contains { byte in
                byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                    || byte == delimiterByte || (delimiterByte == nil && byte >= 0x80)
            }
        guard mayNeedQuotes else { return field }
        let needsQuotes = field.contains(delimiter) || field.contains("\"")
            || field.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
            || field.first.map { $0 == " " || $0 == "\t" } == true
            || field.last.map { $0 == " " || $0 == "\t" } == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
