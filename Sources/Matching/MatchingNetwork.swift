import MentorMatchCore
import NetworkFlow

/// The matching as a minimum-cost flow network, for a network simplex: the network of ``MatchingProgram``.
///
/// Nodes: source, first-place hub, one per mentor, one per young person, remote hub, sink, and one hub per place
/// with a `min_served_per_place`. Arcs: candidate pairs first (arc c is candidate c; a locked pair has lower bound
/// 1), hub → mentor (capacity 1, the "first place") and source → mentor (the rest of the capacity),
/// source → hub (`mentors_used`), young person → place hub, remote hub or sink, place hub → remote hub or sink
/// (lower bound: the place's minimum), remote hub → sink (`remote_served`) and sink → source (`served`).
/// Every feasible integral circulation is an assignment; each tier total is the flow on one arc.
struct MatchingNetwork: Sendable {
    var network = FlowNetwork()
    private(set) var servedArc = 0
    private(set) var remoteServedArc = 0
    private(set) var mentorsUsedArc = 0
    /// The mentors and young people in this network.
    let part: MatchingPart
    /// Node ranges, for readers of exported networks: node `mentorNodes.lowerBound + k` is `part.mentorIndices[k]`.
    let mentorNodes: Range<Int>
    let menteeNodes: Range<Int>
    /// Candidate arcs of eligible current pairs ranked by `minimal_change`, and of previous suggestions: each earns
    /// the bonus of its own tier.
    private(set) var currentArcs: [Int] = []
    private(set) var previousArcs: [Int] = []

    /// The whole graph as one network.
    init(graph: CandidateGraph) {
        self.init(graph: graph, part: MatchingPart(wholeGraphOf: graph))
    }

    init(graph: CandidateGraph, part: MatchingPart, continuity: ContinuityPlan? = nil) {
        self.part = part
        let input = graph.rules.input
        let source = network.addNode()
        let firstPlaceHub = network.addNode()
        mentorNodes = network.nodeCount..<(network.nodeCount + part.mentorIndices.count)
        for _ in part.mentorIndices { network.addNode() }
        menteeNodes = network.nodeCount..<(network.nodeCount + part.menteeIndices.count)
        for _ in part.menteeIndices { network.addNode() }
        let remoteHub = network.addNode()
        let sink = network.addNode()
        network.reserveArcs(part.candidateIndices.count + 2 * part.mentorIndices.count + part.menteeIndices.count + 8)

        let mentorNode = NodeNumbers(part.mentorIndices, from: mentorNodes.lowerBound)
        let menteeNode = NodeNumbers(part.menteeIndices, from: menteeNodes.lowerBound)
        let ranksCurrent = continuity?.ranksCurrentPairs ?? false
        let ranksPrevious = continuity?.ranksPreviousSuggestions ?? false
        for candidateIndex in part.candidateIndices {
            let candidate = graph.candidates[candidateIndex]
            let arc = network.addArc(
                from: mentorNode.node(of: candidate.mentorIndex), to: menteeNode.node(of: candidate.menteeIndex),
                lower: candidate.isLocked ? 1 : 0, upper: 1
            )
            if ranksCurrent, continuity?.isCurrent(candidate) == true { currentArcs.append(arc) }
            if ranksPrevious, continuity?.isPrevious(candidate) == true { previousArcs.append(arc) }
        }
        for (offset, mentorIndex) in part.mentorIndices.enumerated() {
            let node = mentorNodes.lowerBound + offset
            network.addArc(from: firstPlaceHub, to: node, upper: 1)
            let capacity = graph.capacity(mentorIndex: mentorIndex)
            if capacity > 1 { network.addArc(from: source, to: node, upper: capacity - 1) }
        }
        mentorsUsedArc = network.addArc(from: source, to: firstPlaceHub, upper: part.mentorIndices.count)

        let minimums = graph.rules.policy.sideConstraints.minimumServedPerPlace
        let remotePlaces = part.constrainedPlaces.isEmpty ? [] : Set(input.places.filter(\.isRemote).map(\.name))
        var placeHubs: [String: (node: Int, count: Int)] = [:]
        for place in part.constrainedPlaces { placeHubs[place] = (network.addNode(), 0) }
        var remoteWithCandidates = 0
        for (offset, menteeIndex) in part.menteeIndices.enumerated() {
            let place = input.mentees[menteeIndex].location.place
            let isRemote = graph.rules.isRemote(menteeIndex: menteeIndex)
            if isRemote { remoteWithCandidates += 1 }
            let next: Int
            if let hub = placeHubs[place] {
                next = hub.node
                placeHubs[place]!.count += 1
            } else {
                next = isRemote ? remoteHub : sink
            }
            network.addArc(from: menteeNodes.lowerBound + offset, to: next, upper: 1)
        }
        for place in part.constrainedPlaces {
            let hub = placeHubs[place]!
            // An upper bound below the minimum would be an invalid arc; this way the solver reports infeasibility.
            network.addArc(
                from: hub.node, to: remotePlaces.contains(place) ? remoteHub : sink, lower: minimums[place]!,
                upper: max(hub.count, minimums[place]!)
            )
        }
        remoteServedArc = network.addArc(from: remoteHub, to: sink, upper: remoteWithCandidates)
        servedArc = network.addArc(from: sink, to: source, upper: part.menteeIndices.count)
    }

    /// The graph's candidates on arcs with flow (arc `k` carries `part.candidateIndices[k]`).
    func chosenCandidates(_ flows: [Int32]) -> [Int] {
        part.candidateIndices.indices.filter { flows[$0] > 0 }.map { part.candidateIndices[$0] }
    }

    /// Minimises the given costs: per unit of each tier total, per kept current pair or previous suggestion, and per
    /// fit point of a pair; every other arc is free.
    mutating func setCosts(
        served: Int64 = 0, remoteServed: Int64 = 0, mentorsUsed: Int64 = 0, keptCurrent: Int64 = 0,
        keptPrevious: Int64 = 0, fitPoint: Int64 = 0, fitPoints: [Int]
    ) {
        network.clearCosts()
        network.setCost(served, ofArc: servedArc)
        network.setCost(remoteServed, ofArc: remoteServedArc)
        network.setCost(mentorsUsed, ofArc: mentorsUsedArc)
        if fitPoint != 0 {
            for (arc, candidateIndex) in part.candidateIndices.enumerated() {
                network.setCost(fitPoint * Int64(fitPoints[candidateIndex]), ofArc: arc)
            }
        }
        for (arcs, bonus) in [(currentArcs, keptCurrent), (previousArcs, keptPrevious)] where bonus != 0 {
            for arc in arcs { network.setCost(network.costs[arc] + bonus, ofArc: arc) }
        }
    }

    /// How many arcs of a list carry flow.
    func count(of arcs: [Int], in flows: [Int32]) -> Int { arcs.reduce(0) { $0 + (flows[$1] > 0 ? 1 : 0) } }

    /// Whether any continuity tier applies to this part.
    var hasContinuityTiers: Bool { !currentArcs.isEmpty || !previousArcs.isEmpty }

    mutating func fix(_ arc: Int, at value: Int) {
        network.setBounds(ofArc: arc, lower: value, upper: value)
    }
}

/// The node of each person in a part, in an array spanning the part's smallest to largest index: no hashing in the
/// loop over millions of candidate pairs.
private struct NodeNumbers {
    private let firstIndex: Int
    private var nodes: [Int32] = []

    init(_ sortedIndices: [Int], from firstNode: Int) {
        firstIndex = sortedIndices.first ?? 0
        guard let last = sortedIndices.last else { return }
        nodes = [Int32](repeating: -1, count: last - firstIndex + 1)
        for (position, index) in sortedIndices.enumerated() { nodes[index - firstIndex] = Int32(firstNode + position) }
    }

    func node(of index: Int) -> Int { Int(nodes[index - firstIndex]) }
}
