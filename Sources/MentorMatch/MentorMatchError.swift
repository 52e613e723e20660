import Foundation

/// Why a MentorMatch run stopped, with words a user can act on. Each case is one kind of failure, so that the
/// command line maps it to an exit code and a server to a status without reading messages.
public enum MentorMatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input files or values have problems (locks that break rules included); all are listed.
    case invalidInput(InputError)
    /// The solver chosen cannot solve this policy (``MentorMatcher/SolverChoice/lemon`` with a policy that needs
    /// GLPK); nothing was solved.
    case solverRefused(SolverRefusal)
    /// The input is valid but no assignment could be made (side constraints, solver failure).
    case matchingFailed(MatchingError)
    /// The pairs could not be scheduled: a solver failed on a mentor's or the supervision programme.
    case schedulingFailed(SchedulingError)
    /// A what-if plan has no answer (a coverage target out of reach, a variant that cannot be matched, a solver failure).
    case planningFailed(PlanningError)
    /// An output's contents could not be produced (a JSON encoding, the LP text); nothing was written.
    case formatFailed(FormatError)
    /// The output could not be written; nothing partial was left behind.
    case outputFailed(AtomicOutputError)
    /// MentorMatch broke one of its own invariants: a bug to report, not something the input can fix.
    case internalError(String)

    public var description: String {
        switch self {
        case .invalidInput(let error): error.description
        case .solverRefused(let refusal): refusal.description
        case .matchingFailed(let error): error.description
        case .schedulingFailed(let error): error.description
        case .planningFailed(let error): error.description
        case .formatFailed(let error): error.description
        case .outputFailed(let error): "cannot write the output: \(error.description)"
        case .internalError(let message): "internal error (please report it): \(message)"
        }
    }

    /// The error for a young person's id (`explain`, `suggest`) that is not in the young people's `file`.
    public static func unknownMentee(_ id: String, in file: String) -> MentorMatchError {
        .invalidInput(InputError(issues: [
            InputIssue(source: file, field: "id", problem: "no young person has id '\(id)'", fix: "use an id of \(file)")
        ]))
    }

    /// Runs `body`, reporting a `FormatError` (MentorMatchFormats) as ``formatFailed(_:)``.
    public static func formatting<Value>(_ body: () throws(FormatError) -> Value) throws(MentorMatchError) -> Value {
        do {
            return try body()
        } catch {
            throw .formatFailed(error)
        }
    }
}

/// A policy the chosen solver cannot solve.
public struct SolverRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The solver that refused.
    public var solver: MentorMatcher.SolverChoice
    /// What was asked of it, such as `--solver lemon` or the flow export.
    public var request: String

    public init(solver: MentorMatcher.SolverChoice, request: String) {
        self.solver = solver
        self.request = request
    }

    public var description: String {
        "\(request) needs the flow formulation, and this policy needs GLPK (a weighted objective with side "
            + "constraints, fractional weights, or a min_remote_share finer than one millionth); solve it with "
            + "the auto or glpk solver"
    }
}
