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
        String(decoding: bytes(header: header, rows: rows, delimiter: delimiter), as: UTF8.self)
    }

    /// ``text(header:rows:delimiter:)`` as UTF-8 bytes, which is how it is made: a national run writes millions of
    /// fields, and String appends and Foundation searches would cost more than the rest of its writing.
    public static func bytes(header: [String], rows: [[String]], delimiter: Character = ",") -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(rows.count * (header.count * 8 + 1) + 256)
        let separator = Array(String(delimiter).utf8)
        func append(_ row: [String]) {
            for (position, field) in row.enumerated() {
                if position > 0 { output.append(contentsOf: separator) }
                appendField(field, separator: separator, to: &output)
            }
            output.append(UInt8(ascii: "\n"))
        }
        append(header)
        rows.forEach(append)
        return output
    }

    /// The field, quoted (its quotes doubled) when it holds the delimiter, a quote or a line break, or starts or
    /// ends with a blank.
    private static func appendField(_ field: String, separator: [UInt8], to output: inout [UInt8]) {
        let bytes = field.utf8
        func isBlank(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let needsQuotes = isBlank(bytes.first) || isBlank(bytes.last)
            || bytes.contains { byte in
                byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                    || (separator.count == 1 && byte == separator[0])
            }
            || (separator.count > 1 && bytes.firstRange(of: separator) != nil)
        guard needsQuotes else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            output.append(byte)
            if byte == UInt8(ascii: "\"") { output.append(byte) }
        }
        output.append(UInt8(ascii: "\""))
    }
}
