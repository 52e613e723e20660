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
        func text(_ name: String, _ text: String) -> ZIPWriter.Entry { ZIPWriter.Entry(name: name, contents: { Array(text.utf8) }) }
        let parts = [
            text("[Content_Types].xml", contentTypes(sheets: tables.count)),
            text("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="\#(packageRelationships)"><Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            text("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="\#(spreadsheet)" xmlns:r="\#(officeRelationships)"><sheets>\#(sheetEntries)</sheets></workbook>"#),
            text("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="\#(packageRelationships)">\#(links)<Relationship Id="rId\#(tables.count + 1)" Type="\#(officeRelationships)/styles" Target="styles.xml"/></Relationships>"#),
            text("xl/styles.xml", styles),
        ] + tables.enumerated().map { index, table in
            ZIPWriter.Entry(name: "xl/worksheets/sheet\(index + 1).xml") { deflater in writeSheet(table, to: deflater) }
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

    static let sheetStart = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(spreadsheet)"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#

    /// The sheet's XML as UTF-8 bytes (for tests; a workbook's sheets go to the deflater piece by piece).
    static func sheet(_ table: Table) -> [UInt8] {
        let xml = OutputBytes()
        writeSheet(table, flushingAt: .max) { bytes in xml.append(bytes) }
        return Array(xml.bytes)
    }

    static func writeSheet(_ table: Table, to deflater: ZIPWriter.Deflater) {
        writeSheet(table, flushingAt: 1 << 18) { bytes in deflater.append(bytes) }
    }

    /// Writes the sheet's XML into a buffer handed to `flush` whenever it holds `limit` bytes, and at the end:
    /// national sheets hold millions of cells, so each piece is written byte by byte, never as a `String`.
    static func writeSheet(_ table: Table, flushingAt limit: Int, _ flush: (UnsafeBufferPointer<UInt8>) -> Void) {
        let xml = OutputBytes(capacity: min(limit, 1 << 18) + 4_096)
        xml.append(sheetStart)
        let columnCount = table.rows.reduce(table.header.count) { widest, row in max(widest, row.count) }
        let letters = (0..<columnCount).map { column in Workbook.columnLetters(column) }
        func append(_ row: [String], number: Int) {
            let reference = String(number)
            xml.append(#"<row r=""#)
            xml.append(reference)
            xml.append(#"">"#)
            for (column, value) in row.enumerated() where !value.isEmpty {
                xml.append(#"<c r=""#)
                xml.append(letters[column])
                xml.append(reference)
                var value = value
                value.withUTF8 { bytes in
                    if number > 1, isCanonicalNumber(bytes) {
                        xml.append(#""><v>"#)
                        xml.append(bytes)
                        xml.append("</v></c>")
                        return
                    }
                    // The header row (row 1) is bold: style 1. Blanks at either end are kept only when marked.
                    xml.append(number == 1 ? #"" s="1" t="inlineStr"><is><t"# : #"" t="inlineStr"><is><t"#)
                    xml.append(isBlank(bytes.first) || isBlank(bytes.last) ? #" xml:space="preserve">"# : ">")
                    appendEscaped(bytes, to: xml)
                    xml.append("</t></is></c>")
                }
            }
            xml.append("</row>")
            if xml.count >= limit {
                flush(xml.bytes)
                xml.truncate(to: 0)
            }
        }
        append(table.header, number: 1)
        for (index, row) in table.rows.enumerated() { append(row, number: index + 2) }
        xml.append("</sheetData></worksheet>")
        flush(xml.bytes)
    }

    private static func isBlank(_ byte: UInt8?) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func isCanonicalNumber(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { isCanonicalNumber($0) }
    }

    /// `0`, `12`, `-3`, `0.615`: what a spreadsheet shows the same once read as a number (at most 15 digits, the
    /// precision Excel keeps). Leading zeros (`007`) and plus signs keep a value text.
    static func isCanonicalNumber(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        // On the UTF-8 bytes: every cell of every sheet passes here, and Character checks cost a run's writing time.
        var bytes = value[...]
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
        let xml = OutputBytes()
        var text = text
        text.withUTF8 { appendEscaped($0, to: xml) }
        return String(decoding: xml.bytes, as: UTF8.self)
    }

    /// ``escaped(_:)`` on UTF-8 bytes, appended to `xml`: runs of plain bytes are copied whole.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to xml: OutputBytes) {
        var runStart = 0
        var position = 0
        while position < text.count {
            let byte = text[position]
            let replacement: StaticString
            var skipped = 1
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&apos;"
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
                continue
            case ..<0x20:
                replacement = ""
            case 0xEF where position + 2 < text.count && text[position + 1] == 0xBF && (text[position + 2] == 0xBE || text[position + 2] == 0xBF):
                // U+FFFE and U+FFFF, which XML 1.0 cannot hold either.
                replacement = ""
                skipped = 3
            default:
                position += 1
                continue
            }
            xml.append(UnsafeBufferPointer(rebasing: text[runStart..<position]))
            xml.append(replacement)
            position += skipped
            runStart = position
        }
        xml.append(UnsafeBufferPointer(rebasing: text[runStart...]))
    }
}
