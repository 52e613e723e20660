import MentorMatchCore

/// One way to fit a young person into a result: a mentor with a free place, or a chain of moves of unconfirmed
/// suggestions that frees a place.
public struct PlacementSuggestion: Sendable, Hashable, Codable {
    /// A young person moved from one mentor to another to make room.
    public struct Move: Sendable, Hashable, Codable {
        public var menteeID: String
        public var fromMentorID: String
        public var toMentorID: String
        /// The fit with the old and the new mentor, 0–1.
        public var scoreBefore: Double
        public var scoreAfter: Double

        // In key order, as sorted JSON writes them: the writer then never reorders members.
        enum CodingKeys: String, CodingKey {
            case fromMentorID = "from_mentor_id"
            case menteeID = "mentee_id"
            case scoreAfter = "score_after"
            case scoreBefore = "score_before"
            case toMentorID = "to_mentor_id"
        }
    }

    public var rank: Int
    public var mentorID: String
    /// The young person's fit with `mentorID`, 0–1.
    public var score: Double
    public var distanceKm: Double
    /// Everything else that changes, in order: empty when the mentor has a free place.
    public var moves: [Move]
    /// When no chain frees a place: the young person of an unconfirmed suggestion who gives up this mentor and is
    /// left without one (the number served stays the same).
    public var displaced: Displaced?
    /// The change of the result's total fit: the new pair's score plus every move's change, minus a displaced pair.
    public var fitChange: Double

    public struct Displaced: Sendable, Hashable, Codable {
        public var menteeID: String
        /// Their fit with the mentor they give up.
        public var score: Double

        enum CodingKeys: String, CodingKey {
            case menteeID = "mentee_id"
            case score
        }
    }

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case displaced
        case distanceKm = "distance_km"
        case fitChange = "fit_change"
        case mentorID = "mentor_id"
        case moves
        case rank
        case score
    }
}

/// The ranked ways to fit one young person into a result.
public struct PlacementSuggestions: Sendable, Hashable, Codable {
    public var menteeID: String
    /// The mentor the result already gives this young person, if any (then there is nothing to suggest).
    public var assignedMentorID: String?
    /// Shortest first (a free place, then one move, …), then the ways that leave another young person without a
    /// mentor; each group by the total fit change, then by mentor id.
    public var suggestions: [PlacementSuggestion]
    /// Candidate mentors whose every place is held by a lock or a current pair the run keeps.
    public var blockedMentorIDs: [String]

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case assignedMentorID = "assigned_mentor_id"
        case blockedMentorIDs = "blocked_mentor_ids"
        case menteeID = "mentee_id"
        case suggestions
    }
}

/// Breadth-first search for the shortest chains of moves, one search per candidate mentor of the young person.
///
/// Only unconfirmed suggestions move: a coordinator's lock and a current pair kept by the continuity rules stay; a way
/// that would break a side constraint is not listed.
/// A chain from mentor c₁ moves one young person of c₁ to another of their candidate mentors c₂, one of c₂'s to c₃,
/// and so on until a mentor with a free place; no mentor appears twice, so every move keeps every capacity.
package struct PlacementSearch {
    let graph: CandidateGraph
    let continuity: ContinuityPlan
    /// Chains longer than this are not worth a coordinator's phone call.
    package static let maximumMoves = 4

    func suggestions(menteeIndex: Int, chosen: [Int]) -> PlacementSuggestions {
        let input = graph.rules.input
        var candidateOfMentee = [Int?](repeating: nil, count: input.mentees.count)
        var menteesOfMentor = [[Int]](repeating: [], count: input.mentors.count)
        for candidateIndex in chosen {
            let candidate = graph.candidates[candidateIndex]
            candidateOfMentee[candidate.menteeIndex] = candidateIndex
            menteesOfMentor[candidate.mentorIndex].append(candidate.menteeIndex)
        }
        let menteeID = input.mentees[menteeIndex].id
        if let assigned = candidateOfMentee[menteeIndex] {
            return PlacementSuggestions(
                menteeID: menteeID, assignedMentorID: input.mentors[graph.candidates[assigned].mentorIndex].id,
                suggestions: [], blockedMentorIDs: []
            )
        }
        func isMovable(_ mentee: Int) -> Bool {
            guard let candidateIndex = candidateOfMentee[mentee] else { return false }
            let candidate = graph.candidates[candidateIndex]
            return !candidate.isLocked && !(continuity.ranksCurrentPairs && continuity.isCurrent(candidate))
        }
        func hasRoom(_ mentor: Int) -> Bool { menteesOfMentor[mentor].count < graph.capacity(mentorIndex: mentor) }
        func points(_ candidateIndex: Int) -> Int { graph.candidates[candidateIndex].fitPoints }

        var found: [(moves: [PlacementSuggestion.Move], displaced: Int?, candidate: Int, fitChange: Int)] = []
        var blocked: [String] = []
        for first in graph.candidatesOfMentee[menteeIndex] {
            let start = graph.candidates[first].mentorIndex
            guard let chain = shortestChain(from: start, menteesOfMentor: menteesOfMentor, isMovable: isMovable, hasRoom: hasRoom)
            else {
                // No place to free: the unconfirmed suggestion of this mentor that fits least gives way.
                let givesWay = menteesOfMentor[start].filter(isMovable).compactMap { candidateOfMentee[$0] }
                    .min { (points($0), input.mentees[graph.candidates[$0].menteeIndex].id)
                        < (points($1), input.mentees[graph.candidates[$1].menteeIndex].id) }
                if let givesWay {
                    found.append(([], givesWay, first, points(first) - points(givesWay)))
                } else {
                    blocked.append(input.mentors[start].id)
                }
                continue
            }
            var fitChange = points(first)
            // Every young person in a chain is movable, so assigned.
            let moves = chain.compactMap { step -> PlacementSuggestion.Move? in
                guard let before = candidateOfMentee[step.mentee] else { return nil }
                fitChange += points(step.candidate) - points(before)
                return PlacementSuggestion.Move(
                    menteeID: input.mentees[step.mentee].id, fromMentorID: input.mentors[graph.candidates[before].mentorIndex].id,
                    toMentorID: input.mentors[graph.candidates[step.candidate].mentorIndex].id,
                    scoreBefore: graph.fit(of: graph.candidates[before]).total, scoreAfter: graph.fit(of: graph.candidates[step.candidate]).total
                )
            }
            found.append((moves, nil, first, fitChange))
        }
        found.removeAll { breaksSideConstraint(adding: menteeIndex, removing: $0.displaced, chosen: chosen) }
        found.sort { left, right in
            if (left.displaced == nil) != (right.displaced == nil) { return left.displaced == nil }
            if left.moves.count != right.moves.count { return left.moves.count < right.moves.count }
            if left.fitChange != right.fitChange { return left.fitChange > right.fitChange }
            return input.mentors[graph.candidates[left.candidate].mentorIndex].id
                < input.mentors[graph.candidates[right.candidate].mentorIndex].id
        }
        let suggestions = found.enumerated().map { rank, way in
            let candidate = graph.candidates[way.candidate]
            return PlacementSuggestion(
                rank: rank + 1, mentorID: input.mentors[candidate.mentorIndex].id, score: graph.fit(of: candidate).total,
                distanceKm: candidate.distanceKm, moves: way.moves,
                displaced: way.displaced.map {
                    PlacementSuggestion.Displaced(
                        menteeID: input.mentees[graph.candidates[$0].menteeIndex].id, score: graph.fit(of: graph.candidates[$0]).total
                    )
                },
                fitChange: Double(way.fitChange) / Double(FitScore.pointsPerUnit)
            )
        }
        return PlacementSuggestions(
            menteeID: menteeID, assignedMentorID: nil, suggestions: suggestions, blockedMentorIDs: blocked.sorted()
        )
    }

    /// Whether serving `added` instead of the young person of `removed` breaks a side constraint (moves change neither
    /// who is served nor where they live).
    private func breaksSideConstraint(adding added: Int, removing removed: Int?, chosen: [Int]) -> Bool {
        let sideConstraints = graph.rules.policy.sideConstraints
        guard !sideConstraints.isEmpty else { return false }
        let input = graph.rules.input
        var served = chosen.map { graph.candidates[$0].menteeIndex }.filter { $0 != removed.map { graph.candidates[$0].menteeIndex } }
        served.append(added)
        if let share = sideConstraints.minimumRemoteShare,
            Double(served.count { graph.rules.isRemote(menteeIndex: $0) }) < share * Double(served.count) - 1e-9
        {
            return true
        }
        return sideConstraints.minimumServedPerPlace.contains { place, minimum in
            served.count { input.mentees[$0].location.place == place } < minimum
        }
    }

    /// The moves, first to last, of the shortest chain that frees a place at `start`; empty when `start` has room,
    /// `nil` when no chain of at most ``maximumMoves`` does.
    private func shortestChain(
        from start: Int, menteesOfMentor: [[Int]], isMovable: (Int) -> Bool, hasRoom: (Int) -> Bool
    ) -> [(mentee: Int, candidate: Int)]? {
        if hasRoom(start) { return [] }
        // How each mentor was reached: the young person moved to it and the candidate pair of that move.
        var reachedBy: [Int: (from: Int, mentee: Int, candidate: Int)] = [:]
        var frontier = [start]
        var visited: Set<Int> = [start]
        for _ in 0..<Self.maximumMoves {
            var next: [Int] = []
            for mentor in frontier {
                for mentee in menteesOfMentor[mentor].sorted() where isMovable(mentee) {
                    for candidateIndex in graph.candidatesOfMentee[mentee] {
                        let target = graph.candidates[candidateIndex].mentorIndex
                        guard visited.insert(target).inserted else { continue }
                        reachedBy[target] = (mentor, mentee, candidateIndex)
                        if hasRoom(target) { return path(to: target, reachedBy: reachedBy, start: start) }
                        next.append(target)
                    }
                }
            }
            frontier = next
        }
        return nil
    }

    /// The moves from `start` to `target`, in the order they free places (the first move frees `start`).
    private func path(
        to target: Int, reachedBy: [Int: (from: Int, mentee: Int, candidate: Int)], start: Int
    ) -> [(mentee: Int, candidate: Int)] {
        var moves: [(mentee: Int, candidate: Int)] = []
        var mentor = target
        while mentor != start, let step = reachedBy[mentor] {
            moves.append((step.mentee, step.candidate))
            mentor = step.from
        }
        return moves.reversed()
    }
}

extension MatchingEngine.Preparation {
    /// The ranked ways to fit one young person into a result of this preparation; `nil` for an unknown id.
    public func suggestions(menteeID: String, in result: MatchingResult) -> PlacementSuggestions? {
        guard let menteeIndex = input.mentees.firstIndex(where: { $0.id == menteeID }) else { return nil }
        let (mentorIndex, menteeIndexOf) = (input.mentorIndexByID, input.menteeIndexByID)
        let chosen = result.pairs.compactMap { pair -> Int? in
            guard let mentor = mentorIndex[pair.mentorID], let mentee = menteeIndexOf[pair.menteeID] else { return nil }
            return graph.candidatesOfMentee[mentee].first { graph.candidates[$0].mentorIndex == mentor }
        }
        return PlacementSearch(graph: graph, continuity: continuity).suggestions(menteeIndex: menteeIndex, chosen: chosen)
    }
}

extension MatchingEngine {
    /// The ranked ways to fit one young person into the matching of everyone else: the run is solved without them
    /// (its pairs are the unconfirmed suggestions that may move), then the shortest changes that serve them are
    /// listed. A young person with a lock or a current pair the run keeps is matched as usual instead.
    /// - Returns: `nil` when no young person has the id.
    /// - Throws: ``MatchingError`` as ``match(_:policy:sources:)``.
    public func suggestions(
        for menteeID: String, _ input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()
    ) throws(MatchingError) -> PlacementSuggestions? {
        let preparation = try prepare(input, policy: policy, sources: sources)
        guard preparation.input.mentees.contains(where: { $0.id == menteeID }) else { return nil }
        let isHeld = input.pairRules.contains { $0.kind == .lock && $0.menteeID == menteeID }
            || preparation.continuity.entries.contains { $0.pair.menteeID == menteeID && $0.standing == .eligible }
        if isHeld { return preparation.suggestions(menteeID: menteeID, in: try match(preparation)) }
        var others = input
        others.mentees.removeAll { $0.id == menteeID }
        others.pairRules.removeAll { $0.menteeID == menteeID }
        others.currentPairs.removeAll { $0.menteeID == menteeID }
        others.previousSuggestions.removeAll { $0.menteeID == menteeID }
        return preparation.suggestions(menteeID: menteeID, in: try match(others, policy: policy))
    }
}
