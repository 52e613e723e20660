import LinearProgramming
import Matching
import MentorMatchCore

/// Why a planning run produced no answer.
public enum PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario, a variant or a profiles file has problems; all are listed.
    case invalidInput(InputError)
    /// A variant could not be matched (side constraints that cannot be met, solver failure).
    case matchingFailed(variant: String, MatchingError)
    /// No choice of recruits reaches the coverage target.
    case targetUnreachable(String)
    /// The covering programme was invalid, or the solver failed or stopped without proving an optimum.
    case solverFailed(String)

    public var description: String {
        switch self {
        case .invalidInput(let error): error.description
        case .matchingFailed(let variant, let error): "variant '\(variant)': \(error.description)"
        case .targetUnreachable(let message): "the coverage target cannot be reached: \(message)"
        case .solverFailed(let message): "the recruitment programme could not be solved: \(message)"
        }
    }
}
