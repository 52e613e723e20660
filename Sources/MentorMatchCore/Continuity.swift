/// A pair that is meeting now (last month's confirmed match), read from `--current`.
public struct CurrentPair: Sendable, Hashable, Codable {
    public var mentorID: String
    public var menteeID: String
    /// When the pair started meeting, if known.
    public var since: LocalDate?
    /// The last day of the pair's agreed period; a pair whose `until` is before the reference date has ended.
    public var until: LocalDate?

    public init(mentorID: String, menteeID: String, since: LocalDate? = nil, until: LocalDate? = nil) {
        self.mentorID = mentorID
        self.menteeID = menteeID
        self.since = since
        self.until = until
    }

    enum CodingKeys: String, CodingKey {
        case mentorID = "mentor_id"
        case menteeID = "mentee_id"
        case since, until
    }
}

/// A pair suggested by an earlier run and not yet confirmed, read from `--previous`: the run prefers to keep it.
public struct SuggestedPair: Sendable, Hashable, Codable, Comparable {
    public var mentorID: String
    public var menteeID: String

    public init(mentorID: String, menteeID: String) {
        self.mentorID = mentorID
        self.menteeID = menteeID
    }

    public static func < (lhs: SuggestedPair, rhs: SuggestedPair) -> Bool {
        (lhs.mentorID, lhs.menteeID) < (rhs.mentorID, rhs.menteeID)
    }

    enum CodingKeys: String, CodingKey {
        case mentorID = "mentor_id"
        case menteeID = "mentee_id"
    }
}

/// What a run does with the pairs that are meeting now (`continuity:` in the policy file).
public struct ContinuityPolicy: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every current pair that is still allowed stays matched, outside the optimisation.
        case keep
        /// Current pairs may move only where that serves more young people: served first, then the fewest current
        /// pairs broken, then the other tiers.
        case minimalChange = "minimal_change"
        /// Current pairs are ignored (each run starts afresh).
        case none
    }

    public var mode: Mode = .keep
    /// In `minimal_change`: at most this many current pairs may be broken (a hard limit); `nil` for no limit.
    public var maxChanges: Int?

    public init(mode: Mode = .keep, maxChanges: Int? = nil) {
        self.mode = mode
        self.maxChanges = maxChanges
    }

    /// The policy file's keys of this section (see ``PolicyKeyTable``).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case mode
        case maxChanges = "max_changes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decodeIfPresent(Mode.self, forKey: .mode) ?? .keep
        maxChanges = try container.decodeIfPresent(Int.self, forKey: .maxChanges)
    }
}

extension MatchingInput {
    /// The day waiting times and the end of current pairs are counted to: the policy's `reference_date`, else the
    /// latest `waiting_since` in the input, so that a run never depends on the clock.
    public func referenceDate(policy: Policy) -> LocalDate? {
        policy.referenceDate ?? mentees.compactMap(\.waitingSince).max()
    }
}

