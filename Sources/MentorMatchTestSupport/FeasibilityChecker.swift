import LinearProgramming

/// Re-checks a point against a ``LinearProgram`` in plain code that shares nothing with any solver's model building.
public enum FeasibilityChecker {
    /// Every way `values` breaks `program` (count, bounds, integrality, rows); empty when the point is feasible.
    ///
    /// A bound or row holds when it is violated by at most `tolerance`, scaled up for magnitudes above 1.
    public static func violations(of values: [Double], in program: LinearProgram, tolerance: Double = 1e-6) -> [String]
    {
        guard values.count == program.variables.count else {
            return ["\(values.count) values for \(program.variables.count) variables"]
        }
        var found: [String] = []
        func check(_ what: String, _ value: Double, lower: Double?, upper: Double?) {
            if !value.isFinite { found.append("\(what) is \(value)") }
            if let lower, value < lower - tolerance * max(1, abs(lower)) {
                found.append("\(what) = \(value) < \(lower)")
            }
            if let upper, value > upper + tolerance * max(1, abs(upper)) {
                found.append("\(what) = \(value) > \(upper)")
            }
        }
        for (variable, value) in zip(program.variables, values) {
            check("variable '\(variable.name)'", value, lower: variable.lowerBound, upper: variable.upperBound)
            if variable.isInteger, abs(value - value.rounded()) > tolerance {
                found.append("integer variable '\(variable.name)' = \(value)")
            }
        }
        for constraint in program.constraints {
            var activity = 0.0
            for term in constraint.terms { activity += term.coefficient * values[term.variable.index] }
            check("row '\(constraint.name)'", activity, lower: constraint.lowerBound, upper: constraint.upperBound)
        }
        return found
    }
}
