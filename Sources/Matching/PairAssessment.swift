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
/// Coordinates, travel limits and token sets are resolved once, so that a pair check allocates nothing: the
/// candidate graph checks millions of pairs. An input that reached here has been validated (known places, valid
/// values).
public struct CompatibilityRules: Sendable {
    public let input: MatchingInput
    public let policy: Policy
    let mentorPoints: [Coordinate]
    let menteePoints: [Coordinate]
    let menteeIsRemote: [Bool]
    let mentorTravelLimits: [Double]
    /// Languages and specialisations or needs as bit sets over one shared vocabulary each.
    let mentorLanguages: [TokenSet]
    let menteeLanguages: [TokenSet]
    let mentorSpecialisations: [TokenSet]
    let menteeNeeds: [TokenSet]
    /// `mentorIndex << 32 | menteeIndex` of each forbidden pair.
    let forbiddenPairs: Set<Int>

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
        mentorTravelLimits = input.mentors.map { mentor in
            policy.maximumTravelKm.map { min(mentor.maxTravelKm, $0) } ?? mentor.maxTravelKm
        }
        let languages = TokenSet.sets(input.mentors.map(\.languages) + input.mentees.map(\.languages))
        mentorLanguages = Array(languages.prefix(input.mentors.count))
        menteeLanguages = Array(languages.dropFirst(input.mentors.count))
        let topics = TokenSet.sets(input.mentors.map(\.specialisations) + input.mentees.map(\.needs))
        mentorSpecialisations = Array(topics.prefix(input.mentors.count))
        menteeNeeds = Array(topics.dropFirst(input.mentors.count))
        forbiddenPairs = Self.indexPairs(of: .forbid, in: input)
    }

    /// `mentorIndex << 32 | menteeIndex` of every pair rule of a kind whose ids are both in the input.
    static func indexPairs(of kind: PairRule.Kind, in input: MatchingInput) -> Set<Int> {
        let rules = input.pairRules.filter { $0.kind == kind }
        guard !rules.isEmpty else { return [] }
        let mentorIndex = Dictionary(input.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let menteeIndex = Dictionary(input.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return Set(rules.compactMap { rule in
            guard let mentor = mentorIndex[rule.mentorID], let mentee = menteeIndex[rule.menteeID] else { return nil }
            return pairKey(mentorIndex: mentor, menteeIndex: mentee)
        })
    }

    static func pairKey(mentorIndex: Int, menteeIndex: Int) -> Int { mentorIndex << 32 | menteeIndex }

    /// Whether the mentee at `index` lives in a remote place.
    public func isRemote(menteeIndex index: Int) -> Bool { menteeIsRemote[index] }

    /// The effective travel limit: the mentor's, lowered by the policy's.
    public func travelLimitKm(mentorIndex: Int) -> Double { mentorTravelLimits[mentorIndex] }

    /// The largest travel limit of any mentor (0 without mentors): no candidate is farther apart.
    public var largestTravelLimitKm: Double { mentorTravelLimits.max() ?? 0 }

    public func distanceKm(mentorIndex: Int, menteeIndex: Int) -> Double {
        mentorPoints[mentorIndex].distanceKm(to: menteePoints[menteeIndex])
    }

    /// The distance of a pair that satisfies every hard rule, or `nil`: the cheap rules first, allocation-free.
    func candidateDistance(mentorIndex: Int, menteeIndex: Int) -> Double? {
        let mentor = input.mentors[mentorIndex]
        let mentee = input.mentees[menteeIndex]
        guard mentor.age - mentee.age >= policy.minimumAgeGap,
            !breaksHardGenderPreference(mentor: mentor, mentee: mentee),
            !policy.requireSharedLanguage || mentorLanguages[mentorIndex].intersects(menteeLanguages[menteeIndex]),
            !policy.requireSpecialisations || menteeNeeds[menteeIndex].isSubset(of: mentorSpecialisations[mentorIndex])
        else { return nil }
        // Latitude alone bounds the great-circle distance from below and costs no trigonometry (the slack covers
        // rounding, so the exact check below decides every borderline pair).
        let limit = mentorTravelLimits[mentorIndex]
        let mentorPoint = mentorPoints[mentorIndex]
        let menteePoint = menteePoints[menteeIndex]
        guard abs(mentorPoint.latitude - menteePoint.latitude) * Coordinate.kilometresPerDegreeOfLatitude
            <= limit * (1 + 1e-9) + 1e-9
        else { return nil }
        let distance = mentorPoint.distanceKm(to: menteePoint)
        guard distance <= limit,
            mentor.availability.longestSharedStretch(with: mentee.availability) >= policy.meetingMinutes,
            forbiddenPairs.isEmpty
                || !forbiddenPairs.contains(Self.pairKey(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
        else { return nil }
        return distance
    }

    private func breaksHardGenderPreference(mentor: Mentor, mentee: Mentee) -> Bool {
        guard policy.enforceHardGenderPreferences, let preference = mentee.mentorGenderPreference else { return false }
        return preference.strength == .hard && preference.gender != mentor.gender
    }

    /// Every rule the pair breaks.
    public func assess(mentorIndex: Int, menteeIndex: Int) -> PairAssessment {
        let check = failedRules(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
        return PairAssessment(
            mentorIndex: mentorIndex, menteeIndex: menteeIndex, distanceKm: check.distanceKm,
            travelLimitKm: travelLimitKm(mentorIndex: mentorIndex),
            sharedMinutes: input.mentors[mentorIndex].availability.longestSharedStretch(
                with: input.mentees[menteeIndex].availability),
            failedRules: HardRule.allCases.filter { check.fails($0) }
        )
    }

    /// Every rule the pair breaks, as bits, without allocating: explanations check every mentor for each young
    /// person without a candidate.
    func failedRules(mentorIndex: Int, menteeIndex: Int) -> RuleCheck {
        let mentor = input.mentors[mentorIndex]
        let mentee = input.mentees[menteeIndex]
        var check = RuleCheck(distanceKm: distanceKm(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
        if check.distanceKm > mentorTravelLimits[mentorIndex] { check.add(.travel) }
        if policy.requireSharedLanguage && !mentorLanguages[mentorIndex].intersects(menteeLanguages[menteeIndex]) {
            check.add(.language)
        }
        if policy.requireSpecialisations
            && !menteeNeeds[menteeIndex].isSubset(of: mentorSpecialisations[mentorIndex])
        {
            check.add(.specialisation)
        }
        if mentor.age - mentee.age < policy.minimumAgeGap { check.add(.ageGap) }
        if breaksHardGenderPreference(mentor: mentor, mentee: mentee) { check.add(.genderPreference) }
        if mentor.availability.longestSharedStretch(with: mentee.availability) < policy.meetingMinutes {
            check.add(.availability)
        }
        if !forbiddenPairs.isEmpty
            && forbiddenPairs.contains(Self.pairKey(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
        {
            check.add(.forbidden)
        }
        return check
    }
}

/// The rules one pair breaks, as bits in ``HardRule`` order, and its distance.
struct RuleCheck: Sendable {
    private(set) var bits: UInt8 = 0
    var distanceKm: Double

    init(distanceKm: Double) {
        self.distanceKm = distanceKm
    }

    /// A rule's bit: its position in ``HardRule`` order.
    private static func bit(_ rule: HardRule) -> UInt8 {
        switch rule {
        case .travel: 1 << 0
        case .language: 1 << 1
        case .specialisation: 1 << 2
        case .ageGap: 1 << 3
        case .genderPreference: 1 << 4
        case .availability: 1 << 5
        case .forbidden: 1 << 6
        }
    }

    mutating func add(_ rule: HardRule) { bits |= Self.bit(rule) }

    func fails(_ rule: HardRule) -> Bool { bits & Self.bit(rule) != 0 }

    /// Fails this rule and no other.
    func failsOnly(_ rule: HardRule) -> Bool { bits == Self.bit(rule) }

    var failedCount: Int { bits.nonzeroBitCount }
}

/// A set of tokens (languages, topics) as bits over a vocabulary shared by everyone in one input.
struct TokenSet: Sendable, Hashable {
    /// Words of 64 bits; inputs rarely need more than one.
    private var words: [UInt64]

    /// One set per list, over the sorted vocabulary of all the lists.
    static func sets(_ lists: [[String]]) -> [TokenSet] {
        let vocabulary = Set(lists.joined()).sorted()
        let bit = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let wordCount = max(1, (vocabulary.count + 63) / 64)
        return lists.map { list in
            var words = [UInt64](repeating: 0, count: wordCount)
            for token in list {
                let position = bit[token]!
                words[position / 64] |= 1 << UInt64(position % 64)
            }
            return TokenSet(words: words)
        }
    }

    func intersects(_ other: TokenSet) -> Bool {
        zip(words, other.words).contains { $0 & $1 != 0 }
    }

    func isSubset(of other: TokenSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & ~$1 == 0 }
    }
}
