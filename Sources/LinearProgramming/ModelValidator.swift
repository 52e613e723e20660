/// One structural problem of a model.
public struct ModelIssue: Sendable, Hashable, CustomStringConvertible {
    public var location: String
    public var problem: String
    public init(location: String, problem: String) {
        self.location = location
        self.problem = problem
    }
    public var description: String { "\(location): \(problem)" }
}

/// Checks a ``LinearProgram`` before any backend sees it, so that a backend may assume its input is valid
/// (GLPK's error path calls `abort()`).
public enum ModelValidator {
    /// The longest name GLPK and the CPLEX LP format accept.
    public static let maximumNameLength = 255

    /// Every structural problem of the model; empty when valid.
    ///
    /// Checks: finite coefficients and bounds, lower ≤ upper, variable references in range, at most one term per
    /// variable in a row, unique non-empty names made of LP-safe characters.
    /// - Complexity: O(variables + non-zeros).
    public static func issues(in program: LinearProgram) -> [ModelIssue] {
        var issues: [ModelIssue] = []
        var seenNames = Set<String>()
        // Locations are put into words only for an issue: a valid model of a million rows builds none of them.
        func checkName(_ name: String, _ location: () -> String) {
            let bytes = name.utf8
            if bytes.isEmpty || bytes.count > maximumNameLength || !bytes.allSatisfy(isNameByte)
                || bytes.first.map(isDigit) == true
            {
                issues.append(.init(location: location(), problem: "name '\(name)' is not 1–255 letters, digits, '_' or '.' starting with a letter or '_'"))
            } else if !seenNames.insert(name).inserted {
                issues.append(.init(location: location(), problem: "name '\(name)' is used twice"))
            }
        }
        func checkBounds(_ lower: Double?, _ upper: Double?, _ location: () -> String) {
            if let lower, !lower.isFinite { issues.append(.init(location: location(), problem: "lower bound \(lower) is not finite; use nil for none")) }
            if let upper, !upper.isFinite { issues.append(.init(location: location(), problem: "upper bound \(upper) is not finite; use nil for none")) }
            if let lower, let upper, lower > upper {
                issues.append(.init(location: location(), problem: "lower bound \(lower) exceeds upper bound \(upper)"))
            }
        }
        if !program.objectiveConstant.isFinite {
            issues.append(.init(location: "objective", problem: "constant is not finite"))
        }
        for (index, variable) in program.variables.enumerated() {
            func location() -> String { "variable \(index) '\(variable.name)'" }
            checkName(variable.name, location)
            checkBounds(variable.lowerBound, variable.upperBound, location)
            if !variable.objectiveCoefficient.isFinite {
                issues.append(.init(location: location(), problem: "objective coefficient is not finite"))
            }
        }
        var lastRowOfVariable = [Int](repeating: -1, count: program.variables.count)
        for (row, constraint) in program.constraints.enumerated() {
            func location() -> String { "constraint \(row) '\(constraint.name)'" }
            checkName(constraint.name, location)
            checkBounds(constraint.lowerBound, constraint.upperBound, location)
            for term in constraint.terms {
                let column = term.variable.index
                guard column >= 0, column < program.variables.count else {
                    issues.append(.init(location: location(), problem: "refers to variable \(column), which does not exist"))
                    continue
                }
                if !term.coefficient.isFinite {
                    issues.append(.init(location: location(), problem: "coefficient of '\(program.variables[column].name)' is not finite"))
                }
                if lastRowOfVariable[column] == row {
                    issues.append(.init(location: location(), problem: "variable '\(program.variables[column].name)' appears twice; merge its terms"))
                }
                lastRowOfVariable[column] = row
            }
        }
        return issues
    }

    /// Throws ``SolverError/invalidModel(_:)`` listing every problem.
    public static func validate(_ program: LinearProgram) throws(SolverError) {
        let found = issues(in: program)
        if !found.isEmpty { throw .invalidModel(found) }
    }

    /// ASCII letters, digits, `_` and `.`: every byte of an accepted name is one of these, so a name is checked byte by
    /// byte (any other byte, of a non-ASCII character too, is rejected).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
