import Foundation
import MentorMatchCore

/// One data record of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    /// The physical line the record starts on, counting the header as line 1 (quoted newlines count).
    public var line: Int
    /// The fields, unquoted; unquoted fields are trimmed of spaces and tabs.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file as read: its header, data records and the delimiter it used.
public struct CSVTable: Sendable, Hashable {
    /// Column names, trimmed and lower-cased.
    public var header: [String]
    /// The line the header is on (1 unless blank lines precede it).
    public var headerLine: Int
    /// Data records in file order; blank lines (and lines of empty fields only) are left out.
    public var records: [CSVRecord]
    /// `,`, `;` or a tab, as sniffed from the header line.
    public var delimiter: Character
}

/// Reads RFC 4180 CSV as spreadsheets write it.
///
/// UTF-8 only (a leading byte-order mark is dropped). The delimiter is whichever of `,`, `;` and tab occurs most
/// often in the header line (Latvian Excel writes `;`). Quoted fields may hold delimiters, doubled quotes and
/// line breaks; lines end in LF, CRLF or CR; the last line may lack one. Whitespace around unquoted fields and
/// around quotes is dropped.
public enum CSVReader {
    /// Reads a whole file.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The file name as the user gave it, for issues.
    /// - Returns: The table, or `nil` with issues when the file cannot be read as CSV at all (not UTF-8, empty,
    ///   an unclosed quote). Rows with more fields than the header are reported and left out of the table.
    public static func read(_ data: Data, source: String) -> (table: CSVTable?, issues: [InputIssue]) {
        let scalars: [Unicode.Scalar]
        switch decodeUTF8(data) {
        case .success(let decoded):
            scalars = decoded.first == "\u{FEFF}" ? Array(decoded.dropFirst()) : decoded
        case .failure(let failure):
            return (nil, [InputIssue(
                source: source, line: failure.line,
                problem: "the file is not UTF-8 text (the first invalid byte is on this line)",
                fix: "save the file as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited)', in LibreOffice "
                    + "choose character set 'Unicode (UTF-8)'"
            )])
        }
        let delimiter = sniffDelimiter(scalars)
        var parser = CSVParser(scalars: scalars, delimiter: delimiter)
        var records = parser.parseAll()
        if let openLine = parser.unclosedQuoteLine {
            return (nil, [InputIssue(
                source: source, line: openLine,
                problem: "a quoted field that starts on line \(openLine) is never closed",
                fix: "add the closing '\"', and write a quote inside a quoted field as two quotes (\"\")"
            )])
        }
        records.removeAll { $0.fields.allSatisfy(\.isEmpty) }
        guard let headerRecord = records.first else {
            return (nil, [InputIssue(
                source: source, problem: "the file is empty",
                fix: "write a header line with the column names, then one line per record"
            )])
        }
        let header = headerRecord.fields.map { $0.lowercased() }
        var issues: [InputIssue] = []
        var dataRecords: [CSVRecord] = []
        for record in records.dropFirst() {
            if record.fields.count > header.count {
                issues.append(InputIssue(
                    source: source, line: record.line,
                    problem: "the row has \(record.fields.count) fields but the header has \(header.count) columns",
                    fix: "put quotes around fields that contain '\(printable(delimiter))' "
                        + (delimiter == "," ? "(and write decimals such as 12,5 as 12.5)" : "(such as lists)")
                ))
            } else {
                // Spreadsheets leave out trailing empty fields; they read as empty.
                let padded = record.fields + Array(repeating: "", count: header.count - record.fields.count)
                dataRecords.append(CSVRecord(line: record.line, fields: padded))
            }
        }
        return (CSVTable(header: header, headerLine: headerRecord.line, records: dataRecords, delimiter: delimiter), issues)
    }

    static func printable(_ delimiter: Character) -> String { delimiter == "\t" ? "tab" : String(delimiter) }

    private struct InvalidUTF8: Error {
        var line: Int
    }

    /// Decodes UTF-8 strictly, keeping the line of the first invalid byte for the message.
    private static func decodeUTF8(_ data: Data) -> Result<[Unicode.Scalar], InvalidUTF8> {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(data.count)
        var bytes = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                return .success(scalars)
            case .error:
                return .failure(InvalidUTF8(line: line))
            }
        }
    }

    /// The most frequent of `;`, `,` and tab outside quotes on the first non-blank line; `,` when none occurs.
    private static func sniffDelimiter(_ scalars: [Unicode.Scalar]) -> Character {
        var counts: [Unicode.Scalar: Int] = [:]
        var inQuotes = false
        var seenContent = false
        for scalar in scalars {
            if scalar == "\"" { inQuotes.toggle() }
            if !inQuotes && (scalar == "\n" || scalar == "\r") {
                if seenContent { break }
                continue
            }
            if !inQuotes, [";", ",", "\t"].contains(scalar) { counts[scalar, default: 0] += 1 }
            if scalar != " " { seenContent = true }
        }
        // On a tie the earlier candidate wins: `;` first, as Latvian Excel writes it.
        var best: (delimiter: Unicode.Scalar, count: Int) = (",", 0)
        for candidate: Unicode.Scalar in [";", ",", "\t"] where counts[candidate, default: 0] > best.count {
            best = (candidate, counts[candidate, default: 0])
        }
        return Character(best.delimiter)
    }
}

/// The RFC 4180 state machine over Unicode scalars (so `\r\n` is two steps, not one grapheme).
private struct CSVParser {
    let scalars: [Unicode.Scalar]
    let delimiter: Unicode.Scalar
    /// The line of a quoted field still open at the end of the input.
    private(set) var unclosedQuoteLine: Int?

    init(scalars: [Unicode.Scalar], delimiter: Character) {
        self.scalars = scalars
        self.delimiter = delimiter.unicodeScalars.first ?? ","
    }

    mutating func parseAll() -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [Unicode.Scalar] = []
        /// Scalars at the start of `field` that came from inside quotes and so are kept as they are.
        var quotedLength: Int?
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var index = 0

        func finishField() {
            fields.append(Self.text(field, quotedLength: quotedLength))
            field.removeAll(keepingCapacity: true)
            quotedLength = nil
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                        quotedLength = field.count
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && (index == scalars.count || scalars[index] != "\n")) {
                        line += 1
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where quotedLength == nil && field.allSatisfy(Self.isBlank):
                field.removeAll(keepingCapacity: true)
                inQuotes = true
                quoteLine = line
            case delimiter:
                finishField()
            case "\r", "\n":
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                finishField()
                records.append(CSVRecord(line: recordLine, fields: fields))
                fields.removeAll()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes {
            unclosedQuoteLine = quoteLine
            return records
        }
        if !fields.isEmpty || !field.isEmpty || quotedLength != nil {
            finishField()
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        return records
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// Trims blanks around an unquoted field, and only after the closing quote of a quoted one.
    static func text(_ field: [Unicode.Scalar], quotedLength: Int?) -> String {
        let keptPrefix = quotedLength ?? 0
        var end = field.count
        while end > keptPrefix, isBlank(field[end - 1]) { end -= 1 }
        var start = 0
        if quotedLength == nil {
            while start < end, isBlank(field[start]) { start += 1 }
        }
        return String(String.UnicodeScalarView(field[start..<end]))
    }
}
