import MentorMatchCore

/// How one mentor–mentee pair fares against every hard rule.
public struct PairAssessment: Sendable, Hashable {
    public var mentorIndex: Int
    public var menteeIndex: Int
    public var distanceKm: Double
    /// The effective travel limit: the mentor's, lowered by the policy's.
    public var travelLimitKm: Double
    /// The longest weekly stretch one window of each shares, in minutes.
    public var sharedMinutes: Int
    /// Rules the pair breaks, in ``HardRule`` order; empty for a candidate.
    public var failedRules: [HardRule]

    public var isCandidate: Bool { failedRules.isEmpty }
}

/// Evaluates the hard rules of a policy on pairs of one input.
///
/// Coordinates are resolved once; an input that reached here has been validated (known places, valid values).
public struct CompatibilityRules: Sendable {
    public let input: MatchingInput
    public let policy: Policy
    let mentorPoints: [Coordinate]
    let menteePoints: [Coordinate]
    let menteeIsRemote: [Bool]
    let forbiddenPairs: Set<PairKey>

    struct PairKey: Hashable, Sendable {
        var mentorID: String
        var menteeID: String
    }

    public init(input: MatchingInput, policy: Policy) {
        self.input = input
        self.policy = policy
        let places = Dictionary(input.places.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func point(_ location: Location) -> Coordinate {
            location.coordinate ?? places[location.place]?.coordinate ?? Coordinate(latitude: 0, longitude: 0)
        }
        mentorPoints = input.mentors.map { point($0.location) }
        menteePoints = input.mentees.map { point($0.location) }
        menteeIsRemote = input.mentees.map { places[$0.location.place]?.isRemote ?? false }
        forbiddenPairs = Set(
            input.pairRules.filter { $0.kind == .forbid }.map { PairKey(mentorID: $0.mentorID, menteeID: $0.menteeID) }
        )
    }

    /// Whether the mentee at `index` lives in a remote place.
    public func isRemote(menteeIndex index: Int) -> Bool { menteeIsRemote[index] }

    public func travelLimitKm(mentorIndex: Int) -> Double {
        let own = input.mentors[mentorIndex].maxTravelKm
        guard let programmeLimit = policy.maximumTravelKm else { return own }
        return min(own, programmeLimit)
    }

    public func distanceKm(mentorIndex: Int, menteeIndex: Int) -> Double {
        mentorPoints[mentorIndex].distanceKm(to: menteePoints[menteeIndex])
    }

    /// Every rule the pair breaks.
    public func assess(mentorIndex: Int, menteeIndex: Int) -> PairAssessment {
        let mentor = input.mentors[mentorIndex]
        let mentee = input.mentees[menteeIndex]
        var failed: [HardRule] = []
        let distance = distanceKm(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
        let limit = travelLimitKm(mentorIndex: mentorIndex)
        if distance > limit { failed.append(.travel) }
        if policy.requireSharedLanguage && !sharesAnyToken(mentor.languages, mentee.languages) {
            failed.append(.language)
        }
        if policy.requireSpecialisations && !mentee.needs.allSatisfy({ mentor.specialisations.contains($0) }) {
            failed.append(.specialisation)
        }
        if mentor.age - mentee.age < policy.minimumAgeGap { failed.append(.ageGap) }
        if policy.enforceHardGenderPreferences, let preference = mentee.mentorGenderPreference,
            preference.strength == .hard, preference.gender != mentor.gender
        {
            failed.append(.genderPreference)
        }
        let shared = mentor.availability.longestSharedStretch(with: mentee.availability)
        if shared < policy.meetingMinutes { failed.append(.availability) }
        if forbiddenPairs.contains(PairKey(mentorID: mentor.id, menteeID: mentee.id)) { failed.append(.forbidden) }
        return PairAssessment(
            mentorIndex: mentorIndex, menteeIndex: menteeIndex, distanceKm: distance, travelLimitKm: limit,
            sharedMinutes: shared, failedRules: failed
        )
    }

    /// Whether two sorted token lists share an element.
    private func sharesAnyToken(_ left: [String], _ right: [String]) -> Bool {
        var i = 0
        var j = 0
        while i < left.count && j < right.count {
            if left[i] == right[j] { return true }
            if left[i] < right[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}
