import Foundation
import MentorMatchCore
@testable import MentorMatchFormats
import Testing

/// No workbook can crash or hang the reader: the Ogre young people as a workbook, with random bytes overwritten,
/// each read either as the original (the damage missed everything that is read, such as a date field) or refused with
/// one issue about the workbook, within a deadline.
struct WorkbookMutationTests {
    private static let source = "mentees.xlsx"

    /// Scenarios/ogre-2024/mentees.csv as `match` would write it for Excel.
    private static func ogreWorkbook() throws -> (csv: Data, workbook: Data) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = try Data(contentsOf: root.appendingPathComponent("Scenarios/ogre-2024/mentees.csv"))
        let lines = String(decoding: csv, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let table = WorkbookWriter.Table(name: "Jaunieši", header: lines[0], rows: Array(lines.dropFirst()))
        return (csv, try WorkbookWriter.workbook([table], output: source))
    }

    @Test func randomByteMutationsReadAsTheOriginalOrAreRefusedWithAnIssue() throws {
        let (csv, workbook) = try Self.ogreWorkbook()
        let original = MenteesCSV.read(workbook, source: Self.source)
        #expect(original.issues.isEmpty)
        #expect(original.records == MenteesCSV.read(csv, source: "mentees.csv").records)
        #expect(original.records.count == 35)
        var random = SplitMix64(seed: 1_413)
        var readAsOriginal = 0
        var refused = 0
        for _ in 0..<400 {
            var mutated = workbook
            // Past the first four bytes, which tell a workbook from a CSV file.
            for _ in 0..<random.int(in: 1...3) {
                mutated[random.int(in: 4...(workbook.count - 1))] = UInt8(random.int(in: 0...255))
            }
            let data = mutated
            guard let read = finishing(within: 10, { MenteesCSV.read(data, source: Self.source) }) else {
                Issue.record("reading a mutated workbook took over 10 s")
                continue
            }
            if read.issues.isEmpty {
                #expect(read.records == original.records)
                readAsOriginal += 1
            } else {
                #expect(read.issues.count == 1)
                #expect(read.issues.allSatisfy { $0.source == Self.source && $0.problem.contains("workbook") },
                        "\(read.issues)")
                refused += 1
            }
        }
        // Both outcomes occur, so that neither check above is vacuous.
        #expect(readAsOriginal > 0 && refused > 0, "\(readAsOriginal) read, \(refused) refused")
    }
}
