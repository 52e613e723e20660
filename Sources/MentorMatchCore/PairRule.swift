/// A coordinator's decision about one mentor–mentee pair.
public struct PairRule: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The pair must appear in the result; it must satisfy every hard rule.
        case lock
        /// The pair must never appear.
        case forbid
    }

    public var mentorID: String
    public var menteeID: String
    public var kind: Kind

    public init(mentorID: String, menteeID: String, kind: Kind) {
        self.mentorID = mentorID
        self.menteeID = menteeID
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case mentorID = "mentor_id"
        case menteeID = "mentee_id"
        case kind = "rule"
    }
}

/// Everything a matching run needs apart from the policy: the raw input, as read.
public struct MatchingInput: Sendable, Hashable, Codable {
    public var mentors: [Mentor]
    public var mentees: [Mentee]
    public var places: [Place]
    public var pairRules: [PairRule]
    /// The pairs meeting now; what happens to them is `Policy.continuity`.
    public var currentPairs: [CurrentPair]
    /// Suggestions of an earlier run not yet confirmed: among optimal answers, the run keeps the most of them.
    public var previousSuggestions: [SuggestedPair]

    public init(
        mentors: [Mentor], mentees: [Mentee], places: [Place], pairRules: [PairRule] = [],
        currentPairs: [CurrentPair] = [], previousSuggestions: [SuggestedPair] = []
    ) {
        self.mentors = mentors
        self.mentees = mentees
        self.places = places
        self.pairRules = pairRules
        self.currentPairs = currentPairs
        self.previousSuggestions = previousSuggestions
    }

    enum CodingKeys: String, CodingKey {
        case mentors, mentees, places
        case pairRules = "pair_rules"
        case currentPairs = "current_pairs"
        case previousSuggestions = "previous_suggestions"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mentors = try container.decode([Mentor].self, forKey: .mentors)
        mentees = try container.decode([Mentee].self, forKey: .mentees)
        places = try container.decode([Place].self, forKey: .places)
        pairRules = try container.decodeIfPresent([PairRule].self, forKey: .pairRules) ?? []
        currentPairs = try container.decodeIfPresent([CurrentPair].self, forKey: .currentPairs) ?? []
        previousSuggestions = try container.decodeIfPresent([SuggestedPair].self, forKey: .previousSuggestions) ?? []
    }
}
