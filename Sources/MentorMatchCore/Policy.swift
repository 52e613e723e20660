/// Every rule and weight of a matching run. The defaults are the programmes' rules (see DOMAIN.md).
public struct Policy: Sendable, Hashable, Codable {
    /// Ogre: a mentor is at least 20.
    public var minimumMentorAge = 20
    /// Mentees are 13 to 25.
    public var minimumMenteeAge = 13
    public var maximumMenteeAge = 25
    /// The mentor is older than the mentee by at least this many years.
    public var minimumAgeGap = 1
    /// Zemgale: one to three young people per mentor. A lower value caps every mentor's own capacity (a what-if);
    /// no value can lift a mentor above ``capacityLimit``.
    public var maximumCapacity = Policy.capacityLimit
    /// A programme-wide travel limit in km on top of each mentor's own `max_travel_km`; `nil` adds none.
    public var maximumTravelKm: Double?
    /// Ogre: meetings of at least one hour, so a pair needs one shared weekly stretch this long.
    public var meetingMinutes = 60
    /// Pairs must share a language.
    public var requireSharedLanguage = true
    /// Every need of the mentee must be among the mentor's specialisations.
    public var requireSpecialisations = true
    /// Hard gender preferences bind; when `false`, they count as soft.
    public var enforceHardGenderPreferences = true
    public var objective = ObjectivePolicy()
    public var sideConstraints = SideConstraints()
    /// How many alternative mentors to list for each young person.
    public var alternativesPerMentee = 3
    /// The solver stops after this many seconds and returns the best assignment found.
    public var timeLimitSeconds: Double = 60
    /// The day waiting times are counted to; `nil` uses the latest `waiting_since` in the input, so that a run
    /// never depends on the clock.
    public var referenceDate: LocalDate?
    /// Meeting calendars (`mentormatch schedule`). The matching reads only `matching_needs_room` (and, with it, the
    /// session settings that size a mentor's room: see ``capacity(of:)``).
    public var schedule = SchedulePolicy()

    public init() {}

    /// The programmes' rule: never more than three young people per mentor.
    public static let capacityLimit = 3

    /// A mentor's capacity under this policy: their own, lowered to `maximumCapacity`, and with
    /// `schedule.matching_needs_room` to the pairs their weekly windows have room for.
    public func capacity(of mentor: Mentor) -> Int {
        let capacity = min(mentor.capacity, maximumCapacity)
        return schedule.matchingNeedsRoom ? min(capacity, schedule.pairsWithRoom(in: mentor.availability)) : capacity
    }

    /// The policy file's keys of this section (see ``PolicyKeyTable``).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumMentorAge = "min_mentor_age"
        case minimumMenteeAge = "min_mentee_age"
        case maximumMenteeAge = "max_mentee_age"
        case minimumAgeGap = "min_age_gap"
        case maximumCapacity = "max_capacity"
        case maximumTravelKm = "max_travel_km"
        case meetingMinutes = "meeting_minutes"
        case requireSharedLanguage = "require_shared_language"
        case requireSpecialisations = "require_specialisations"
        case enforceHardGenderPreferences = "enforce_hard_gender_preferences"
        case objective
        case sideConstraints = "side_constraints"
        case alternativesPerMentee = "alternatives_per_mentee"
        case timeLimitSeconds = "time_limit_seconds"
        case referenceDate = "reference_date"
        case schedule
    }


    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Policy()
        minimumMentorAge = try container.decodeIfPresent(Int.self, forKey: .minimumMentorAge) ?? defaults.minimumMentorAge
        minimumMenteeAge = try container.decodeIfPresent(Int.self, forKey: .minimumMenteeAge) ?? defaults.minimumMenteeAge
        maximumMenteeAge = try container.decodeIfPresent(Int.self, forKey: .maximumMenteeAge) ?? defaults.maximumMenteeAge
        minimumAgeGap = try container.decodeIfPresent(Int.self, forKey: .minimumAgeGap) ?? defaults.minimumAgeGap
        maximumCapacity = try container.decodeIfPresent(Int.self, forKey: .maximumCapacity) ?? defaults.maximumCapacity
        maximumTravelKm = try container.decodeIfPresent(Double.self, forKey: .maximumTravelKm)
        meetingMinutes = try container.decodeIfPresent(Int.self, forKey: .meetingMinutes) ?? defaults.meetingMinutes
        requireSharedLanguage =
            try container.decodeIfPresent(Bool.self, forKey: .requireSharedLanguage) ?? defaults.requireSharedLanguage
        requireSpecialisations =
            try container.decodeIfPresent(Bool.self, forKey: .requireSpecialisations) ?? defaults.requireSpecialisations
        enforceHardGenderPreferences =
            try container.decodeIfPresent(Bool.self, forKey: .enforceHardGenderPreferences)
            ?? defaults.enforceHardGenderPreferences
        objective = try container.decodeIfPresent(ObjectivePolicy.self, forKey: .objective) ?? defaults.objective
        sideConstraints =
            try container.decodeIfPresent(SideConstraints.self, forKey: .sideConstraints) ?? defaults.sideConstraints
        alternativesPerMentee =
            try container.decodeIfPresent(Int.self, forKey: .alternativesPerMentee) ?? defaults.alternativesPerMentee
        timeLimitSeconds = try container.decodeIfPresent(Double.self, forKey: .timeLimitSeconds) ?? defaults.timeLimitSeconds
        referenceDate = try container.decodeIfPresent(LocalDate.self, forKey: .referenceDate)
        schedule = try container.decodeIfPresent(SchedulePolicy.self, forKey: .schedule) ?? defaults.schedule
    }
}

/// How the matching ranks assignments.
public struct ObjectivePolicy: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Tiers in strict order: served, then served from remote places, then mentors used, then fit.
        case lexicographic
        /// One weighted sum of the tiers with the weights below.
        case weighted
    }

    public var method: Method = .lexicographic
    /// Used only by `weighted`.
    public var tierWeights = TierWeights()
    /// How the fit score of a pair (0–1) is made of its parts; the parts' weights are normalised to sum to 1.
    public var fitWeights = FitWeights()

    public init() {}

    /// The policy file's keys of this section (see ``PolicyKeyTable``).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case method
        case tierWeights = "tier_weights"
        case fitWeights = "fit_weights"
    }


    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decodeIfPresent(Method.self, forKey: .method) ?? .lexicographic
        tierWeights = try container.decodeIfPresent(TierWeights.self, forKey: .tierWeights) ?? TierWeights()
        fitWeights = try container.decodeIfPresent(FitWeights.self, forKey: .fitWeights) ?? FitWeights()
    }
}

/// Weights of the four tiers when `method` is `weighted`; each multiplies a count (or the sum of fit scores).
public struct TierWeights: Sendable, Hashable, Codable {
    public var served: Double = 1000
    public var remoteServed: Double = 100
    public var mentorsUsed: Double = 10
    public var fit: Double = 1

    public init() {}

    /// The policy file's keys of this section (see ``PolicyKeyTable``).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case served
        case remoteServed = "remote_served"
        case mentorsUsed = "mentors_used"
        case fit
    }


    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TierWeights()
        served = try container.decodeIfPresent(Double.self, forKey: .served) ?? defaults.served
        remoteServed = try container.decodeIfPresent(Double.self, forKey: .remoteServed) ?? defaults.remoteServed
        mentorsUsed = try container.decodeIfPresent(Double.self, forKey: .mentorsUsed) ?? defaults.mentorsUsed
        fit = try container.decodeIfPresent(Double.self, forKey: .fit) ?? defaults.fit
    }
}

/// The parts of a pair's fit score.
public struct FitWeights: Sendable, Hashable, Codable {
    /// Shorter travel: 1 at the same place, 0 at the travel limit.
    public var travel: Double = 0.4
    /// Shared interests: the share of the mentee's interests the mentor shares.
    public var interests: Double = 0.2
    /// A soft gender preference honoured.
    public var genderPreference: Double = 0.15
    /// The mentee's priority, 0–5, scaled to 0–1.
    public var priority: Double = 0.15
    /// Waiting time: 1 for the longest wait in the input (or a year, whichever is longer), 0 for a new referral.
    public var waiting: Double = 0.1

    public init() {}

    /// The policy file's keys of this section (see ``PolicyKeyTable``).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case travel, interests, priority, waiting
        case genderPreference = "gender_preference"
    }


    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FitWeights()
        travel = try container.decodeIfPresent(Double.self, forKey: .travel) ?? defaults.travel
        interests = try container.decodeIfPresent(Double.self, forKey: .interests) ?? defaults.interests
        genderPreference = try container.decodeIfPresent(Double.self, forKey: .genderPreference) ?? defaults.genderPreference
        priority = try container.decodeIfPresent(Double.self, forKey: .priority) ?? defaults.priority
        waiting = try container.decodeIfPresent(Double.self, forKey: .waiting) ?? defaults.waiting
    }

    /// The sum of the weights; a valid policy has a positive sum.
    public var total: Double { travel + interests + genderPreference + priority + waiting }
}

/// Optional rules that make the programme a mixed-integer one.
public struct SideConstraints: Sendable, Hashable, Codable {
    /// At least this share (0–1) of the matched young people come from remote places.
    public var minimumRemoteShare: Double?
    /// At least this many young people served in each named place.
    public var minimumServedPerPlace: [String: Int] = [:]

    public init(minimumRemoteShare: Double? = nil, minimumServedPerPlace: [String: Int] = [:]) {
        self.minimumRemoteShare = minimumRemoteShare
        self.minimumServedPerPlace = minimumServedPerPlace
    }

    public var isEmpty: Bool { minimumRemoteShare == nil && minimumServedPerPlace.isEmpty }

    /// The policy file's keys of this section (see ``PolicyKeyTable``).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumRemoteShare = "min_remote_share"
        case minimumServedPerPlace = "min_served_per_place"
    }


    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minimumRemoteShare = try container.decodeIfPresent(Double.self, forKey: .minimumRemoteShare)
        minimumServedPerPlace = try container.decodeIfPresent([String: Int].self, forKey: .minimumServedPerPlace) ?? [:]
    }
}
