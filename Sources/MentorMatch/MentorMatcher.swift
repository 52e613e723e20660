import Foundation
import GLPKBackend
import LEMONBackend

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

    /// The solvers this matcher may use: ``SolverChoice/lemon`` refuses policies the flow formulation cannot solve.
    public let choice: SolverChoice

    /// A matcher with injected solvers; without a flow solver every policy is solved by `solver`.
    public init(solver: any LinearProgramSolver = GLPKSolver(), flowSolver: (any MinCostFlowSolver)? = LEMONNetworkSimplex()) {
        engine = MatchingEngine(solver: solver, flowSolver: flowSolver)
        choice = flowSolver == nil ? .glpk : .auto
    }

    public init(_ choice: SolverChoice) {
        engine = MatchingEngine(solver: GLPKSolver(), flowSolver: choice == .glpk ? nil : LEMONNetworkSimplex())
        self.choice = choice
    }

    /// Refuses, before anything is solved, what this matcher cannot do with the prepared policy: LEMON alone a
    /// policy that needs GLPK, or keeping flow stages (`--export-flow`) when the policy is not solved as flows.
    /// - Throws: ``MentorMatchError/solverRefused(_:)``.
    public func checkSolvable(
        _ preparation: MatchingEngine.Preparation, keepingFlowStages: Bool = false
    ) throws(MentorMatchError) {
        guard !engine.solvesAsFlow(preparation.policy) else { return }
        if choice == .lemon { throw .solverRefused(SolverRefusal(solver: choice, request: "the lemon solver")) }
        if keepingFlowStages { throw .solverRefused(SolverRefusal(solver: choice, request: "exporting the flows")) }
    }

    /// The matching programme in CPLEX LP format, objective tiers as constraints, for audits with another solver.
    /// - Throws: ``MentorMatchError/formatFailed(_:)`` when the programme cannot be written as LP text.
    public func auditProgramText(_ preparation: MatchingEngine.Preparation) throws(MentorMatchError) -> String {
        do {
            return try CPLEXLPWriter.text(for: preparation.linearProgram().auditProgram(graph: preparation.graph))
        } catch {
            throw .formatFailed(.programText(problem: error.description))
        }
    }

    /// Checks the input and the locked pairs, and builds the candidate graph and programme without solving.
    /// - Parameters:
    ///   - input: the people, places and pair rules.
    ///   - policy: the rules and weights of the run.
    ///   - sources: where the records came from, so that issues name files and lines.
    /// - Throws: ``MentorMatchError/invalidInput(_:)`` listing every problem.
    public func prepare(
        _ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()
    ) throws(MentorMatchError) -> MatchingEngine.Preparation {
        do {
            return try engine.prepare(input, policy: policy, sources: sources)
        } catch .invalidInput(let error) {
            throw .invalidInput(error)
        } catch .impossibleLocks(let conflicts) {
            throw .invalidInput(InputError(issues: conflicts.map { $0.issue(in: sources) }))
        } catch {
            throw .matchingFailed(error)
        }
    }

    /// Builds the matching of input read by ``load(_:skippingInvalidRows:)``.
    public func prepare(_ loaded: LoadedInput) throws(MentorMatchError) -> MatchingEngine.Preparation {
        try prepare(loaded.input, policy: loaded.policy, sources: loaded.sourceMap)
    }

    /// Matches after checking the input.
    public func match(_ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()) throws(MentorMatchError) -> MatchingResult {
        try solve(prepare(input, policy: policy, sources: sources))
    }

    /// Solves a prepared matching, and prices each side constraint of the policy (one more solve per constraint),
    /// so that a constraint that costs young people says so.
    /// - Throws: ``MentorMatchError/solverRefused(_:)`` (see ``checkSolvable(_:keepingFlowStages:)``) or
    ///   ``MentorMatchError/matchingFailed(_:)``.
    /// - Parameters:
    ///   - preparation: the checked input, its candidate graph and programme (``prepare(_:)``).
    ///   - progress: told each stage of the solve and how many independent parts are solved (called from the
    ///     solving threads, one call at a time); the side constraints' pricing solves after it report nothing.
    public func solve(
        _ preparation: MatchingEngine.Preparation, progress: MatchingProgressHandler? = nil
    ) throws(MentorMatchError) -> MatchingResult {
        try checkSolvable(preparation)
        do {
            var result = try engine.match(preparation, progress: progress)
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
        try checkSolvable(preparation, keepingFlowStages: true)
        do {
            var solved = try engine.matchKeepingFlowStages(preparation)
            solved.result.sideConstraintPrices = try engine.sideConstraintPrices(preparation, result: solved.result)
            return solved
        } catch {
            throw .matchingFailed(error)
        }
    }

    /// Matches, then explains one young person's place (`mentormatch explain`).
    /// - Throws: ``MentorMatchError/invalidInput(_:)`` naming the young people's file when no young person has the id,
    ///   or the errors of preparing and of ``solve(_:progress:)``.
    public func explanation(of menteeID: String, _ loaded: LoadedInput) throws(MentorMatchError) -> MenteeExplanation {
        let preparation = try prepare(loaded)
        let result = try solve(preparation)
        guard let explanation = preparation.explain(menteeID: menteeID, in: result) else {
            throw .unknownMentee(menteeID, in: loaded.sourceMap.mentees.described)
        }
        return explanation
    }

    /// The ranked ways to fit one young person into the matching of everyone else (`mentormatch suggest`); `nil`
    /// when no young person has the id.
    public func suggestions(for menteeID: String, _ loaded: LoadedInput) throws(MentorMatchError) -> PlacementSuggestions? {
        _ = try prepare(loaded)  // the input problems of `match`, named by file and line
        do {
            return try engine.suggestions(for: menteeID, loaded.input, policy: loaded.policy, sources: loaded.sourceMap)
        } catch {
            throw .matchingFailed(error)
        }
    }

    /// Reads the files of a run, every problem in every file reported at once.
    /// - Parameters:
    ///   - files: The run's mentors, mentees, places, locks and policy, as paths or bytes.
    ///   - skippingInvalidRows: Set invalid CSV rows aside (`LoadedInput.rejected`) and load the rest.
    public func load(_ files: InputFiles, skippingInvalidRows: Bool = false) throws(MentorMatchError) -> LoadedInput {
        do {
            return try InputLoader.load(files, skippingInvalidRows: skippingInvalidRows)
        } catch {
            throw .invalidInput(error)
        }
    }
}
