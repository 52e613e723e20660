/// Where the records of one kind (mentors, mentees, places or pair rules) came from, so issues can point at them.
public struct RecordSource: Sendable, Hashable {
    /// The file name as the user gave it, or a logical name such as `mentors`.
    public var name: String
    /// The line of each record, in record order, for line-based files; `nil` when records have no lines
    /// (a JSON document or a library caller), in which case issues say `record N`, counting from 1.
    public var lines: [Int]?
    /// Ids (or place names) of records that were in the source but could not be read.
    ///
    /// Their own problems have been reported already, so references to them from other records
    /// (a lock naming the mentor, a mentor living in the place) are not reported again as unknown.
    public var unreadKeys: Set<String>
    /// Whether the source could not be read at all (a missing file, a file that is not CSV, missing columns);
    /// then references into it are not checked, as every one would be reported as unknown.
    public var isUnread: Bool
    /// The array of a JSON document that holds the records, such as `mentors`; issues then name the record's path
    /// (`mentors[3].capacity`, counting from 0) as their field.
    public var jsonPath: String?
    /// The sheet of a workbook the records were read from; its row N is line N.
    public var sheet: SheetLayout?
    /// Records appended from another source (a `--locks` file after a document's `pair_rules`), by the index of
    /// their first record here: issues about them name that source.
    private var appended: [Appended] = []

    private struct Appended: Sendable, Hashable {
        var firstRecord: Int
        var source: RecordSource
    }

    public init(name: String, lines: [Int]? = nil, unreadKeys: Set<String> = [], isUnread: Bool = false) {
        self.name = name
        self.lines = lines
        self.unreadKeys = unreadKeys
        self.isUnread = isUnread
    }

    /// The records of the array `jsonPath` of the JSON document `name`.
    public init(name: String, jsonPath: String) {
        self.init(name: name)
        self.jsonPath = jsonPath
    }

    /// This source's first `count` records followed by the records of `other`, as when the rows of a CSV file add
    /// to the records of a JSON document.
    public func appending(_ other: RecordSource, after count: Int) -> RecordSource {
        var combined = self
        combined.appended.append(Appended(firstRecord: count, source: other))
        return combined
    }

    /// The source that holds the record at `index`, and the record's index in it.
    private func part(holding index: Int) -> (source: RecordSource, index: Int)? {
        guard let tail = appended.last(where: { $0.firstRecord <= index }) else { return nil }
        return (tail.source, index - tail.firstRecord)
    }

    /// The source in a sentence: the file name, or `doc.json places` for an array of a JSON document.
    public var described: String { jsonPath.map { "\(name) \($0)" } ?? name }

    /// Whether a reference to `key` should not be reported as unknown, because the record may be there unread.
    func excuses(_ key: String) -> Bool {
        isUnread || unreadKeys.contains(key) || appended.contains { $0.source.excuses(key) }
    }

    /// `line 4` for a line-based source, else `record 4`.
    public func location(ofRecord index: Int) -> String { locationPhrase(ofRecord: index).english }

    /// `line 4` and `4. rindā`, or `record 4` and `4. ierakstā`.
    public func locationPhrase(ofRecord index: Int) -> Phrase {
        if let part = part(holding: index) {
            let inPart = part.source.locationPhrase(ofRecord: part.index)
            return Phrase("\(part.source.name) \(inPart.english)", lv: "\(part.source.name) \(inPart.latvian)")
        }
        if let jsonPath { return Phrase("\(jsonPath)[\(index)]", lv: "\(jsonPath)[\(index)]") }
        if let lines, lines.indices.contains(index) { return Phrase("line \(lines[index])", lv: "\(lines[index]). rindā") }
        return Phrase("record \(index + 1)", lv: "\(index + 1). ierakstā")
    }

    /// An issue about one record, said in both languages.
    public func issue(record: Int?, field: String?, problem: Phrase, fix: Phrase) -> InputIssue {
        var issue = issue(record: record, field: field, problem: "", fix: "")
        issue.say(problem: problem, fix: fix)
        return issue
    }

    /// An issue about one record (or about the whole source when `record` is `nil`).
    public func issue(record: Int?, field: String?, problem: String, fix: String) -> InputIssue {
        guard let record else { return InputIssue(source: name, field: field, problem: problem, fix: fix) }
        if let part = part(holding: record) {
            return part.source.issue(record: part.index, field: field, problem: problem, fix: fix)
        }
        if let jsonPath {
            let path = "\(jsonPath)[\(record)]" + (field.map { ".\($0)" } ?? "")
            return InputIssue(source: name, field: path, problem: problem, fix: fix)
        }
        if let lines, lines.indices.contains(record) {
            return InputIssue(source: name, line: lines[record], field: field, problem: problem, fix: fix)
        }
        return InputIssue(source: "\(name) record \(record + 1)", field: field, problem: problem, fix: fix)
    }
}

/// A workbook sheet read as a file: its name and the column letter under each header name, so that an issue about a
/// line and a column can name the cell (`Mentori!D5`).
public struct SheetLayout: Sendable, Hashable {
    public var name: String
    /// The letter of each column, by its header name as read (lower case).
    public var columnLetters: [String: String]

    public init(name: String, columnLetters: [String: String]) {
        self.name = name
        self.columnLetters = columnLetters
    }

    /// `Mentori!D5` for a line and a column of the sheet, `Mentori!5:5` for a whole row, `nil` for the whole sheet.
    public func cell(line: Int?, field: String?) -> String? {
        guard let line else { return nil }
        let quotedName = name.contains(where: { !$0.isLetter && !$0.isNumber && $0 != "_" })
            ? "'\(name.replacingOccurrences(of: "'", with: "''"))'" : name
        guard let field, let letter = columnLetters[field.lowercased()] else { return "\(quotedName)!\(line):\(line)" }
        return "\(quotedName)!\(letter)\(line)"
    }
}

/// Where each part of a ``MatchingInput`` and its ``Policy`` came from.
///
/// Readers of line-based files fill in file names and lines; for input built in code the default names the
/// parts `mentors`, `mentees`, `places`, `locks` and `policy`, and issues count records from 1.
public struct SourceMap: Sendable, Hashable {
    public var mentors: RecordSource
    public var mentees: RecordSource
    public var places: RecordSource
    public var pairRules: RecordSource
    /// The policy file name, or `policy`.
    public var policy: String
    /// The pairs meeting now (`--current`) and earlier suggestions (`--previous`).
    public var currentPairs: RecordSource
    public var previousSuggestions: RecordSource

    public init(
        mentors: RecordSource = RecordSource(name: "mentors"),
        mentees: RecordSource = RecordSource(name: "mentees"),
        places: RecordSource = RecordSource(name: "places"),
        pairRules: RecordSource = RecordSource(name: "locks"),
        policy: String = "policy",
        currentPairs: RecordSource = RecordSource(name: "current pairs"),
        previousSuggestions: RecordSource = RecordSource(name: "previous suggestions")
    ) {
        self.mentors = mentors
        self.mentees = mentees
        self.places = places
        self.pairRules = pairRules
        self.policy = policy
        self.currentPairs = currentPairs
        self.previousSuggestions = previousSuggestions
    }

    /// The issues with the cell named for those about a workbook's sheet.
    public func locatingCells(_ issues: [InputIssue]) -> [InputIssue] {
        let sheets = Dictionary(
            [mentors, mentees, places, pairRules, currentPairs, previousSuggestions].compactMap { source in
                source.sheet.map { (source.name, $0) }
            },
            uniquingKeysWith: { first, _ in first })
        guard !sheets.isEmpty else { return issues }
        return issues.map { issue in
            guard issue.cell == nil, let sheet = sheets[issue.source] else { return issue }
            var located = issue
            located.cell = sheet.cell(line: issue.line, field: issue.field)
            return located
        }
    }
}
