import Foundation

/// Writes tables as an Excel workbook (`.xlsx`), a sheet per table, for coordinators who keep their lists in Excel.
///
/// Cells that are numbers in their canonical form (`3`, `0.615`, `-2.5`; not `007`, which is an id) are written as
/// numbers, everything else as text; the header row is bold and stays in view. The same tables give the same bytes
/// (the package's dates are fixed).
public enum WorkbookWriter {
    /// One sheet: its name (at most 31 characters, as Excel allows), header and rows.
    public struct Table: Sendable, Hashable {
        public var name: String
        public var header: [String]
        public var rows: [[String]]

        public init(name: String, header: [String], rows: [[String]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// The workbook's bytes.
    /// - Throws: ``FormatError/unencodable(output:problem:)`` when the package cannot be built.
    public static func workbook(_ tables: [Table], output: String) throws(FormatError) -> Data {
        let names = sheetNames(tables.map(\.name))
        let sheetEntries = names.enumerated().map { index, name in
            #"<sheet name="\#(escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        let links = tables.indices.map { index in
            #"<Relationship Id="rId\#(index + 1)" Type="\#(officeRelationships)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }.joined()
        func text(_ name: String, _ text: String) -> ZIPWriter.Entry { ZIPWriter.Entry(name: name) { Array(text.utf8) } }
        let parts = [
            text("[Content_Types].xml", contentTypes(sheets: tables.count)),
            text("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="\#(packageRelationships)"><Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            text("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="\#(spreadsheet)" xmlns:r="\#(officeRelationships)"><sheets>\#(sheetEntries)</sheets></workbook>"#),
            text("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="\#(packageRelationships)">\#(links)<Relationship Id="rId\#(tables.count + 1)" Type="\#(officeRelationships)/styles" Target="styles.xml"/></Relationships>"#),
            text("xl/styles.xml", styles),
        ] + tables.enumerated().map { index, table in
            ZIPWriter.Entry(name: "xl/worksheets/sheet\(index + 1).xml") { sheet(table) }
        }
        do {
            return try ZIPWriter.archive(parts)
        } catch {
            throw .unencodable(output: output, problem: "the workbook could not be built: \(error)")
        }
    }

    static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheets: Int) -> String {
        let sheetOverrides = (0..<sheets).map { index in
            #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\#(sheetOverrides)</Types>"#
    }

    /// A regular font and a bold one; style 1 is the header's.
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="\#(spreadsheet)"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// The sheet's XML as UTF-8 bytes, appended piece by piece: national sheets hold millions of cells.
    static func sheet(_ table: Table) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(table.rows.count * table.header.count * 48 + 512)
        xml.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(spreadsheet)"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#.utf8)
        let columnCount = table.rows.reduce(table.header.count) { widest, row in max(widest, row.count) }
        let letters = (0..<columnCount).map { column in Array(Workbook.columnLetters(column).utf8) }
        func append(_ row: [String], number: Int) {
            let reference = Array(String(number).utf8)
            xml.append(contentsOf: #"<row r=""#.utf8)
            xml.append(contentsOf: reference)
            xml.append(contentsOf: #"">"#.utf8)
            for (column, value) in row.enumerated() where !value.isEmpty {
                xml.append(contentsOf: #"<c r=""#.utf8)
                xml.append(contentsOf: letters[column])
                xml.append(contentsOf: reference)
                if number > 1, isCanonicalNumber(value) {
                    xml.append(contentsOf: #""><v>"#.utf8)
                    xml.append(contentsOf: value.utf8)
                    xml.append(contentsOf: "</v></c>".utf8)
                } else {
                    // The header row (row 1) is bold: style 1.
                    xml.append(contentsOf: (number == 1 ? #"" s="1" t="inlineStr"><is><t xml:space="preserve">"#
                        : #"" t="inlineStr"><is><t xml:space="preserve">"#).utf8)
                    xml.append(contentsOf: escaped(value).utf8)
                    xml.append(contentsOf: "</t></is></c>".utf8)
                }
            }
            xml.append(contentsOf: "</row>".utf8)
        }
        append(table.header, number: 1)
        for (index, row) in table.rows.enumerated() { append(row, number: index + 2) }
        xml.append(contentsOf: "</sheetData></worksheet>".utf8)
        return xml
    }

    /// `0`, `12`, `-3`, `0.615`: what a spreadsheet shows the same once read as a number (at most 15 digits, the
    /// precision Excel keeps). Leading zeros (`007`) and plus signs keep a value text.
    static func isCanonicalNumber(_ value: String) -> Bool {
        // On the UTF-8 bytes: every cell of every sheet passes here, and Character checks cost a run's writing time.
        var bytes = value.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var wholeDigits = 0
        var fractionDigits: Int?
        var startsWithZero = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if let digits = fractionDigits {
                    fractionDigits = digits + 1
                } else {
                    if wholeDigits == 0 { startsWithZero = byte == UInt8(ascii: "0") } else if startsWithZero { return false }
                    wholeDigits += 1
                }
            case UInt8(ascii: "."):
                guard fractionDigits == nil, wholeDigits > 0 else { return false }
                fractionDigits = 0
            default:
                return false
            }
        }
        guard wholeDigits > 0, fractionDigits != 0 else { return false }
        return wholeDigits + (fractionDigits ?? 0) <= 15
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            var candidate = cleaned.isEmpty ? "Sheet" : cleaned
            var suffix = 2
            while used.contains(candidate.lowercased()) {
                candidate = String(cleaned.prefix(28)) + " \(suffix)"
                suffix += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// XML text: the five special characters escaped, and the control characters XML 1.0 cannot hold left out.
    static func escaped(_ text: String) -> String {
        // Most cells are plain printable ASCII: nothing to replace.
        let plain = text.utf8.allSatisfy { byte in
            (0x20...0x7E).contains(byte) && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
                && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
        }
        if plain { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
