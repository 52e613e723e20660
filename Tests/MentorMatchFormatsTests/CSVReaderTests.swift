import Foundation
import MentorMatchCore
@testable import MentorMatchFormats
import Testing

private func table(_ text: String) throws -> CSVTable {
    let (table, issues) = CSVReader.read(Data(text.utf8), source: "test.csv")
    #expect(issues.isEmpty, "\(issues)")
    return try #require(table)
}

struct CSVReaderTests {
    @Test(arguments: [("a,b\n1,2\n", Character(",")), ("a;b\n1;2\n", ";"), ("a\tb\n1\t2\n", "\t"), ("a\n1\n", ",")])
    func sniffsTheDelimiterFromTheHeader(text: String, delimiter: Character) throws {
        let parsed = try table(text)
        #expect(parsed.delimiter == delimiter)
        #expect(parsed.records.map(\.fields) == (parsed.header.count == 2 ? [["1", "2"]] : [["1"]]))
    }

    @Test func headerNamesAreTrimmedAndLowerCased() throws {
        #expect(try table(" ID , Max_Travel_KM \n1,2\n").header == ["id", "max_travel_km"])
    }

    @Test func dropsAByteOrderMark() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("id,place\nM01,Ķeipene\n".utf8))
        let (parsed, issues) = CSVReader.read(data, source: "bom.csv")
        #expect(issues.isEmpty)
        #expect(parsed?.header == ["id", "place"])
        #expect(parsed?.records.first?.fields == ["M01", "Ķeipene"])
    }

    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        let parsed = try table("id,note,other\nM01,\"a, b\",\"say \"\"hi\"\"\"\nM02,\"line one\nline two\",x\nM03,  \"  kept  \"  ,y\n")
        #expect(parsed.records.map(\.fields) == [
            ["M01", "a, b", "say \"hi\""],
            ["M02", "line one\nline two", "x"],
            ["M03", "  kept  ", "y"],
        ])
        #expect(parsed.records.map(\.line) == [2, 3, 5])
    }

    @Test func quotesInsideAFieldAreKept() throws {
        let parsed = try table("a,b,c\nab\"cd,\"x\"y\"z, \"q\" \n")
        #expect(parsed.records.map(\.fields) == [["ab\"cd", "xy\"z", "q"]])
    }

    @Test(arguments: ["id,n\r\nM01,1\r\n\r\nM02,2\r\n", "id,n\nM01,1\n\nM02,2", "id,n\rM01,1\r\rM02,2\r"])
    func readsAnyLineEndAndSkipsBlankLines(text: String) throws {
        let parsed = try table(text)
        #expect(parsed.records.map(\.fields) == [["M01", "1"], ["M02", "2"]])
        #expect(parsed.records.map(\.line) == [2, 4])
    }

    @Test func quotedLineBreaksInCRLFFilesCountAsLines() throws {
        let parsed = try table("id,n\r\nM01,\"a\r\nb\"\r\nM02,2\r\n")
        #expect(parsed.records.map(\.fields) == [["M01", "a\r\nb"], ["M02", "2"]])
        #expect(parsed.records.map(\.line) == [2, 4])
    }

    @Test func trimsUnquotedFieldsAndPadsShortRows() throws {
        let parsed = try table("a;b;c\n  x ; y\n;;\n")
        #expect(parsed.records.map(\.fields) == [["x", "y", ""]])
    }

    @Test func reportsRowsWithTooManyFields() {
        let (parsed, issues) = CSVReader.read(Data("a,b\n1,2\n1,2,3\n".utf8), source: "wide.csv")
        #expect(parsed?.records.count == 1)
        #expect(issues.map(\.description) == [
            "wide.csv, line 3: the row has 3 fields but the header has 2 columns. "
                + "Fix: put quotes around fields that contain ',' (and write decimals such as 12,5 as 12.5)",
        ])
    }

    @Test func namesTheLineOfInvalidUTF8() {
        var data = Data("place\nOgre\n".utf8)
        data.append(contentsOf: [0x53, 0x75, 0x6E, 0x74, 0x61, 0x9E, 0x69])  // "Suntaži" in Windows-1257
        let (parsed, issues) = CSVReader.read(data, source: "places.csv")
        #expect(parsed == nil)
        #expect(issues.first?.line == 3)
        #expect(issues.first?.problem.contains("not UTF-8") == true)
    }
}

struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        let text = CSVWriter.text(header: ["id", "note"], rows: [
            ["M01", "plain"], ["M02", "a, b"], ["M03", "say \"hi\""], ["M04", "two\nlines"], ["M05", " padded"],
            ["M06", "Ķeipene; Suntaži"],
        ])
        let expected = [
            "id,note", "M01,plain", "M02,\"a, b\"", "M03,\"say \"\"hi\"\"\"", "M04,\"two\nlines\"", "M05,\" padded\"",
            "M06,Ķeipene; Suntaži",
        ]
        #expect(text == expected.joined(separator: "\n") + "\n")
    }

    @Test func quotesTheChosenDelimiter() {
        #expect(CSVWriter.text(header: ["a"], rows: [["x;y"], ["x,y"]], delimiter: ";") == "a\n\"x;y\"\nx,y\n")
        #expect(CSVWriter.text(header: ["a"], rows: [["x§y"], ["x,y"], ["ā"]], delimiter: "§") == "a\n\"x§y\"\nx,y\nā\n")
    }

    /// Every rule that quotes a field, each alone, and fields that only look close to one.
    @Test func quotesEveryCaseAndNothingElse() {
        let quoted = ["tab\t", "\ttab", "end ", "cr\rhere", "crlf\r\n", "\"", ","]
        let plain = ["", "a\tb", "a b", "Ērgļi", "1.250", "-", "ūdens/ezers"]
        for field in quoted {
            #expect(CSVWriter.text(header: ["a"], rows: [[field]]) == "a\n\"\(field.replacingOccurrences(of: "\"", with: "\"\""))\"\n")
        }
        for field in plain {
            #expect(CSVWriter.text(header: ["a"], rows: [[field]]) == "a\n\(field)\n")
        }
    }

    @Test func readsBackWhatItWrites() throws {
        let rows = [["M01", "a, \"b\"\nc", "  x  ", ""], ["M02", "Meņģele", "", "z"]]
        let text = CSVWriter.text(header: ["id", "b", "c", "d"], rows: rows)
        #expect(try table(text).records.map(\.fields) == rows)
    }

    /// A large file is read in stretches on all cores: cut anywhere (inside quoted line breaks too, after CR, CRLF or
    /// blank lines, with rows too wide and quotes never closed), the records, their lines and the issues are the
    /// file's read in one go.
    @Test func filesReadInStretchesGiveTheRecordsOfOneReading() {
        var random = SplitMix64(seed: 21)
        let pieces = ["M01", "Ogre", " x ", "\"a,b\"", "\"line\nbreak\"", "\"cr\r\nlf\"", "\"say \"\"hi\"\"\"", "ab\"c", "Ķegums", ""]
        let ends = ["\n", "\r\n", "\r", "\n\n", "\n \n"]
        for round in 0..<200 {
            let width = random.int(in: 1...4)
            var text = (0..<width).map { "c\($0)" }.joined(separator: ",") + random.pick(ends)
            for _ in 0..<random.int(in: 0...60) {
                let fields = (0..<random.int(in: 1...(width + 1))).map { _ in random.pick(pieces) }
                text += fields.joined(separator: ",") + random.pick(ends)
            }
            if random.chance(0.1) { text += "\"never closed\n,1" }
            if random.chance(0.2) { text.removeLast() }
            let data = Data(text.utf8)
            func scanned(_ stretches: Int) -> (Character?, [InputIssue], [[CSVRecord]]) {
                let result = CSVReader.scan(data, source: "t.csv", header: { _, _ in }, state: { [CSVRecord]() },
                                            stretches: stretches, concurrentFrom: 0) { records, line, fields in
                    records.append(CSVRecord(line: line, fields: fields.indices.map(fields.text)))
                }
                return (result.delimiter, result.issues, result.parts)
            }
            let whole = scanned(1)
            for stretches in 2...7 {
                let cut = scanned(stretches)
                #expect(cut.0 == whole.0, "round \(round), \(stretches) stretches")
                #expect(cut.1 == whole.1, "round \(round), \(stretches) stretches")
                #expect(Array(cut.2.joined()) == Array(whole.2.joined()), "round \(round), \(stretches) stretches")
            }
        }
        // Cut after line ends outside quotes, a large file's stretches are read apart.
        let rows = (0..<5_000).map { "M\($0),\"Ogre, Suntaži\",\($0 % 3)" }
        let stretched = CSVReader.scan(Data(("id,place,n\n" + rows.joined(separator: "\n")).utf8), source: "t.csv",
                                       header: { _, _ in }, state: { 0 }, stretches: 2, concurrentFrom: 0) { count, _, _ in
            count += 1
        }
        #expect(stretched.parts.count == 2 && stretched.parts.reduce(0, +) == 5_000)
    }
}
