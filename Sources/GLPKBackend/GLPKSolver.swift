import CGLPK
import CGLPKGuard
import LinearProgramming

/// Solves linear and mixed-integer programmes with GLPK: primal simplex, then branch-and-cut for integer variables.
///
/// Each solve runs synchronously on the calling thread, from creating GLPK's problem to deleting it, behind a C guard
/// that turns GLPK's error path (which would call `abort()`) into ``SolverError/backendFailure(_:)``. Independent
/// solves may run on different threads at once: Debian's GLPK keeps its environment thread-local.
///
/// ``Solution/constraintDuals`` are GLPK's row duals of the LP relaxation at the root (for a programme without
/// integer variables, of the programme itself), given when that relaxation was solved to optimality.
public struct GLPKSolver: LinearProgramSolver {
    private static let libraryVersion = String(cString: glp_version())

    /// `GLPK` and the version of the linked library, such as `GLPK 5.0`.
    public var name: String { "GLPK \(Self.libraryVersion)" }

    public init() {}

    /// Solves `program` within the limits of `options`.
    ///
    /// A programme without variables is answered without GLPK, which reports an undefined status for it.
    /// - Throws: ``SolverError/invalidModel(_:)`` listing every problem ``ModelValidator`` finds;
    ///   ``SolverError/backendFailure(_:)`` when GLPK reports an internal error.
    public func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> Solution {
        try ModelValidator.validate(program)
        let limit = Int(Int32.max)
        guard program.constraints.count < limit, program.variables.count < limit, program.nonZeroCount < limit else {
            throw .backendFailure(
                "GLPK counts rows, columns and non-zeros in 32-bit integers; this programme is larger")
        }
        if program.variables.isEmpty { return Self.solutionWithoutVariables(program) }
        let arrays = GLPKProblemArrays(program)
        var result = mm_glpk_result()
        defer { mm_glpk_release_result(&result) }
        arrays.withCProblem { mm_glpk_solve($0, options.glpkSettings, &result) }
        return try solution(from: result)
    }

    /// Reads a programme in CPLEX LP format with GLPK's own reader and solves it: an audit of written LP files.
    ///
    /// The values follow GLPK's column order, the order in which names first appear in the text; for text from
    /// ``CPLEXLPWriter`` that is the order of the programme's variables, followed by the writer's helper columns.
    /// - Throws: ``SolverError/invalidModel(_:)`` when GLPK cannot read the text, with its diagnostic;
    ///   ``SolverError/backendFailure(_:)`` when GLPK reports an internal error.
    public func solve(lpText: String, options: SolveOptions = SolveOptions()) throws(SolverError) -> Solution {
        var result = mm_glpk_result()
        defer { mm_glpk_release_result(&result) }
        lpText.withCString { mm_glpk_solve_lp_text($0, options.glpkSettings, &result) }
        return try solution(from: result)
    }

    /// Runs a deliberate GLPK error through the guard; the result must be ``SolverError/backendFailure(_:)``.
    func solveWithProvokedGLPKError() throws(SolverError) -> Solution {
        var result = mm_glpk_result()
        defer { mm_glpk_release_result(&result) }
        mm_glpk_provoke_error_for_testing(&result)
        return try solution(from: result)
    }

    private func solution(from result: mm_glpk_result) throws(SolverError) -> Solution {
        let message = result.message.map { String(cString: $0) } ?? ""
        if result.glpk_error_caught {
            throw .backendFailure("GLPK reported an internal error: \(Self.lines(of: message).joined(separator: "; "))")
        }
        if result.lp_text_rejected {
            throw .invalidModel([Self.readerIssue(message)])
        }
        return GLPKRunReport(result).solution(solverName: name)
    }

    /// Every row's activity is 0, so the programme is feasible exactly when each row admits 0.
    static func solutionWithoutVariables(_ program: LinearProgram) -> Solution {
        if let excluding = program.constraints.first(where: { ($0.lowerBound ?? 0) > 0 || ($0.upperBound ?? 0) < 0 }) {
            return Solution(
                termination: .infeasible, values: [], objectiveValue: nil, bestBound: nil,
                detail: "no variables, and constraint '\(excluding.name)' excludes an activity of 0")
        }
        return Solution(
            termination: .optimal, values: [], objectiveValue: program.objectiveConstant,
            bestBound: program.objectiveConstant,
            constraintDuals: Array(repeating: 0, count: program.constraints.count),
            detail: "no variables: the objective is its constant")
    }

    /// Turns the reader's last diagnostic, `path:line: text`, into an issue located in the LP text.
    private static func readerIssue(_ message: String) -> ModelIssue {
        let diagnostic = lines(of: message).last ?? "GLPK could not read the LP text"
        let fields = diagnostic.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if fields.count == 3, let line = Int(fields[1]) {
            return ModelIssue(location: "LP text line \(line)", problem: fields[2].trimmingSpaces)
        }
        return ModelIssue(location: "LP text", problem: diagnostic)
    }

    private static func lines(of message: String) -> [String] {
        message.split(whereSeparator: \.isNewline).map(\.trimmingSpaces).filter { !$0.isEmpty }
    }
}

extension SolveOptions {
    /// The limits in GLPK's units: whole milliseconds (negative for none) and a non-negative gap.
    var glpkSettings: mm_glpk_settings {
        mm_glpk_settings(
            time_limit_ms: glpkTimeLimitMilliseconds, mip_gap: relativeGap > 0 ? relativeGap : 0,
            cutting_planes: cuttingPlanes)
    }

    private var glpkTimeLimitMilliseconds: Int32 {
        guard let timeLimitSeconds else { return -1 }
        let milliseconds = (timeLimitSeconds * 1000).rounded(.up)
        guard milliseconds > 0 else { return 0 }  // also NaN
        return milliseconds < Double(Int32.max) ? Int32(milliseconds) : -1
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
