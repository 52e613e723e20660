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
    /// The problem and the fix in Latvian, said from the same values, for coordinators' pages and clients that show
    /// Latvian; `nil` for the problems met only by integrators and planners (JSON documents, scenario files, job
    /// options), which are written in English.
    public var latvian: Wording?

    /// A problem and its fix in one language.
    public struct Wording: Sendable, Hashable, Codable {
        public var problem: String
        public var fix: String

        public init(problem: String, fix: String) {
            self.problem = problem
            self.fix = fix
        }
    }

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

    /// An issue said in both languages.
    public init(
        source: String, line: Int? = nil, field: String? = nil, cell: String? = nil, problem: Phrase, fix: Phrase
    ) {
        self.init(source: source, line: line, field: field, cell: cell, problem: "", fix: "")
        say(problem: problem, fix: fix)
    }

    /// Sets the problem and the fix in both languages.
    public mutating func say(problem: Phrase, fix: Phrase) {
        self.problem = problem.english
        self.fix = fix.english
        latvian = Wording(problem: problem.latvian, fix: fix.latvian)
    }

    /// The problem and fix in Latvian when `latvian` is asked for and known, else in English.
    public func wording(latvian wantsLatvian: Bool) -> Wording {
        if wantsLatvian, let latvian { return latvian }
        return Wording(problem: problem, fix: fix)
    }

    /// `mentors.csv, line 4, column capacity: capacity 7 is above 3. Fix: …`, or for a workbook
    /// `mentors.xlsx, Mentori!D5 (capacity): …`.
    public var description: String { described(latvian: false) }

    /// ``description`` in Latvian when asked and known: `mentors.csv, 4. rinda, kolonna capacity: … Labojums: …`.
    public func described(latvian wantsLatvian: Bool) -> String {
        let wording = wording(latvian: wantsLatvian)
        let inLatvian = wantsLatvian && latvian != nil
        let fixLabel = inLatvian ? "Labojums" : "Fix"
        var location = source
        if let cell { return "\(location), \(cell)\(field.map { " (\($0))" } ?? ""): \(wording.problem). \(fixLabel): \(wording.fix)" }
        if let line { location += inLatvian ? ", \(line). rinda" : ", line \(line)" }
        // A file's line has columns; a JSON document's value is named by its path.
        if let field {
            location += line == nil && field.contains("[") ? ", \(field)" : (inLatvian ? ", kolonna \(field)" : ", column \(field)")
        }
        return "\(location): \(wording.problem). \(fixLabel): \(wording.fix)"
    }
}

/// One sentence said in English and in Latvian from the same values, so that both say the same facts.
public struct Phrase: Sendable, Hashable {
    public var english: String
    public var latvian: String

    public init(_ english: String, lv latvian: String) {
        self.english = english
        self.latvian = latvian
    }

    /// Each language's sentence continued by the same language's part of `second`.
    public static func + (first: Phrase, second: Phrase) -> Phrase {
        Phrase(first.english + second.english, lv: first.latvian + second.latvian)
    }

    /// Nothing, in either language: what an optional part of a sentence adds when it has nothing to say.
    public static let empty = Phrase("", lv: "")
}

/// The input cannot be used; every problem found is listed, not only the first.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [InputIssue]

    public init(issues: [InputIssue]) {
        self.issues = issues
    }

    public var description: String { described(latvian: false) }

    /// ``description`` with each issue in Latvian where it has a Latvian wording.
    public func described(latvian: Bool) -> String {
        let header = latvian
            ? (issues.count == 1 ? "1 problēma ievadē:" : "\(issues.count) problēmas ievadē:")
            : (issues.count == 1 ? "1 problem in the input:" : "\(issues.count) problems in the input:")
        return ([header] + issues.map { "  - \($0.described(latvian: latvian))" }).joined(separator: "\n")
    }
}
