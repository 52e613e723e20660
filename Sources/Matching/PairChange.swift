/// How one pair differs from the pairs meeting now.
public struct PairChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A current pair in the result.
        case kept
        /// A pair in the result that is not meeting now.
        case new
        /// A current pair whose period ended before the reference date.
        case ended
        /// A current pair that can no longer stand (a person left, a hard rule, a lock, the mentor's capacity).
        case released
        /// `minimal_change`: a current pair broken, the young person left without a mentor.
        case broken
        /// `minimal_change`: a current pair broken, the young person with another mentor.
        case moved
    }

    public var mentorID: String
    public var menteeID: String
    public var change: Kind
    public var reason: String
    /// The facts behind `reason`, for wording them in another language.
    public var reasonFacts: ChangeReason?

    /// A change whose reason is worded in English from its facts.
    public init(mentorID: String, menteeID: String, change: Kind, reasonFacts: ChangeReason) {
        (self.mentorID, self.menteeID, self.change) = (mentorID, menteeID, change)
        (reason, self.reasonFacts) = (reasonFacts.text(.en), reasonFacts)
    }

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case change
        case menteeID = "mentee_id"
        case mentorID = "mentor_id"
        case reason
    }
}

/// The counts a coordinator reads first after a monthly run.
public struct ContinuitySummary: Sendable, Hashable, Codable {
    public var mode: String
    public var currentPairs = 0
    public var kept = 0
    /// Broken current pairs, the young person left without a mentor (minimal_change).
    public var broken = 0
    /// Broken current pairs, the young person with another mentor (minimal_change).
    public var moved = 0
    public var ended = 0
    public var released = 0
    /// Pairs in the result that are not meeting now.
    public var new = 0
    /// Previous suggestions given, and kept in the result.
    public var previousSuggestions = 0
    public var previousKept = 0

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case broken
        case currentPairs = "current_pairs"
        case ended
        case kept
        case mode
        case moved
        case new
        case previousKept = "previous_kept"
        case previousSuggestions = "previous_suggestions"
        case released
    }
}
