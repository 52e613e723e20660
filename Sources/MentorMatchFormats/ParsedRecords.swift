import MentorMatchCore

/// The records read from one file, where they came from, and the problems found while reading it.
public struct ParsedRecords<Record: Sendable>: Sendable {
    /// The records that read cleanly, in file order.
    public var records: [Record]
    /// The file name, each record's line, and the ids of rows that could not be read.
    public var source: RecordSource
    /// Problems of syntax and of the file as a whole; semantic checks are left to ``InputValidator``.
    public var issues: [InputIssue]
    /// The rows that could not be read for a problem of their own (not of the file), which `--skip-invalid` may set
    /// aside: the key (id or place, empty when blank) by line.
    public var invalidRows: [Int: String] = [:]

    public init(records: [Record], source: RecordSource, issues: [InputIssue]) {
        self.records = records
        self.source = source
        self.issues = issues
    }
}
