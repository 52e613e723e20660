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
        var header: [String] = []
        var headerLine = 1
        let scanned = scan(data, source: source, header: { header = $0; headerLine = $1 }, state: { [CSVRecord]() }) {
            records, line, fields in
            records.append(CSVRecord(line: line, fields: fields.indices.map(fields.text)))
        }
        guard let delimiter = scanned.delimiter else { return (nil, scanned.issues) }
        // Spreadsheets leave out trailing empty fields; they read as empty.
        let records = scanned.parts.joined().map { record in
            CSVRecord(line: record.line, fields: record.fields + Array(repeating: "", count: header.count - record.fields.count))
        }
        let table = CSVTable(header: header, headerLine: headerLine, records: records, delimiter: delimiter)
        return (table, scanned.issues)
    }

    /// Files at least this large are read in stretches on all cores.
    static let concurrentBytes = 1 << 22

    /// Reads a file record by record into states of the caller's (one per stretch of the file, read on all cores
    /// for a large file), so that large files take little memory and time.
    ///
    /// Reports exactly what ``read(_:source:)`` reports, and passes on the header and records it would keep. A
    /// large file is cut after line ends into one stretch per core, each read from its start; a cut that turns
    /// out to lie inside a quoted field (its stretch's reader did not end exactly there) makes the file read again
    /// from the start in one stretch, so the records are always the file's.
    /// - Parameters:
    ///   - header: Called once, before any record, with the column names (trimmed and lower-cased) and their line.
    ///   - state: Makes the state of one stretch.
    ///   - stretches: How many stretches a file of at least `concurrentFrom` bytes is read in (tests set both).
    ///   - record: Called with a stretch's state and the line and fields of each of its data records that is not
    ///     blank and not wider than the header, in file order; the stretches concurrently. The fields are valid
    ///     during the call only.
    /// - Returns: The delimiter, the issues of the records and the stretches' states in file order; or no
    ///   delimiter when the file cannot be read as CSV at all, and then the states must be discarded.
    static func scan<State: Sendable>(
        _ data: Data, source: String, header: ([String], Int) -> Void, state: @Sendable () -> State,
        stretches: Int = ProcessInfo.processInfo.activeProcessorCount, concurrentFrom: Int = concurrentBytes,
        record: @Sendable (inout State, Int, CSVFields) -> Void
    ) -> (delimiter: Character?, issues: [InputIssue], parts: [State]) {
        data.withUnsafeBytes { raw in
            scan(raw.assumingMemoryBound(to: UInt8.self), source: source, header: header, state: state,
                 stretches: concurrentFrom <= raw.count ? stretches : 1, record: record)
        }
    }

    private static func scan<State: Sendable>(
        _ bytes: UnsafeBufferPointer<UInt8>, source: String, header: ([String], Int) -> Void,
        state makeState: @Sendable () -> State, stretches parts: Int, record: @Sendable (inout State, Int, CSVFields) -> Void
    ) -> (delimiter: Character?, issues: [InputIssue], parts: [State]) {
        // Validation is vectorised in the standard library; the slower scalar walk only finds the line.
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let line = firstInvalidUTF8Line(bytes)
            return (nil, [InputIssue(
                source: source, line: line,
                problem: Phrase("the file is not UTF-8 text (the first invalid byte is on this line)",
                                lv: "fails nav UTF-8 teksts (pirmais nederīgais baits ir šajā rindā)"),
                fix: Phrase("save the file as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited)', in LibreOffice "
                            + "choose character set 'Unicode (UTF-8)'",
                            lv: "saglabājiet failu kā UTF-8: Excel izvēlieties 'CSV UTF-8 (Comma delimited)', LibreOffice "
                            + "izvēlieties rakstzīmju kopu 'Unicode (UTF-8)'")
            )], [])
        }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) : bytes
        let delimiter = sniffDelimiter(text)
        var parser = CSVParser(bytes: text, delimiter: delimiter)
        var fields = CSVFields()
        var columnCount: Int?
        while let line = parser.next(into: &fields) {
            guard !fields.isBlank else { continue }
            let names = fields.indices.map { fields.text($0).lowercased() }
            columnCount = names.count
            header(names, line)
            break
        }
        if let openLine = parser.unclosedQuoteLine { return (nil, [unclosedQuote(openLine, source: source)], []) }
        guard let columnCount else {
            return (nil, [InputIssue(
                source: source, problem: Phrase("the file is empty", lv: "fails ir tukšs"),
                fix: Phrase("write a header line with the column names, then one line per record",
                            lv: "uzrakstiet galvenes rindu ar kolonnu nosaukumiem, tad pa rindai katram ierakstam")
            )], [])
        }
        let reader = StretchReader(text: text, delimiter: delimiter, columns: columnCount, source: source)
        let first = (index: parser.position, line: parser.line)
        let end = text.count
        let cuts = reader.cuts(from: first, into: parts)
        var stretches = ConcurrentChunks.map(count: cuts.count) { part in
            reader.read(from: cuts[part], to: part + 1 < cuts.count ? cuts[part + 1].index : end,
                        state: makeState(), record: record)
        }
        let joined = zip(stretches.dropLast(), cuts.dropFirst()).allSatisfy { stretch, cut in
            stretch.end == cut.index && stretch.line == cut.line && stretch.unclosedQuoteLine == nil
        }
        if !joined { stretches = [reader.read(from: first, to: end, state: makeState(), record: record)] }
        if let openLine = stretches.last?.unclosedQuoteLine { return (nil, [unclosedQuote(openLine, source: source)], []) }
        return (Character(Unicode.Scalar(delimiter)), stretches.flatMap(\.issues), stretches.map(\.state))
    }

    private static func unclosedQuote(_ openLine: Int, source: String) -> InputIssue {
        InputIssue(
            source: source, line: openLine,
            problem: Phrase("a quoted field that starts on line \(openLine) is never closed",
                            lv: "pēdiņās ielikts lauks, kas sākas \(openLine). rindā, nekad netiek aizvērts"),
            fix: Phrase("add the closing '\"', and write a quote inside a quoted field as two quotes (\"\")",
                        lv: "pievienojiet noslēdzošo '\"' un pēdiņas lauka iekšpusē rakstiet kā divas pēdiņas (\"\")")
        )
    }

    /// Reads the records after the header, from a cut of the file to the next.
    private struct StretchReader: @unchecked Sendable {
        /// The file's bytes, only read, while ``scan(_:source:header:state:stretches:concurrentFrom:record:)`` waits
        /// for its stretches.
        let text: UnsafeBufferPointer<UInt8>
        let delimiter: UInt8
        let columns: Int
        let source: String

        /// Where a stretch starts: a byte offset and its line.
        typealias Cut = (index: Int, line: Int)

        /// `first` and about evenly spaced cuts after it, each just after a line feed, with the line it starts.
        func cuts(from first: Cut, into parts: Int) -> [Cut] {
            var cuts = [first]
            for part in 1..<max(1, parts) {
                guard let previous = cuts.last else { break }
                var index = max(previous.index, first.index + (text.count - first.index) * part / parts)
                while index < text.count, text[index] != UInt8(ascii: "\n") { index += 1 }
                guard index + 1 < text.count else { break }
                cuts.append((index + 1, previous.line + lineEnds(previous.index..<(index + 1))))
            }
            return cuts
        }

        /// Line ends as the parser counts them: a line feed, a carriage return without one after it, a pair once.
        private func lineEnds(_ range: Range<Int>) -> Int {
            var count = 0
            for index in range where text[index] == UInt8(ascii: "\n")
                || (text[index] == UInt8(ascii: "\r") && (index + 1 == text.count || text[index + 1] != UInt8(ascii: "\n"))) {
                count += 1
            }
            return count
        }

        struct Stretch<State: Sendable>: Sendable {
            var state: State
            var issues: [InputIssue]
            /// Where the reader stopped, and the line there: the next cut, when the cut was right.
            var end: Int
            var line: Int
            var unclosedQuoteLine: Int?
        }

        func read<State: Sendable>(
            from cut: Cut, to end: Int, state: State, record: (inout State, Int, CSVFields) -> Void
        ) -> Stretch<State> {
            var state = state
            var parser = CSVParser(bytes: text, delimiter: delimiter, position: cut.index, line: cut.line)
            var fields = CSVFields()
            var issues: [InputIssue] = []
            while parser.position < end, let line = parser.next(into: &fields) {
                guard !fields.isBlank else { continue }
                guard fields.count <= columns else {
                    issues.append(InputIssue(
                        source: source, line: line,
                        problem: Phrase("the row has \(fields.count) fields but the header has \(columns) columns",
                                        lv: "rindā ir \(fields.count) lauki, bet galvenē \(columns) kolonnas"),
                        fix: Phrase("put quotes around fields that contain '\(printable(delimiter))' "
                                    + (delimiter == UInt8(ascii: ",")
                                        ? "(and write decimals such as 12,5 as 12.5)" : "(such as lists)"),
                                    lv: "ielieciet pēdiņās laukus, kuros ir '\(printable(delimiter))' "
                                    + (delimiter == UInt8(ascii: ",")
                                        ? "(un rakstiet decimālskaitļus, piemēram, 12,5 kā 12.5)" : "(piemēram, sarakstus)"))
                    ))
                    continue
                }
                record(&state, line, fields)
            }
            return Stretch(state: state, issues: issues, end: parser.position, line: parser.line,
                           unclosedQuoteLine: parser.unclosedQuoteLine)
        }
    }

    private static func printable(_ delimiter: UInt8) -> String {
        delimiter == UInt8(ascii: "\t") ? "tab" : String(Unicode.Scalar(delimiter))
    }

    /// The line of the first byte that is not UTF-8, counting line feeds before it.
    private static func firstInvalidUTF8Line(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1 }
        }
        return line
    }

    /// The most frequent of `;`, `,` and tab outside quotes on the first non-blank line; `,` when none occurs.
    ///
    /// Works on bytes: every character it looks for is ASCII, and ASCII bytes never occur inside a multi-byte
    /// UTF-8 sequence. So does the parser.
    private static func sniffDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var inQuotes = false
        var seenContent = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) {
                if seenContent { break }
                continue
            }
            if !inQuotes, let candidate = candidates.firstIndex(of: byte) { counts[candidate] += 1 }
            if byte != UInt8(ascii: " ") { seenContent = true }
        }
        // On a tie the earlier candidate wins: `;` first, as Latvian Excel writes it.
        var best: (delimiter: UInt8, count: Int) = (UInt8(ascii: ","), 0)
        for (candidate, count) in zip(candidates, counts) where count > best.count {
            best = (candidate, count)
        }
        return best.delimiter
    }
}

/// The fields of one record as the reader passes them on: unquoted and trimmed bytes, made text on demand.
struct CSVFields {
    /// The fields' bytes back to back; trimmed blanks may lie between them.
    fileprivate var bytes: [UInt8] = []
    fileprivate var ranges: [Range<Int>] = []

    var count: Int { ranges.count }
    var indices: Range<Int> { ranges.indices }
    /// Whether every field is empty (a blank line, or a line of delimiters).
    var isBlank: Bool { ranges.allSatisfy(\.isEmpty) }

    /// Whether the field is empty; fields past the last one are, as spreadsheets leave out trailing empty fields.
    func isEmpty(_ index: Int) -> Bool { index >= ranges.count || ranges[index].isEmpty }

    /// The field's text; empty past the last field.
    func text(_ index: Int) -> String {
        guard index < ranges.count else { return "" }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[ranges[index]]), as: UTF8.self)
        }
    }
}

/// The RFC 4180 state machine over UTF-8 bytes (so `\r\n` is two steps, not one grapheme), one record at a time.
private struct CSVParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    private var index: Int
    /// The line of the next byte.
    private(set) var line: Int
    /// The line of a quoted field still open at the end of the input.
    private(set) var unclosedQuoteLine: Int?

    /// A parser from `position`, which must start a record, on `line`.
    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, position: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        index = position
        self.line = line
    }

    /// The offset of the next byte.
    var position: Int { index }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Reads the next record, blank or not, into `fields`.
    /// - Returns: The line the record starts on; `nil` at the end of the input or at a quote that is never closed.
    mutating func next(into fields: inout CSVFields) -> Int? {
        fields.bytes.removeAll(keepingCapacity: true)
        fields.ranges.removeAll(keepingCapacity: true)
        let recordLine = line
        var fieldStart = 0
        /// Bytes at the start of the field that came from inside quotes and so are kept as they are.
        var quotedLength: Int?
        var inQuotes = false
        var quoteLine = line

        func finishField() {
            let keptEnd = fieldStart + (quotedLength ?? 0)
            var end = fields.bytes.count
            while end > keptEnd, Self.isBlank(fields.bytes[end - 1]) { end -= 1 }
            var start = fieldStart
            if quotedLength == nil {
                while start < end, Self.isBlank(fields.bytes[start]) { start += 1 }
            }
            fields.ranges.append(start..<end)
            fieldStart = fields.bytes.count
            quotedLength = nil
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == Self.quote {
                    if index < bytes.count, bytes[index] == Self.quote {
                        fields.bytes.append(Self.quote)
                        index += 1
                    } else {
                        inQuotes = false
                        quotedLength = fields.bytes.count - fieldStart
                    }
                } else {
                    if byte == Self.lineFeed
                        || (byte == Self.carriageReturn && (index == bytes.count || bytes[index] != Self.lineFeed)) {
                        line += 1
                    }
                    fields.bytes.append(byte)
                }
                continue
            }
            switch byte {
            case Self.quote where quotedLength == nil && fields.bytes[fieldStart...].allSatisfy(Self.isBlank):
                fields.bytes.removeSubrange(fieldStart...)
                inQuotes = true
                quoteLine = line
            case delimiter:
                finishField()
            case Self.carriageReturn, Self.lineFeed:
                if byte == Self.carriageReturn, index < bytes.count, bytes[index] == Self.lineFeed { index += 1 }
                finishField()
                line += 1
                return recordLine
            default:
                // Copy the run of ordinary bytes at once; most of a file is such runs.
                let runStart = index - 1
                while index < bytes.count, !isSpecial(bytes[index]) { index += 1 }
                fields.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
        }
        if inQuotes {
            unclosedQuoteLine = quoteLine
            return nil
        }
        guard !fields.ranges.isEmpty || fields.bytes.count > fieldStart || quotedLength != nil else { return nil }
        finishField()
        return recordLine
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Whether the byte can end a run of field text outside quotes.
    private func isSpecial(_ byte: UInt8) -> Bool {
        byte == Self.quote || byte == delimiter || byte == Self.carriageReturn || byte == Self.lineFeed
    }
}
