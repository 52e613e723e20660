/// Writes a ``LinearProgram`` in CPLEX LP format, as GLPK's `glp_read_lp`, CPLEX, HiGHS and others read it.
///
/// The objective lists every variable in order, zero coefficients included, so a reader that numbers columns by
/// first appearance (GLPK does) numbers them as the programme does. What GLPK's reader lacks becomes a helper column
/// named with `~`, a character no valid programme name contains, placed after the programme's variables:
/// - a constant objective term is the coefficient of ``objectiveConstantColumn``, fixed at 1; a programme without
///   variables gets that column too, as the format needs one;
/// - a row with two different bounds, or none, is written `name: terms - ~activity_<row> = 0`, the helper column
///   bounded as the row was (GLPK reads neither `lo <= terms <= hi` nor free rows);
/// - a programme without constraints gets the row `~no_constraints: 0 <first column> >= 0`, as the format needs one.
///
/// Integers below 2^63 are written without a decimal point, other numbers as the shortest text that reads back to the
/// same `Double`. Lines begin with a space, so no name can be read as a section keyword, and break between terms
/// before 80 characters; only a line holding a single longer name is longer (at most 257 characters, for a
/// constraint name of 255 and its colon).
public enum CPLEXLPWriter {
    /// The helper column whose objective coefficient is the programme's constant term.
    public static let objectiveConstantColumn = "~objective_constant"

    /// The helper column that carries the bounds of a ranged or free row.
    public static func activityColumn(row: ConstraintID) -> String { "~activity_\(row.index)" }

    /// The LP text of `program`.
    /// - Throws: ``SolverError/invalidModel(_:)`` when ``ModelValidator`` finds problems: names, in particular, are
    ///   written as they are.
    /// - Complexity: O(variables + non-zeros).
    public static func text(for program: LinearProgram) throws(SolverError) -> String {
        try ModelValidator.validate(program)
        var output = LPTextBuilder()
        output.line("\\* Problem: \(program.name.filter(isCommentSafe).prefix(60)) *\\")
        writeObjective(of: program, to: &output)
        writeConstraints(of: program, to: &output)
        writeBounds(of: program, to: &output)
        writeGenerals(of: program, to: &output)
        output.blankLine()
        output.line("End")
        return output.text
    }

    private static func needsConstantColumn(_ program: LinearProgram) -> Bool {
        program.objectiveConstant != 0 || program.variables.isEmpty
    }

    private static func writeObjective(of program: LinearProgram, to output: inout LPTextBuilder) {
        output.blankLine()
        output.line(program.sense == .maximize ? "Maximize" : "Minimize")
        output.append("obj:")
        for (index, variable) in program.variables.enumerated() {
            output.append(term(variable.objectiveCoefficient, variable.name, isFirst: index == 0))
        }
        if needsConstantColumn(program) {
            output.append(term(program.objectiveConstant, objectiveConstantColumn, isFirst: program.variables.isEmpty))
        }
        output.endLine()
    }

    private static func writeConstraints(of program: LinearProgram, to output: inout LPTextBuilder) {
        // A row needs a term, so a row without terms multiplies this column by 0.
        let firstColumn = program.variables.first?.name ?? objectiveConstantColumn
        output.blankLine()
        output.line("Subject To")
        for (index, constraint) in program.constraints.enumerated() {
            output.append("\(constraint.name):")
            for (position, term) in constraint.terms.enumerated() {
                output.append(
                    self.term(term.coefficient, program.variables[term.variable.index].name, isFirst: position == 0))
            }
            if let relation = relation(of: constraint) {
                if constraint.terms.isEmpty { output.append(["0", firstColumn]) }
                output.append(relation)
            } else {
                output.append(term(-1, activityColumn(row: ConstraintID(index)), isFirst: constraint.terms.isEmpty))
                output.append("= 0")
            }
            output.endLine()
        }
        if program.constraints.isEmpty {
            output.append("~no_constraints:")
            output.append(["0", firstColumn])
            output.append(">= 0")
            output.endLine()
        }
    }

    private static func writeBounds(of program: LinearProgram, to output: inout LPTextBuilder) {
        var bounds: [[String]] = []
        for variable in program.variables {
            if let bound = bound(variable.name, variable.lowerBound, variable.upperBound) { bounds.append(bound) }
        }
        for (index, constraint) in program.constraints.enumerated() where relation(of: constraint) == nil {
            let activity = activityColumn(row: ConstraintID(index))
            if let bound = bound(activity, constraint.lowerBound, constraint.upperBound) { bounds.append(bound) }
        }
        if needsConstantColumn(program) { bounds.append([objectiveConstantColumn, "= 1"]) }
        guard !bounds.isEmpty else { return }
        output.blankLine()
        output.line("Bounds")
        for bound in bounds {
            output.append(bound)
            output.endLine()
        }
    }

    private static func writeGenerals(of program: LinearProgram, to output: inout LPTextBuilder) {
        let integerNames = program.variables.filter(\.isInteger).map(\.name)
        guard !integerNames.isEmpty else { return }
        output.blankLine()
        output.line("Generals")
        integerNames.forEach { output.append($0) }
        output.endLine()
    }

    /// Writes a number so that it reads back to the same `Double`, integers without a decimal point.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 0x1p63 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A signed term as tokens to keep on one line: the sign and coefficient (absent for a leading `+ 1`), the name.
    private static func term(_ coefficient: Double, _ name: String, isFirst: Bool) -> [String] {
        let sign = coefficient < 0 ? "-" : (isFirst ? "" : "+")
        let magnitude = abs(coefficient)
        let prefix = [sign, magnitude == 1 ? "" : number(magnitude)].filter { !$0.isEmpty }.joined(separator: " ")
        return prefix.isEmpty ? [name] : [prefix, name]
    }

    /// The relation of a row with one bound or two equal ones; `nil` when the row needs an activity column.
    private static func relation(of constraint: Constraint) -> String? {
        switch (constraint.lowerBound, constraint.upperBound) {
        case (let lower?, let upper?) where lower == upper: "= \(number(lower))"
        case (let lower?, nil): ">= \(number(lower))"
        case (nil, let upper?): "<= \(number(upper))"
        default: nil
        }
    }

    /// A bound as tokens; both sides are explicit, as readers differ on what a lone negative upper bound does to the
    /// default lower bound 0. `nil` for that default, `0 <= name`.
    private static func bound(_ name: String, _ lower: Double?, _ upper: Double?) -> [String]? {
        switch (lower, upper) {
        case (.some(0), nil): nil
        case (nil, nil): [name, "free"]
        case (let lower?, nil): [name, ">= \(number(lower))"]
        case (nil, let upper?): ["-inf <=", name, "<= \(number(upper))"]
        case (let lower?, let upper?) where lower == upper: [name, "= \(number(lower))"]
        case (let lower?, let upper?): ["\(number(lower)) <=", name, "<= \(number(upper))"]
        }
    }

    private static func isCommentSafe(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || " _.-".contains(character))
    }
}

/// Accumulates LP text, breaking lines between tokens.
private struct LPTextBuilder {
    static let preferredLineLength = 80

    private(set) var text = ""
    private var currentLine = ""
    private var currentLength = 0

    /// Adds tokens to the current line, first ending the line when they would take it past the preferred length;
    /// tokens too long for any line together go on as many lines as they need.
    mutating func append(_ tokens: [String]) {
        let joined = tokens.joined(separator: " ")
        if tokens.count == 1 || 1 + joined.utf8.count <= Self.preferredLineLength {
            appendToken(joined)
        } else {
            tokens.forEach { appendToken($0) }
        }
    }

    mutating func append(_ token: String) { appendToken(token) }

    private mutating func appendToken(_ token: String) {
        let length = token.utf8.count
        if currentLength > 0 && currentLength + 1 + length > Self.preferredLineLength { endLine() }
        currentLine += " " + token
        currentLength += 1 + length
    }

    mutating func endLine() {
        guard currentLength > 0 else { return }
        text += currentLine + "\n"
        currentLine = ""
        currentLength = 0
    }

    mutating func line(_ line: String) {
        endLine()
        text += line + "\n"
    }

    mutating func blankLine() { line("") }
}
