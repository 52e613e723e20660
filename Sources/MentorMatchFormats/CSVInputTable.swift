import Foundation
import MentorMatchCore

/// The columns one kind of input file has.
struct CSVColumns {
    /// What a record is called in messages: `mentors`, `places`, …
    var kind: String
    var required: [String]
    var optional: [String]
    /// Whether a file with a header and no rows is a problem (it is for people and places; no locks is fine).
    var requiresRows: Bool
    /// The column whose value names the record (its id), so that references to an unreadable row are not
    /// reported again as unknown.
    var keyColumn: String?
    /// Other columns are read past rather than reported (last month's `pairs.csv` read as the current pairs).
    var ignoresOtherColumns = false

    var expected: String {
        required.joined(separator: ",") + (optional.isEmpty ? "" : " (optional: \(optional.joined(separator: ", ")))")
    }
}

/// Reads a file of one kind into records: checks the header against the columns, then builds each row.
enum CSVInputTable {
    /// Builds each record as the reader passes it on, so that no table of the whole file is kept. An `.xlsx`
    /// workbook is read as its sheet with these columns (``Workbook``), its issues naming cells.
    /// - Parameter build: Makes a record from a row, or returns `nil` after reporting the row's problems on it.
    static func read<Record: Sendable>(
        _ data: Data, source: String, columns: CSVColumns, build: @Sendable (inout CSVRow) -> Record?
    ) -> ParsedRecords<Record> {
        guard Workbook.isWorkbook(data) else { return readText(data, source: source, columns: columns, build: build) }
        do {
            let sheet = try Workbook.sheet(data, source: source, requiredColumns: columns.required)
            var parsed = readText(sheet.csv, source: source, columns: columns, build: build)
            parsed.source.sheet = sheet.layout
            return parsed
        } catch {
            return ParsedRecords(records: [], source: RecordSource(name: source, lines: [], isUnread: true),
                                 issues: error.issues)
        }
    }

    /// What the rows of one stretch of a file gave (a large file is read in stretches on all cores, see
    /// ``CSVReader/scan(_:source:header:state:stretches:concurrentFrom:record:)``).
    private struct Stretch<Record: Sendable>: Sendable {
        var records: [Record] = []
        var lines: [Int] = []
        var invalidRows: [Int: String] = [:]
        var unreadKeys: Set<String> = []
        var issues: [InputIssue] = []
        var hasRecords = false
        var firstUnnamedValueLine: Int?
    }

    /// The header as the rows need it: set once before any row is read.
    private final class HeaderFacts: @unchecked Sendable {
        var names: [String] = []
        var line = 1
        var layout: CSVRow.Layout?
        var unnamedColumns: [Int] = []
    }

    private static func readText<Record: Sendable>(
        _ data: Data, source: String, columns: CSVColumns, build: @Sendable (inout CSVRow) -> Record?
    ) -> ParsedRecords<Record> {
        let header = HeaderFacts()
        let (delimiter, readIssues, stretches) = CSVReader.scan(data, source: source, header: { names, line in
            header.names = names
            header.line = line
            header.unnamedColumns = names.indices.filter { names[$0].isEmpty }
            // Rows are only built when every required column is there; the issues of the header say what is not.
            if columns.required.allSatisfy(names.contains) { header.layout = CSVRow.Layout(header: names) }
        }, state: { Stretch<Record>() }) { stretch, line, fields in
            stretch.hasRecords = true
            if stretch.firstUnnamedValueLine == nil, header.unnamedColumns.contains(where: { !fields.isEmpty($0) }) {
                stretch.firstUnnamedValueLine = line
            }
            guard let layout = header.layout else { return }
            var row = CSVRow(source: source, line: line, layout: layout, fields: fields)
            if let built = build(&row), row.issues.isEmpty {
                stretch.records.append(built)
                stretch.lines.append(line)
            } else {
                let key = columns.keyColumn.map { row.text($0) } ?? ""
                stretch.invalidRows[line] = key
                if !key.isEmpty { stretch.unreadKeys.insert(key) }
            }
            stretch.issues += row.issues
        }
        var parsed = ParsedRecords<Record>(
            records: [], source: RecordSource(name: source, lines: [], isUnread: true), issues: readIssues
        )
        guard delimiter != nil else { return parsed }
        parsed.issues += headerIssues(
            header.names, line: header.line, firstUnnamedValueLine: stretches.lazy.compactMap(\.firstUnnamedValueLine).first,
            source: source, columns: columns
        )
        guard header.layout != nil else { return parsed }
        if !stretches.contains(where: \.hasRecords) && columns.requiresRows && readIssues.isEmpty {
            parsed.issues.append(InputIssue(
                source: source, problem: Phrase("the file has a header but no rows", lv: "failā ir galvene, bet nav rindu"),
                fix: Phrase("add one line per \(columns.kind.dropLast()) under the header",
                            lv: "pievienojiet zem galvenes vienu rindu katram ierakstam")
            ))
        }
        parsed.records = stretches.flatMap(\.records)
        parsed.issues += stretches.flatMap(\.issues)
        parsed.source = RecordSource(name: source, lines: stretches.flatMap(\.lines),
                                     unreadKeys: stretches.reduce(into: Set<String>()) { $0.formUnion($1.unreadKeys) })
        parsed.invalidRows = stretches.reduce(into: [:]) { rows, stretch in rows.merge(stretch.invalidRows) { first, _ in first } }
        return parsed
    }

    /// Missing columns (one issue naming them all), unknown columns, a value under an unnamed column, and repeated
    /// columns.
    /// - Parameter firstUnnamedValueLine: The line of the first row with a value in a column without a name.
    private static func headerIssues(
        _ header: [String], line: Int, firstUnnamedValueLine: Int?, source: String, columns: CSVColumns
    ) -> [InputIssue] {
        var issues: [InputIssue] = []
        let missing = columns.required.filter { !header.contains($0) }
        if !missing.isEmpty {
            let names = missing.joined(separator: ", ")
            issues.append(InputIssue(
                source: source, line: line,
                problem: Phrase("missing column\(missing.count == 1 ? "" : "s") \(names)",
                                lv: "\(missing.count == 1 ? "trūkst kolonnas" : "trūkst kolonnu") \(names)"),
                fix: Phrase("the header must name the columns \(columns.expected)",
                            lv: "galvenē jābūt kolonnām \(columns.expected)")
            ))
        }
        let known = Set(columns.required + columns.optional)
        // An unknown column is most often a misspelt optional one, which would otherwise be ignored silently.
        let unknown = columns.ignoresOtherColumns ? [] : header.filter { !$0.isEmpty && !known.contains($0) }
        if !unknown.isEmpty {
            let hints = unknown.map { name in
                NameMatching.closest(to: name, among: (columns.required + columns.optional).sorted())
                    .map { Phrase("\(name) (did you mean \($0)?)", lv: "\(name) (varbūt domājāt \($0)?)") }
                    ?? Phrase(name, lv: name)
            }
            issues.append(InputIssue(
                source: source, line: line,
                problem: Phrase("unknown column\(unknown.count == 1 ? "" : "s") \(hints.map(\.english).joined(separator: ", "))",
                                lv: "\(unknown.count == 1 ? "nezināma kolonna" : "nezināmas kolonnas") \(hints.map(\.latvian).joined(separator: ", "))"),
                fix: Phrase("rename or remove it; the columns are \(columns.expected)",
                            lv: "pārdēvējiet vai izdzēsiet to; kolonnas ir \(columns.expected)")
            ))
        }
        // Spreadsheets export empty trailing columns with empty names; they are ignored unless they hold values.
        if let firstUnnamedValueLine, !columns.ignoresOtherColumns {
            issues.append(InputIssue(
                source: source, line: firstUnnamedValueLine,
                problem: Phrase("the row has a value in a column without a name",
                                lv: "rindā ir vērtība kolonnā bez nosaukuma"),
                fix: Phrase("name the column in the header, or move the value into its own column",
                            lv: "nosauciet kolonnu galvenē vai pārvietojiet vērtību tās kolonnā")
            ))
        }
        var seen: Set<String> = []
        for name in header where !name.isEmpty && !seen.insert(name).inserted {
            issues.append(InputIssue(
                source: source, line: line, field: name,
                problem: Phrase("column \(name) appears twice", lv: "kolonna \(name) ir divreiz"),
                fix: Phrase("keep one column named \(name)", lv: "atstājiet vienu kolonnu \(name)")
            ))
        }
        return issues
    }
}

/// One data row, read by column name; every reading method reports its own problem on the row.
struct CSVRow {
    /// Which column each name reads from, worked out once per file.
    struct Layout {
        /// The first column of each name; a repeated column is reported with the header and not read.
        let columns: [String: Int]
        /// The header's names, by position.
        let names: [String]

        init(header: [String]) {
            columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            names = header
        }
    }

    /// Columns that hold lists and may be longer than one name (``InputText/maximumListLength``).
    static let listColumns: Set<String> = [
        "availability", "specialisations", "needs", "languages", "interests", "mentor_gender",
    ]

    let source: String
    /// The file's line; `nil` for a record of a JSON document.
    let line: Int?
    /// A JSON document record's path, such as `mentors[3]`, which names the field of every issue.
    private let recordPath: String?
    private let layout: Layout
    private let values: [String]
    /// Positions whose value broke a text limit: reported once, then read as blank without a second issue.
    private let rejected: Set<Int>
    private(set) var issues: [InputIssue] = []

    init(source: String, line: Int, layout: Layout, fields: CSVFields) {
        self.source = source
        self.line = line
        recordPath = nil
        self.layout = layout
        let names = (0..<fields.count).map { index in
            index < layout.names.count ? layout.names[index] : "column \(index + 1)"
        }
        (values, rejected, issues) = Self.checked((0..<fields.count).map { fields.text($0) }, names: names) { column in
            InputIssue(source: source, line: line, field: column, problem: "", fix: "")
        }
    }

    /// A record of a JSON document as a row: its fields' values as the text a CSV cell would hold.
    init(source: String, recordPath: String, values: [String: String]) {
        self.source = source
        line = nil
        self.recordPath = recordPath
        let names = values.keys.sorted()
        layout = Layout(header: names)
        (self.values, rejected, issues) = Self.checked(
            names.map { (values[$0] ?? "").trimmingCharacters(in: .whitespaces) }, names: names
        ) { column in
            InputIssue(source: source, line: nil, field: "\(recordPath).\(column)", problem: "", fix: "")
        }
    }

    /// The normalised values, the positions whose value broke a text limit (read as blank), and an issue for each.
    /// Checked before normalising, whose cost grows with the value; a line break reads as a space.
    private static func checked(
        _ raws: [String], names: [String], issueAt: (String) -> InputIssue
    ) -> ([String], Set<Int>, [InputIssue]) {
        var values: [String] = []
        var rejected: Set<Int> = []
        var issues: [InputIssue] = []
        for (index, raw) in raws.enumerated() {
            let column = names[index]
            let maximum = listColumns.contains(column) ? InputText.maximumListLength : InputText.maximumLength
            let problem = InputText.problemPhrase(
                raw.utf8.contains(where: { $0 == 10 || $0 == 13 }) ? joiningLines(raw) : raw, maximum: maximum)
            guard let problem else {
                values.append(normalised(raw))
                continue
            }
            rejected.insert(index)
            values.append("")
            var issue = issueAt(column)
            let said = Phrase("the value ", lv: "vērtība ") + problem
            let fix = Phrase("shorten it to at most \(maximum) characters without tabs or control characters; "
                + "check that the row's columns are not shifted",
                lv: "saīsiniet to līdz \(maximum) rakstzīmēm bez tabulācijām un vadības rakstzīmēm; "
                + "pārbaudiet, vai rindas kolonnas nav nobīdījušās")
            issue.say(problem: said, fix: fix)
            issues.append(issue)
        }
        return (values, rejected, issues)
    }

    /// NFC, so that names typed on different systems are written back the same way; Swift already compares
    /// strings by canonical equivalence, so matching does not depend on it. Plain text is NFC already, and
    /// Foundation's normalisation would dominate the reading time.
    private static func normalised(_ field: String) -> String {
        let value = joiningLines(field)
        return PlainText.isPlain(value) ? value : value.precomposedStringWithCanonicalMapping
    }

    /// No input column holds free text, so a line break inside a quoted cell (Alt+Enter in Excel) reads as a space.
    private static func joiningLines(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return value }
        let words = value.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .whitespaces) }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The trimmed value, empty when blank or when the file has no such column.
    func text(_ column: String) -> String {
        guard let index = layout.columns[column], index < values.count else { return "" }
        return values[index]
    }

    mutating func report(_ column: String, problem: Phrase, fix: Phrase) {
        let field = recordPath.map { "\($0).\(column)" } ?? column
        issues.append(InputIssue(source: source, line: line, field: field, problem: problem, fix: fix))
    }

    /// The value, or `nil` with an issue when it is blank (none when its text limit was already reported).
    mutating func required(_ column: String, fix: Phrase) -> String? {
        let value = text(column)
        guard value.isEmpty else { return value }
        if let index = layout.columns[column], rejected.contains(index) { return nil }
        report(column, problem: Phrase("\(column) is empty", lv: "\(column) ir tukšs"), fix: fix)
        return nil
    }

    /// A whole number; blank reads as `defaultValue` when one is given, else is a problem.
    mutating func integer(_ column: String, defaultValue: Int? = nil, fix: Phrase) -> Int? {
        let value = text(column)
        if value.isEmpty, let defaultValue { return defaultValue }
        guard let value = required(column, fix: fix) else { return nil }
        guard let number = Int(value) else {
            reportNotANumber(column, value: value, kind: Phrase("a whole number", lv: "vesels skaitlis"), fix: fix)
            return nil
        }
        return number
    }

    /// A decimal number; a decimal comma (`12,5`, as Latvian spreadsheets write it) reads as a point.
    mutating func decimal(_ column: String, fix: Phrase) -> Double? {
        guard let value = required(column, fix: fix) else { return nil }
        guard let number = Double(Self.withDecimalPoint(value)), number.isFinite else {
            reportNotANumber(column, value: value, kind: Phrase("a number", lv: "skaitlis"), fix: fix)
            return nil
        }
        return number
    }

    /// A value that looks like a number gone wrong (a digit in it and no space: `1O`, `12..5`, `1e999`) is quoted;
    /// one that looks like text (a name, windows, a word that landed here when the row shifted) is not, as it may
    /// be personal, and the message names the column it probably belongs to.
    private mutating func reportNotANumber(_ column: String, value: String, kind: Phrase, fix: Phrase) {
        let looksNumeric = value.count <= 24 && value.contains(where: \.isNumber) && !value.contains(" ")
        guard !looksNumeric else {
            let quoted = InputText.excerpt(value)
            report(column, problem: Phrase("\(column) '\(quoted)' is not \(kind.english)",
                                           lv: "\(column) '\(quoted)' nav \(kind.latvian)"), fix: fix)
            return
        }
        let likely = Self.likelyColumn(of: value)
        report(column, problem: Phrase("the value is not \(kind.english) (\(likely.english))",
                                       lv: "vērtība nav \(kind.latvian) (\(likely.latvian))"),
               fix: Phrase("check that the row's values are in the header's order; then \(fix.english)",
                           lv: "pārbaudiet, vai rindas vērtības ir galvenes secībā; tad \(fix.latvian)"))
    }

    /// Where a value that is not a number probably belongs, from its shape.
    private static func likelyColumn(of value: String) -> Phrase {
        if let windows = try? WeeklyAvailability(parsing: value), !windows.windows.isEmpty {
            return Phrase("it looks like weekly windows, which belong in availability",
                          lv: "tā izskatās pēc nedēļas laikiem, kuru vieta ir kolonnā availability")
        }
        if value.contains(";") {
            return Phrase("it looks like a list, which belongs in a column such as languages or needs",
                          lv: "tā izskatās pēc saraksta, kura vieta ir tādā kolonnā kā languages vai needs")
        }
        return Phrase("it looks like text that belongs in another column, such as place",
                      lv: "tā izskatās pēc teksta, kura vieta ir citā kolonnā, piemēram, place")
    }

    /// `12,5` as `12.5`: a single comma and no point is a decimal comma.
    ///
    /// Plain text is looked at byte by byte, which is the same there as by Characters and avoids Foundation's
    /// search; in other text a combining mark can join a comma into another Character, so it is looked at as before.
    private static func withDecimalPoint(_ value: String) -> String {
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        guard PlainText.isPlain(value) else {
            let commas = value.filter { $0 == "," }.count
            return commas == 1 && !value.contains(".") ? value.replacingOccurrences(of: ",", with: ".") : value
        }
        guard value.utf8.count(where: { $0 == comma }) == 1, !value.utf8.contains(point) else { return value }
        return String(decoding: value.utf8.map { $0 == comma ? point : $0 }, as: UTF8.self)
    }

    /// `female`, `male` or `other`, also `f`, `m`, and Latvian `sieviete`, `vīrietis`, `cits`, in any case.
    mutating func gender(_ column: String) -> Gender? {
        let fix = Phrase("write female, male or other (f, m; sieviete, vīrietis, cits also work)",
                         lv: "rakstiet sieviete, vīrietis vai cits (der arī female, male, other, f, m)")
        guard let value = required(column, fix: fix) else { return nil }
        switch NameMatching.folded(value) {
        case "female", "f", "sieviete": return .female
        case "male", "m", "virietis": return .male
        case "other", "cits": return .other
        default:
            let quoted = InputText.excerpt(value)
            report(column, problem: Phrase("\(column) '\(quoted)' is not a gender this tool knows",
                                           lv: "\(column) '\(quoted)' nav dzimums, ko šis rīks zina"), fix: fix)
            return nil
        }
    }

    /// Yes or no: `yes`/`no`, `true`/`false`, `jā`/`nē`, `1`/`0`, in any case.
    mutating func flag(_ column: String) -> Bool? {
        let fix = Phrase("write yes or no (true/false, jā/nē and 1/0 also work)",
                         lv: "rakstiet jā vai nē (der arī yes/no, true/false un 1/0)")
        guard let value = required(column, fix: fix) else { return nil }
        switch NameMatching.folded(value) {
        case "yes", "y", "true", "ja", "1": return true
        case "no", "n", "false", "ne", "0": return false
        default:
            let quoted = InputText.excerpt(value)
            report(column, problem: Phrase("\(column) '\(quoted)' is not yes or no", lv: "\(column) '\(quoted)' nav jā vai nē"),
                   fix: fix)
            return nil
        }
    }

    /// Weekly windows; blank reads as none (the validator reports a person who has none).
    mutating func availability(_ column: String) -> WeeklyAvailability? {
        do {
            return try WeeklyAvailability(parsing: text(column))
        } catch {
            report(column, problem: Phrase("\(column) \(error.description)", lv: "\(column) \(error.latvianDescription)"),
                   fix: Phrase("write windows as 'Mon 16:00-18:00; Sat 10:00-14:00' (Latvian day names and ranges "
                               + "such as Mon-Fri work too)",
                               lv: "rakstiet laikus kā 'P 16:00-18:00; S 10:00-14:00' (der arī angļu dienu nosaukumi "
                               + "un posmi, piemēram, P-Pk)"))
            return nil
        }
    }

    /// Tokens separated by `;` or `,` (a `;`-delimited file cannot hold an unquoted `;` inside a field).
    func tokens(_ column: String) -> [String] { TokenList.normalised(list: text(column)) }

    /// An explicit point from `lat` and `lon`: both or neither.
    mutating func optionalPoint() -> Coordinate? {
        let hasLatitude = !text("lat").isEmpty
        let hasLongitude = !text("lon").isEmpty
        guard hasLatitude || hasLongitude else { return nil }
        guard hasLatitude && hasLongitude else {
            report(hasLatitude ? "lon" : "lat",
                   problem: Phrase("lat and lon must be given together, but only \(hasLatitude ? "lat" : "lon") is",
                                   lv: "lat un lon jānorāda kopā, bet ir tikai \(hasLatitude ? "lat" : "lon")"),
                   fix: Phrase("give both lat and lon in decimal degrees, or leave both blank to use the place centre",
                               lv: "norādiet gan lat, gan lon decimālgrādos vai atstājiet abus tukšus, lai izmantotu vietas centru"))
            return nil
        }
        return point()
    }

    /// A point from the required `lat` and `lon` columns; ranges are left to the validator.
    mutating func point() -> Coordinate? {
        let latitude = decimal("lat", fix: Phrase("enter the latitude in decimal degrees, such as 56.8165",
                                                  lv: "ierakstiet platumu decimālgrādos, piemēram, 56.8165"))
        let longitude = decimal("lon", fix: Phrase("enter the longitude in decimal degrees, such as 24.6047",
                                                   lv: "ierakstiet garumu decimālgrādos, piemēram, 24.6047"))
        guard let latitude, let longitude else { return nil }
        return Coordinate(latitude: latitude, longitude: longitude)
    }
}
