import LinearProgramming
import MentorMatchCore

/// A suggested pair.
public struct MatchedPair: Sendable, Hashable, Codable {
    public var mentorID: String
    public var menteeID: String
    public var distanceKm: Double
    public var score: FitScore
    /// The coordinator locked this pair.
    public var locked: Bool
    /// The pair is meeting now (a current pair kept).
    public var current: Bool

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case current
        case distanceKm = "distance_km"
        case locked
        case menteeID = "mentee_id"
        case mentorID = "mentor_id"
        case score
    }
}

/// Why a young person has no mentor in the suggestion.
public enum UnmatchedKind: String, Sendable, Hashable, Codable {
    /// No mentor satisfies every hard rule.
    case noCandidate = "no_candidate"
    /// Every candidate mentor is full with young people the objective ranks at least as high.
    case candidatesFull = "candidates_full"
    /// A candidate mentor has room, but serving this young person would take the share of remote young people below
    /// the policy's minimum (or the solver stopped before proving optimality).
    case heldBack = "held_back"
}

/// A mentor who fails only some rules for a young person: the closest to being a candidate.
public struct NearMiss: Sendable, Hashable, Codable {
    public var mentorID: String
    public var failedRules: [HardRule]
    public var distanceKm: Double
    /// Each failed rule in words, such as "31.2 km away, limit 25 km".
    public var details: [String]
    /// The facts behind `details`, for wording them in another language.
    public var detailFacts: [RuleFact] = []

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case details
        case distanceKm = "distance_km"
        case failedRules = "failed_rules"
        case mentorID = "mentor_id"
    }
}

/// Relaxing one rule alone would give this many candidates.
public struct Relaxation: Sendable, Hashable, Codable {
    public var rule: HardRule
    public var candidates: Int

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case candidates, rule
    }
}

/// A young person left unmatched, and what a coordinator can do about it.
public struct UnmatchedMentee: Sendable, Hashable, Codable {
    public var menteeID: String
    public var kind: UnmatchedKind
    /// One sentence a coordinator can act on.
    public var reason: String
    /// The facts behind `reason`, for wording them in another language.
    public var reasonFacts: UnmatchedReason?
    /// For `no_candidate`: the rule at which the field of mentors runs out, checking rules in ``HardRule`` order.
    public var blockingRule: HardRule?
    /// For `no_candidate`: the mentors failing the fewest rules, nearest first.
    public var nearMisses: [NearMiss]
    /// For `no_candidate`: rules whose relaxation alone gives candidates.
    public var relaxations: [Relaxation]
    /// For `candidates_full`: the candidate mentors and whom they serve instead.
    public var fullCandidates: [FullCandidate]

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case blockingRule = "blocking_rule"
        case fullCandidates = "full_candidates"
        case kind
        case menteeID = "mentee_id"
        case nearMisses = "near_misses"
        case reason
        case relaxations
    }
}

/// A candidate mentor who is full, with the young people served instead.
public struct FullCandidate: Sendable, Hashable, Codable {
    public var mentorID: String
    public var capacity: Int
    public var serves: [String]
    /// Of `serves`: young people locked to this mentor by the coordinator.
    public var locked: [String]
    /// Of `serves`: young people in a current pair with this mentor that the run keeps.
    public var current: [String]

    public init(mentorID: String, capacity: Int, serves: [String], locked: [String], current: [String]) {
        (self.mentorID, self.capacity, self.serves, self.locked, self.current) = (mentorID, capacity, serves, locked, current)
    }

    /// Every place is taken by a lock or a kept current pair: serving someone else here means breaking one.
    public var isHeld: Bool { locked.count + current.count >= serves.count }

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case capacity
        case current
        case locked
        case mentorID = "mentor_id"
        case serves
    }
}

/// Another mentor a coordinator could choose for a young person.
public struct Alternative: Sendable, Hashable, Codable {
    public var mentorID: String
    public var distanceKm: Double
    public var score: Double
    /// The mentor has a free place in the suggestion.
    public var hasRoom: Bool

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case distanceKm = "distance_km"
        case hasRoom = "has_room"
        case mentorID = "mentor_id"
        case score
    }
}

/// The next best mentors for one young person, best first.
public struct MenteeAlternatives: Sendable, Hashable, Codable {
    public var menteeID: String
    public var assignedMentorID: String?
    public var alternatives: [Alternative]

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case alternatives
        case assignedMentorID = "assigned_mentor_id"
        case menteeID = "mentee_id"
    }
}

/// How full a mentor is in the suggestion.
public struct MentorLoad: Sendable, Hashable, Codable {
    public var mentorID: String
    public var capacity: Int
    public var assigned: Int
    public var menteeIDs: [String]
    /// Candidates this mentor had: a mentor with none is idle for a reason the coordinator should see.
    public var candidateCount: Int

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case assigned
        case candidateCount = "candidate_count"
        case capacity
        case menteeIDs = "mentee_ids"
        case mentorID = "mentor_id"
    }
}

/// Figures a coordinator reads first.
public struct MatchingSummary: Sendable, Hashable, Codable {
    public var mentors: Int
    public var mentees: Int
    public var served: Int
    public var remoteMentees: Int
    public var servedRemote: Int
    public var unmatched: Int
    public var idleMentors: Int
    public var mentorsUsed: Int
    public var meanTravelKm: Double
    public var meanScore: Double
    public var candidatePairs: Int
    /// The optimum of every tier.
    public var tiers: TierValues

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case candidatePairs = "candidate_pairs"
        case idleMentors = "idle_mentors"
        case meanScore = "mean_score"
        case meanTravelKm = "mean_travel_km"
        case mentees
        case mentors
        case mentorsUsed = "mentors_used"
        case remoteMentees = "remote_mentees"
        case served
        case servedRemote = "served_remote"
        case tiers
        case unmatched
    }
}

/// Seconds each stage took; the layers that read and write fill in their own stages.
public struct StageTimings: Sendable, Hashable, Codable {
    public var reading: Double = 0
    public var candidates: Double = 0
    public var model: Double = 0
    public var solve: Double = 0
    public var explanations: Double = 0
    /// Rendering the CSV files; `result.json`, which holds these timings, is encoded after them.
    public var writing: Double = 0

    public init() {}

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case candidates, explanations, model, reading, solve, writing
    }
}

/// Everything a matching run produces.
public struct MatchingResult: Sendable, Hashable, Codable {
    /// Sorted by mentor id, then mentee id.
    public var pairs: [MatchedPair]
    /// Sorted by mentee id.
    public var unmatched: [UnmatchedMentee]
    /// One entry per young person, sorted by mentee id.
    public var alternatives: [MenteeAlternatives]
    /// Sorted by mentor id.
    public var mentorLoads: [MentorLoad]
    public var summary: MatchingSummary
    public var solver: SolverReport
    public var timings: StageTimings
    /// What became of each current pair, and every new pair (empty when the run had no current pairs).
    public var changes: [PairChange]
    public var continuity: ContinuitySummary
    /// What each side constraint of the policy costs (empty without side constraints, or when not asked for:
    /// ``MatchingEngine/sideConstraintPrices(_:result:)`` solves once more per constraint).
    public var sideConstraintPrices: [SideConstraintPrice] = []

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case alternatives
        case changes
        case continuity
        case mentorLoads = "mentor_loads"
        case pairs
        case sideConstraintPrices = "side_constraint_prices"
        case solver
        case summary
        case timings
        case unmatched
    }
}
