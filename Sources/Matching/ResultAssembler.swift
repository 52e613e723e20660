import LinearProgramming
import MentorMatchCore

/// Turns the chosen candidates into pairs, loads, summary figures, alternatives and reasons.
struct ResultAssembler {
    let graph: CandidateGraph
    /// Indices into `graph.candidates` of the pairs in the solution.
    let chosen: [Int]
    let continuity: ContinuityPlan

    /// How many near-misses an unmatched young person's entry lists.
    static let nearMissCount = 3

    func assemble(report: SolverReport) -> MatchingResult {
        let input = graph.rules.input
        var mentorOfMentee = [Int?](repeating: nil, count: input.mentees.count)
        var menteesOfMentor = [[Int]](repeating: [], count: input.mentors.count)
        for candidateIndex in chosen {
            let candidate = graph.candidates[candidateIndex]
            mentorOfMentee[candidate.menteeIndex] = candidateIndex
            menteesOfMentor[candidate.mentorIndex].append(candidate.menteeIndex)
        }
        // Index order is id order: the engine sorted the input by id.
        for mentorIndex in menteesOfMentor.indices { menteesOfMentor[mentorIndex].sort() }
        let pairs = chosen.map { index -> MatchedPair in
            let candidate = graph.candidates[index]
            return MatchedPair(
                mentorID: input.mentors[candidate.mentorIndex].id, menteeID: input.mentees[candidate.menteeIndex].id,
                distanceKm: candidate.distanceKm, score: graph.fit(of: candidate), locked: continuity.isCoordinatorLock(candidate),
                current: continuity.isCurrent(candidate)
            )
        }.sorted { ($0.mentorID, $0.menteeID) < ($1.mentorID, $1.menteeID) }

        let loads = input.mentors.indices.map { mentorIndex in
            MentorLoad(
                mentorID: input.mentors[mentorIndex].id, capacity: graph.capacity(mentorIndex: mentorIndex),
                assigned: menteesOfMentor[mentorIndex].count,
                menteeIDs: menteesOfMentor[mentorIndex].map { input.mentees[$0].id },
                candidateCount: graph.candidatesOfMentor[mentorIndex].count
            )
        }
        let hasRoom = loads.map { $0.assigned < $0.capacity }

        // Each young person's best few of their candidates, on all cores.
        let alternativesPerMentee = graph.rules.policy.alternativesPerMentee
        let alternatives = ConcurrentChunks.map(input.mentees.indices) { [self, mentorOfMentee, hasRoom] menteeIndex in
            let assigned = mentorOfMentee[menteeIndex].map { graph.candidates[$0].mentorIndex }
            return MenteeAlternatives(
                menteeID: input.mentees[menteeIndex].id, assignedMentorID: assigned.map { input.mentors[$0].id },
                alternatives: bestCandidates(of: menteeIndex, count: alternativesPerMentee, excludingMentor: assigned)
                    .map { index in
                        let candidate = graph.candidates[index]
                        return Alternative(
                            mentorID: input.mentors[candidate.mentorIndex].id, distanceKm: candidate.distanceKm,
                            score: graph.fit(of: candidate).total, hasRoom: hasRoom[candidate.mentorIndex]
                        )
                    }
            )
        }

        // Explaining a young person without a candidate checks every mentor: spread them over the cores.
        let unmatchedIndices = input.mentees.indices.filter { mentorOfMentee[$0] == nil }
        let heldOfMentee = chosenHeld(mentorOfMentee)
        // Gathered only where a young person has no candidate to explain.
        let columns = unmatchedIndices.contains { graph.candidatesOfMentee[$0].isEmpty } ? MentorColumns(rules: graph.rules) : nil
        let unmatched = ConcurrentChunks.map(unmatchedIndices) { [self, menteesOfMentor, heldOfMentee] menteeIndex in
            if graph.candidatesOfMentee[menteeIndex].isEmpty, let columns {
                return explainNoCandidate(menteeIndex, columns: columns)
            }
            let candidateMentors = rankedCandidates(of: menteeIndex).map { graph.candidates[$0].mentorIndex }
            let withRoom = candidateMentors.filter { hasRoom[$0] }
            return withRoom.isEmpty
                ? explainFullCandidates(
                    menteeIndex, candidateMentors: candidateMentors, menteesOfMentor: menteesOfMentor,
                    held: heldOfMentee, status: report.status
                )
                : explainHeldBack(menteeIndex, mentorsWithRoom: withRoom, status: report.status)
        }

        let remoteMentees = input.mentees.indices.filter { graph.rules.isRemote(menteeIndex: $0) }
        let tiers = TierValues(
            served: pairs.count,
            remoteServed: remoteMentees.filter { mentorOfMentee[$0] != nil }.count,
            mentorsUsed: loads.filter { $0.assigned > 0 }.count,
            fitPoints: pairs.reduce(0) { $0 + $1.score.points }
        )
        let summary = MatchingSummary(
            mentors: input.mentors.count, mentees: input.mentees.count, served: tiers.served,
            remoteMentees: remoteMentees.count, servedRemote: tiers.remoteServed,
            unmatched: input.mentees.count - tiers.served, idleMentors: input.mentors.count - tiers.mentorsUsed,
            mentorsUsed: tiers.mentorsUsed,
            meanTravelKm: pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.distanceKm } / Double(pairs.count),
            meanScore: pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.score.total } / Double(pairs.count),
            candidatePairs: graph.candidates.count, tiers: tiers
        )
        let (changes, continuitySummary) = ContinuityReport(graph: graph, continuity: continuity)
            .changes(chosen: chosen, mentorOfMentee: mentorOfMentee)
        return MatchingResult(
            pairs: pairs, unmatched: unmatched, alternatives: alternatives, mentorLoads: loads, summary: summary,
            solver: report, timings: StageTimings(), changes: changes, continuity: continuitySummary
        )
    }

    /// What holds each served young person in place: a coordinator's lock, a kept current pair, or nothing.
    private func chosenHeld(_ mentorOfMentee: [Int?]) -> [HeldBy?] {
        mentorOfMentee.map { candidateIndex in
            guard let candidateIndex else { return nil }
            let candidate = graph.candidates[candidateIndex]
            if continuity.isCoordinatorLock(candidate) { return .lock }
            if continuity.isCurrent(candidate) { return .currentPair }
            return nil
        }
    }

    enum HeldBy { case lock, currentPair }

    /// A young person's candidates, best fit first, then nearest, then by mentor id.
    func rankedCandidates(of menteeIndex: Int) -> [Int] {
        graph.candidatesOfMentee[menteeIndex].sorted(by: ranksBefore)
    }

    /// The first `count` of ``rankedCandidates(of:)`` other than the mentor `excluded`, picked in one pass: the
    /// order is total (mentor ids are unique), so the pick is the sorted list's prefix.
    func bestCandidates(of menteeIndex: Int, count: Int, excludingMentor excluded: Int?) -> [Int] {
        guard count > 0 else { return [] }
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        for index in graph.candidatesOfMentee[menteeIndex] where graph.candidates[index].mentorIndex != excluded {
            if best.count == count, let last = best.last, !ranksBefore(index, last) { continue }
            best.insert(index, at: best.firstIndex { ranksBefore(index, $0) } ?? best.count)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// Whether candidate `left` ranks before candidate `right` of the same young person.
    private func ranksBefore(_ left: Int, _ right: Int) -> Bool {
        let a = graph.candidates[left]
        let b = graph.candidates[right]
        if a.fitPoints != b.fitPoints { return a.fitPoints > b.fitPoints }
        if a.distanceKm != b.distanceKm { return a.distanceKm < b.distanceKm }
        // Index order is id order: the engine sorted the input by id.
        return a.mentorIndex < b.mentorIndex
    }

    /// Narrows the field of mentors rule by rule and names the rule where it runs out, the nearest near-misses and
    /// the single rules whose relaxation would give a candidate.
    func explainNoCandidate(_ menteeIndex: Int, columns: MentorColumns) -> UnmatchedMentee {
        let input = graph.rules.input
        let menteeID = input.mentees[menteeIndex].id
        let wording = RuleWording(rules: graph.rules)
        guard !input.mentors.isEmpty else {
            return UnmatchedMentee(
                menteeID: menteeID, kind: .noCandidate, reason: UnmatchedReason.noMentors.text(.en), reasonFacts: .noMentors,
                blockingRule: nil, nearMisses: [], relaxations: [], fullCandidates: []
            )
        }
        var mentorField = MentorField(rules: graph.rules, columns: columns, menteeIndex: menteeIndex)
        var narrowing: [UnmatchedReason.RuleCount] = []
        var exhaustion: FieldExhaustion?
        var blockingRule: HardRule?
        var passing = input.mentors.count
        for (position, rule) in HardRule.allCases.enumerated() {
            let survivors = mentorField.count(passingAll: HardRule.allCases.prefix(position + 1))
            if survivors == 0 {
                blockingRule = rule
                let nearest = mentorField.nearest(of: mentorField.mentors(passingAll: HardRule.allCases.prefix(position)))
                exhaustion = wording.exhaustion(
                    of: rule, menteeIndex: menteeIndex,
                    nearest: nearest.map { graph.rules.assess(mentorIndex: $0, menteeIndex: menteeIndex) }
                )
                break
            }
            if survivors < passing { narrowing.append(.init(rule: rule, passing: survivors)) }
            passing = survivors
        }

        let relaxations = HardRule.allCases.compactMap { rule in
            let count = mentorField.count(failingOnly: rule)
            return count > 0 ? Relaxation(rule: rule, candidates: count) : nil
        }
        // The few closest by fewest broken rules, then distance, then id (ids are sorted, so index order is id order).
        let nearMisses = mentorField.closest(Self.nearMissCount).map { mentorIndex in
            let assessment = graph.rules.assess(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
            let facts = wording.facts(of: assessment)
            return NearMiss(
                mentorID: input.mentors[mentorIndex].id, failedRules: assessment.failedRules,
                distanceKm: assessment.distanceKm, details: facts.map { $0.text(.en) }, detailFacts: facts
            )
        }
        let facts = UnmatchedReason.noCandidate(.init(
            mentorCount: input.mentors.count, narrowing: narrowing, exhaustion: exhaustion, relaxations: relaxations,
            closest: nearMisses.first
        ))
        return UnmatchedMentee(
            menteeID: menteeID, kind: .noCandidate, reason: facts.text(.en), reasonFacts: facts, blockingRule: blockingRule,
            nearMisses: Array(nearMisses), relaxations: relaxations, fullCandidates: []
        )
    }

    /// Every candidate is full (otherwise the optimum would have served this young person too).
    ///
    /// The claim is what optimality under the rules in force proves: every assignment that also serves this young
    /// person and keeps the locks (and, under `keep`, the current pairs) ranks no higher. A candidate whose every
    /// place is held by locks or kept current pairs is named as such: serving the young person there means breaking
    /// one of those.
    /// - Parameters:
    ///   - candidateMentors: the young person's candidate mentors, best first.
    ///   - menteesOfMentor: whom each mentor serves, in id order.
    func explainFullCandidates(
        _ menteeIndex: Int, candidateMentors: [Int], menteesOfMentor: [[Int]], held: [HeldBy?], status: TerminationReason
    ) -> UnmatchedMentee {
        let input = graph.rules.input
        let full = candidateMentors.map { mentorIndex in
            let serves = menteesOfMentor[mentorIndex]
            return FullCandidate(
                mentorID: input.mentors[mentorIndex].id, capacity: graph.capacity(mentorIndex: mentorIndex),
                serves: serves.map { input.mentees[$0].id },
                locked: serves.filter { held[$0] == .lock }.map { input.mentees[$0].id },
                current: serves.filter { held[$0] == .currentPair }.map { input.mentees[$0].id }
            )
        }
        let facts = UnmatchedReason.candidatesFull(.init(
            candidates: full, status: status, ranksCurrentPairs: continuity.ranksCurrentPairs,
            ranksPreviousSuggestions: continuity.ranksPreviousSuggestions
        ))
        return UnmatchedMentee(
            menteeID: input.mentees[menteeIndex].id, kind: .candidatesFull, reason: facts.text(.en), reasonFacts: facts,
            blockingRule: nil, nearMisses: [], relaxations: [], fullCandidates: full
        )
    }

    /// A candidate has room, so serving this young person would raise the first tier: in an optimal assignment only
    /// the minimum remote share can hold them back (the other side constraints only ask for more served).
    func explainHeldBack(_ menteeIndex: Int, mentorsWithRoom: [Int], status: TerminationReason) -> UnmatchedMentee {
        let input = graph.rules.input
        let facts = UnmatchedReason.heldBack(.init(mentorIDs: mentorsWithRoom.map { input.mentors[$0].id }, status: status))
        return UnmatchedMentee(
            menteeID: input.mentees[menteeIndex].id, kind: .heldBack, reason: facts.text(.en), reasonFacts: facts, blockingRule: nil,
            nearMisses: [], relaxations: [], fullCandidates: []
        )
    }
}
