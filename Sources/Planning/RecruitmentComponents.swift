import Matching
import MentorMatchCore
import NetworkFlow

/// What a served young person is worth in a component's flow; each kind is a concave function of the recruits.
enum ServiceWorth: Sendable, Hashable, CaseIterable {
    /// W for each young person served and 1 more for each from a remote place (W: the remote young people plus one),
    /// so that one more served outweighs any number from remote places.
    case servedThenRemote
    /// 1 for each young person from a remote place served: how many of them the mentors can reach at once.
    case remoteServed
    /// As `servedThenRemote`, with every young person from a remote place who has a candidate served; no flow when
    /// that is impossible.
    case servedThenRemoteAllRemote
}

/// Mentors, profiles and young people sharing no candidate pair with the rest: recruits of a profile change only its
/// own component's matching, so the programme is one small integer problem over the recruits and one flow per
/// component (see ``RecruitmentSearch``). Components without a profile are kept together as one.
struct RecruitmentComponent: Sendable {
    /// Indices into the graph's mentors (current mentors and profiles), ascending.
    var mentors: [Int] = []
    var mentees: [Int] = []
    /// Indices into the graph's candidates.
    var candidates: [Int] = []
    /// Indices into the programme's profiles, ascending.
    var profiles: [Int] = []
    /// Per candidate, in `candidates` order: the positions of its mentor in `mentors` and of its young person in
    /// `mentees`, found once so that every flow of the component is built without a lookup.
    var candidateEnds: [(mentor: Int, mentee: Int)] = []

    /// The components of `graph` that hold a profile (in order of their first profile), then all others as one.
    static func components(of graph: CandidateGraph, currentMentorCount: Int) -> (withProfiles: [Self], rest: Self) {
        let mentorCount = graph.candidatesOfMentor.count
        var sets = DisjointSets(count: mentorCount + graph.candidatesOfMentee.count)
        for candidate in graph.candidates {
            sets.join(candidate.mentorIndex, mentorCount + candidate.menteeIndex)
        }
        var componentOfRoot: [Int: Int] = [:]
        var withProfiles: [Self] = []
        for mentor in currentMentorCount..<mentorCount where !graph.candidatesOfMentor[mentor].isEmpty {
            let root = sets.root(of: mentor)
            if componentOfRoot[root] == nil {
                componentOfRoot[root] = withProfiles.count
                withProfiles.append(Self())
            }
        }
        var rest = Self()
        // Each mentor's and young person's position within its component.
        var position = [Int](repeating: 0, count: mentorCount + graph.candidatesOfMentee.count)
        func place(_ node: Int, _ add: (inout Self) -> Void) {
            if let component = componentOfRoot[sets.root(of: node)] { add(&withProfiles[component]) } else { add(&rest) }
        }
        for mentor in 0..<mentorCount where !graph.candidatesOfMentor[mentor].isEmpty {
            place(mentor) {
                position[mentor] = $0.mentors.count
                $0.mentors.append(mentor)
                if mentor >= currentMentorCount { $0.profiles.append(mentor - currentMentorCount) }
            }
        }
        for mentee in graph.candidatesOfMentee.indices where !graph.candidatesOfMentee[mentee].isEmpty {
            place(mentorCount + mentee) {
                position[mentorCount + mentee] = $0.mentees.count
                $0.mentees.append(mentee)
            }
        }
        for (index, candidate) in graph.candidates.enumerated() {
            place(candidate.mentorIndex) {
                $0.candidates.append(index)
                $0.candidateEnds.append((position[candidate.mentorIndex], position[mentorCount + candidate.menteeIndex]))
            }
        }
        return (withProfiles, rest)
    }
}

/// A component's best flow for one choice of its profiles' recruits.
struct ComponentWorth: Sendable {
    /// The total worth served; `nil` when no flow meets the requirement of the kind.
    var worth: Int64?
    /// Per profile of the component: the worth of one more recruit's capacity at the flow's dual prices, so that
    /// worth(y) ≤ worth(ȳ) + Σ slope × (y − ȳ) for every choice y (LP duality; the flow's value is concave in the
    /// capacities).
    var slopes: [Int64]
    /// Indices into the graph's candidates of the pairs the flow serves.
    var servedCandidates: [Int]
}

/// The flow networks of one programme's components.
struct ComponentFlows: Sendable {
    let graph: CandidateGraph
    let currentMentorCount: Int
    let flowSolver: any MinCostFlowSolver
    /// W of ``ServiceWorth/servedThenRemote``.
    let servedWeight: Int64
    /// Most recruits of each profile that can matter: its availability, or enough to serve all its candidates.
    let mostRecruits: [Int]

    func isRemote(_ mentee: Int) -> Bool { graph.rules.isRemote(menteeIndex: mentee) }

    func weight(of mentee: Int, _ kind: ServiceWorth) -> Int64 {
        switch kind {
        case .servedThenRemote, .servedThenRemoteAllRemote: servedWeight + (isRemote(mentee) ? 1 : 0)
        case .remoteServed: isRemote(mentee) ? 1 : 0
        }
    }

    /// The best flow of `component` when its profiles (in the component's order) have `recruits` each.
    /// Source → mentor (capacity; a profile's capacity times its recruits) → young person → sink, each young person
    /// paying −weight, and a free arc from source to sink for capacity left unused; locked pairs carry a lower bound.
    func best(_ component: RecruitmentComponent, recruits: [Int], _ kind: ServiceWorth) throws(PlanningError) -> ComponentWorth {
        var network = FlowNetwork()
        let source = network.addNode()
        let sink = network.addNode()
        // Profiles come in `mentors` in the order of `profiles`, so their arcs line up with `recruits`.
        var profileArcs: [Int] = []
        var supply = 0
        network.reserveArcs(component.mentors.count + component.candidates.count + component.mentees.count + 1)
        let firstMentorNode = network.nodeCount
        for mentor in component.mentors {
            let node = network.addNode()
            let capacity = graph.capacity(mentorIndex: mentor)
            if mentor >= currentMentorCount {
                let profile = mentor - currentMentorCount
                profileArcs.append(network.addArc(from: source, to: node, upper: capacity * recruits[profileArcs.count]))
                supply += capacity * mostRecruits[profile]
            } else {
                network.addArc(from: source, to: node, upper: capacity)
                supply += capacity
            }
        }
        let firstMenteeNode = network.nodeCount
        for mentee in component.mentees {
            let node = network.addNode()
            let required = kind == .servedThenRemoteAllRemote && isRemote(mentee)
            network.addArc(from: node, to: sink, lower: required ? 1 : 0, upper: 1, cost: -weight(of: mentee, kind))
        }
        let firstCandidateArc = network.arcCount
        for (index, ends) in zip(component.candidates, component.candidateEnds) {
            network.addArc(
                from: firstMentorNode + ends.mentor, to: firstMenteeNode + ends.mentee,
                lower: graph.candidates[index].isLocked ? 1 : 0, upper: 1)
        }
        // The supply never depends on the recruits, so that only the profile arcs' capacities do.
        network.addArc(from: source, to: sink, upper: supply)
        network.setSupply(supply, of: source)
        network.setSupply(-supply, of: sink)

        let solution: FlowSolution
        do {
            solution = try flowSolver.solve(network)
        } catch {
            throw .solverFailed(error.description)
        }
        switch solution.status {
        case .optimal:
            break
        case .infeasible where kind == .servedThenRemoteAllRemote:
            return ComponentWorth(worth: nil, slopes: [], servedCandidates: [])
        case .infeasible, .unbounded:
            throw .solverFailed("\(flowSolver.name) found no flow that keeps every locked pair (\(solution.status.rawValue))")
        }
        let slopes = zip(component.profiles, profileArcs).map { profile, arc in
            let head = Int(network.heads[arc])
            let price = max(0, solution.potentials[head] - solution.potentials[source])
            return price * Int64(graph.capacity(mentorIndex: currentMentorCount + profile))
        }
        let served = component.candidates.indices.filter { solution.flows[firstCandidateArc + $0] > 0 }.map { component.candidates[$0] }
        return ComponentWorth(worth: -solution.totalCost, slopes: slopes, servedCandidates: served)
    }
}
