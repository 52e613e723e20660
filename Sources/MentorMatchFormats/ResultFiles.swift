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

    public static func pairsCSV(_ result: MatchingResult) -> String { csv(pairsTable(result)) }

    public static func unmatchedCSV(_ result: MatchingResult) -> String { csv(unmatchedTable(result)) }

    public static func alternativesCSV(_ result: MatchingResult) -> String { csv(alternativesTable(result)) }

    /// What became of each current pair and every new pair (`mentormatch match --current`).
    public static func changesCSV(_ result: MatchingResult) -> String { csv(changesTable(result)) }

    /// `result.xlsx`: a sheet per CSV file (pairs, changes when there are current pairs, unmatched, alternatives),
    /// for coordinators who keep their lists in Excel.
    public static func workbook(_ result: MatchingResult) throws(FormatError) -> Data {
        let changes = result.continuity.currentPairs > 0 ? [changesTable(result)] : []
        return try WorkbookWriter.workbook(
            [pairsTable(result)] + changes + [unmatchedTable(result), alternativesTable(result)], output: "result.xlsx")
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

    private static func csv(_ table: WorkbookWriter.Table) -> String { CSVWriter.text(header: table.header, rows: table.rows) }

    /// Pretty-printed with sorted keys.
    /// - Throws: ``FormatError`` when the value cannot be encoded (a non-finite number).
    public static func json(_ value: some Encodable, output: String = "result.json") throws(FormatError) -> Data {
        try JSONOutput.data(value, output: output)
    }

    /// Every result file by name, for ``AtomicOutput/write(_:to:)``.
    public static func all(_ result: MatchingResult) throws(FormatError) -> [String: Data] {
        csvFiles(result).merging(["result.json": try json(result)]) { csv, _ in csv }
    }

    /// Every file `mentormatch match` writes: the CSV files, `map.svg` (in `language`, over the places of `input`),
    /// `result.json` (its `timings.writing` set to the time the CSV files and the map took), `result.xlsx` and, for a
    /// run that set invalid rows aside, `rejected.csv`.
    ///
    /// The files are independent of each other, so they are made on all cores: the CSV files and the map first (the
    /// time `timings.writing` reports), then `result.json` beside `result.xlsx`.
    public static func matchFiles(
        _ result: MatchingResult, input: MatchingInput, language: ReportLanguage = .en, rejected: [RejectedRow]? = nil
    ) throws(FormatError) -> [String: Data] {
        var result = result
        let clock = Date()
        var makers: [String: FileMaker] = csvMakers(result).mapValues { make -> FileMaker in { .success(make()) } }
        makers["map.svg"] = { [result] in .success(Data(ProgrammeMap.svg(input, result: result, language: language).utf8)) }
        var files = try concurrently(makers)
        result.timings.writing = Date().timeIntervalSince(clock)
        let timed = result
        files.merge(try concurrently([
            "result.json": { do throws(FormatError) { return .success(try json(timed)) } catch { return .failure(error) } },
            "result.xlsx": { do throws(FormatError) { return .success(try workbook(timed)) } catch { return .failure(error) } },
        ])) { first, _ in first }
        if let rejected { files["rejected.csv"] = Data(RejectedCSV.text(rejected).utf8) }
        return files
    }

    private typealias FileMaker = @Sendable () -> Result<Data, FormatError>

    /// Each maker's file by name, made concurrently; the first error by name, so that a failing run reports the same
    /// error every time.
    private static func concurrently(_ makers: [String: FileMaker]) throws(FormatError) -> [String: Data] {
        let named = makers.sorted { $0.key < $1.key }
        let made = ConcurrentChunks.map(count: named.count) { index in named[index].value() }
        var files: [String: Data] = [:]
        for (index, outcome) in made.enumerated() { files[named[index].key] = try outcome.get() }
        return files
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

    /// The three CSV files by name: what `timings.writing` measures, since `result.json` holds the timings and so
    /// is encoded last, once.
    /// `changes.csv` is written when the run had current pairs.
    public static func csvFiles(_ result: MatchingResult) -> [String: Data] {
        csvMakers(result).mapValues { make in make() }
    }

    /// What ``csvFiles(_:)`` holds, each file still to be made.
    private static func csvMakers(_ result: MatchingResult) -> [String: @Sendable () -> Data] {
        var makers: [String: @Sendable () -> Data] = [
            "pairs.csv": { Data(pairsCSV(result).utf8) },
            "unmatched.csv": { Data(unmatchedCSV(result).utf8) },
            "alternatives.csv": { Data(alternativesCSV(result).utf8) },
        ]
        if result.continuity.currentPairs > 0 { makers["changes.csv"] = { Data(changesCSV(result).utf8) } }
        return makers
    }

    private static func decimal(_ value: Double, _ decimals: Int) -> String { DecimalText.fixed(value, decimals: decimals) }
}
