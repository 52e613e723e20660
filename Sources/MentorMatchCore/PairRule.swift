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

    public init(mentors: [Mentor], mentees: [Mentee], places: [Place], pairRules: [PairRule] = []) {
        self.mentors = mentors
        self.mentees = mentees
        self.places = places
        self.pairRules = pairRules
    }
}
