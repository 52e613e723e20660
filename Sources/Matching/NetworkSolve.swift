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
struct NetworkSolve {
    let solver: any MinCostFlowSolver
    /// Keep each step's network, for `--export-flow`.
    var keepsNetworks = false

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
        var run = FlowRun(solver: solver, keepsNetworks: keepsNetworks, model: MatchingNetwork(graph: graph))
        let modelSeconds = Date().timeIntervalSince(started)
        let fitPoints = graph.candidates.map(\.fit.points)
        let finalFlows: [Int32]
        switch policy.objective.method {
        case .weighted:
            let costs = Self.weightedCosts(policy.objective.tierWeights)!
            run.model.setCosts(
                served: -costs.served, remoteServed: -costs.remote, mentorsUsed: -costs.mentors,
                fitPoint: -costs.fitPoint, fitPoints: fitPoints
            )
            guard let flows = try run.solve("weighted") else { throw .sideConstraintsUnmet }
            finalFlows = flows
        case .lexicographic:
            let (served, remote) = try run.maximiseServed(policy: policy)
            run.model.fix(run.model.servedArc, at: served)
            run.model.fix(run.model.remoteServedArc, at: remote)
            run.model.setCosts(mentorsUsed: -Int64(run.model.largestFitTotal + 1), fitPoint: -1, fitPoints: fitPoints)
            guard let flows = try run.solve("mentors_used+fit") else {
                throw .solverFailed("the second flow lost the totals the first proved feasible")
            }
            finalFlows = flows
        }
        let chosen = run.model.chosenCandidates(finalFlows)
        let fitTotal = chosen.reduce(0) { $0 + fitPoints[$1] }
        let objective = policy.objective.method == .lexicographic
            ? Double(fitTotal) : (run.steps.last?.objectiveValue ?? 0) / Double(FitScore.pointsPerUnit)
        let network = run.model.network
        let report = SolverReport(
            solver: solver.name, method: policy.objective.method.rawValue, status: .optimal, objective: objective,
            bound: objective, isMixedInteger: false, variables: network.arcCount, constraints: network.nodeCount,
            nonZeros: 2 * network.arcCount, steps: run.steps
        )
        return Outcome(chosen: chosen, report: report, stages: run.stages, modelSeconds: modelSeconds)
    }

}

/// The network and the record of the flows solved on it during one run.
private struct FlowRun {
    let solver: any MinCostFlowSolver
    let keepsNetworks: Bool
    var model: MatchingNetwork
    var steps: [SolveStep] = []
    var stages: [FlowStage] = []

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
        model.setCosts(served: -Int64(model.remoteWithCandidates + 1), remoteServed: -1, fitPoints: [])
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
