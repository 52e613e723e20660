import MentorMatchCore

/// A pair that satisfies every hard rule, with its distance and fit.
public struct Candidate: Sendable, Hashable {
    public var mentorIndex: Int
    public var menteeIndex: Int
    public var distanceKm: Double
    public var fit: FitScore
    /// The coordinator locked this pair.
    public var isLocked: Bool
}

/// All candidate pairs of an input under a policy, grouped by mentee.
///
/// Mentors and mentees are addressed by their index in the input; the engine sorts the input by id first, so the
/// graph — and everything solved from it — does not depend on the order of rows in the files.
public struct CandidateGraph: Sendable {
    public let rules: CompatibilityRules
    /// Every candidate, ordered by mentee, then mentor.
    public let candidates: [Candidate]
    /// `candidatesOfMentee[j]` lists indices into `candidates`.
    public let candidatesOfMentee: [[Int]]
    /// `candidatesOfMentor[m]` lists indices into `candidates`.
    public let candidatesOfMentor: [[Int]]

    /// Builds the graph by checking every mentor against every mentee.
    /// - Complexity: O(mentors × mentees) rule checks.
    public init(rules: CompatibilityRules) {
        self.rules = rules
        let input = rules.input
        let scorer = FitScorer(input: input, policy: rules.policy)
        let locked = Set(
            input.pairRules.filter { $0.kind == .lock }.map {
                CompatibilityRules.PairKey(mentorID: $0.mentorID, menteeID: $0.menteeID)
            }
        )
        var candidates: [Candidate] = []
        var ofMentee = [[Int]](repeating: [], count: input.mentees.count)
        var ofMentor = [[Int]](repeating: [], count: input.mentors.count)
        for (menteeIndex, mentee) in input.mentees.enumerated() {
            for (mentorIndex, mentor) in input.mentors.enumerated() {
                let assessment = rules.assess(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
                guard assessment.isCandidate else { continue }
                let fit = scorer.score(
                    mentor: mentor, mentee: mentee, distanceKm: assessment.distanceKm,
                    travelLimitKm: assessment.travelLimitKm
                )
                ofMentee[menteeIndex].append(candidates.count)
                ofMentor[mentorIndex].append(candidates.count)
                candidates.append(
                    Candidate(
                        mentorIndex: mentorIndex, menteeIndex: menteeIndex, distanceKm: assessment.distanceKm,
                        fit: fit, isLocked: locked.contains(.init(mentorID: mentor.id, menteeID: mentee.id))
                    )
                )
            }
        }
        self.candidates = candidates
        candidatesOfMentee = ofMentee
        candidatesOfMentor = ofMentor
    }

    /// A mentor's capacity under the policy.
    public func capacity(mentorIndex: Int) -> Int {
        rules.policy.capacity(of: rules.input.mentors[mentorIndex])
    }
}
