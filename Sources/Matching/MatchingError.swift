import LinearProgramming
import MentorMatchCore

/// Why a matching run produced no assignment.
public enum MatchingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input or policy has problems; every one is listed.
    case invalidInput(InputError)
    /// Locked pairs cannot all hold: each entry names the pair and what it breaks.
    case impossibleLocks([LockConflict])
    /// The policy's side constraints cannot be met by any assignment.
    case infeasibleSideConstraints(String)
    /// The solver failed or stopped without any assignment.
    case solverFailed(String)

    /// Side constraints that no assignment meets, with what to change.
    static let sideConstraintsUnmet = MatchingError.infeasibleSideConstraints(
        "no assignment satisfies them (with the locked pairs, if any); lower min_remote_share or "
            + "min_served_per_place, or recruit mentors near the places concerned"
    )

    public var description: String {
        switch self {
        case .invalidInput(let error):
            error.description
        case .impossibleLocks(let conflicts):
            (["\(conflicts.count) locked pair(s) cannot hold:"] + conflicts.map { "  - \($0.description)" })
                .joined(separator: "\n")
        case .infeasibleSideConstraints(let message):
            "the side constraints cannot be met: \(message)"
        case .solverFailed(let message):
            "the solver found no assignment: \(message)"
        }
    }
}

/// A locked pair that breaks a hard rule or over-fills a mentor.
public struct LockConflict: Sendable, Hashable, Codable, CustomStringConvertible {
    public var mentorID: String
    public var menteeID: String
    /// Position of the lock among the input's pair rules (0-based), so a file reader can name its line.
    public var ruleIndex: Int
    public var problem: String
    public var fix: String

    public var description: String { "lock \(mentorID)–\(menteeID): \(problem). Fix: \(fix)" }

    /// The conflict as an input issue naming the lock's file and line (or JSON path) in `sources`.
    public func issue(in sources: SourceMap) -> InputIssue {
        sources.pairRules.issue(record: ruleIndex, field: "rule", problem: "\(mentorID)–\(menteeID) \(problem)", fix: fix)
    }

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case fix
        case menteeID = "mentee_id"
        case mentorID = "mentor_id"
        case problem
        case ruleIndex = "rule_index"
    }
}
