/// Why a solver stopped. Kept apart from whether it holds a solution: a time limit with a good point in hand is a
/// result, not an error.
public enum TerminationReason: String, Sendable, Hashable, Codable {
    /// The returned point is proven optimal.
    case optimal
    /// No point satisfies the constraints.
    case infeasible
    /// The objective improves without limit.
    case unbounded
    /// The time limit stopped the search; ``Solution/hasFeasiblePoint`` tells whether a point was found.
    case timeLimit = "time_limit"
    /// The solver gave up for numerical reasons or another internal cause.
    case solverFailure = "solver_failure"
}

/// What a solver returns.
public struct Solution: Sendable, Hashable {
    public var termination: TerminationReason
    /// One value per variable when a feasible point exists, else empty.
    public var values: [Double]
    /// The objective at `values`, constant included; `nil` without a point.
    public var objectiveValue: Double?
    /// The best proven bound on the optimum (equal to the objective when optimal); `nil` when unknown.
    public var bestBound: Double?
    /// Row duals of the last LP relaxation solved, one per constraint, when the backend provides them.
    public var constraintDuals: [Double]?
    /// The solver's own words about the run (method, iterations), for reports; never personal data.
    public var detail: String

    public init(
        termination: TerminationReason, values: [Double], objectiveValue: Double?, bestBound: Double?,
        constraintDuals: [Double]? = nil, detail: String = ""
    ) {
        self.termination = termination
        self.values = values
        self.objectiveValue = objectiveValue
        self.bestBound = bestBound
        self.constraintDuals = constraintDuals
        self.detail = detail
    }

    public var hasFeasiblePoint: Bool { !values.isEmpty }
}

/// Settings every backend understands.
public struct SolveOptions: Sendable, Hashable {
    /// Wall-clock limit for the whole solve; `nil` for none.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which a mixed-integer search may stop; 0 demands proven optimality.
    public var relativeGap: Double
    /// Whether a mixed-integer search adds the backend's general cutting planes (mixed-integer rounding, cover,
    /// clique and Gomory cuts). They pay on small knapsack-like programmes, such as the recruitment master, and
    /// cost time on large easy ones, so they are off unless asked for.
    public var cuttingPlanes: Bool

    public init(timeLimitSeconds: Double? = nil, relativeGap: Double = 0, cuttingPlanes: Bool = false) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.cuttingPlanes = cuttingPlanes
    }
}

/// Why a solve produced nothing usable.
public enum SolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The model broke a structural rule; it never reached the solver.
    case invalidModel([ModelIssue])
    /// The solver library reported an internal error (GLPK's error path) and was recovered.
    case backendFailure(String)

    public var description: String {
        switch self {
        case .invalidModel(let issues):
            "the linear programme is invalid (\(issues.count) problem(s)): "
                + issues.prefix(5).map(\.description).joined(separator: "; ")
        case .backendFailure(let message):
            "the solver failed: \(message)"
        }
    }
}

/// A linear / mixed-integer programming backend.
///
/// Implementations validate with ``ModelValidator`` before translating, keep every native object on the calling
/// thread from creation to release, and return ``Solution`` for every way a solve can end except a model that
/// never reached the solver or a recovered internal error.
public protocol LinearProgramSolver: Sendable {
    /// A short name for reports, such as `GLPK 5.0`.
    var name: String { get }
    func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> Solution
}

extension LinearProgramSolver {
    /// Solves `program` without a time limit, to proven optimality.
    public func solve(_ program: LinearProgram) throws(SolverError) -> Solution {
        try solve(program, options: SolveOptions())
    }
}
