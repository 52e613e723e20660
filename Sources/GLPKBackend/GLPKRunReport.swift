import CGLPKGuard
import LinearProgramming

/// What one guarded GLPK run reported, in Swift values; turns itself into a ``Solution``.
///
/// The return codes say why each routine stopped; the statuses say what point it holds. The mapping keeps the two
/// apart, so a time limit with an incumbent in hand is a ``TerminationReason/timeLimit`` result with values.
struct GLPKRunReport: Sendable, Hashable {
    /// What `glp_intopt` reported after the relaxation was solved.
    struct BranchAndCut: Sendable, Hashable {
        var returnCode: GLPKReturnCode
        var status: GLPKSolutionStatus
        var objective: Double
    }

    var hasIntegerColumns: Bool
    /// An integer column whose bounds hold no integer; nothing was solved.
    var emptyIntegerColumn: Int?
    var simplexReturnCode: GLPKReturnCode
    var simplexStatus: GLPKSolutionStatus
    var simplexIterations: Int
    /// The objective of the simplex basis; a valid bound on the integer optimum once the relaxation is optimal.
    var relaxationObjective: Double
    /// `nil` when `glp_intopt` did not run.
    var branchAndCut: BranchAndCut?
    /// Of the incumbent when branch-and-cut ran, else of the simplex basis.
    var columnValues: [Double]
    var rowDuals: [Double]

    /// Copies a filled C result; the caller still releases it.
    init(_ result: mm_glpk_result) {
        hasIntegerColumns = result.integer_column_count > 0
        emptyIntegerColumn = result.empty_integer_column >= 0 ? Int(result.empty_integer_column) : nil
        simplexReturnCode = GLPKReturnCode(result.simplex_return_code)
        simplexStatus = GLPKSolutionStatus(result.simplex_status)
        simplexIterations = Int(result.simplex_iteration_count)
        relaxationObjective = result.relaxation_objective
        branchAndCut =
            result.intopt_ran
            ? BranchAndCut(
                returnCode: GLPKReturnCode(result.intopt_return_code), status: GLPKSolutionStatus(result.mip_status),
                objective: result.mip_objective)
            : nil
        columnValues = Self.copy(result.column_values, count: result.column_count)
        rowDuals = Self.copy(result.row_duals, count: result.row_count)
    }

    private static func copy(_ values: UnsafePointer<Double>?, count: Int32) -> [Double] {
        guard let values else { return [] }
        return Array(UnsafeBufferPointer(start: values, count: Int(count)))
    }

    init(
        hasIntegerColumns: Bool, emptyIntegerColumn: Int? = nil, simplexReturnCode: GLPKReturnCode,
        simplexStatus: GLPKSolutionStatus,
        simplexIterations: Int = 0, relaxationObjective: Double, branchAndCut: BranchAndCut? = nil,
        columnValues: [Double], rowDuals: [Double]
    ) {
        self.hasIntegerColumns = hasIntegerColumns
        self.emptyIntegerColumn = emptyIntegerColumn
        self.simplexReturnCode = simplexReturnCode
        self.simplexStatus = simplexStatus
        self.simplexIterations = simplexIterations
        self.relaxationObjective = relaxationObjective
        self.branchAndCut = branchAndCut
        self.columnValues = columnValues
        self.rowDuals = rowDuals
    }

    func solution(solverName: String) -> Solution {
        if let emptyIntegerColumn {
            return Solution(
                termination: .infeasible, values: [], objectiveValue: nil, bestBound: nil,
                detail: "integer variable \(emptyIntegerColumn) has no integer value within its bounds")
        }
        var detail =
            "\(solverName) primal simplex: \(simplexReturnCode), \(simplexStatus), \(simplexIterations) iterations"
        if let branchAndCut {
            detail += "; branch-and-cut: \(branchAndCut.returnCode), \(branchAndCut.status)"
        }
        var solution =
            if let branchAndCut {
                integerSolution(branchAndCut)
            } else if hasIntegerColumns {
                unsolvedRelaxationSolution()
            } else {
                linearSolution()
            }
        solution.detail = detail
        return solution
    }

    private var relaxationIsOptimal: Bool { simplexReturnCode == .success && simplexStatus == .optimal }

    private func linearSolution() -> Solution {
        let point = simplexStatus.hasFeasiblePoint ? columnValues : []
        let objective = point.isEmpty ? nil : relaxationObjective
        switch (simplexReturnCode, simplexStatus) {
        case (.success, .optimal):
            return Solution(
                termination: .optimal, values: columnValues, objectiveValue: relaxationObjective,
                bestBound: relaxationObjective, constraintDuals: rowDuals)
        case (.success, .noFeasibleSolution), (.noPrimalFeasibleSolution, _):
            return Solution(termination: .infeasible, values: [], objectiveValue: nil, bestBound: nil)
        case (.success, .unbounded), (.noDualFeasibleSolution, _):
            return Solution(termination: .unbounded, values: [], objectiveValue: nil, bestBound: nil)
        case (.timeLimit, _):
            return Solution(termination: .timeLimit, values: point, objectiveValue: objective, bestBound: nil)
        default:
            return Solution(termination: .solverFailure, values: point, objectiveValue: objective, bestBound: nil)
        }
    }

    /// The simplex stopped before an optimal relaxation, so branch-and-cut never ran and no point is integral.
    private func unsolvedRelaxationSolution() -> Solution {
        let termination: TerminationReason =
            switch (simplexReturnCode, simplexStatus) {
            case (.success, .noFeasibleSolution), (.noPrimalFeasibleSolution, _): .infeasible
            // The integer programme is then unbounded or infeasible; GLPK cannot tell which without a point.
            case (.success, .unbounded), (.noDualFeasibleSolution, _): .unbounded
            case (.timeLimit, _): .timeLimit
            default: .solverFailure
            }
        return Solution(termination: termination, values: [], objectiveValue: nil, bestBound: nil)
    }

    private func integerSolution(_ branchAndCut: BranchAndCut) -> Solution {
        let point = branchAndCut.status.hasFeasiblePoint ? columnValues : []
        let objective = point.isEmpty ? nil : branchAndCut.objective
        // The root relaxation bounds the integer optimum whenever the search stopped early.
        let relaxationBound = relaxationIsOptimal ? relaxationObjective : nil
        switch (branchAndCut.returnCode, branchAndCut.status) {
        case (.success, .optimal):
            return Solution(
                termination: .optimal, values: columnValues, objectiveValue: branchAndCut.objective,
                bestBound: branchAndCut.objective, constraintDuals: rowDuals)
        case (.success, .noFeasibleSolution), (.noPrimalFeasibleSolution, _):
            return Solution(termination: .infeasible, values: [], objectiveValue: nil, bestBound: nil)
        case (.relativeGapReached, _) where !point.isEmpty:
            return Solution(
                termination: .optimal, values: point, objectiveValue: objective, bestBound: relaxationBound,
                constraintDuals: rowDuals)
        case (.timeLimit, _):
            return Solution(
                termination: .timeLimit, values: point, objectiveValue: objective, bestBound: relaxationBound)
        case (.noDualFeasibleSolution, _):
            return Solution(termination: .unbounded, values: [], objectiveValue: nil, bestBound: nil)
        default:
            return Solution(
                termination: .solverFailure, values: point, objectiveValue: objective, bestBound: relaxationBound)
        }
    }
}
