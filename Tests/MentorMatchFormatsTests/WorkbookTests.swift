import Foundation
import MentorMatchCore
@testable import MentorMatchFormats
import Testing
import ZIPFoundation

/// `.xlsx` workbooks read as the CSV files they stand for. The workbooks here are written part by part, as Excel,
/// LibreOffice and openpyxl write them (Tests/Workbooks checks real files from openpyxl and LibreOffice).
struct WorkbookTests {
    @Test func readsSharedInlineAndRichStringsNumbersBooleansAndGaps() throws {
        let workbook = try TestWorkbook(
            sheets: [("Vietas", """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>lon</t></is></c><c r="D1" t="s"><v>2</v></c></row>
                <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>56.816200000000002</v></c><c r="C2"><v>24.61401</v></c><c r="D2" t="b"><v>0</v></c></row>
                <row r="4"><c r="A4" t="inlineStr"><is><r><t>Sun</t></r><r><t xml:space="preserve">taži</t></r></is></c><c r="B4"><v>56.9076</v></c><c r="C4"><v>24.938</v></c><c r="D4" t="b"><v>1</v></c></row>
                """)],
            sharedStrings: ["place", "lat", "remote", "Ogre"]
        ).data()
        let places = PlacesCSV.read(workbook, source: "places.xlsx")
        #expect(places.issues.isEmpty)
        #expect(places.records == [
            Place(name: "Ogre", coordinate: Coordinate(latitude: 56.8162, longitude: 24.61401), isRemote: false),
            Place(name: "Suntaži", coordinate: Coordinate(latitude: 56.9076, longitude: 24.938), isRemote: true),
        ])
        // Row 3 is missing from the sheet, so the lines are the sheet's row numbers.
        #expect(places.source.lines == [2, 4])
        #expect(places.source.sheet == SheetLayout(name: "Vietas", columnLetters: ["place": "A", "lat": "B", "lon": "C", "remote": "D"]))
    }

    @Test func datesInADateFormatReadAsISODatesInBothDateSystems() throws {
        let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>mentor_id</t></is></c><c r="B1" t="inlineStr"><is><t>mentee_id</t></is></c><c r="C1" t="inlineStr"><is><t>since</t></is></c></row>"#
        let row = #"<row r="2"><c r="A2" t="inlineStr"><is><t>M01</t></is></c><c r="B2" t="inlineStr"><is><t>Y002</t></is></c><c r="C2" s="1"><v>SERIAL</v></c></row>"#
        // 1 March 2024 is day 45352 of the 1900 system and day 43890 of the 1904 system.
        for (serial, uses1904) in [("45352", false), ("43890", true)] {
            let workbook = try TestWorkbook(
                sheets: [("Pāri", header + row.replacingOccurrences(of: "SERIAL", with: serial))],
                dateFormatCode: "dd.mm.yyyy", uses1904: uses1904
            ).data()
            let sheet = try #require(try csvText(workbook, columns: ["mentor_id", "mentee_id"]))
            #expect(sheet == "mentor_id,mentee_id,since\nM01,Y002,2024-03-01\n")
        }
        // Excel's day 60 is 29 February 1900, which never was: the days either side are real.
        #expect(Workbook.dateText(serial: 59, kind: .date, usesDates1904: false) == "1900-02-28")
        #expect(Workbook.dateText(serial: 61, kind: .date, usesDates1904: false) == "1900-03-01")
        #expect(Workbook.dateText(serial: 45352.6875, kind: .time, usesDates1904: false) == "16:30")
    }

    @Test func picksTheSheetThatHasTheColumnsAndNamesCellsInIssues() throws {
        let mentorsSheet = """
            <row r="1">\(cells(["id", "age", "gender", "place", "capacity", "availability", "specialisations", "languages", "max_travel_km"], row: 1))</row>
            <row r="2">\(cells(["M01", "34", "female", "Ogre", "7", "Mon 16:00-18:00, Sat 10:00-14:00", "", "lv; ru", "20"], row: 2))</row>
            """
        let workbook = try TestWorkbook(sheets: [
            ("Instrukcija", #"<row r="1"><c r="A1" t="inlineStr"><is><t>Viena rinda katram mentoram</t></is></c></row>"#),
            ("Mentori", mentorsSheet),
        ]).data()
        let mentors = MentorsCSV.read(workbook, source: "mentors.xlsx")
        #expect(mentors.issues.isEmpty)
        let mentor = try #require(mentors.records.first)
        // A comma inside a cell stays inside it.
        #expect(mentor.availability.windows.count == 2)
        #expect(mentor.capacity == 7)

        let places = PlacesCSV.read(Data("place,lat,lon,remote\nOgre,56.8162,24.6048,no\n".utf8), source: "places.csv")
        let mentees = MenteesCSV.read(Data("id,age,gender,place,availability,needs,languages\nY01,15,male,Ogre,Mon 16:00-18:00,,lv\n".utf8),
                                      source: "mentees.csv")
        let sources = SourceMap(mentors: mentors.source, mentees: mentees.source, places: places.source)
        let input = MatchingInput(mentors: mentors.records, mentees: mentees.records, places: places.records)
        let issues = sources.locatingCells(InputValidator.issues(in: input, policy: Policy(), sources: sources))
        let capacity = try #require(issues.first { $0.field == "capacity" })
        #expect(capacity.cell == "Mentori!E2")
        #expect(capacity.description.hasPrefix("mentors.xlsx, Mentori!E2 (capacity): capacity 7 is above the maximum of 3"))
    }

    @Test func aSheetWithoutTheColumnsAnErrorCellAndAFileThatIsNotAWorkbookAreIssues() throws {
        let twoSheets = try TestWorkbook(sheets: [("A", #"<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>"#),
                                                  ("B", "")]).data()
        let noColumns = PlacesCSV.read(twoSheets, source: "places.xlsx")
        #expect(noColumns.issues.map(\.problem) == [
            "no sheet of the workbook has the columns place,lat,lon,remote in its first row (sheets: A, B)",
        ])

        let errorCell = try TestWorkbook(sheets: [("Vietas", """
            <row r="1">\(cells(["place", "lat", "lon", "remote"], row: 1))</row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>Ogre</t></is></c><c r="B2" t="e"><v>#DIV/0!</v></c></row>
            """)]).data()
        let failed = PlacesCSV.read(errorCell, source: "places.xlsx")
        #expect(failed.issues.map(\.description) == [
            "places.xlsx, Vietas!B2: the cell holds the error #DIV/0!. Fix: type the value itself into the cell "
                + "(not a formula that fails), then save again",
        ])

        var damaged = try TestWorkbook(sheets: [("Vietas", "")]).data()
        damaged.replaceSubrange(30..<min(200, damaged.count), with: Data(repeating: 0, count: min(200, damaged.count) - 30))
        #expect(PlacesCSV.read(damaged, source: "places.xlsx").issues.map(\.description) == [
            "places.xlsx: the workbook is damaged: its part xl/workbook.xml is damaged. Fix: open it in Excel or "
                + "LibreOffice and save it again as .xlsx, or save the sheet as CSV UTF-8",
        ])
    }

    /// The last part's deflate stream begins with a stored block, not the last, whose length runs past the end of
    /// the file: zlib waits for more input, and ZIPFoundation's inflate loop, given none, spun for ever.
    @Test func aSheetWhoseCompressedDataEndsTooSoonIsAnIssueAtOnce() throws {
        var zip = placesWorkbook.zip()
        let sheet = zip.members.count - 1
        #expect(zip.members[sheet].name == "xl/worksheets/sheet1.xml")
        zip.members[sheet].stored = Data([0x00, 0xFF, 0xFF, 0x00, 0x00]) + TestZIP.deflated(zip.members[sheet].contents)
        let data = zip.data()
        let issues = try #require(finishing(within: 10) { PlacesCSV.read(data, source: "places.xlsx").issues })
        #expect(issues.map(\.description) == [
            "places.xlsx: the workbook is damaged: the compressed data of its part xl/worksheets/sheet1.xml ends too "
                + "soon. Fix: open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV UTF-8",
        ])
    }

    @Test func aPartDeclaredLargerThanTheLimitOrPartsLargerInAllAreRefused() throws {
        var bomb = placesWorkbook.zip()
        let sheet = try #require(bomb.members.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
        bomb.members[sheet].declaredSize = 600 * 1_048_576
        #expect(PlacesCSV.read(bomb.data(), source: "places.xlsx").issues.map(\.problem) == [
            "the workbook cannot be read: its parts unpack to more than 512 MB (at its part xl/worksheets/sheet1.xml)",
        ])
        // Each part is below the limit; the workbook, relationships and sheet together are not.
        let data = placesWorkbook.zip().data()
        let parts = placesWorkbook.parts()
        let sizes = parts.map(\.text.utf8.count)
        let columns = ["place", "lat", "lon", "remote"]
        #expect(try Workbook.sheet(data, source: "places.xlsx", requiredColumns: columns, unpackLimit: sizes.reduce(0, +) + sizes[0]).csv.count > 0)
        #expect(throws: InputError.self) {
            try Workbook.sheet(data, source: "places.xlsx", requiredColumns: columns, unpackLimit: sizes.max() ?? 0)
        }
    }

    @Test func writtenWorkbooksReadBackAsTheirTablesAndRepeatByteForByte() throws {
        let table = WorkbookWriter.Table(name: "pairs", header: ["mentor_id", "mentee_id", "score", "reason"], rows: [
            ["M007", "007", "0.615", "travel 33 km > 25 km & no shared language <lv>"],
            ["M010", "Y2", "-2.50", ""],
        ])
        let other = WorkbookWriter.Table(name: "a/b:c", header: ["id"], rows: [["x\u{1}y"]])
        let data = try WorkbookWriter.workbook([table, other], output: "result.xlsx")
        #expect(try WorkbookWriter.workbook([table, other], output: "result.xlsx") == data)
        let text = try #require(try csvText(data, columns: ["mentor_id", "mentee_id"]))
        // 007 stays text, -2.50 becomes the number -2.5, the reason survives escaping.
        #expect(text == "mentor_id,mentee_id,score,reason\nM007,007,0.615,travel 33 km > 25 km & no shared language <lv>\nM010,Y2,-2.5\n")
        #expect(WorkbookWriter.sheetNames(["a/b:c", "pairs", "PAIRS", String(repeating: "x", count: 40)])
                == ["a_b_c", "pairs", "PAIRS 2", String(repeating: "x", count: 31)])
        #expect(WorkbookWriter.escaped("x\u{1}y") == "xy")
        #expect(WorkbookWriter.escaped("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(WorkbookWriter.escaped("\tĶegums\n\r\u{1f}\u{7f}🧑\u{FFFE}\u{FFFF}\u{FFFD}") == "\tĶegums\n\r\u{7f}🧑\u{FFFD}")
        #expect(["0", "12", "-3", "0.615", "0.05", "-0", "123456789012345", "10"].allSatisfy(WorkbookWriter.isCanonicalNumber))
        #expect(!["007", "+3", "1.", ".5", "1e5", "1234567890123456", "", "-", "--1", "1.2.3", "1,5", "٣", "00.5", "12a"]
            .contains(where: WorkbookWriter.isCanonicalNumber))
    }

    /// A run's files are read on all cores: the sheet chosen for each workbook (a task-local choice) must hold on
    /// whichever thread reads it. Each first sheet has an invalid row, each chosen second sheet none.
    /// A national sheet goes to the compressor in pieces: the pieces join to the XML of the sheet written whole, and
    /// only cells with blanks at either end are marked to keep them.
    @Test func aSheetWrittenInPiecesIsTheWholeSheetsXML() throws {
        var random = SplitMix64(seed: 3)
        let cells = ["M007", "0.615", "-2.5", " padded ", "travel 33 km > 25 km & no <lv>", "", "Ķegums", "007", "\tlead"]
        let table = WorkbookWriter.Table(name: "pairs", header: ["mentor_id", "mentee_id", "score"], rows: (0..<2_000).map { _ in
            (0..<random.int(in: 1...4)).map { _ in random.pick(cells) }
        })
        let whole = WorkbookWriter.sheet(table)
        for limit in [1, 100, 4_096] {
            var pieces: [UInt8] = []
            var count = 0
            WorkbookWriter.writeSheet(table, flushingAt: limit) { piece in
                pieces += piece
                count += 1
            }
            #expect(pieces == whole, "flushed at \(limit) bytes")
            #expect(count > 1)
        }
        let text = String(decoding: whole, as: UTF8.self)
        #expect(text.contains(#"<t xml:space="preserve"> padded </t>"#))
        #expect(text.contains(#"<t xml:space="preserve">\#tlead</t>"#))
        #expect(text.contains("<t>Ķegums</t>"))
    }

    @Test func chosenSheetsHoldWhenTheFilesAreReadConcurrently() throws {
        let contents = InputContents(
            mentors: InputBytes(try twoSheetWorkbook(Fixtures.mentors, breaking: "capacity", with: "7"), source: "mentors.xlsx"),
            mentees: InputBytes(try twoSheetWorkbook(Fixtures.mentees, breaking: "age", with: "7"), source: "mentees.xlsx"),
            places: InputBytes(try twoSheetWorkbook(Fixtures.places, breaking: "lat", with: "north"), source: "places.xlsx"))
        #expect(throws: InputError.self) { try InputLoader.load(contents) }
        let choices = ["mentors.xlsx": "Jaunā", "mentees.xlsx": "Jaunā", "places.xlsx": "Jaunā"]
        for _ in 0..<20 {
            let loaded = try WorkbookSheets.reading(choices) { () throws(InputError) in try InputLoader.load(contents) }
            #expect([loaded.input.mentors.count, loaded.input.mentees.count, loaded.input.places.count] == [Int](repeating: 2, count: 3))
        }
    }

    /// The CSV text as a workbook of two sheets: "Vecā" with `column` of the first row set to `value`, then "Jaunā"
    /// as it is.
    private func twoSheetWorkbook(_ csv: String, breaking column: String, with value: String) throws -> Data {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0], rows = Array(lines.dropFirst())
        var broken = rows
        broken[0][try #require(header.firstIndex(of: column))] = value
        return try WorkbookWriter.workbook([
            WorkbookWriter.Table(name: "Vecā", header: header, rows: broken), WorkbookWriter.Table(name: "Jaunā", header: header, rows: rows),
        ], output: "input.xlsx")
    }

    /// A workbook of two places, a row of each.
    private var placesWorkbook: TestWorkbook {
        TestWorkbook(sheets: [("Vietas", """
            <row r="1">\(cells(["place", "lat", "lon", "remote"], row: 1))</row>
            <row r="2">\(cells(["Ogre", "56.8162", "24.6048", "no"], row: 2))</row>
            """)])
    }

    /// The inline-string cells of one row.
    private func cells(_ values: [String], row: Int) -> String {
        values.enumerated().map { column, value in
            let reference = "\(Character(UnicodeScalar(UInt8(65 + column))))\(row)"
            return value.isEmpty ? "" : #"<c r="\#(reference)" t="inlineStr"><is><t>\#(value)</t></is></c>"#
        }.joined()
    }

    /// The CSV text the sheet with `columns` reads as.
    private func csvText(_ workbook: Data, columns: [String]) throws -> String? {
        String(data: try Workbook.sheet(workbook, source: "pairs.xlsx", requiredColumns: columns).csv, encoding: .utf8)
    }
}

/// A minimal `.xlsx` package: a workbook, its relationships, the sheets, and optionally shared strings and a style
/// whose number format is `dateFormatCode`.
private struct TestWorkbook {
    var sheets: [(name: String, rows: String)]
    var sharedStrings: [String] = []
    var dateFormatCode: String?
    var uses1904 = false

    /// The package written by ZIPFoundation, as a real writer writes it.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts() {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// The package built field by field, for a test to damage.
    func zip() -> TestZIP {
        TestZIP(members: parts().map { TestZIP.Member($0.path, Data($0.text.utf8)) })
    }

    func parts() -> [(path: String, text: String)] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let sheetEntries = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(sheet.name)" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        var parts: [(path: String, text: String)] = [("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><workbookPr\#(uses1904 ? #" date1904="1""# : "")/><sheets>\#(sheetEntries)</sheets></workbook>"#)]
        let links = sheets.indices.map { index in
            #"<Relationship Id="rId\#(index + 1)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }.joined()
        parts.append(("xl/_rels/workbook.xml.rels",
                      #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(links)</Relationships>"#))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", #"<worksheet xmlns="\#(main)"><sheetData>\#(sheet.rows)</sheetData></worksheet>"#))
        }
        if !sharedStrings.isEmpty {
            let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
            parts.append(("xl/sharedStrings.xml", #"<sst xmlns="\#(main)">\#(items)</sst>"#))
        }
        if let dateFormatCode {
            parts.append(("xl/styles.xml", #"<styleSheet xmlns="\#(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="\#(dateFormatCode)"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#))
        }
        return parts
    }
}
