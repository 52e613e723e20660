import Foundation
import LinearProgramming
import MentorMatchCore

/// Finds provably optimal pairings and explains them.
///
/// The engine sorts mentors and mentees by id, builds the candidate graph under the policy's hard rules, solves the
/// matching programme with the injected solver, and explains every pair and every young person left unmatched.
public struct MatchingEngine: Sendable {
    public let solver: any LinearProgramSolver

    public init(solver: any LinearProgramSolver) {
        self.solver = solver
    }

    /// The candidate graph and programme of an input, before solving: for audits (`--write-lp`) and explanations.
    public struct Preparation: Sendable {
        /// The input with mentors and mentees sorted by id.
        public let input: MatchingInput
        public let policy: Policy
        public let graph: CandidateGraph
        public let model: MatchingProgram
        public let timings: StageTimings
    }

    /// Checks the input and policy, sorts the input, builds candidates and the programme, and checks the locked pairs.
    /// - Parameter sources: where the records came from, so that input issues name files and lines.
    /// - Throws: ``MatchingError/invalidInput(_:)`` listing every input problem, or
    ///   ``MatchingError/impossibleLocks(_:)`` when a locked pair breaks a hard rule.
    public func prepare(
        _ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()
    ) throws(MatchingError) -> Preparation {
        let issues = InputValidator.issues(in: input, policy: policy, sources: sources)
            + InputValidator.issues(in: policy, source: sources.policy)
        guard issues.isEmpty else { throw .invalidInput(InputError(issues: issues)) }
        var timings = StageTimings()
        var clock = Date()
        var sorted = input
        sorted.mentors.sort { $0.id < $1.id }
        sorted.mentees.sort { $0.id < $1.id }
        let graph = CandidateGraph(rules: CompatibilityRules(input: sorted, policy: policy))
        let conflicts = Self.lockConflicts(graph)
        if !conflicts.isEmpty { throw .impossibleLocks(conflicts) }
        timings.candidates = Date().timeIntervalSince(clock)
        clock = Date()
        let model = MatchingProgram(graph: graph)
        timings.model = Date().timeIntervalSince(clock)
        return Preparation(input: sorted, policy: policy, graph: graph, model: model, timings: timings)
    }

    /// Matches mentors and young people.
    /// - Throws: ``MatchingError`` for invalid input, impossible locks, infeasible side constraints or a solver
    ///   failure.
    public func match(
        _ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()
    ) throws(MatchingError) -> MatchingResult {
        try match(prepare(input, policy: policy, sources: sources))
    }

    /// Solves a prepared matching.
    public func match(_ preparation: Preparation) throws(MatchingError) -> MatchingResult {
        var timings = preparation.timings
        var clock = Date()
        let graph = preparation.graph
        let fitPoints = graph.candidates.map(\.fit.points)
        let outcome = try TieredSolve(solver: solver, timeLimitSeconds: preparation.policy.timeLimitSeconds)
            .run(preparation.model, fitPoints: fitPoints, objective: preparation.policy.objective)
        var chosen: [Int] = []
        for (candidateIndex, variable) in preparation.model.pairVariables.enumerated() {
            let value = outcome.values[variable.index]
            guard abs(value - value.rounded()) < 1e-6 else {
                throw .solverFailed("\(solver.name) returned a fractional pair value \(value); the programme should be integral")
            }
            if value > 0.5 { chosen.append(candidateIndex) }
        }
        timings.solve = Date().timeIntervalSince(clock)
        clock = Date()
        var result = ResultAssembler(graph: graph, chosen: chosen).assemble(report: outcome.report)
        timings.explanations = Date().timeIntervalSince(clock)
        result.timings = timings
        return result
    }

    /// Locked pairs must be candidates. (Input validation has already checked ids and capacities.)
    static func lockConflicts(_ graph: CandidateGraph) -> [LockConflict] {
        let input = graph.rules.input
        let mentorIndex = Dictionary(input.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let menteeIndex = Dictionary(input.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var conflicts: [LockConflict] = []
        for (ruleIndex, rule) in input.pairRules.enumerated() where rule.kind == .lock {
            guard let mentor = mentorIndex[rule.mentorID], let mentee = menteeIndex[rule.menteeID] else { continue }
            let assessment = graph.rules.assess(mentorIndex: mentor, menteeIndex: mentee)
            if !assessment.isCandidate {
                let details = RuleWording(rules: graph.rules).details(of: assessment)
                conflicts.append(
                    LockConflict(
                        mentorID: rule.mentorID, menteeID: rule.menteeID, ruleIndex: ruleIndex,
                        problem: "breaks \(assessment.failedRules.map(\.rawValue).joined(separator: ", ")) ("
                            + details.joined(separator: "; ") + ")",
                        fix: "remove the lock, or change the policy or the people's data so the pair is allowed"
                    )
                )
            }
        }
        return conflicts
    }
}
