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
    /// Node ranges, for readers of exported networks.
    let mentorNodes: Range<Int>
    let menteeNodes: Range<Int>
    /// Remote young people with a candidate: the most `remote_served` can be.
    private(set) var remoteWithCandidates = 0
    /// The sum over young people of their best candidate's fit: the most the fit tier can be.
    let largestFitTotal: Int
    private let candidateCount: Int

    init(graph: CandidateGraph) {
        let input = graph.rules.input
        candidateCount = graph.candidates.count
        let source = network.addNode()
        let firstPlaceHub = network.addNode()
        mentorNodes = network.nodeCount..<(network.nodeCount + input.mentors.count)
        for _ in input.mentors { network.addNode() }
        menteeNodes = network.nodeCount..<(network.nodeCount + input.mentees.count)
        for _ in input.mentees { network.addNode() }
        let remoteHub = network.addNode()
        let sink = network.addNode()
        network.reserveArcs(graph.candidates.count + 2 * input.mentors.count + input.mentees.count + 8)

        for candidate in graph.candidates {
            network.addArc(
                from: mentorNodes.lowerBound + candidate.mentorIndex, to: menteeNodes.lowerBound + candidate.menteeIndex,
                lower: candidate.isLocked ? 1 : 0, upper: 1
            )
        }
        var mentorsWithCandidates = 0
        for mentorIndex in input.mentors.indices where !graph.candidatesOfMentor[mentorIndex].isEmpty {
            mentorsWithCandidates += 1
            let mentorNode = mentorNodes.lowerBound + mentorIndex
            network.addArc(from: firstPlaceHub, to: mentorNode, upper: 1)
            let capacity = graph.capacity(mentorIndex: mentorIndex)
            if capacity > 1 { network.addArc(from: source, to: mentorNode, upper: capacity - 1) }
        }
        mentorsUsedArc = network.addArc(from: source, to: firstPlaceHub, upper: mentorsWithCandidates)

        let places = Dictionary(input.places.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let minimums = graph.rules.policy.sideConstraints.minimumServedPerPlace
        var placeHubs: [String: (node: Int, count: Int)] = [:]
        for place in minimums.keys.sorted() { placeHubs[place] = (network.addNode(), 0) }
        var servedWithCandidates = 0
        for (menteeIndex, mentee) in input.mentees.enumerated() where !graph.candidatesOfMentee[menteeIndex].isEmpty {
            servedWithCandidates += 1
            let isRemote = graph.rules.isRemote(menteeIndex: menteeIndex)
            if isRemote { remoteWithCandidates += 1 }
            let next: Int
            if let hub = placeHubs[mentee.location.place] {
                next = hub.node
                placeHubs[mentee.location.place]!.count += 1
            } else {
                next = isRemote ? remoteHub : sink
            }
            network.addArc(from: menteeNodes.lowerBound + menteeIndex, to: next, upper: 1)
        }
        for place in minimums.keys.sorted() {
            let hub = placeHubs[place]!
            // An upper bound below the minimum would be an invalid arc; this way the solver reports infeasibility.
            network.addArc(
                from: hub.node, to: places[place]?.isRemote == true ? remoteHub : sink, lower: minimums[place]!,
                upper: max(hub.count, minimums[place]!)
            )
        }
        remoteServedArc = network.addArc(from: remoteHub, to: sink, upper: remoteWithCandidates)
        servedArc = network.addArc(from: sink, to: source, upper: servedWithCandidates)
        largestFitTotal = graph.largestFitTotal
    }

    /// Arc `c` carries candidate `c`.
    func chosenCandidates(_ flows: [Int32]) -> [Int] {
        (0..<candidateCount).filter { flows[$0] > 0 }
    }

    /// Minimises the given costs: per unit of each tier total and per fit point of a pair; every other arc is free.
    mutating func setCosts(served: Int64 = 0, remoteServed: Int64 = 0, mentorsUsed: Int64 = 0, fitPoint: Int64 = 0, fitPoints: [Int]) {
        network.clearCosts()
        network.setCost(served, ofArc: servedArc)
        network.setCost(remoteServed, ofArc: remoteServedArc)
        network.setCost(mentorsUsed, ofArc: mentorsUsedArc)
        if fitPoint != 0 {
            for (arc, points) in fitPoints.enumerated() { network.setCost(fitPoint * Int64(points), ofArc: arc) }
        }
    }

    mutating func fix(_ arc: Int, at value: Int) {
        network.setBounds(ofArc: arc, lower: value, upper: value)
    }
}
