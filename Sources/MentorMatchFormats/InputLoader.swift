import Foundation
import MentorMatchCore

/// The paths of one run's input files, as the user gave them (they name the files in issues).
public struct InputFiles: Sendable, Hashable {
    public var mentors: String
    public var mentees: String
    public var places: String
    /// The locks file (`mentor_id,mentee_id,rule`), if any.
    public var locks: String?
    /// A `.json`, `.yaml` or `.yml` policy; without one the programmes' defaults apply.
    public var policy: String?
    /// The pairs meeting now (`mentor_id,mentee_id[,since,until]`; last month's `pairs.csv` as it is).
    public var current: String?
    /// Suggestions of an earlier run not yet confirmed (a `pairs.csv`).
    public var previous: String?

    public init(
        mentors: String, mentees: String, places: String, locks: String? = nil, policy: String? = nil,
        current: String? = nil, previous: String? = nil
    ) {
        self.mentors = mentors
        self.mentees = mentees
        self.places = places
        self.locks = locks
        self.policy = policy
        self.current = current
        self.previous = previous
    }
}

/// The input of a run, read and checked.
public struct LoadedInput: Sendable, Hashable {
    public var input: MatchingInput
    public var policy: Policy
    /// File names and the line of every record, for explaining results by line.
    public var sourceMap: SourceMap

    public init(input: MatchingInput, policy: Policy, sourceMap: SourceMap) {
        self.input = input
        self.policy = policy
        self.sourceMap = sourceMap
    }
}

/// Reads a run's CSV files and policy, and checks them together.
public enum InputLoader {
    /// Reads every file, collects the problems of all of them, then checks the records against each other and the
    /// policy with ``InputValidator``.
    ///
    /// Issues are ordered by file (mentors, mentees, places, locks, policy), then by line.
    /// - Throws: One ``InputError`` with every problem in every file; a missing or unreadable file is one of them.
    public static func load(_ files: InputFiles) throws(InputError) -> LoadedInput {
        var issues: [InputIssue] = []
        let mentors = read(files.mentors, issues: &issues, with: MentorsCSV.read)
        let mentees = read(files.mentees, issues: &issues, with: MenteesCSV.read)
        let places = read(files.places, issues: &issues, with: PlacesCSV.read)
        let rules = files.locks.map { read($0, issues: &issues, with: PairRulesCSV.read) }
        let current = files.current.map { read($0, issues: &issues, with: CurrentPairsCSV.read) }
        let previous = files.previous.map { read($0, issues: &issues, with: CurrentPairsCSV.readSuggestions) }
        var parsedPolicy: PolicyFile.Parsed?
        if let policyPath = files.policy, let data = contents(of: policyPath, issues: &issues) {
            parsedPolicy = PolicyFile.parse(data, source: policyPath)
            issues += parsedPolicy?.issues ?? []
        }
        let policy = parsedPolicy?.policy ?? Policy()
        let sourceMap = SourceMap(
            mentors: mentors.source, mentees: mentees.source, places: places.source,
            pairRules: rules?.source ?? RecordSource(name: "locks"), policy: files.policy ?? "policy",
            currentPairs: current?.source ?? RecordSource(name: "current pairs"),
            previousSuggestions: previous?.source ?? RecordSource(name: "previous suggestions")
        )
        let input = MatchingInput(
            mentors: mentors.records, mentees: mentees.records, places: places.records,
            pairRules: rules?.records ?? [], currentPairs: current?.records ?? [],
            previousSuggestions: previous?.records ?? []
        )
        let contentIssues = InputValidator.issues(in: input, policy: policy, sources: sourceMap)
        issues += parsedPolicy?.locating(contentIssues) ?? contentIssues
        guard issues.isEmpty else {
            let fileOrder = [files.mentors, files.mentees, files.places, files.locks, files.policy, files.current, files.previous]
                .compactMap { $0 }
            throw InputError(issues: ordered(issues, fileOrder: fileOrder))
        }
        return LoadedInput(input: input, policy: policy, sourceMap: sourceMap)
    }

    private static func read<Record>(
        _ path: String, issues: inout [InputIssue], with reader: (Data, String) -> ParsedRecords<Record>
    ) -> ParsedRecords<Record> {
        guard let data = contents(of: path, issues: &issues) else {
            // A file that cannot be read has no records and no lines; its other issues would only repeat this one.
            return ParsedRecords(records: [], source: RecordSource(name: path, lines: [], isUnread: true), issues: [])
        }
        let parsed = reader(data, path)
        issues += parsed.issues
        return parsed
    }

    private static func contents(of path: String, issues: inout [InputIssue]) -> Data? {
        do {
            return try contentsOfFile(path)
        } catch {
            issues += error.issues
            return nil
        }
    }

    /// Stable order by file, then line; whole-file issues first within a file.
    private static func ordered(_ issues: [InputIssue], fileOrder: [String]) -> [InputIssue] {
        issues.enumerated().sorted { lhs, rhs in
            let left = (fileOrder.firstIndex(of: lhs.element.source) ?? fileOrder.count, lhs.element.line ?? 0, lhs.offset)
            let right = (fileOrder.firstIndex(of: rhs.element.source) ?? fileOrder.count, rhs.element.line ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
