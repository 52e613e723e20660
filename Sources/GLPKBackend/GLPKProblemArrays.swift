import CGLPKGuard
import LinearProgramming

/// The 0-based C arrays of one ``mm_glpk_problem``, alive for as long as this value.
///
/// Absent bounds become infinities, which the guard turns into GLPK's free sides.
struct GLPKProblemArrays: ~Copyable {
    private let rowCount: Int32
    private let columnCount: Int32
    private let nonZeroCount: Int32
    private let maximize: Bool
    private let objectiveConstant: Double
    private let rowLowerBounds: CArray<Double>
    private let rowUpperBounds: CArray<Double>
    private let columnLowerBounds: CArray<Double>
    private let columnUpperBounds: CArray<Double>
    private let columnIsInteger: CArray<Bool>
    private let objectiveCoefficients: CArray<Double>
    private let nonZeroRows: CArray<Int32>
    private let nonZeroColumns: CArray<Int32>
    private let nonZeroValues: CArray<Double>

    /// - Precondition: `program` passed ``ModelValidator`` and its counts fit in `Int32`.
    init(_ program: LinearProgram) {
        rowCount = Int32(program.constraints.count)
        columnCount = Int32(program.variables.count)
        nonZeroCount = Int32(program.nonZeroCount)
        maximize = program.sense == .maximize
        objectiveConstant = program.objectiveConstant
        rowLowerBounds = CArray(program.constraints.lazy.map { $0.lowerBound ?? -.infinity })
        rowUpperBounds = CArray(program.constraints.lazy.map { $0.upperBound ?? .infinity })
        columnLowerBounds = CArray(program.variables.lazy.map { $0.lowerBound ?? -.infinity })
        columnUpperBounds = CArray(program.variables.lazy.map { $0.upperBound ?? .infinity })
        columnIsInteger = CArray(program.variables.lazy.map(\.isInteger))
        objectiveCoefficients = CArray(program.variables.lazy.map(\.objectiveCoefficient))
        let entries = program.constraints.enumerated().lazy.flatMap { row, constraint in
            constraint.terms.lazy.map { (row: Int32(row), term: $0) }
        }
        nonZeroRows = CArray(entries.map(\.row))
        nonZeroColumns = CArray(entries.map { Int32($0.term.variable.index) })
        nonZeroValues = CArray(entries.map(\.term.coefficient))
    }

    func withCProblem<Result>(_ body: (UnsafePointer<mm_glpk_problem>) -> Result) -> Result {
        var problem = mm_glpk_problem(
            row_count: rowCount, column_count: columnCount, maximize: maximize,
            row_lower_bounds: rowLowerBounds.address, row_upper_bounds: rowUpperBounds.address,
            column_lower_bounds: columnLowerBounds.address, column_upper_bounds: columnUpperBounds.address,
            column_is_integer: columnIsInteger.address, objective_coefficients: objectiveCoefficients.address,
            objective_constant: objectiveConstant, nonzero_count: nonZeroCount, nonzero_rows: nonZeroRows.address,
            nonzero_columns: nonZeroColumns.address, nonzero_values: nonZeroValues.address)
        return withUnsafePointer(to: &problem, body)
    }
}
