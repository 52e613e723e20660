import Foundation
import LinearProgramming
import MentorMatchCore
import NetworkFlow

/// Finds provably optimal pairings and explains them.
///
/// The engine sorts mentors and mentees by id, builds the candidate graph under the policy's hard rules, solves the
/// matching with the injected solvers, and explains every pair and every young person left unmatched.
///
/// With a flow solver, every policy the network formulation covers (``NetworkSolve``) is solved as minimum-cost
/// flows; the linear-programming solver takes the rest (weighted objectives with side constraints or fractional
/// weights) and audits.
public struct MatchingEngine: Sendable {
    public let solver: any LinearProgramSolver
    public let flowSolver: (any MinCostFlowSolver)?
    /// On the flow path, independent components with fewer candidate pairs than this share a solver call; larger
    /// ones are solved on their own, in parallel (1: every component alone).
    public let minimumCandidatesPerPart: Int

    public init(
        solver: any LinearProgramSolver, flowSolver: (any MinCostFlowSolver)? = nil,
        minimumCandidatesPerPart: Int = 20_000
    ) {
        self.solver = solver
        self.flowSolver = flowSolver
        self.minimumCandidatesPerPart = max(1, minimumCandidatesPerPart)
    }

    /// Whether ``match(_:keepingFlowStages:)`` solves this policy with the flow solver.
    public func solvesAsFlow(_ policy: Policy) -> Bool {
        flowSolver != nil && NetworkSolve.supports(policy)
    }

    /// The candidate graph and programme of an input, before solving: for audits (`--write-lp`) and explanations.
    public struct Preparation: Sendable {
        /// The input with mentors and mentees sorted by id.
        public let input: MatchingInput
        public let policy: Policy
        public let graph: CandidateGraph
        /// What becomes of each current pair, and which earlier suggestions the run prefers to keep.
        public let continuity: ContinuityPlan
        public let timings: StageTimings

        /// The matching as a linear programme (built on request: large graphs are solved as flows without it).
        public func linearProgram() -> MatchingProgram { MatchingProgram(graph: graph, continuity: continuity) }

        /// The matching as a flow network, before any objective is set: what the flow path builds (for benchmarks).
        public func flowNetwork() -> FlowNetwork {
            MatchingNetwork(graph: graph, part: MatchingPart(wholeGraphOf: graph), continuity: continuity).network
        }
    }

    /// Checks the input and policy, sorts the input, builds candidates and the programme, and checks the locked pairs.
    /// - Parameter sources: where the records came from, so that input issues name files and lines.
    /// - Throws: ``MatchingError/invalidInput(_:)`` listing every input problem, or
    ///   ``MatchingError/impossibleLocks(_:)`` when a locked pair breaks a hard rule (with other problems of the
    ///   locks, such as a mentor locked beyond capacity, the conflicts are among the input problems).
    public func prepare(
        _ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()
    ) throws(MatchingError) -> Preparation {
        // The input validator checks the policy too.
        let issues = InputValidator.issues(in: input, policy: policy, sources: sources)
        guard issues.isEmpty else {
            let conflicts = Self.lockConflictIssues(input, policy: policy, sources: sources)
            throw .invalidInput(InputError(issues: conflicts.isEmpty ? issues : Self.byLine(issues + conflicts)))
        }
        var timings = StageTimings()
        let clock = Date()
        var sorted = input
        // Only when out of order: sorting copies every person first, and most inputs come sorted.
        if !Self.isSortedByID(sorted.mentors) { sorted.mentors.sort { $0.id < $1.id } }
        if !Self.isSortedByID(sorted.mentees) { sorted.mentees.sort { $0.id < $1.id } }
        // The fit scorer's columns of the people are made beside the rules' columns, on another core.
        let (scorer, firstRules) = ConcurrentChunks.both(
            { [sorted] in IndexedFitScorer(input: sorted, policy: policy) }, { CompatibilityRules(input: sorted, policy: policy) })
        var rules = firstRules
        let continuity = ContinuityPlan(input: sorted, policy: policy, rules: rules)
        // Under `keep`, the current pairs still allowed are held exactly as locks are.
        let held = continuity.heldPairRules
        if !held.isEmpty {
            var holding = sorted
            holding.pairRules += held
            rules = CompatibilityRules(input: holding, policy: policy)
        }
        let graph = CandidateGraph(rules: rules, scorer: scorer)
        let conflicts = Self.lockConflicts(graph.rules)
        if !conflicts.isEmpty { throw .impossibleLocks(conflicts) }
        timings.candidates = Date().timeIntervalSince(clock)
        return Preparation(input: sorted, policy: policy, graph: graph, continuity: continuity, timings: timings)
    }

    private static func isSortedByID<Person: Identifiable>(_ people: [Person]) -> Bool where Person.ID == String {
        people.indices.dropFirst().allSatisfy { people[$0 - 1].id < people[$0].id }
    }

    /// Matches mentors and young people.
    /// - Throws: ``MatchingError`` for invalid input, impossible locks, infeasible side constraints or a solver
    ///   failure.
    public func match(
        _ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()
    ) throws(MatchingError) -> MatchingResult {
        try match(prepare(input, policy: policy, sources: sources))
    }

    /// Solves a prepared matching, telling `progress` (when given) each stage and how many parts are solved.
    public func match(_ preparation: Preparation, progress: MatchingProgressHandler? = nil) throws(MatchingError) -> MatchingResult {
        try solve(preparation, keepingFlowStages: false, progress: progress).result
    }

    /// Solves a prepared matching and keeps every flow solved on the way (none on the LP path), so that other
    /// solvers can be checked against the same networks (`--export-flow`).
    public func matchKeepingFlowStages(
        _ preparation: Preparation
    ) throws(MatchingError) -> (result: MatchingResult, stages: [FlowStage]) {
        try solve(preparation, keepingFlowStages: true)
    }

    private func solve(
        _ preparation: Preparation, keepingFlowStages: Bool, progress: MatchingProgressHandler? = nil
    ) throws(MatchingError) -> (result: MatchingResult, stages: [FlowStage]) {
        var timings = preparation.timings
        var clock = Date()
        let graph = preparation.graph
        let chosen: [Int]
        let report: SolverReport
        var stages: [FlowStage] = []
        if let flowSolver, NetworkSolve.supports(preparation.policy) {
            let outcome = try NetworkSolve(
                solver: flowSolver, keepsNetworks: keepingFlowStages, minimumCandidatesPerPart: minimumCandidatesPerPart
            )
                .run(graph: graph, policy: preparation.policy, continuity: preparation.continuity, progress: progress)
            (chosen, report, stages) = (outcome.chosen, outcome.report, outcome.stages)
            timings.model = outcome.modelSeconds
            timings.solve = Date().timeIntervalSince(clock) - outcome.modelSeconds
        } else {
            progress?(.buildingModel)
            let model = preparation.linearProgram()
            timings.model = Date().timeIntervalSince(clock)
            clock = Date()
            let counter = progress.map { PartCounter(total: 1, report: $0) }
            let outcome = try TieredSolve(solver: solver, timeLimitSeconds: preparation.policy.timeLimitSeconds)
                .run(model, fitPoints: graph.candidates.map(\.fitPoints), objective: preparation.policy.objective)
            var pairs: [Int] = []
            for (candidateIndex, variable) in model.pairVariables.enumerated() {
                let value = outcome.values[variable.index]
                guard abs(value - value.rounded()) < 1e-6 else {
                    throw .solverFailed("\(solver.name) returned a fractional pair value \(value); the programme should be integral")
                }
                if value > 0.5 { pairs.append(candidateIndex) }
            }
            (chosen, report) = (pairs, outcome.report)
            counter?.partSolved()
            timings.solve = Date().timeIntervalSince(clock)
        }
        progress?(.explaining)
        clock = Date()
        var result = ResultAssembler(graph: graph, chosen: chosen, continuity: preparation.continuity)
            .assemble(report: report)
        timings.explanations = Date().timeIntervalSince(clock)
        result.timings = timings
        return (result, stages)
    }

    /// Locked pairs must be candidates. (Input validation has already checked ids and capacities.)
    /// The hard rules that locks break, as issues, so that they are reported together with the locks' other problems;
    /// none when the people, places or policy have problems of their own, which would make the rules' verdicts wrong.
    private static func lockConflictIssues(_ input: MatchingInput, policy: Policy, sources: SourceMap) -> [InputIssue] {
        guard input.pairRules.contains(where: { $0.kind == .lock }) else { return [] }
        var people = input
        people.pairRules = []
        people.currentPairs = []
        people.previousSuggestions = []
        guard InputValidator.issues(in: people, policy: policy, sources: sources).isEmpty else { return [] }
        // A lock on a forbidden pair is one of the validator's issues already; without the forbids it is not repeated.
        let lockIndices = input.pairRules.indices.filter { input.pairRules[$0].kind == .lock }
        people.pairRules = lockIndices.map { input.pairRules[$0] }
        return lockConflicts(CompatibilityRules(input: people, policy: policy)).map { conflict in
            var conflict = conflict
            conflict.ruleIndex = lockIndices[conflict.ruleIndex]
            return conflict.issue(in: sources)
        }
    }

    /// Stable order by source (as they first appear), then line.
    private static func byLine(_ issues: [InputIssue]) -> [InputIssue] {
        var rank: [String: Int] = [:]
        for issue in issues where rank[issue.source] == nil { rank[issue.source] = rank.count }
        return issues.enumerated().sorted { lhs, rhs in
            (rank[lhs.element.source] ?? 0, lhs.element.line ?? 0, lhs.offset)
                < (rank[rhs.element.source] ?? 0, rhs.element.line ?? 0, rhs.offset)
        }.map(\.element)
    }

    static func lockConflicts(_ rules: CompatibilityRules) -> [LockConflict] {
        let input = rules.input
        guard input.pairRules.contains(where: { $0.kind == .lock }) else { return [] }
        let (mentorIndex, menteeIndex) = (input.mentorIndexByID, input.menteeIndexByID)
        var conflicts: [LockConflict] = []
        for (ruleIndex, rule) in input.pairRules.enumerated() where rule.kind == .lock {
            guard let mentor = mentorIndex[rule.mentorID], let mentee = menteeIndex[rule.menteeID] else { continue }
            let assessment = rules.assess(mentorIndex: mentor, menteeIndex: mentee)
            if !assessment.isCandidate {
                let details = RuleWording(rules: rules).details(of: assessment)
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
