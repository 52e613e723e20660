import MentorMatchCore

/// Mentors and young people that share no candidate pair and no side constraint with the rest of the matching.
///
/// A matching is lexicographically optimal exactly when each such part is: every optimum serves the most in each
/// part (else the total would be smaller), then the most remote there, and so on. So parts are solved separately,
/// on all cores; a network simplex on a few thousand nodes is far faster than on the whole country at once.
struct MatchingPart: Sendable {
    /// Ascending indices into the input's mentors; each has a candidate in this part.
    var mentorIndices: [Int] = []
    /// Ascending indices into the input's mentees; each has a candidate in this part.
    var menteeIndices: [Int] = []
    /// Ascending indices into the graph's candidates.
    var candidateIndices: [Int] = []
    /// The places with a `min_served_per_place` whose young people are in this part.
    var constrainedPlaces: [String] = []

    /// The whole graph as one part.
    init(wholeGraphOf graph: CandidateGraph) {
        mentorIndices = graph.candidatesOfMentor.indices.filter { !graph.candidatesOfMentor[$0].isEmpty }
        menteeIndices = graph.candidatesOfMentee.indices.filter { !graph.candidatesOfMentee[$0].isEmpty }
        candidateIndices = Array(graph.candidates.indices)
        constrainedPlaces = graph.rules.policy.sideConstraints.minimumServedPerPlace.keys.sorted()
    }

    private init() {}

    /// The connected components of the candidate graph, with the young people of one constrained place kept
    /// together, and everything together under a `min_remote_share` (it couples all remote young people). Components
    /// under `minimumCandidates` pairs share a part until it reaches that size, so that tiny ones cost no solver call.
    /// Parts come largest first, so that the longest solves start first.
    static func parts(of graph: CandidateGraph, minimumCandidates: Int) -> [MatchingPart] {
        let sideConstraints = graph.rules.policy.sideConstraints
        guard sideConstraints.minimumRemoteShare == nil else { return [MatchingPart(wholeGraphOf: graph)] }
        let input = graph.rules.input
        let mentorCount = input.mentors.count
        var components = DisjointSets(count: mentorCount + input.mentees.count)
        for candidate in graph.candidates {
            components.join(candidate.mentorIndex, mentorCount + candidate.menteeIndex)
        }
        var firstMenteeOfPlace: [String: Int] = [:]
        for (menteeIndex, mentee) in input.mentees.enumerated()
        where !graph.candidatesOfMentee[menteeIndex].isEmpty
            && sideConstraints.minimumServedPerPlace[mentee.location.place] != nil
        {
            if let first = firstMenteeOfPlace[mentee.location.place] {
                components.join(mentorCount + first, mentorCount + menteeIndex)
            } else {
                firstMenteeOfPlace[mentee.location.place] = menteeIndex
            }
        }

        // Components numbered in order of their first candidate, so that parts do not depend on the union order.
        // Indexed by root rather than hashed: a national graph looks up ten million candidates' roots.
        var componentOfRoot = [Int](repeating: -1, count: mentorCount + input.mentees.count)
        var componentParts: [MatchingPart] = []
        for (candidateIndex, candidate) in graph.candidates.enumerated() {
            let root = components.root(of: candidate.mentorIndex)
            if componentOfRoot[root] < 0 {
                componentOfRoot[root] = componentParts.count
                componentParts.append(MatchingPart())
            }
            componentParts[componentOfRoot[root]].candidateIndices.append(candidateIndex)
        }
        for mentorIndex in 0..<mentorCount where !graph.candidatesOfMentor[mentorIndex].isEmpty {
            componentParts[componentOfRoot[components.root(of: mentorIndex)]].mentorIndices.append(mentorIndex)
        }
        for menteeIndex in input.mentees.indices where !graph.candidatesOfMentee[menteeIndex].isEmpty {
            componentParts[componentOfRoot[components.root(of: mentorCount + menteeIndex)]].menteeIndices.append(menteeIndex)
        }
        if componentParts.isEmpty { componentParts.append(MatchingPart()) }
        // A constrained place without a candidate still needs its hub somewhere, so that the solver reports it unmet.
        for place in sideConstraints.minimumServedPerPlace.keys.sorted() {
            let component = firstMenteeOfPlace[place].map { componentOfRoot[components.root(of: mentorCount + $0)] } ?? 0
            componentParts[component].constrainedPlaces.append(place)
        }

        var parts: [MatchingPart] = []
        var pending = MatchingPart()
        for component in componentParts {
            if component.candidateIndices.count >= minimumCandidates {
                parts.append(component)
                continue
            }
            pending.append(component)
            if pending.candidateIndices.count >= minimumCandidates {
                parts.append(pending.sorted())
                pending = MatchingPart()
            }
        }
        if !pending.candidateIndices.isEmpty || !pending.constrainedPlaces.isEmpty || parts.isEmpty {
            parts.append(pending.sorted())
        }
        return parts.sorted {
            ($1.candidateIndices.count, $0.candidateIndices.first ?? 0) < ($0.candidateIndices.count, $1.candidateIndices.first ?? 0)
        }
    }

    private mutating func append(_ other: MatchingPart) {
        mentorIndices += other.mentorIndices
        menteeIndices += other.menteeIndices
        candidateIndices += other.candidateIndices
        constrainedPlaces += other.constrainedPlaces
    }

    private func sorted() -> MatchingPart {
        var part = MatchingPart()
        part.mentorIndices = mentorIndices.sorted()
        part.menteeIndices = menteeIndices.sorted()
        part.candidateIndices = candidateIndices.sorted()
        part.constrainedPlaces = constrainedPlaces.sorted()
        return part
    }
}

/// Union–find with path halving and union by size.
package struct DisjointSets {
    private var parents: [Int32]
    private var sizes: [Int32]

    package init(count: Int) {
        parents = (0..<count).map { Int32($0) }
        sizes = [Int32](repeating: 1, count: count)
    }

    package mutating func root(of element: Int) -> Int {
        var node = element
        while Int(parents[node]) != node {
            parents[node] = parents[Int(parents[node])]
            node = Int(parents[node])
        }
        return node
    }

    package mutating func join(_ first: Int, _ second: Int) {
        var (a, b) = (root(of: first), root(of: second))
        guard a != b else { return }
        if sizes[a] < sizes[b] { swap(&a, &b) }
        parents[b] = Int32(a)
        sizes[a] += sizes[b]
    }
}
