import Foundation
import MentorMatchCore
import XMLCoder

/// An Excel workbook (`.xlsx`, Office Open XML) read as the CSV file it stands for: the sheet that holds the columns
/// of the file's kind becomes comma-separated text whose line N is the sheet's row N, so that every check of the CSV
/// readers applies unchanged and issues can name the cell (`Mentori!D5`).
///
/// Cells are read as Excel shows them: shared and inline strings, numbers (a whole number without `.0`), booleans as
/// `true`/`false`, and numbers in a date format as ISO dates (`2024-03-01`, from the workbook's 1900 or 1904 date
/// system) or, in a time format, as `16:00`. Formulas are read by their cached value.
enum Workbook {
    /// The first bytes of every ZIP archive, which an `.xlsx` file is.
    static func isWorkbook(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The XML parts read from one workbook unpack to at most this in all (a small file can unpack to gigabytes).
    static let maximumPartBytes = 512 * 1_024 * 1_024

    /// The chosen sheet as CSV text, and where its columns are.
    struct Sheet {
        var csv: Data
        var layout: SheetLayout
    }

    /// The sheet chosen for a file, by the file's source name (see ``WorkbookSheets/reading(_:_:)``).
    @TaskLocal static var chosenSheets: [String: String] = [:]

    /// The chosen sheet of the file (``chosenSheets``), else the sheet whose first row has every `requiredColumns`
    /// name (the first such sheet), or the only sheet.
    /// - Parameter unpackLimit: The bytes the parts read may unpack to in all (tests set a small one).
    static func sheet(
        _ data: Data, source: String, requiredColumns: [String], unpackLimit: Int = maximumPartBytes
    ) throws(InputError) -> Sheet {
        let package = try Package(data, source: source, unpackLimit: unpackLimit)
        let sheets = try package.sheets()
        guard !sheets.isEmpty else {
            throw InputError(issues: [InputIssue(
                source: source, problem: Phrase("the workbook has no sheets", lv: "darbgrāmatā nav lapu"),
                fix: Phrase("save the workbook from Excel or LibreOffice with the data on a sheet",
                            lv: "saglabājiet darbgrāmatu no Excel vai LibreOffice ar datiem lapā"))])
        }
        let strings = try package.sharedStrings()
        let formats = try package.cellFormats()
        if let chosen = chosenSheets[source] {
            guard let entry = sheets.first(where: { $0.name == chosen }) else {
                throw InputError(issues: [InputIssue(
                    source: source,
                    problem: Phrase("the workbook has no sheet '\(InputText.excerpt(chosen))' (sheets: \(sheets.map(\.name).joined(separator: ", ")))",
                                    lv: "darbgrāmatā nav lapas '\(InputText.excerpt(chosen))' (lapas: \(sheets.map(\.name).joined(separator: ", ")))"),
                    fix: Phrase("choose one of the workbook's sheets", lv: "izvēlieties kādu no darbgrāmatas lapām"))])
            }
            return sheet(named: entry.name, rows: try package.rows(of: entry, strings: strings, formats: formats))
        }
        for entry in sheets {
            let rows = try package.rows(of: entry, strings: strings, formats: formats)
            let header = Set((rows[firstRow(rows)] ?? [:]).values.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            if sheets.count == 1 || requiredColumns.allSatisfy(header.contains) {
                return sheet(named: entry.name, rows: rows)
            }
        }
        throw InputError(issues: [InputIssue(
            source: source,
            problem: Phrase("no sheet of the workbook has the columns \(requiredColumns.joined(separator: ",")) in its first "
                            + "row (sheets: \(sheets.map(\.name).joined(separator: ", ")))",
                            lv: "nevienas darbgrāmatas lapas pirmajā rindā nav kolonnu \(requiredColumns.joined(separator: ",")) "
                            + "(lapas: \(sheets.map(\.name).joined(separator: ", ")))"),
            fix: Phrase("put the column names in the first row of the sheet that holds the data",
                        lv: "ierakstiet kolonnu nosaukumus tās lapas pirmajā rindā, kurā ir dati")
        )])
    }

    private static func firstRow(_ rows: [Int: [Int: String]]) -> Int {
        rows.filter { $0.value.values.contains { !$0.isEmpty } }.keys.min() ?? 1
    }

    /// Row N of the sheet on line N of the text; a cell's line breaks (Alt+Enter) read as spaces, as in a CSV cell.
    private static func sheet(named name: String, rows: [Int: [Int: String]]) -> Sheet {
        let lastRow = rows.keys.max() ?? 0
        var text = ""
        var letters: [String: String] = [:]
        let headerRow = firstRow(rows)
        for row in 1...max(lastRow, 1) {
            let cells = rows[row] ?? [:]
            let width = (cells.keys.max() ?? -1) + 1
            let values = (0..<width).map { cells[$0] ?? "" }
            if row == headerRow {
                for (column, value) in values.enumerated() {
                    let key = value.trimmingCharacters(in: .whitespaces).lowercased()
                    if !key.isEmpty, letters[key] == nil { letters[key] = columnLetters(column) }
                }
            }
            text += values.map(quoted).joined(separator: ",") + "\n"
        }
        return Sheet(csv: Data(text.utf8), layout: SheetLayout(name: name, columnLetters: letters))
    }

    private static func quoted(_ value: String) -> String {
        let flat = value.contains(where: \.isNewline)
            ? value.split(whereSeparator: \.isNewline).joined(separator: " ") : value
        guard flat.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\t" }) else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `A` for column 0, `Z` for 25, `AA` for 26.
    static func columnLetters(_ index: Int) -> String {
        var letters = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// The 0-based column of a cell reference such as `D5` (`nil` when it has no letters or too many).
    static func columnIndex(ofReference reference: String) -> Int? {
        var index = 0
        var count = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            count += 1
            guard count <= 3 else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        return count == 0 ? nil : index - 1
    }
}

// MARK: - The parts of the package

extension Workbook {
    /// The ZIP package and the XML parts this reader needs, read from memory (``ZIPArchive``).
    fileprivate final class Package {
        let archive: ZIPArchive
        let source: String
        /// What the parts read so far may still unpack to: all of them together stay within the limit.
        private var unpackBudget: Int
        private let unpackLimit: Int

        init(_ data: Data, source: String, unpackLimit: Int) throws(InputError) {
            self.source = source
            self.unpackLimit = unpackLimit
            unpackBudget = unpackLimit
            do {
                archive = try ZIPArchive(data)
            } catch {
                throw Self.packageError(error, source: source, unpackLimit: unpackLimit)
            }
        }

        func part(_ path: String) throws(InputError) -> Data? {
            do {
                let data = try archive.contents(of: path, limit: unpackBudget)
                unpackBudget -= data?.count ?? 0
                return data
            } catch {
                throw Self.packageError(error, source: source, unpackLimit: unpackLimit)
            }
        }

        private static let resavingFix = Phrase(
            "open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV UTF-8",
            lv: "atveriet to Excel vai LibreOffice un saglabājiet vēlreiz kā .xlsx, vai saglabājiet lapu kā CSV UTF-8")

        /// `detail` names the package's own parts (such as xl/workbook.xml), the same in both languages.
        private static func cannotBeRead(_ detail: String) -> Phrase {
            Phrase("the workbook cannot be read: \(detail)", lv: "darbgrāmatu nevar nolasīt: \(detail)")
        }

        /// A damaged package is named so; one this reader does not read says what it is.
        private static func packageError(_ problem: ZIPArchive.Problem, source: String, unpackLimit: Int) -> InputError {
            let fix = resavingFix
            let issue = switch problem {
            case .noDirectory, .damaged:
                InputIssue(source: source, problem: Phrase("the workbook is damaged: \(problem)",
                                                           lv: "darbgrāmata ir bojāta: \(problem)"), fix: fix)
            case .encrypted:
                InputIssue(source: source, problem: cannotBeRead("\(problem)"),
                           fix: Phrase("save it again from Excel or LibreOffice without a password",
                                       lv: "saglabājiet to vēlreiz no Excel vai LibreOffice bez paroles"))
            case .tooLarge(let entry, _):
                InputIssue(source: source, problem: Phrase(
                    "the workbook cannot be read: its parts unpack to more than \(unpackLimit / 1_048_576) MB (at its part \(entry))",
                    lv: "darbgrāmatu nevar nolasīt: tās daļas atpakotas pārsniedz \(unpackLimit / 1_048_576) MB (pie daļas \(entry))"),
                           fix: fix)
            case .zip64, .multiDisk, .unsupportedMethod:
                InputIssue(source: source, problem: cannotBeRead("\(problem)"), fix: fix)
            }
            return InputError(issues: [issue])
        }

        func decoded<Value: Decodable>(_ type: Value.Type, _ path: String) throws(InputError) -> Value? {
            guard let data = try part(path) else { return nil }
            // Foundation's XML parser traps on text that is not UTF-8, which every workbook writer writes.
            guard String(validating: data, as: UTF8.self) != nil else { throw unreadable("its part \(path) is not UTF-8") }
            let decoder = XMLDecoder()
            decoder.shouldProcessNamespaces = true
            decoder.trimValueWhitespaces = false
            decoder.removeWhitespaceElements = true
            do {
                return try decoder.decode(type, from: data)
            } catch {
                throw unreadable("its part \(path) is not the XML a workbook holds")
            }
        }

        func unreadable(_ problem: String) -> InputError {
            InputError(issues: [InputIssue(source: source, problem: Self.cannotBeRead(problem), fix: Self.resavingFix)])
        }

        /// The sheets in the workbook's order, with the path of each sheet's part.
        func sheets() throws(InputError) -> [(name: String, path: String)] {
            guard let workbook = try decoded(WorkbookPart.self, "xl/workbook.xml") else {
                throw unreadable("it has no xl/workbook.xml")
            }
            let relationships = try decoded(RelationshipsPart.self, "xl/_rels/workbook.xml.rels")?.relationship ?? []
            let targets = Dictionary(relationships.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
            return try (workbook.sheets.sheet).map { sheet throws(InputError) in
                guard let target = targets[sheet.id] else { throw unreadable("its sheet \(sheet.name) has no part") }
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                return (sheet.name, path)
            }
        }

        func sharedStrings() throws(InputError) -> [String] {
            try decoded(SharedStringsPart.self, "xl/sharedStrings.xml")?.si.map(\.text) ?? []
        }

        /// For each cell style (`s`), how its numbers show: as a date, a time, or a number.
        func cellFormats() throws(InputError) -> CellFormats {
            let usesDates1904 = try decoded(WorkbookPart.self, "xl/workbook.xml")?.workbookPr?.date1904.map {
                $0 == "1" || $0.lowercased() == "true"
            } ?? false
            guard let styles = try decoded(StylesPart.self, "xl/styles.xml") else {
                return CellFormats(kinds: [], usesDates1904: usesDates1904)
            }
            let custom = Dictionary(
                (styles.numFmts?.numFmt ?? []).map { ($0.numFmtId, $0.formatCode) }, uniquingKeysWith: { first, _ in first })
            let kinds = (styles.cellXfs?.xf ?? []).map { format in
                NumberKind(formatID: format.numFmtId ?? 0, code: custom[format.numFmtId ?? 0])
            }
            return CellFormats(kinds: kinds, usesDates1904: usesDates1904)
        }

        /// The text of each non-empty cell, by row number (from 1) and column (from 0).
        func rows(
            of sheet: (name: String, path: String), strings: [String], formats: CellFormats
        ) throws(InputError) -> [Int: [Int: String]] {
            guard let part = try decoded(WorksheetPart.self, sheet.path) else {
                throw unreadable("its sheet \(sheet.name) is missing")
            }
            var rows: [Int: [Int: String]] = [:]
            var nextRow = 1
            for row in part.sheetData.row ?? [] {
                let number = row.r ?? nextRow
                guard (1...1_048_576).contains(number) else { throw unreadable("a row of sheet \(sheet.name) is out of range") }
                nextRow = number + 1
                var nextColumn = 0
                for cell in row.c ?? [] {
                    let column = cell.r.flatMap(Workbook.columnIndex(ofReference:)) ?? nextColumn
                    guard column < 16_384 else { throw unreadable("a cell of sheet \(sheet.name) is out of range") }
                    nextColumn = column + 1
                    let text = try cell.text(strings: strings, formats: formats) { problem throws(InputError) in
                        throw InputError(issues: [InputIssue(
                            source: source, cell: "\(sheet.name)!\(Workbook.columnLetters(column))\(number)",
                            problem: problem,
                            fix: Phrase("type the value itself into the cell (not a formula that fails), then save again",
                                        lv: "ierakstiet šūnā pašu vērtību (nevis formulu, kas neizdodas), tad saglabājiet vēlreiz")
                        )])
                    }
                    if !text.isEmpty { rows[number, default: [:]][column] = text }
                }
            }
            return rows
        }
    }
}

// MARK: - Cell values

extension Workbook {
    /// How a number in a cell style shows.
    enum NumberKind {
        case number, date, time, dateTime

        /// Excel's built-in formats 14–22 and 45–47 are dates and times; a custom code is a date when it has a day,
        /// month or year outside quotes and brackets, and a time when it has hours or seconds.
        init(formatID: Int, code: String?) {
            switch formatID {
            case 14...17: self = .date
            case 18...21, 45...47: self = .time
            case 22: self = .dateTime
            default:
                guard let code else { self = .number; return }
                var plain = ""
                var inQuotes = false
                var inBrackets = false
                for character in code.lowercased() {
                    switch character {
                    case "\"": inQuotes.toggle()
                    case "[" where !inQuotes: inBrackets = true
                    case "]" where !inQuotes: inBrackets = false
                    default: if !inQuotes && !inBrackets { plain.append(character) }
                    }
                }
                let hasDate = plain.contains("d") || plain.contains("y")
                let hasTime = plain.contains("h") || plain.contains("s")
                self = hasDate ? (hasTime ? .dateTime : .date) : (hasTime ? .time : .number)
            }
        }
    }

    struct CellFormats {
        var kinds: [NumberKind]
        var usesDates1904: Bool

        func kind(ofStyle style: Int?) -> NumberKind {
            guard let style, kinds.indices.contains(style) else { return .number }
            return kinds[style]
        }
    }

    /// A number as the sheet shows it: whole numbers without a decimal point, others as the shortest exact decimal.
    static func numberText(_ raw: String) -> String? {
        guard let value = Double(raw), value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A date serial as `yyyy-mm-dd` (1900 system: day 1 is 1900-01-01 and Excel's day 60, 29 February 1900, which
    /// never was, is skipped), a time fraction as `HH:MM`.
    static func dateText(serial: Double, kind: NumberKind, usesDates1904: Bool) -> String? {
        guard serial.isFinite, (0..<2_958_466).contains(serial) else { return nil }
        let days = Int(serial.rounded(.down))
        let minutes = Int(((serial - Double(days)) * 1_440).rounded())
        let time = String(format: "%02d:%02d", (minutes / 60) % 24, minutes % 60)
        if kind == .time { return time }
        let offset = usesDates1904 ? days + 1_462 : (days < 60 ? days + 1 : days)
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        guard let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)),
            let date = calendar.date(byAdding: .day, value: offset, to: epoch)
        else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        let dateText = String(format: "%04d-%02d-%02d", year, month, day)
        return kind == .dateTime && minutes > 0 ? "\(dateText) \(time)" : dateText
    }
}

// MARK: - The XML of the parts (only what is read)

private struct WorkbookPart: Decodable {
    struct Sheets: Decodable { var sheet: [SheetEntry] }
    struct SheetEntry: Decodable {
        var name: String
        /// The relationship id, `r:id` (the namespace prefix of attributes stays in their name).
        var id: String

        enum CodingKeys: String, CodingKey {
            case name
            case id = "r:id"
            case unprefixedID = "id"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            id = try container.decodeIfPresent(String.self, forKey: .id)
                ?? container.decode(String.self, forKey: .unprefixedID)
        }
    }
    struct Properties: Decodable { var date1904: String? }
    var sheets: Sheets
    var workbookPr: Properties?
}

private struct RelationshipsPart: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
        }
    }
    var relationship: [Relationship]?

    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

/// Text that may carry attributes (`<t xml:space="preserve">`): its content is the element's own value.
private struct TextElement: Decodable {
    var value: String?

    enum CodingKeys: String, CodingKey { case value = "" }
}

/// A string item: plain (`<t>`) or rich text in runs (`<r><t>`), phonetic runs (`<rPh>`) left out.
private struct StringItem: Decodable {
    struct Run: Decodable { var t: TextElement? }
    var t: TextElement?
    var r: [Run]?

    var text: String { (t?.value ?? "") + (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

private struct SharedStringsPart: Decodable { var si: [StringItem] }

private struct StylesPart: Decodable {
    struct NumberFormats: Decodable { var numFmt: [NumberFormat]? }
    struct NumberFormat: Decodable {
        var numFmtId: Int
        var formatCode: String
    }
    struct CellStyles: Decodable { var xf: [CellStyle]? }
    struct CellStyle: Decodable { var numFmtId: Int? }
    var numFmts: NumberFormats?
    var cellXfs: CellStyles?
}

private struct WorksheetPart: Decodable {
    struct SheetData: Decodable { var row: [Row]? }
    struct Row: Decodable {
        var r: Int?
        var c: [Cell]?
    }
    var sheetData: SheetData
}

private struct Cell: Decodable {
    var r: String?
    /// The type: `s` shared string, `inlineStr`, `str` formula text, `b` boolean, `e` error, `n` or none a number.
    var t: String?
    /// The style, whose number format tells a date from a number.
    var s: Int?
    var v: TextElement?
    var `is`: StringItem?

    func text(
        strings: [String], formats: Workbook.CellFormats, failing: (Phrase) throws(InputError) -> Never
    ) throws(InputError) -> String {
        let raw = v?.value ?? ""
        switch t {
        case "s":
            guard let index = Int(raw), strings.indices.contains(index) else {
                try failing(Phrase("the cell refers to a shared string the workbook does not have",
                                   lv: "šūna atsaucas uz kopīgu virkni, kuras darbgrāmatā nav"))
            }
            return strings[index]
        case "inlineStr": return `is`?.text ?? ""
        case "str": return raw
        case "b": return raw == "1" ? "true" : "false"
        case "e":
            try failing(Phrase("the cell holds the error \(InputText.excerpt(raw))", lv: "šūnā ir kļūda \(InputText.excerpt(raw))"))
        default:
            guard !raw.isEmpty else { return "" }
            let kind = formats.kind(ofStyle: s)
            let shown = kind == .number
                ? Workbook.numberText(raw)
                : Double(raw).flatMap { Workbook.dateText(serial: $0, kind: kind, usesDates1904: formats.usesDates1904) }
            guard let shown else {
                try failing(Phrase("the cell's number \(InputText.excerpt(raw)) cannot be read",
                                   lv: "šūnas skaitli \(InputText.excerpt(raw)) nevar nolasīt"))
            }
            return shown
        }
    }
}

/// The sheets of a workbook, and reading a chosen one (a coordinator's choice when a workbook has several).
public enum WorkbookSheets {
    /// The names of the workbook's sheets in order; `nil` when the bytes are not a readable `.xlsx` workbook.
    public static func names(_ data: Data) -> [String]? {
        guard Workbook.isWorkbook(data), let package = try? Workbook.Package(data, source: "workbook", unpackLimit: Workbook.maximumPartBytes),
            let sheets = try? package.sheets()
        else { return nil }
        return sheets.map(\.name)
    }

    /// Runs `body` (a load of input files) reading, of each workbook whose issues name it by a key of `choices`,
    /// the sheet named by its value instead of the sheet found by its columns.
    public static func reading<Value, Failure: Error>(
        _ choices: [String: String], _ body: () throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let result = Workbook.$chosenSheets.withValue(choices) { Result { () throws(Failure) in try body() } }
        return try result.get()
    }
}
