import Foundation
import Matching
import MentorMatchCore

/// The files `mentormatch match` writes: `pairs.csv`, `unmatched.csv`, `alternatives.csv` and `result.json`.
///
/// CSV files hold only ids, numbers and reasons, sorted by id with fixed decimals, so the same input gives the same
/// bytes. `result.json` also holds timings, which differ from run to run.
public enum ResultFiles {
    public static let pairsHeader = [
        "mentor_id", "mentee_id", "distance_km", "score", "travel", "interests", "gender_preference", "priority",
        "waiting", "locked", "current",
    ]
    public static let changesHeader = ["mentor_id", "mentee_id", "change", "reason"]
    public static let unmatchedHeader = ["mentee_id", "reason", "kind", "blocking_rule"]
    public static let alternativesHeader = ["mentee_id", "rank", "mentor_id", "score", "distance_km", "has_room", "assigned_mentor_id"]

    /// `result.xlsx`: a sheet per CSV file (pairs, changes when there are current pairs, unmatched, alternatives),
    /// for coordinators who keep their lists in Excel.
    public static func workbook(_ result: MatchingResult) throws(FormatError) -> Data {
        try WorkbookWriter.workbook(tables(result).map(\.table), output: "result.xlsx")
    }

    /// The table of each CSV file, with its file name, in the workbook's order (pairs, changes when the run had
    /// current pairs, unmatched, alternatives); made concurrently.
    static func tables(_ result: MatchingResult) -> [(file: String, table: WorkbookWriter.Table)] {
        let makers: [(file: String, make: @Sendable (MatchingResult) -> WorkbookWriter.Table)] =
            [("pairs.csv", pairsTable)]
            + (result.continuity.currentPairs > 0 ? [("changes.csv", changesTable)] : [])
            + [("unmatched.csv", unmatchedTable), ("alternatives.csv", alternativesTable)]
        let made = ConcurrentChunks.map(count: makers.count) { index in makers[index].make(result) }
        return zip(makers, made).map { maker, table in (maker.file, table) }
    }

    static func pairsTable(_ result: MatchingResult) -> WorkbookWriter.Table {
        WorkbookWriter.Table(name: "pairs", header: pairsHeader, rows: result.pairs.map { pair in
            let score = pair.score
            return [pair.mentorID, pair.menteeID, decimal(pair.distanceKm, 2), decimal(score.total, 3)]
                + [score.travel, score.interests, score.genderPreference, score.priority, score.waiting].map { decimal($0, 3) }
                + [pair.locked ? "yes" : "no", pair.current ? "yes" : "no"]
        })
    }

    static func unmatchedTable(_ result: MatchingResult) -> WorkbookWriter.Table {
        WorkbookWriter.Table(name: "unmatched", header: unmatchedHeader, rows: result.unmatched.map {
            [$0.menteeID, $0.reason, $0.kind.rawValue, $0.blockingRule?.rawValue ?? ""]
        })
    }

    static func alternativesTable(_ result: MatchingResult) -> WorkbookWriter.Table {
        WorkbookWriter.Table(name: "alternatives", header: alternativesHeader, rows: result.alternatives.flatMap { person in
            person.alternatives.enumerated().map { rank, alternative in
                [
                    person.menteeID, "\(rank + 1)", alternative.mentorID, decimal(alternative.score, 3),
                    decimal(alternative.distanceKm, 2), alternative.hasRoom ? "yes" : "no", person.assignedMentorID ?? "",
                ]
            }
        })
    }

    static func changesTable(_ result: MatchingResult) -> WorkbookWriter.Table {
        WorkbookWriter.Table(name: "changes", header: changesHeader, rows: result.changes.map {
            [$0.mentorID, $0.menteeID, $0.change.rawValue, $0.reason]
        })
    }

    private static func csv(_ table: WorkbookWriter.Table) -> Data { Data(CSVWriter.bytes(header: table.header, rows: table.rows)) }

    /// Pretty-printed with sorted keys.
    /// - Throws: ``FormatError`` when the value cannot be encoded (a non-finite number).
    public static func json(_ value: some Encodable, output: String = "result.json") throws(FormatError) -> Data {
        try JSONOutput.data(value, output: output)
    }

    /// Every file `mentormatch match` writes: the CSV files, `map.svg` (in `language`, over the places of `input`),
    /// `result.json` (its `timings.writing` set to the time the CSV files and the map took), `result.xlsx` and, for a
    /// run that set invalid rows aside, `rejected.csv`.
    public static func matchFiles(
        _ result: MatchingResult, input: MatchingInput, language: ReportLanguage = .en, rejected: [RejectedRow]? = nil
    ) throws(FormatError) -> [String: Data] {
        let output = InMemoryOutput()
        try writeMatchFiles(result, input: input, language: language, rejected: rejected, to: output)
        return output.files
    }

    /// The files of ``matchFiles(_:input:language:rejected:)``, each handed to `destination` as soon as it is made
    /// (`result.json` streamed as it is encoded, so that a national one is never held whole).
    ///
    /// The files are independent of each other, so they are made on all cores: the workbook beside the CSV files
    /// and the map, which `timings.writing` times, and then `result.json`; each of them on all cores too.
    public static func writeMatchFiles(
        _ result: MatchingResult, input: MatchingInput, language: ReportLanguage = .en, rejected: [RejectedRow]? = nil,
        to destination: any OutputDestination
    ) throws(FormatError) {
        let clock = Date()
        let tables = tables(result)
        let (workbook, text) = ConcurrentChunks.both(
            { Result { () throws(FormatError) in
                destination.write("result.xlsx", try WorkbookWriter.workbook(tables.map(\.table), output: "result.xlsx"))
            } },
            { Result { () throws(FormatError) in
                try writeTextFiles(result, tables: tables, input: input, language: language, since: clock, to: destination)
            } })
        // A national run's tables hold millions of cells: they are freed on another core while the caller goes on.
        DispatchQueue.global(qos: .utility).async { [tables = consume tables] in withExtendedLifetime(tables) {} }
        // The workbook's error first, so that a failing run reports the same error every time.
        try workbook.get()
        try text.get()
        if let rejected { destination.write("rejected.csv", Data(RejectedCSV.text(rejected).utf8)) }
    }

    /// The CSV files and the map, made concurrently, then `result.json` with `timings.writing` set to the time
    /// since `clock`.
    private static func writeTextFiles(
        _ result: MatchingResult, tables: [(file: String, table: WorkbookWriter.Table)], input: MatchingInput,
        language: ReportLanguage, since clock: Date, to destination: any OutputDestination
    ) throws(FormatError) {
        let map: @Sendable () -> Data = { Data(ProgrammeMap.svg(input, result: result, language: language).utf8) }
        let makers: [(file: String, make: @Sendable () -> Data)] = [("map.svg", map)]
            + tables.map { file, table in (file, { csv(table) }) }
        _ = ConcurrentChunks.map(count: makers.count) { index in destination.write(makers[index].file, makers[index].make()) }
        var timed = result
        timed.timings.writing = Date().timeIntervalSince(clock)
        try JSONOutput.write(timed, output: "result.json", to: destination)
    }

    /// The files of `matchFiles` whose content depends on the language, `map.svg` and `result.xlsx`, with the
    /// result's reasons worded in `language` (what `mentormatch match --lang` writes).
    public static func localizedFiles(
        _ result: MatchingResult, input: MatchingInput, language: ReportLanguage
    ) throws(FormatError) -> [String: Data] {
        let worded = result.worded(in: language)
        return [
            "map.svg": Data(ProgrammeMap.svg(input, result: worded, language: language).utf8),
            "result.xlsx": try workbook(worded),
        ]
    }

    private static func decimal(_ value: Double, _ decimals: Int) -> String { DecimalText.fixed(value, decimals: decimals) }
}
