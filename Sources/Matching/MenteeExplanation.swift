import MentorMatchCore

/// One mentor seen from one young person: the rule checks, and the fit when the pair is a candidate.
public struct MentorCheck: Sendable, Hashable, Codable {
    public var mentorID: String
    public var distanceKm: Double
    public var sharedMinutes: Int
    public var failedRules: [HardRule]
    /// Each failed rule in words.
    public var details: [String]
    /// The facts behind `details`, for wording them in another language.
    public var detailFacts: [RuleFact] = []
    /// The fit, for candidates only.
    public var score: FitScore?
    /// Young people this mentor serves in the suggestion, out of `capacity`.
    public var assigned: Int
    public var capacity: Int

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case assigned
        case capacity
        case details
        case distanceKm = "distance_km"
        case failedRules = "failed_rules"
        case mentorID = "mentor_id"
        case score
        case sharedMinutes = "shared_minutes"
    }
}

/// A young person's full picture: the suggestion, the reason if unmatched, and every mentor checked.
public struct MenteeExplanation: Sendable, Hashable, Codable {
    public var menteeID: String
    public var place: String
    public var isRemote: Bool
    public var assignedMentorID: String?
    public var unmatched: UnmatchedMentee?
    public var alternatives: [Alternative]
    /// Candidates first (best fit first), then the others (fewest failed rules, then nearest).
    public var mentors: [MentorCheck]

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case alternatives
        case assignedMentorID = "assigned_mentor_id"
        case menteeID = "mentee_id"
        case mentors
        case place
        case isRemote = "remote"
        case unmatched
    }
}

extension MatchingEngine.Preparation {
    /// Explains one young person's place in a result of this preparation; `nil` for an unknown id.
    public func explain(menteeID: String, in result: MatchingResult) -> MenteeExplanation? {
        guard let menteeIndex = input.mentees.firstIndex(where: { $0.id == menteeID }) else { return nil }
        let mentee = input.mentees[menteeIndex]
        let loads = Dictionary(result.mentorLoads.map { ($0.mentorID, $0) }, uniquingKeysWith: { a, _ in a })
        let candidateFit = Dictionary(
            graph.candidatesOfMentee[menteeIndex].map { (graph.candidates[$0].mentorIndex, graph.fit(of: graph.candidates[$0])) },
            uniquingKeysWith: { first, _ in first }
        )
        let wording = RuleWording(rules: graph.rules)
        let checks = input.mentors.indices.map { mentorIndex -> MentorCheck in
            let assessment = graph.rules.assess(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
            let mentor = input.mentors[mentorIndex]
            let facts = wording.facts(of: assessment)
            return MentorCheck(
                mentorID: mentor.id, distanceKm: assessment.distanceKm, sharedMinutes: assessment.sharedMinutes,
                failedRules: assessment.failedRules, details: facts.map { $0.text(.en) }, detailFacts: facts,
                score: candidateFit[mentorIndex],
                assigned: loads[mentor.id]?.assigned ?? 0, capacity: graph.capacity(mentorIndex: mentorIndex)
            )
        }.sorted { left, right in
            switch (left.score, right.score) {
            case let (a?, b?): (-a.points, left.distanceKm, left.mentorID) < (-b.points, right.distanceKm, right.mentorID)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil):
                (left.failedRules.count, left.distanceKm, left.mentorID) < (right.failedRules.count, right.distanceKm, right.mentorID)
            }
        }
        let alternatives = result.alternatives.first { $0.menteeID == menteeID }
        return MenteeExplanation(
            menteeID: menteeID, place: mentee.location.place, isRemote: graph.rules.isRemote(menteeIndex: menteeIndex),
            assignedMentorID: alternatives?.assignedMentorID, unmatched: result.unmatched.first { $0.menteeID == menteeID },
            alternatives: alternatives?.alternatives ?? [], mentors: checks
        )
    }
}
