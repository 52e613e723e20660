import Foundation
import LinearProgramming
import MentorMatchCore
import NetworkFlow

/// Solves the matching as a sequence of minimum-cost flows: exact, and far faster than a general simplex.
///
/// Lexicographic tiers take two flows. The first maximises served and remote served with weights
/// `served × (R + 1) + remote served` (R: remote young people with a candidate, so one more served outweighs any
/// number of remote ones); the second fixes both totals and maximises `mentors used × (F + 1) + fit` (F: the
/// largest possible fit total). Costs stay below a few hundred million, so integer arithmetic is exact.
///
/// Side constraints keep the network: a minimum per place is a lower bound on the place hub's arc. A minimum remote
/// share `remote ≥ p/q × served` is not a network row, but with served fixed at S it becomes the lower bound
/// ⌈pS/q⌉ on the remote arc. The most remote young people servable with S served, Rmax(S), is concave in S (the
/// value of a parametric min-cost flow), so the S with `q × Rmax(S) ≥ p × S` form an interval: one flow finds a
/// point inside (maximising `q × remote − p × served`), one finds the unconstrained maximum, and a binary search
/// between them finds the largest feasible S. Every step is an exact flow, so the optimum is proven.
///
/// Mentors and young people that share no candidate pair (districts too far apart) form independent parts
/// (``MatchingPart``), solved in parallel with the same tier weights: a network simplex is much faster on many small
/// networks than on their union, and the parts' optima add up to the whole network's. A `min_remote_share` couples
/// every part, so it keeps the whole network.
struct NetworkSolve {
    let solver: any MinCostFlowSolver
    /// Keep each step's network, for `--export-flow`.
    var keepsNetworks = false
    /// Independent components smaller than this share a solver call (``MatchingPart/parts(of:minimumCandidates:)``).
    var minimumCandidatesPerPart: Int

    /// The denominator of a remote share: shares are exact to one millionth.
    static let shareDenominator: Int64 = 1_000_000

    struct Outcome {
        var chosen: [Int]
        var report: SolverReport
        var stages: [FlowStage]
        /// Building the network.
        var modelSeconds: Double
    }

    /// Whether the policy's objective and side constraints fit the network formulation.
    static func supports(_ policy: Policy) -> Bool {
        switch policy.objective.method {
        case .lexicographic:
            // max_changes and a remote share are two counts that bound served from above: not one search.
            if policy.continuity.mode == .minimalChange, policy.continuity.maxChanges != nil,
                policy.sideConstraints.minimumRemoteShare != nil
            {
                return false
            }
            return policy.sideConstraints.minimumRemoteShare.map { shareNumerator($0) != nil } ?? true
        case .weighted:
            return policy.sideConstraints.isEmpty && weightedCosts(policy.objective.tierWeights) != nil
        }
    }

    /// The share in millionths, if it is exactly that.
    static func shareNumerator(_ share: Double) -> Int64? {
        let numerator = (share * Double(shareDenominator)).rounded()
        return abs(numerator / Double(shareDenominator) - share) < 1e-12 ? Int64(numerator) : nil
    }

    /// Tier weights per thousandth of a fit unit as integer costs, if they are whole and modest.
    static func weightedCosts(_ weights: TierWeights) -> (served: Int64, remote: Int64, mentors: Int64, fitPoint: Int64)? {
        let scaled = [weights.served, weights.remoteServed, weights.mentorsUsed].map { $0 * Double(FitScore.pointsPerUnit) }
            + [weights.fit]
        guard scaled.allSatisfy({ $0.rounded() == $0 && abs($0) <= 1e9 }) else { return nil }
        return (Int64(scaled[0]), Int64(scaled[1]), Int64(scaled[2]), Int64(scaled[3]))
    }

    func run(
        graph: CandidateGraph, policy: Policy, continuity: ContinuityPlan, progress: MatchingProgressHandler? = nil
    ) throws(MatchingError) -> Outcome {
        progress?(.buildingModel)
        let started = Date()
        let parts = continuity.couplesParts
            ? [MatchingPart(wholeGraphOf: graph)]
            : MatchingPart.parts(of: graph, minimumCandidates: minimumCandidatesPerPart)
        let networks = ConcurrentChunks.map(count: parts.count) {
            MatchingNetwork(graph: graph, part: parts[$0], continuity: continuity)
        }
        let modelSeconds = Date().timeIntervalSince(started)
        let scales = TierScales(graph: graph, previousSuggestions: continuity.previousPairs.count)
        let fitPoints = graph.candidates.map(\.fitPoints)
        let counter = progress.map { PartCounter(total: parts.count, report: $0) }
        let outcomes = ConcurrentChunks.map(count: parts.count) { [self] index -> Result<FlowRun, MatchingError> in
            var run = FlowRun(
                solver: solver, keepsNetworks: keepsNetworks, model: networks[index], scales: scales,
                minimumKept: continuity.minimumKept
            )
            do throws(MatchingError) {
                try run.solveTiers(policy: policy, fitPoints: fitPoints)
                counter?.partSolved()
                return .success(run)
            } catch {
                return .failure(error)
            }
        }
        var runs: [FlowRun] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let run): runs.append(run)
            case .failure(let error): throw error
            }
        }
        let chosen = runs.flatMap(\.chosen).sorted()
        let steps = Self.combinedSteps(runs.map(\.steps))
        let fitTotal = chosen.reduce(0) { $0 + fitPoints[$1] }
        let objective = policy.objective.method == .lexicographic
            ? Double(fitTotal) : (steps.last?.objectiveValue ?? 0) / Double(FitScore.pointsPerUnit)
        let arcs = networks.reduce(0) { $0 + $1.network.arcCount }
        let report = SolverReport(
            solver: solver.name, method: policy.objective.method, status: .optimal, objective: objective,
            bound: objective, isMixedInteger: false, variables: arcs,
            constraints: networks.reduce(0) { $0 + $1.network.nodeCount }, nonZeros: 2 * arcs, steps: steps
        )
        let stages = keepsNetworks ? Self.combinedStages(runs, graph: graph) : []
        return Outcome(chosen: chosen, report: report, stages: stages, modelSeconds: modelSeconds)
    }

    /// One step per objective over all parts: values and solver seconds summed.
    private static func combinedSteps(_ stepsOfParts: [[SolveStep]]) -> [SolveStep] {
        var combined: [SolveStep] = []
        for steps in stepsOfParts {
            for step in steps {
                guard let index = combined.firstIndex(where: { $0.objective == step.objective }) else {
                    combined.append(step)
                    continue
                }
                combined[index].objectiveValue = combined[index].objectiveValue.flatMap { total in
                    step.objectiveValue.map { total + $0 }
                }
                combined[index].bound = combined[index].objectiveValue
                combined[index].seconds += step.seconds
            }
        }
        return combined
    }

    /// Each stage as one network over the whole graph: the disjoint union of the parts' networks, with mentors first
    /// and young people next in input order, so that other solvers can check the stage's optimum on one file.
    private static func combinedStages(_ runs: [FlowRun], graph: CandidateGraph) -> [FlowStage] {
        let mentorCount = graph.rules.input.mentors.count
        let menteeCount = graph.rules.input.mentees.count
        return runs[0].stages.indices.map { stageIndex in
            var network = FlowNetwork()
            for _ in 0..<(mentorCount + menteeCount) { network.addNode() }
            var cost: Int64 = 0
            var seconds = 0.0
            for run in runs {
                let stage = run.stages[stageIndex]
                let part = run.model.part
                let nodes = (0..<stage.network.nodeCount).map { node in
                    if stage.mentorNodes.contains(node) { return part.mentorIndices[node - stage.mentorNodes.lowerBound] }
                    if stage.menteeNodes.contains(node) {
                        return mentorCount + part.menteeIndices[node - stage.menteeNodes.lowerBound]
                    }
                    return network.addNode()
                }
                for node in 0..<stage.network.nodeCount { network.setSupply(stage.network.supplies[node], of: nodes[node]) }
                for arc in 0..<stage.network.arcCount {
                    network.addArc(
                        from: nodes[Int(stage.network.tails[arc])], to: nodes[Int(stage.network.heads[arc])],
                        lower: Int(stage.network.lowers[arc]), upper: Int(stage.network.uppers[arc]),
                        cost: stage.network.costs[arc]
                    )
                }
                cost += stage.cost
                seconds += stage.seconds
            }
            return FlowStage(
                name: runs[0].stages[stageIndex].name, network: network, cost: cost, seconds: seconds,
                mentorNodes: 0..<mentorCount, menteeNodes: mentorCount..<(mentorCount + menteeCount)
            )
        }
    }
}

/// The network of one part and the record of the flows solved on it.
private struct FlowRun {
    let solver: any MinCostFlowSolver
    let keepsNetworks: Bool
    var model: MatchingNetwork
    let scales: TierScales
    /// `max_changes` as the fewest eligible current pairs to keep (the part is the whole graph then).
    let minimumKept: Int?
    var steps: [SolveStep] = []
    var stages: [FlowStage] = []
    /// The graph's candidates in the optimal matching of this part.
    var chosen: [Int] = []

    /// Solves the policy's objective: one weighted flow, or the lexicographic tiers in two.
    mutating func solveTiers(policy: Policy, fitPoints: [Int]) throws(MatchingError) {
        let finalFlows: [Int32]
        switch policy.objective.method {
        case .weighted:
            let costs = NetworkSolve.weightedCosts(policy.objective.tierWeights)!
            model.setCosts(
                served: -costs.served, remoteServed: -costs.remote, mentorsUsed: -costs.mentors,
                fitPoint: -costs.fitPoint, fitPoints: fitPoints
            )
            guard let flows = try solve("weighted") else { throw .sideConstraintsUnmet }
            finalFlows = flows
        case .lexicographic:
            let (served, remote) = try maximiseServed(policy: policy)
            model.fix(model.servedArc, at: served)
            if model.hasContinuityTiers {
                finalFlows = try solveContinuityTiers(served: served, remote: remote, policy: policy, fitPoints: fitPoints)
            } else {
                model.fix(model.remoteServedArc, at: remote)
                model.setCosts(mentorsUsed: -scales.mentorsUsed, fitPoint: -1, fitPoints: fitPoints)
                guard let flows = try solve("mentors_used+fit") else { throw Self.lostTotals }
                finalFlows = flows
            }
        }
        chosen = model.chosenCandidates(finalFlows)
    }

    static let lostTotals = MatchingError.solverFailed("a later flow lost the totals an earlier one proved feasible")

    /// The tiers after served when current pairs (minimal_change) or previous suggestions are ranked: served is
    /// fixed; kept current pairs, then remote served (flow 1); mentors used with kept pairs above it (flow 2); then
    /// previous suggestions and fit with kept pairs above both (flow 3). A tier that is not one arc stays on top of
    /// the later costs with a weight larger than everything below it, so no later flow can trade it away.
    private mutating func solveContinuityTiers(
        served: Int, remote: Int, policy: Policy, fitPoints: [Int]
    ) throws(MatchingError) -> [Int32] {
        let remoteArc = model.remoteServedArc
        var remote = remote
        if !model.currentArcs.isEmpty {
            if let share = policy.sideConstraints.minimumRemoteShare, let numerator = NetworkSolve.shareNumerator(share) {
                // remote ≥ p/q × served, with served fixed: a lower bound on the remote arc.
                let least = (numerator * Int64(served) + NetworkSolve.shareDenominator - 1) / NetworkSolve.shareDenominator
                model.network.setBounds(ofArc: remoteArc, lower: Int(least), upper: Int(model.network.uppers[remoteArc]))
            }
            model.setCosts(remoteServed: -1, keptCurrent: -scales.served, fitPoints: fitPoints)
            guard let flows = try solve("kept_current+remote_served") else { throw Self.lostTotals }
            remote = Int(flows[remoteArc])
        }
        model.fix(remoteArc, at: remote)
        model.setCosts(mentorsUsed: -1, keptCurrent: -scales.keptCurrentOverMentors, fitPoints: fitPoints)
        guard let mentorsFlows = try solve("kept_current+mentors_used") else { throw Self.lostTotals }
        model.fix(model.mentorsUsedArc, at: Int(mentorsFlows[model.mentorsUsedArc]))
        model.setCosts(
            keptCurrent: -scales.keptCurrentOverPrevious, keptPrevious: -scales.mentorsUsed, fitPoint: -1,
            fitPoints: fitPoints
        )
        guard let flows = try solve("kept_current+kept_previous+fit") else { throw Self.lostTotals }
        return flows
    }

    /// The optimal flows of the network as it stands, or `nil` when it has no feasible flow.
    mutating func solve(_ name: String) throws(MatchingError) -> [Int32]? {
        let started = Date()
        let solution: FlowSolution
        do {
            solution = try solver.solve(model.network)
        } catch {
            throw .solverFailed(error.description)
        }
        let value = solution.status == .optimal ? Double(-solution.totalCost) : nil
        steps.append(
            SolveStep(
                objective: name, termination: solution.status == .optimal ? .optimal : .infeasible,
                objectiveValue: value, bound: value, seconds: Date().timeIntervalSince(started)
            )
        )
        switch solution.status {
        case .optimal:
            if keepsNetworks { stages.append(
                    FlowStage(
                        name: name, network: model.network, cost: solution.totalCost, seconds: steps[steps.count - 1].seconds,
                        mentorNodes: model.mentorNodes,
                        menteeNodes: model.menteeNodes
                    )
                ) }
            return solution.flows
        case .infeasible: return nil
        case .unbounded: throw .solverFailed("\(solver.name) reported an unbounded flow; every arc is bounded")
        }
    }

    /// The lexicographic first two tiers under the side constraints: the most served, then the most remote served.
    mutating func maximiseServed(policy: Policy) throws(MatchingError) -> (served: Int, remote: Int) {
        let servedArc = model.servedArc
        let remoteArc = model.remoteServedArc
        model.setCosts(served: -scales.served, remoteServed: -1, fitPoints: [])
        guard let best = try solve("served+remote_served") else { throw .sideConstraintsUnmet }
        let unconstrained = (served: Int(best[servedArc]), remote: Int(best[remoteArc]))
        if let minimumKept, !model.currentArcs.isEmpty {
            return (try largestServed(keeping: minimumKept, unconstrained: unconstrained.served), unconstrained.remote)
        }
        guard let share = policy.sideConstraints.minimumRemoteShare,
            let numerator = NetworkSolve.shareNumerator(share)
        else { return unconstrained }
        func meetsShare(_ served: Int, _ remote: Int) -> Bool {
            NetworkSolve.shareDenominator * Int64(remote) >= numerator * Int64(served)
        }
        if meetsShare(unconstrained.served, unconstrained.remote) { return unconstrained }

        model.setCosts(served: numerator, remoteServed: -NetworkSolve.shareDenominator, fitPoints: [])
        guard let peak = try solve("remote_share_margin") else { throw .sideConstraintsUnmet }
        var feasible = (served: Int(peak[servedArc]), remote: Int(peak[remoteArc]))
        guard meetsShare(feasible.served, feasible.remote) else { throw .sideConstraintsUnmet }
        var infeasibleServed = unconstrained.served
        let servedBounds = (lower: Int(model.network.lowers[servedArc]), upper: Int(model.network.uppers[servedArc]))
        model.setCosts(remoteServed: -1, fitPoints: [])
        while infeasibleServed - feasible.served > 1 {
            let middle = (feasible.served + infeasibleServed) / 2
            model.fix(servedArc, at: middle)
            guard let flows = try solve("remote_served_at_\(middle)") else {
                throw .solverFailed("a served total between two feasible ones was infeasible")
            }
            let remote = Int(flows[remoteArc])
            if meetsShare(middle, remote) { feasible = (middle, remote) } else { infeasibleServed = middle }
        }
        model.network.setBounds(ofArc: servedArc, lower: servedBounds.lower, upper: servedBounds.upper)
        return feasible
    }

    /// The most young people served by an answer that keeps at least `minimumKept` current pairs (`max_changes`).
    ///
    /// The most current pairs kept with S served, K(S), is concave in S (a parametric min-cost flow), so the S
    /// with K(S) ≥ minimumKept form an interval: the flow keeping the most pairs finds a point inside, and a
    /// binary search between it and the unconstrained maximum finds the largest.
    mutating func largestServed(keeping minimumKept: Int, unconstrained: Int) throws(MatchingError) -> Int {
        let servedArc = model.servedArc
        let servedBounds = (lower: Int(model.network.lowers[servedArc]), upper: Int(model.network.uppers[servedArc]))
        defer { model.network.setBounds(ofArc: servedArc, lower: servedBounds.lower, upper: servedBounds.upper) }
        func mostKept(serving served: Int) throws(MatchingError) -> Int? {
            model.fix(servedArc, at: served)
            model.setCosts(keptCurrent: -1, fitPoints: [])
            return try solve("kept_current_at_\(served)").map { model.count(of: model.currentArcs, in: $0) }
        }
        guard let keptAtMost = try mostKept(serving: unconstrained) else { throw FlowRun.lostTotals }
        if keptAtMost >= minimumKept { return unconstrained }
        model.network.setBounds(ofArc: servedArc, lower: servedBounds.lower, upper: servedBounds.upper)
        model.setCosts(served: -1, keptCurrent: -Int64(model.part.menteeIndices.count + 1), fitPoints: [])
        guard let peak = try solve("kept_current+served") else { throw .sideConstraintsUnmet }
        guard model.count(of: model.currentArcs, in: peak) >= minimumKept else { throw .sideConstraintsUnmet }
        var feasible = Int(peak[servedArc])
        var infeasible = unconstrained
        while infeasible - feasible > 1 {
            let middle = (feasible + infeasible) / 2
            guard let kept = try mostKept(serving: middle) else {
                throw .solverFailed("a served total between two feasible ones was infeasible")
            }
            if kept >= minimumKept { feasible = middle } else { infeasible = middle }
        }
        return feasible
    }
}

/// One flow solved during a run, kept for export and comparison with other solvers.
public struct FlowStage: Sendable {
    public var name: String
    public var network: FlowNetwork
    /// The optimal Σ cost × flow.
    public var cost: Int64
    /// How long the solver took.
    public var seconds: Double
    /// The nodes of mentors and of young people (arcs between them are candidate pairs).
    public var mentorNodes: Range<Int>
    public var menteeNodes: Range<Int>

    /// The network in DIMACS minimum-cost flow format, with the stage and node ranges (1-based) as comments.
    public var dimacsText: String {
        DIMACSWriter.text(
            for: network,
            comments: [
                "MentorMatch flow stage \(name); optimal cost \(cost)",
                "mentors \(mentorNodes.lowerBound + 1) \(mentorNodes.upperBound)",
                "mentees \(menteeNodes.lowerBound + 1) \(menteeNodes.upperBound)",
            ]
        )
    }
}
