/// One problem found in the input, located as precisely as possible, with what to do about it.
public struct InputIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file (as the user named it), or a logical source such as `policy` or `input`.
    public var source: String
    /// The 1-based line of the file, counting the header as line 1; `nil` for whole-file problems.
    public var line: Int?
    /// The column or field name.
    public var field: String?
    /// The cell of a workbook, such as `Mentori!D5`, which then names the place instead of line and column.
    public var cell: String?
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    public init(
        source: String, line: Int? = nil, field: String? = nil, cell: String? = nil, problem: String, fix: String
    ) {
        self.source = source
        self.line = line
        self.field = field
        self.cell = cell
        self.problem = problem
        self.fix = fix
    }

    /// `mentors.csv, line 4, column capacity: capacity 7 is above 3. Fix: …`, or for a workbook
    /// `mentors.xlsx, Mentori!D5 (capacity): …`.
    public var description: String {
        var location = source
        if let cell { return "\(location), \(cell)\(field.map { " (\($0))" } ?? ""): \(problem). Fix: \(fix)" }
        if let line { location += ", line \(line)" }
        // A file's line has columns; a JSON document's value is named by its path.
        if let field { location += line == nil && field.contains("[") ? ", \(field)" : ", column \(field)" }
        return "\(location): \(problem). Fix: \(fix)"
    }
}

/// The input cannot be used; every problem found is listed, not only the first.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [InputIssue]

    public init(issues: [InputIssue]) {
        self.issues = issues
    }

    public var description: String {
        let header = issues.count == 1 ? "1 problem in the input:" : "\(issues.count) problems in the input:"
        return ([header] + issues.map { "  - \($0.description)" }).joined(separator: "\n")
    }
}
