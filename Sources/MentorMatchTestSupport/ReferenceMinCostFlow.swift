import Matching
import MentorMatchCore

/// The optimum of every tier by an exact minimum-cost flow, written from scratch: successive shortest paths found
/// by Bellman–Ford, in whole numbers.
///
/// Network: source → mentor by a "first place" arc (capacity 1, cost −W3) and a "more places" arc (the rest of the
/// capacity, cost 0); mentor → young person for every pair the ``SolutionChecker`` allows (capacity 1, cost minus
/// the pair's fit points); young person → sink (capacity 1, cost −W1 − W2 for a remote young person, −W1
/// otherwise). Locked pairs are assigned first: their young people leave the network and their mentors' capacities
/// shrink, and a mentor with a locked pair is already used, so their first place carries no bonus. Side constraints
/// are ignored: for a policy with side constraints the result is an upper bound.
public enum ReferenceMinCostFlow {
    /// An optimal assignment and its tiers.
    public struct Outcome: Sendable, Hashable {
        public var tiers: TierValues
        /// Sorted by mentor id, then mentee id.
        public var pairs: [Pairing]
    }

    /// Maximises served, then remote served, then mentors used, then fit, holding every lock and capacity.
    /// - Returns: `nil` when the locks cannot all hold (a lock the checker does not allow, two locks on one young
    ///   person, or more locks than a mentor's capacity).
    /// - Complexity: O(served × nodes × arcs).
    public static func solve(_ checker: SolutionChecker) -> Outcome? {
        let mentors = checker.input.mentors
        let mentees = checker.input.mentees
        var remainingCapacity = mentors.indices.map { checker.capacity(mentorIndex: $0) }
        var lockedMentor = [Int?](repeating: nil, count: mentees.count)
        for lock in checker.lockedPairs {
            guard let mentor = checker.mentorIndex(of: lock.mentorID), let mentee = checker.menteeIndex(of: lock.menteeID),
                checker.isAllowed(mentorIndex: mentor, menteeIndex: mentee), lockedMentor[mentee] == nil,
                remainingCapacity[mentor] > 0
            else { return nil }
            lockedMentor[mentee] = mentor
            remainingCapacity[mentor] -= 1
        }
        let usedByLocks = Set(lockedMentor.compactMap { $0 })

        // A unit of a higher tier must outweigh the largest possible swing of all lower tiers together. The free
        // pairs' fit lies in 0...N·1000 points, mentors used in 0...M and remote served in 0...N, so
        // W3 > N·1000, W2 > M·W3 + N·1000 and W1 > N·W2 + M·W3 + N·1000.
        let fitSwing = mentees.count * FitScore.pointsPerUnit
        let mentorWeight = fitSwing + 1
        let remoteWeight = mentors.count * mentorWeight + fitSwing + 1
        let servedWeight = mentees.count * remoteWeight + mentors.count * mentorWeight + fitSwing + 1

        var network = ResidualNetwork(nodeCount: 2 + mentors.count + mentees.count)
        let source = 0
        let sink = 1
        func mentorNode(_ index: Int) -> Int { 2 + index }
        func menteeNode(_ index: Int) -> Int { 2 + mentors.count + index }
        for mentor in mentors.indices where remainingCapacity[mentor] > 0 {
            if usedByLocks.contains(mentor) {
                network.addArc(from: source, to: mentorNode(mentor), capacity: remainingCapacity[mentor], cost: 0)
            } else {
                network.addArc(from: source, to: mentorNode(mentor), capacity: 1, cost: -mentorWeight)
                network.addArc(from: source, to: mentorNode(mentor), capacity: remainingCapacity[mentor] - 1, cost: 0)
            }
        }
        var pairArcs: [(arc: Int, mentor: Int, mentee: Int)] = []
        for mentee in mentees.indices where lockedMentor[mentee] == nil {
            for mentor in checker.allowedMentorIndices(menteeIndex: mentee) {
                let arc = network.addArc(
                    from: mentorNode(mentor), to: menteeNode(mentee), capacity: 1,
                    cost: -checker.fitPoints(mentorIndex: mentor, menteeIndex: mentee)
                )
                pairArcs.append((arc, mentor, mentee))
            }
            let remoteBonus = checker.isRemote(menteeIndex: mentee) ? remoteWeight : 0
            network.addArc(from: menteeNode(mentee), to: sink, capacity: 1, cost: -servedWeight - remoteBonus)
        }
        network.augmentWhileProfitable(from: source, to: sink)

        var assignment = lockedMentor
        for pair in pairArcs where network.flow(on: pair.arc) > 0 {
            assignment[pair.mentee] = pair.mentor
        }
        let pairs = mentees.indices.compactMap { mentee in
            assignment[mentee].map { Pairing(mentorID: mentors[$0].id, menteeID: mentees[mentee].id) }
        }
        return Outcome(tiers: checker.tiers(of: pairs), pairs: pairs.sorted())
    }
}

/// A directed network with integer capacities and costs, stored as paired forward and residual arcs.
struct ResidualNetwork {
    private var heads: [Int] = []
    private var residualCapacity: [Int] = []
    private var costs: [Int] = []
    private var originalCapacity: [Int] = []
    private var arcsOut: [[Int]]

    init(nodeCount: Int) {
        arcsOut = [[Int]](repeating: [], count: nodeCount)
    }

    /// Adds an arc and its empty reverse; returns the arc's index.
    @discardableResult
    mutating func addArc(from tail: Int, to head: Int, capacity: Int, cost: Int) -> Int {
        let index = heads.count
        heads += [head, tail]
        residualCapacity += [capacity, 0]
        originalCapacity += [capacity, 0]
        costs += [cost, -cost]
        arcsOut[tail].append(index)
        arcsOut[head].append(index + 1)
        return index
    }

    func flow(on arc: Int) -> Int { originalCapacity[arc] - residualCapacity[arc] }

    /// Successive shortest paths: while the cheapest source–sink path in the residual network has negative cost,
    /// push as much as it carries. Each augmentation keeps the flow cheapest for its value and the network free of
    /// negative cycles; the cost as a function of the flow value is convex, so stopping at the first non-negative
    /// path gives the minimum cost over all flow values.
    mutating func augmentWhileProfitable(from source: Int, to sink: Int) {
        while let path = cheapestPath(from: source, to: sink) {
            let bottleneck = path.map { residualCapacity[$0] }.min()!
            for arc in path {
                residualCapacity[arc] -= bottleneck
                residualCapacity[arc ^ 1] += bottleneck
            }
        }
    }

    /// The arcs of a cheapest residual path by Bellman–Ford, when its cost is negative.
    private func cheapestPath(from source: Int, to sink: Int) -> [Int]? {
        var distance = [Int?](repeating: nil, count: arcsOut.count)
        var arrivingArc = [Int?](repeating: nil, count: arcsOut.count)
        distance[source] = 0
        for _ in 0..<arcsOut.count {
            var changed = false
            for tail in arcsOut.indices {
                guard let base = distance[tail] else { continue }
                for arc in arcsOut[tail] where residualCapacity[arc] > 0 {
                    let candidate = base + costs[arc]
                    if distance[heads[arc]].map({ candidate < $0 }) ?? true {
                        distance[heads[arc]] = candidate
                        arrivingArc[heads[arc]] = arc
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        guard let cost = distance[sink], cost < 0 else { return nil }
        var path: [Int] = []
        var node = sink
        while node != source, let arc = arrivingArc[node] {
            path.append(arc)
            node = heads[arc ^ 1]
        }
        return path.reversed()
    }
}
