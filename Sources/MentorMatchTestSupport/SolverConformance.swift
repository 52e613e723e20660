import LinearProgramming

/// One programme with a known outcome that every ``LinearProgramSolver`` must reproduce.
public struct SolverConformanceCase: Sendable {
    /// The outcome a conforming solver reports.
    public enum Expectation: Sendable, Hashable {
        /// Optimal with this objective (constant included), a feasible point and a bound equal to the objective.
        case optimal(objective: Double)
        case infeasible
        case unbounded
        /// Rejected with ``SolverError/invalidModel(_:)`` before any solving.
        case invalidModel
    }

    public var name: String
    public var program: LinearProgram
    public var expectation: Expectation

    public init(name: String, program: LinearProgram, expectation: Expectation) {
        self.name = name
        self.program = program
        self.expectation = expectation
    }
}

/// The suite every solver backend must pass, after MathOptInterface's `Test.runtests`: small LPs and MIPs with known
/// outcomes, each point re-checked by ``FeasibilityChecker``.
public enum SolverConformance {
    /// The relative tolerance for objectives, bounds and feasibility.
    public static let tolerance = 1e-6

    /// Runs `cases` on `solver`; one line per failure, empty when the solver conforms.
    public static func failures(of solver: some LinearProgramSolver, cases: [SolverConformanceCase] = cases) -> [String]
    {
        cases.flatMap { conformanceCase in
            failures(of: solver, on: conformanceCase).map { "\(solver.name), \(conformanceCase.name): \($0)" }
        }
    }

    private static func failures(of solver: some LinearProgramSolver, on testCase: SolverConformanceCase) -> [String] {
        let program = testCase.program
        let solution: Solution
        do {
            solution = try solver.solve(program)
        } catch {
            return testCase.expectation == .invalidModel
                ? (isInvalidModel(error) ? [] : ["expected invalidModel, caught \(error)"])
                : ["unexpected error: \(error)"]
        }
        switch testCase.expectation {
        case .invalidModel:
            return ["expected invalidModel, solved with \(solution.termination)"]
        case .infeasible, .unbounded:
            let expected: TerminationReason = testCase.expectation == .infeasible ? .infeasible : .unbounded
            var found: [String] = []
            if solution.termination != expected {
                found.append("termination \(solution.termination), expected \(expected)")
            }
            if solution.hasFeasiblePoint { found.append("returned a point without an optimum") }
            return found
        case .optimal(let objective):
            guard solution.termination == .optimal else {
                return ["termination \(solution.termination), expected optimal (\(solution.detail))"]
            }
            var found: [String] = []
            if let value = solution.objectiveValue {
                if !isClose(value, objective) { found.append("objective \(value), expected \(objective)") }
            } else {
                found.append("no objective value")
            }
            if let bound = solution.bestBound, !isClose(bound, objective) {
                found.append("best bound \(bound) differs from the optimum \(objective)")
            }
            if let duals = solution.constraintDuals, duals.count != program.constraints.count {
                found.append("\(duals.count) duals for \(program.constraints.count) constraints")
            }
            found += FeasibilityChecker.violations(of: solution.values, in: program, tolerance: tolerance)
            if solution.values.count == program.variables.count {
                let recomputed = program.objectiveValue(at: solution.values)
                if !isClose(recomputed, objective) {
                    found.append("the point's objective is \(recomputed), expected \(objective)")
                }
            }
            return found
        }
    }

    private static func isInvalidModel(_ error: SolverError) -> Bool {
        if case .invalidModel = error { true } else { false }
    }

    private static func isClose(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= tolerance * max(1, abs(expected))
    }

    // MARK: - Cases

    /// Every case, in a fixed order.
    public static let cases: [SolverConformanceCase] = [
        textbookLP, infeasibleLP, unboundedLP, knapsack, assignment, equalityRows, freeVariables, rangedRows,
        negativeLowerBounds, emptyModel, noConstraints, objectiveConstant, noVariablesInfeasible,
        integerInfeasible, emptyIntegerDomain, freeRow, upperBoundOnly, invalidModel,
    ]

    /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 6: optimum 12 at (4, 0).
    public static let textbookLP = makeCase("textbook LP", .maximize, expect: .optimal(objective: 12)) { program in
        let x = program.addVariable(name: "x", objective: 3)
        let y = program.addVariable(name: "y", objective: 2)
        program.addConstraint(name: "c1", terms: [Term(x, 1), Term(y, 1)], upperBound: 4)
        program.addConstraint(name: "c2", terms: [Term(x, 1), Term(y, 3)], upperBound: 6)
    }

    /// x + y ≥ 5 and x + y ≤ 3.
    public static let infeasibleLP = makeCase("infeasible LP", .minimize, expect: .infeasible) { program in
        let x = program.addVariable(name: "x", objective: 1)
        let y = program.addVariable(name: "y", objective: 1)
        program.addConstraint(name: "at_least_5", terms: [Term(x, 1), Term(y, 1)], lowerBound: 5)
        program.addConstraint(name: "at_most_3", terms: [Term(x, 1), Term(y, 1)], upperBound: 3)
    }

    /// max x + y s.t. x − y ≤ 1.
    public static let unboundedLP = makeCase("unbounded LP", .maximize, expect: .unbounded) { program in
        let x = program.addVariable(name: "x", objective: 1)
        let y = program.addVariable(name: "y", objective: 1)
        program.addConstraint(name: "difference", terms: [Term(x, 1), Term(y, -1)], upperBound: 1)
    }

    /// Binary knapsack, capacity 10: the relaxation is 23.5, the integer optimum 23 (items 0 and 1).
    public static let knapsack = makeCase("knapsack MIP", .maximize, expect: .optimal(objective: 23)) { program in
        let values: [Double] = [10, 13, 7, 8]
        let weights: [Double] = [4, 6, 3, 5]
        let items = values.indices.map {
            program.addVariable(name: "take_\($0)", upperBound: 1, isInteger: true, objective: values[$0])
        }
        program.addConstraint(
            name: "capacity", terms: items.indices.map { Term(items[$0], weights[$0]) }, upperBound: 10)
    }

    /// 3×3 assignment, minimum cost 5 (row 0 → column 1, row 1 → column 0, row 2 → column 2).
    public static let assignment = makeCase("3x3 assignment", .minimize, expect: .optimal(objective: 5)) { program in
        let costs: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        let pairs = (0..<3).map { row in
            (0..<3).map { column in
                program.addVariable(
                    name: "x_\(row)_\(column)", upperBound: 1, isInteger: true, objective: costs[row][column])
            }
        }
        for index in 0..<3 {
            program.addConstraint(
                name: "row_\(index)", terms: (0..<3).map { Term(pairs[index][$0], 1) }, lowerBound: 1, upperBound: 1)
            program.addConstraint(
                name: "column_\(index)", terms: (0..<3).map { Term(pairs[$0][index], 1) }, lowerBound: 1, upperBound: 1)
        }
    }

    /// min x + 2y + 3z s.t. x + y + z = 6, x − y = 0: optimum 9 at (3, 3, 0).
    public static let equalityRows = makeCase("equality rows", .minimize, expect: .optimal(objective: 9)) { program in
        let x = program.addVariable(name: "x", objective: 1)
        let y = program.addVariable(name: "y", objective: 2)
        let z = program.addVariable(name: "z", objective: 3)
        program.addConstraint(name: "total", terms: [Term(x, 1), Term(y, 1), Term(z, 1)], lowerBound: 6, upperBound: 6)
        program.addConstraint(name: "balance", terms: [Term(x, 1), Term(y, -1)], lowerBound: 0, upperBound: 0)
    }

    /// min t ≥ |x − 3| over free t and x with x ≤ −1: optimum 4.
    public static let freeVariables = makeCase("free variables", .minimize, expect: .optimal(objective: 4)) { program in
        let t = program.addVariable(name: "t", lowerBound: nil, objective: 1)
        let x = program.addVariable(name: "x", lowerBound: nil)
        program.addConstraint(name: "above", terms: [Term(t, 1), Term(x, -1)], lowerBound: -3)
        program.addConstraint(name: "below", terms: [Term(t, 1), Term(x, 1)], lowerBound: 3)
        program.addConstraint(name: "cap", terms: [Term(x, 1)], upperBound: -1)
    }

    /// max x s.t. −1 ≤ x − y ≤ 2, 1 ≤ x + y ≤ 4: optimum 3 at (3, 1).
    public static let rangedRows = makeCase("ranged rows", .maximize, expect: .optimal(objective: 3)) { program in
        let x = program.addVariable(name: "x", objective: 1)
        let y = program.addVariable(name: "y")
        program.addConstraint(name: "difference", terms: [Term(x, 1), Term(y, -1)], lowerBound: -1, upperBound: 2)
        program.addConstraint(name: "sum", terms: [Term(x, 1), Term(y, 1)], lowerBound: 1, upperBound: 4)
    }

    /// min x + y + z, x ∈ [−3, 2], y ≥ −2.5, integer z ∈ [−3.5, 2], x + y ≥ −4: optimum −7.
    public static let negativeLowerBounds = makeCase(
        "negative lower bounds", .minimize, expect: .optimal(objective: -7)
    ) {
        program in
        let x = program.addVariable(name: "x", lowerBound: -3, upperBound: 2, objective: 1)
        let y = program.addVariable(name: "y", lowerBound: -2.5, objective: 1)
        program.addVariable(name: "z", lowerBound: -3.5, upperBound: 2, isInteger: true, objective: 1)
        program.addConstraint(name: "floor", terms: [Term(x, 1), Term(y, 1)], lowerBound: -4)
    }

    /// No variables and no constraints: the objective is its constant.
    public static let emptyModel = makeCase("empty model", .minimize, expect: .optimal(objective: 2.5)) { program in
        program.objectiveConstant = 2.5
    }

    /// max 2x + 3 with x ∈ [0, 4] and no constraints: optimum 11.
    public static let noConstraints = makeCase("no constraints", .maximize, expect: .optimal(objective: 11)) {
        program in
        program.addVariable(name: "x", upperBound: 4, objective: 2)
        program.objectiveConstant = 3
    }

    /// min x + 7 s.t. x ≥ 1: optimum 8.
    public static let objectiveConstant = makeCase("objective constant", .minimize, expect: .optimal(objective: 8)) {
        program in
        let x = program.addVariable(name: "x", objective: 1)
        program.addConstraint(name: "at_least_1", terms: [Term(x, 1)], lowerBound: 1)
        program.objectiveConstant = 7
    }

    /// A row without terms that demands an activity of at least 1.
    public static let noVariablesInfeasible = makeCase("no variables, infeasible row", .minimize, expect: .infeasible) {
        program in
        program.addConstraint(name: "impossible", terms: [], lowerBound: 1)
    }

    /// Integer x with 2x = 1: the relaxation is feasible, the integer programme is not.
    public static let integerInfeasible = makeCase("integer infeasible", .minimize, expect: .infeasible) { program in
        let x = program.addVariable(name: "x", isInteger: true, objective: 1)
        program.addConstraint(name: "half", terms: [Term(x, 2)], lowerBound: 1, upperBound: 1)
    }

    /// Integer x ∈ [0.2, 0.8]: no integer lies within the bounds.
    public static let emptyIntegerDomain = makeCase("empty integer domain", .minimize, expect: .infeasible) { program in
        program.addVariable(name: "x", lowerBound: 0.2, upperBound: 0.8, isInteger: true, objective: 1)
    }

    /// A row without bounds constrains nothing: max x s.t. x ≤ 3, free row x + y: optimum 3.
    public static let freeRow = makeCase("free row", .maximize, expect: .optimal(objective: 3)) { program in
        let x = program.addVariable(name: "x", objective: 1)
        let y = program.addVariable(name: "y", upperBound: 1)
        program.addConstraint(name: "unbounded_row", terms: [Term(x, 1), Term(y, 1)])
        program.addConstraint(name: "cap", terms: [Term(x, 1)], upperBound: 3)
    }

    /// max x with x ≤ −2 and no lower bound: optimum −2.
    public static let upperBoundOnly = makeCase("upper bound only", .maximize, expect: .optimal(objective: -2)) {
        program in
        program.addVariable(name: "x", lowerBound: nil, upperBound: -2, objective: 1)
    }

    /// A NaN coefficient never reaches the solver.
    public static let invalidModel = makeCase("invalid model", .minimize, expect: .invalidModel) { program in
        let x = program.addVariable(name: "x", objective: 1)
        program.addConstraint(name: "broken", terms: [Term(x, .nan)], lowerBound: 1)
    }

    private static func makeCase(
        _ name: String, _ sense: LinearProgram.Sense, expect expectation: SolverConformanceCase.Expectation,
        build: (inout LinearProgram) -> Void
    ) -> SolverConformanceCase {
        var program = LinearProgram(name: name.filter { $0.isLetter || $0.isNumber }, sense: sense)
        build(&program)
        return SolverConformanceCase(name: name, program: program, expectation: expectation)
    }
}
