import Foundation
import GLPKBackend
import LEMONBackend

/// Why a MentorMatch run stopped, with words a user can act on.
public enum MentorMatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input files or values have problems (locks that break rules included); all are listed.
    case invalidInput(InputError)
    /// The input is valid but no assignment could be made (side constraints, solver failure).
    case matchingFailed(MatchingError)
    /// The output could not be written; nothing partial was left behind.
    case outputFailed(AtomicOutputError)
    /// A what-if plan has no answer (a coverage target out of reach, a variant that cannot be matched, a solver failure).
    case planningFailed(PlanningError)

    public var description: String {
        switch self {
        case .invalidInput(let error): error.description
        case .matchingFailed(let error): error.description
        case .outputFailed(let error): "cannot write the output: \(error.description)"
        case .planningFailed(let error): error.description
        }
    }
}

/// The library entry point: validate, match, explain. By default the matching is solved as minimum-cost flows by
/// LEMON's network simplex, and by GLPK when the policy needs a general programme (a weighted objective with side
/// constraints or fractional weights).
public struct MentorMatcher: Sendable {
    public let engine: MatchingEngine

    /// Which solvers a run may use.
    public enum SolverChoice: String, Sendable, CaseIterable {
        /// LEMON wherever the policy allows, else GLPK.
        case auto
        /// LEMON only: policies it cannot solve are refused.
        case lemon
        /// GLPK only, tier by tier on the linear programme.
        case glpk
    }

    public init(solver: any LinearProgramSolver = GLPKSolver(), flowSolver: (any MinCostFlowSolver)? = LEMONNetworkSimplex()) {
        engine = MatchingEngine(solver: solver, flowSolver: flowSolver)
    }

    public init(_ choice: SolverChoice) {
        self.init(flowSolver: choice == .glpk ? nil : LEMONNetworkSimplex())
    }

    /// Checks the input and the locked pairs, and builds the candidate graph and programme without solving.
    /// - Parameter sources: where the records came from, so that issues name files and lines.
    /// - Throws: ``MentorMatchError/invalidInput(_:)`` listing every problem.
    public func prepare(
        _ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()
    ) throws(MentorMatchError) -> MatchingEngine.Preparation {
        do {
            return try engine.prepare(input, policy: policy, sources: sources)
        } catch .invalidInput(let error) {
            throw .invalidInput(error)
        } catch .impossibleLocks(let conflicts) {
            throw .invalidInput(
                InputError(issues: conflicts.map {
                    sources.pairRules.issue(
                        record: $0.ruleIndex, field: "rule", problem: "\($0.mentorID)–\($0.menteeID) \($0.problem)", fix: $0.fix
                    )
                })
            )
        } catch {
            throw .matchingFailed(error)
        }
    }

    /// Builds the matching of input read by ``load(_:)``.
    public func prepare(_ loaded: LoadedInput) throws(MentorMatchError) -> MatchingEngine.Preparation {
        try prepare(loaded.input, policy: loaded.policy, sources: loaded.sourceMap)
    }

    /// Matches after checking the input.
    public func match(_ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()) throws(MentorMatchError) -> MatchingResult {
        try solve(prepare(input, policy: policy, sources: sources))
    }

    /// Solves a prepared matching, and prices each side constraint of the policy (one more solve per constraint),
    /// so that a constraint that costs young people says so.
    public func solve(_ preparation: MatchingEngine.Preparation) throws(MentorMatchError) -> MatchingResult {
        do {
            var result = try engine.match(preparation)
            result.sideConstraintPrices = try engine.sideConstraintPrices(preparation, result: result)
            return result
        } catch {
            throw .matchingFailed(error)
        }
    }

    /// Solves a prepared matching and keeps the flows solved on the way, for comparison with other solvers.
    public func solveKeepingFlowStages(
        _ preparation: MatchingEngine.Preparation
    ) throws(MentorMatchError) -> (result: MatchingResult, stages: [FlowStage]) {
        do {
            var solved = try engine.matchKeepingFlowStages(preparation)
            solved.result.sideConstraintPrices = try engine.sideConstraintPrices(preparation, result: solved.result)
            return solved
        } catch {
            throw .matchingFailed(error)
        }
    }

    /// Reads the files of a run, every problem in every file reported at once.
    /// - Parameter skippingInvalidRows: Set invalid CSV rows aside (``LoadedInput/rejected``) and load the rest.
    public func load(_ files: InputFiles, skippingInvalidRows: Bool = false) throws(MentorMatchError) -> LoadedInput {
        do {
            return try InputLoader.load(files, skippingInvalidRows: skippingInvalidRows)
        } catch {
            throw .invalidInput(error)
        }
    }
}
