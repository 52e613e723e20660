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

    func run(graph: CandidateGraph, policy: Policy) throws(MatchingError) -> Outcome {
        let started = Date()
        let parts = MatchingPart.parts(of: graph, minimumCandidates: minimumCandidatesPerPart)
        let networks = ConcurrentChunks.map(count: parts.count) { MatchingNetwork(graph: graph, part: parts[$0]) }
        let modelSeconds = Date().timeIntervalSince(started)
        let scales = TierScales(graph: graph)
        let fitPoints = graph.candidates.map(\.fit.points)
        let outcomes = ConcurrentChunks.map(count: parts.count) { [self] index -> Result<FlowRun, MatchingError> in
            var run = FlowRun(solver: solver, keepsNetworks: keepsNetworks, model: networks[index], scales: scales)
            do throws(MatchingError) {
                try run.solveTiers(policy: policy, fitPoints: fitPoints)
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
            model.fix(model.remoteServedArc, at: remote)
            model.setCosts(mentorsUsed: -scales.mentorsUsed, fitPoint: -1, fitPoints: fitPoints)
            guard let flows = try solve("mentors_used+fit") else {
                throw .solverFailed("the second flow lost the totals the first proved feasible")
            }
            finalFlows = flows
        }
        chosen = model.chosenCandidates(finalFlows)
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
