import Foundation
import MentorMatchCore

/// The paths of one run's input files, as the user gave them (they name the files in issues).
///
/// Either the three CSV files or one JSON ``InputDocument`` (then `mentors`, `mentees` and `places` are empty).
public struct InputFiles: Sendable, Hashable {
    public var mentors: String
    public var mentees: String
    public var places: String
    /// A JSON input document with mentors, mentees, places and optionally pair rules and a policy.
    public var document: String?
    /// The locks file (`mentor_id,mentee_id,rule`), if any.
    public var locks: String?
    /// A `.json`, `.yaml` or `.yml` policy; without one the programmes' defaults apply (or the document's policy).
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

    /// A JSON input document; a locks file adds to its `pair_rules`, a current-pairs file to its `current_pairs`, a
    /// previous-suggestions file to its `previous_suggestions`; a policy file replaces its `policy`.
    public init(
        document: String, locks: String? = nil, policy: String? = nil, current: String? = nil, previous: String? = nil
    ) {
        self.init(mentors: "", mentees: "", places: "", locks: locks, policy: policy, current: current, previous: previous)
        self.document = document
    }
}

/// One input file's bytes and the name issues give it (the file name, or an upload's name).
public struct InputBytes: Sendable, Hashable {
    public var data: Data
    public var source: String

    public init(_ data: Data, source: String) {
        self.data = data
        self.source = source
    }
}

/// A run's input as bytes, such as a server's uploads: the three CSV files, optional locks, policy, current pairs
/// and previous suggestions.
public struct InputContents: Sendable, Hashable {
    public var mentors: InputBytes
    public var mentees: InputBytes
    public var places: InputBytes
    public var locks: InputBytes?
    /// JSON or YAML; the source's extension (`.json`, `.yaml`, `.yml`) or the content decides.
    public var policy: InputBytes?
    /// The pairs meeting now, as `--current` reads them (last month's `pairs.csv` as it is).
    public var current: InputBytes?
    /// Suggestions of an earlier run not yet confirmed, as `--previous` reads them.
    public var previous: InputBytes?

    public init(
        mentors: InputBytes, mentees: InputBytes, places: InputBytes, locks: InputBytes? = nil, policy: InputBytes? = nil,
        current: InputBytes? = nil, previous: InputBytes? = nil
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
    /// What was read but deserves a look, such as a place written in another letter case (read as the listed one).
    public var warnings: [InputIssue]
    /// Rows set aside as invalid when loading with `skippingInvalidRows` (none otherwise), in file and line order.
    public var rejected: [RejectedRow] = []

    public init(input: MatchingInput, policy: Policy, sourceMap: SourceMap, warnings: [InputIssue] = []) {
        self.input = input
        self.policy = policy
        self.sourceMap = sourceMap
        self.warnings = warnings
    }
}

/// A row of an input file set aside because it is invalid, with every problem found in it.
public struct RejectedRow: Sendable, Hashable {
    public var source: String
    public var line: Int
    /// The row's id (or place name), empty when it has none.
    public var key: String
    public var issues: [InputIssue]

    public init(source: String, line: Int, key: String, issues: [InputIssue]) {
        self.source = source
        self.line = line
        self.key = key
        self.issues = issues
    }
}

/// Reads a run's CSV files (or JSON document) and policy, from paths or from bytes, and checks them together.
public enum InputLoader {
    /// Reads every file, collects the problems of all of them, then checks the records against each other and the
    /// policy with ``InputValidator``.
    ///
    /// Issues are ordered by file (mentors, mentees, places, locks, policy), then by line.
    /// - Parameter skippingInvalidRows: Set aside every CSV row that has a problem of its own (a bad value, a
    ///   duplicate id, an unknown place, a lock that breaks a rule), and rows left invalid by that (people of a place
    ///   set aside), and load the rest; ``LoadedInput/rejected`` lists them. Problems of a whole file or of the
    ///   policy still stop the load.
    /// - Throws: One ``InputError`` with every problem in every file; a missing or unreadable file is one of them.
    public static func load(_ files: InputFiles, skippingInvalidRows: Bool = false) throws(InputError) -> LoadedInput {
        var issues: [InputIssue] = []
        if let document = files.document {
            let data = contents(of: document, issues: &issues)
            func bytes(_ path: String?) -> InputBytes? {
                path.flatMap { path in contents(of: path, issues: &issues).map { InputBytes($0, source: path) } }
            }
            let (locks, policy, current, previous) = (bytes(files.locks), bytes(files.policy), bytes(files.current),
                                                      bytes(files.previous))
            guard let data, issues.isEmpty else { throw InputError(issues: issues) }
            return try loadDocument(InputBytes(data, source: document), locks: locks, policy: policy, current: current,
                                    previous: previous)
        }
        func part(_ path: String) -> Part { Part(source: path, data: contents(of: path, issues: &issues)) }
        return try load(
            mentors: part(files.mentors), mentees: part(files.mentees), places: part(files.places),
            locks: files.locks.map(part), policy: files.policy.map(part), current: files.current.map(part),
            previous: files.previous.map(part), issues: issues,
            skippingInvalidRows: skippingInvalidRows
        )
    }

    /// Reads the bytes of every file as ``load(_:skippingInvalidRows:)`` reads files, naming each by its `source`.
    public static func load(_ contents: InputContents, skippingInvalidRows: Bool = false) throws(InputError) -> LoadedInput {
        try load(
            mentors: Part(contents.mentors), mentees: Part(contents.mentees), places: Part(contents.places),
            locks: contents.locks.map(Part.init), policy: contents.policy.map(Part.init),
            current: contents.current.map(Part.init), previous: contents.previous.map(Part.init), issues: [],
            skippingInvalidRows: skippingInvalidRows
        )
    }

    /// Reads a JSON ``InputDocument``; `locks` (CSV) add to its pair rules, `current` (CSV) to its current pairs,
    /// `previous` (CSV) to its previous suggestions, and `policy` replaces its policy.
    ///
    /// Issues about an added row name its file and line; those about the document's own records, their JSON path.
    public static func loadDocument(
        _ document: InputBytes, locks: InputBytes? = nil, policy: InputBytes? = nil, current: InputBytes? = nil,
        previous: InputBytes? = nil
    ) throws(InputError) -> LoadedInput {
        var issues: [InputIssue] = []
        let rules = locks.map { PairRulesCSV.read($0.data, source: $0.source) }
        let parsedPolicy = policy.map { PolicyFile.parse($0.data, source: $0.source) }
        let currentPairs = current.map { CurrentPairsCSV.read($0.data, source: $0.source) }
        let suggestions = previous.map { CurrentPairsCSV.readSuggestions($0.data, source: $0.source) }
        issues += (rules?.issues ?? []) + (parsedPolicy?.issues ?? []) + (currentPairs?.issues ?? [])
            + (suggestions?.issues ?? [])
        var read: InputDocument.Read?
        do {
            read = try InputDocument.read(document.data, source: document.source)
        } catch {
            issues = error.issues + issues
        }
        guard var read, issues.isEmpty else {
            let locks = rules.map { SourceMap(pairRules: $0.source) } ?? SourceMap()
            throw InputError(issues: locks.locatingCells(issues))
        }
        if let rules {
            read.sourceMap.pairRules = read.sourceMap.pairRules.appending(rules.source, after: read.document.input.pairRules.count)
            read.document.input.pairRules += rules.records
        }
        if let currentPairs {
            read.sourceMap.currentPairs = read.sourceMap.currentPairs.appending(
                currentPairs.source, after: read.document.input.currentPairs.count)
            read.document.input.currentPairs += currentPairs.records
        }
        if let suggestions {
            read.sourceMap.previousSuggestions = read.sourceMap.previousSuggestions.appending(
                suggestions.source, after: read.document.input.previousSuggestions.count)
            read.document.input.previousSuggestions += suggestions.records
        }
        if let parsedPolicy, let policy {
            read.document.policy = parsedPolicy.policy
            read.sourceMap.policy = policy.source
        }
        let warnings = PlaceSpelling.resolveCase(in: &read.document.input, sources: read.sourceMap)
        let contentIssues = InputValidator.issues(in: read.document.input, policy: read.document.policy,
                                                  sources: read.sourceMap)
        guard contentIssues.isEmpty else {
            throw InputError(issues: read.sourceMap.locatingCells(parsedPolicy?.locating(contentIssues) ?? contentIssues))
        }
        return LoadedInput(input: read.document.input, policy: read.document.policy, sourceMap: read.sourceMap,
                           warnings: warnings)
    }

    /// One file of the input: its name, and its bytes unless it could not be read (its issue is reported already).
    private struct Part {
        var source: String
        var data: Data?

        init(source: String, data: Data?) {
            self.source = source
            self.data = data
        }

        init(_ bytes: InputBytes) { self.init(source: bytes.source, data: bytes.data) }
    }

    private static func load(
        mentors mentorPart: Part, mentees menteePart: Part, places placePart: Part, locks lockPart: Part?,
        policy policyPart: Part?, current currentPart: Part? = nil, previous previousPart: Part? = nil,
        issues readIssues: [InputIssue], skippingInvalidRows: Bool
    ) throws(InputError) -> LoadedInput {
        // The files are independent: the people on two cores, the rest beside them. The threads that read them
        // are given the task's chosen sheets, which as a task-local value they would not see.
        let sheets = Workbook.chosenSheets
        var ((mentors, mentees), (places, rules, current, previous)) = ConcurrentChunks.both(
            {
                ConcurrentChunks.both({ read(mentorPart, with: MentorsCSV.read, sheets: sheets) },
                                      { read(menteePart, with: MenteesCSV.read, sheets: sheets) })
            },
            {
                (read(placePart, with: PlacesCSV.read, sheets: sheets),
                 lockPart.map { read($0, with: PairRulesCSV.read, sheets: sheets) },
                 currentPart.map { read($0, with: CurrentPairsCSV.read, sheets: sheets) },
                 previousPart.map { read($0, with: CurrentPairsCSV.readSuggestions, sheets: sheets) })
            })
        var issues = readIssues + mentors.issues + mentees.issues + places.issues + (rules?.issues ?? [])
            + (current?.issues ?? []) + (previous?.issues ?? [])
        var parsedPolicy: PolicyFile.Parsed?
        if let policyPart, let data = policyPart.data {
            parsedPolicy = PolicyFile.parse(data, source: policyPart.source)
            issues += parsedPolicy?.issues ?? []
        }
        let policy = parsedPolicy?.policy ?? Policy()
        let fileOrder = [mentorPart, menteePart, placePart, lockPart, policyPart, currentPart, previousPart]
            .compactMap { $0?.source }
        var rejected: [RejectedRow] = []
        var warnings: [InputIssue] = []
        // Each round sets aside at least one row, so the rounds end; setting rows aside can leave others invalid
        // (the people of a place set aside), which the next round finds.
        while true {
            let sourceMap = SourceMap(
                mentors: mentors.source, mentees: mentees.source, places: places.source,
                pairRules: rules?.source ?? RecordSource(name: "locks"), policy: policyPart?.source ?? "policy",
                currentPairs: current?.source ?? RecordSource(name: "current pairs"),
                previousSuggestions: previous?.source ?? RecordSource(name: "previous suggestions")
            )
            var input = MatchingInput(
                mentors: mentors.records, mentees: mentees.records, places: places.records,
                pairRules: rules?.records ?? [], currentPairs: current?.records ?? [],
                previousSuggestions: previous?.records ?? []
            )
            warnings = sourceMap.locatingCells(PlaceSpelling.resolveCase(in: &input, sources: sourceMap))
            let contentIssues = InputValidator.issues(in: input, policy: policy, sources: sourceMap)
            issues = sourceMap.locatingCells(issues + (parsedPolicy?.locating(contentIssues) ?? contentIssues))
            if issues.isEmpty {
                var loaded = LoadedInput(input: input, policy: policy, sourceMap: sourceMap, warnings: warnings)
                loaded.rejected = rejected.sorted {
                    (fileOrder.firstIndex(of: $0.source) ?? 0, $0.line) < (fileOrder.firstIndex(of: $1.source) ?? 0, $1.line)
                }
                return loaded
            }
            guard skippingInvalidRows,
                let rows = rowsToSetAside(issues, files: [mentors.rows, mentees.rows, places.rows, rules?.rows].compactMap { $0 })
            else {
                throw InputError(issues: ordered(issues, fileOrder: fileOrder))
            }
            rejected += rows
            let lines = Dictionary(grouping: rows, by: \.source).mapValues { Set($0.map(\.line)) }
            mentors.setAside(lines[mentors.source.name] ?? [])
            mentees.setAside(lines[mentees.source.name] ?? [])
            places.setAside(lines[places.source.name] ?? [])
            let rulesSource = rules?.source.name ?? ""
            rules?.setAside(lines[rulesSource] ?? [])
            issues = []
        }
    }

    /// The rows that the issues are about, each with its issues; `nil` when an issue is not about one row of a
    /// CSV file (a missing column, an unreadable file, the policy), which no skipping can mend.
    private static func rowsToSetAside(_ issues: [InputIssue], files: [RowIndex]) -> [RejectedRow]? {
        var rows: [String: RejectedRow] = [:]
        for issue in issues {
            guard let line = issue.line, let file = files.first(where: { $0.source == issue.source }),
                let key = file.key(atLine: line)
            else { return nil }
            rows["\(issue.source)\u{0}\(line)", default: RejectedRow(source: issue.source, line: line, key: key, issues: [])]
                .issues.append(issue)
        }
        return Array(rows.values)
    }

    /// The part's records, its workbook read at the sheet `sheets` choose for it (``Workbook/chosenSheets``).
    private static func read<Record>(
        _ part: Part, with reader: (Data, String) -> ParsedRecords<Record>, sheets: [String: String]
    ) -> ParsedRecords<Record> {
        guard let data = part.data else {
            // A file that cannot be read has no records and no lines; its other issues would only repeat this one.
            return ParsedRecords(records: [], source: RecordSource(name: part.source, lines: [], isUnread: true), issues: [])
        }
        return Workbook.$chosenSheets.withValue(sheets) { reader(data, part.source) }
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


/// Which lines of a CSV file hold rows, and the id of each, for setting invalid rows aside.
private struct RowIndex {
    var source: String
    /// The key (id or place) of each readable row, by line.
    var keys: [Int: String]
    /// The keys of rows that could not be read for a problem of their own, by line.
    var invalidRows: [Int: String]

    /// The row's key, or `nil` when the line holds no row.
    func key(atLine line: Int) -> String? { keys[line] ?? invalidRows[line] }
}

extension ParsedRecords {
    fileprivate var rows: RowIndex {
        let keys = zip(source.lines ?? [], records).map { line, record in (line, Self.key(of: record)) }
        return RowIndex(source: source.name, keys: Dictionary(keys, uniquingKeysWith: { first, _ in first }),
                        invalidRows: invalidRows)
    }

    private static func key(of record: Record) -> String {
        switch record {
        case let mentor as Mentor: mentor.id
        case let mentee as Mentee: mentee.id
        case let place as Place: place.name
        case let rule as PairRule: "\(rule.mentorID)–\(rule.menteeID)"
        default: ""
        }
    }

    /// Drops the records at `lines`; references to them are reported from now on (they are not unread rows, whose
    /// own problems excuse references, but rows set aside).
    fileprivate mutating func setAside(_ lines: Set<Int>) {
        let kept = zip(source.lines ?? [], records).filter { !lines.contains($0.0) }
        records = kept.map(\.1)
        source.lines = kept.map(\.0)
        source.unreadKeys = []
        for line in lines { invalidRows[line] = nil }
    }
}
