import BitCollections
import Foundation
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
    public internal(set) var policy: Policy
    let mentorPoints: [Coordinate]
    let menteePoints: [Coordinate]
    let menteeIsRemote: [Bool]
    let mentorTravelLimits: [Double]
    let mentorAges: [Int]
    let menteeAges: [Int]
    let mentorGenders: [Gender]
    /// The mentor gender a young person requires, when the policy enforces hard wishes.
    let requiredMentorGenders: [Gender?]
    let mentorWindows: FlatWindows
    let menteeWindows: FlatWindows
    /// The mentors' distinct windows and who has each.
    let mentorWindowOwners: WindowOwners
    /// Languages, then specialisations and needs, as bit sets: mentors first, then young people.
    let languages: TokenSets
    let topics: TokenSets
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
        mentorAges = input.mentors.map { $0.age }
        menteeAges = input.mentees.map { $0.age }
        mentorGenders = input.mentors.map { $0.gender }
        requiredMentorGenders = input.mentees.map { mentee in
            guard policy.enforceHardGenderPreferences, let preference = mentee.mentorGenderPreference,
                preference.strength == .hard
            else { return nil }
            return preference.gender
        }
        mentorWindows = FlatWindows(input.mentors.map { $0.availability })
        mentorWindowOwners = WindowOwners(input.mentors.map { $0.availability })
        menteeWindows = FlatWindows(input.mentees.map { $0.availability })
        languages = TokenSets(input.mentors.map { $0.languages } + input.mentees.map { $0.languages })
        topics = TokenSets(input.mentors.map { $0.specialisations } + input.mentees.map { $0.needs })
        forbiddenPairs = Self.indexPairs(of: .forbid, in: input)
    }

    /// `mentorIndex << 32 | menteeIndex` of every pair rule of a kind whose ids are both in the input.
    static func indexPairs(of kind: PairRule.Kind, in input: MatchingInput) -> Set<Int> {
        let rules = input.pairRules.filter { $0.kind == kind }
        guard !rules.isEmpty else { return [] }
        let (mentorIndex, menteeIndex) = (input.mentorIndexByID, input.menteeIndexByID)
        return Set(rules.compactMap { rule in
            guard let mentor = mentorIndex[rule.mentorID], let mentee = menteeIndex[rule.menteeID] else { return nil }
            return pairKey(mentorIndex: mentor, menteeIndex: mentee)
        })
    }

    static func pairKey(mentorIndex: Int, menteeIndex: Int) -> Int { mentorIndex << 32 | menteeIndex }

    private func sharesLanguage(_ mentorIndex: Int, _ menteeIndex: Int) -> Bool {
        languages.intersect(mentorIndex, input.mentors.count + menteeIndex)
    }

    private func hasSpecialisations(_ mentorIndex: Int, _ menteeIndex: Int) -> Bool {
        topics.isSubset(input.mentors.count + menteeIndex, of: mentorIndex)
    }

    /// Whether the mentee at `index` lives in a remote place.
    public func isRemote(menteeIndex index: Int) -> Bool { menteeIsRemote[index] }

    /// The effective travel limit: the mentor's, lowered by the policy's.
    public func travelLimitKm(mentorIndex: Int) -> Double { mentorTravelLimits[mentorIndex] }

    /// The largest travel limit of any mentor (0 without mentors): no candidate is farther apart.
    public var largestTravelLimitKm: Double { mentorTravelLimits.max() ?? 0 }

    public func distanceKm(mentorIndex: Int, menteeIndex: Int) -> Double {
        mentorPoints[mentorIndex].distanceKm(to: menteePoints[menteeIndex])
    }

    /// The distance of a pair that satisfies every hard rule, or `nil`: the cheap rules first, from flat arrays,
    /// allocation-free.
    func candidateDistance(mentorIndex: Int, menteeIndex: Int) -> Double? {
        guard mentorAges[mentorIndex] - menteeAges[menteeIndex] >= policy.minimumAgeGap,
            requiredMentorGenders[menteeIndex].map({ $0 == mentorGenders[mentorIndex] }) ?? true,
            !policy.requireSharedLanguage || sharesLanguage(mentorIndex, menteeIndex),
            !policy.requireSpecialisations || hasSpecialisations(mentorIndex, menteeIndex)
        else { return nil }
        let limit = mentorTravelLimits[mentorIndex]
        let mentorPoint = mentorPoints[mentorIndex]
        let menteePoint = menteePoints[menteeIndex]
        guard latitudeBoundKm(mentorPoint, menteePoint) <= Self.withSlack(limit) else { return nil }
        let distance = mentorPoint.distanceKm(to: menteePoint)
        guard distance <= limit,
            mentorWindows.longestSharedStretch(mentorIndex, with: menteeWindows, menteeIndex) >= policy.meetingMinutes,
            forbiddenPairs.isEmpty
                || !forbiddenPairs.contains(Self.pairKey(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
        else { return nil }
        return distance
    }

    /// Latitude alone bounds the great-circle distance from below and costs no trigonometry.
    func latitudeBoundKm(_ one: Coordinate, _ other: Coordinate) -> Double {
        abs(one.latitude - other.latitude) * Coordinate.kilometresPerDegreeOfLatitude
    }

    /// A distance a bound must exceed to prove a pair farther: the slack covers rounding, so that an exact check
    /// decides every borderline pair.
    static func withSlack(_ distanceKm: Double) -> Double { distanceKm * (1 + 1e-9) + 1e-9 }

    /// Every rule the pair breaks.
    public func assess(mentorIndex: Int, menteeIndex: Int) -> PairAssessment {
        let check = failedRules(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
        return PairAssessment(
            mentorIndex: mentorIndex, menteeIndex: menteeIndex, distanceKm: check.distanceKm,
            travelLimitKm: travelLimitKm(mentorIndex: mentorIndex),
            sharedMinutes: mentorWindows.longestSharedStretch(mentorIndex, with: menteeWindows, menteeIndex),
            failedRules: HardRule.allCases.filter { check.fails($0) }
        )
    }

    /// Every rule the pair breaks, as bits, without allocating: explanations check every mentor for each young
    /// person without a candidate.
    func failedRules(mentorIndex: Int, menteeIndex: Int) -> RuleCheck {
        var check = RuleCheck(distanceKm: distanceKm(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
        if check.distanceKm > mentorTravelLimits[mentorIndex] { check.add(.travel) }
        addCheapFailures(mentorIndex: mentorIndex, menteeIndex: menteeIndex, to: &check)
        if mentorWindows.longestSharedStretch(mentorIndex, with: menteeWindows, menteeIndex) < policy.meetingMinutes {
            check.add(.availability)
        }
        return check
    }

    /// The mentors the coordinator forbade for the young person.
    func forbiddenMentors(ofMentee menteeIndex: Int) -> [Int] {
        forbiddenPairs.filter { $0 & 0xFFFF_FFFF == menteeIndex }.map { $0 >> 32 }
    }

    /// The rules that need neither a distance nor the weekly windows: language, specialisation, age gap, gender
    /// and the coordinator's forbidden pairs.
    func addCheapFailures(mentorIndex: Int, menteeIndex: Int, to check: inout RuleCheck) {
        if policy.requireSharedLanguage && !sharesLanguage(mentorIndex, menteeIndex) { check.add(.language) }
        if policy.requireSpecialisations && !hasSpecialisations(mentorIndex, menteeIndex) { check.add(.specialisation) }
        if mentorAges[mentorIndex] - menteeAges[menteeIndex] < policy.minimumAgeGap { check.add(.ageGap) }
        if let required = requiredMentorGenders[menteeIndex], required != mentorGenders[mentorIndex] {
            check.add(.genderPreference)
        }
        if !forbiddenPairs.isEmpty
            && forbiddenPairs.contains(Self.pairKey(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
        {
            check.add(.forbidden)
        }
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

    /// The bits of a set of rules.
    static func bits(of rules: some Sequence<HardRule>) -> UInt8 { rules.reduce(0) { $0 | bit($1) } }

    mutating func add(_ rule: HardRule) { bits |= Self.bit(rule) }

    func fails(_ rule: HardRule) -> Bool { bits & Self.bit(rule) != 0 }

    /// Fails this rule and no other.
    func failsOnly(_ rule: HardRule) -> Bool { bits == Self.bit(rule) }

    var failedCount: Int { bits.nonzeroBitCount }
}

/// Everyone's weekly windows in flat arrays, so that comparing two people's weeks copies nothing.
struct FlatWindows: Sendable {
    /// Person p's windows are `first[p]..<first[p + 1]`.
    private let first: [Int]
    /// How many people.
    var count: Int { first.count - 1 }
    private let weekdays: [Weekday]
    private let starts: [Int]
    private let ends: [Int]

    init(_ weeks: [WeeklyAvailability]) {
        var first = [0]
        var weekdays: [Weekday] = []
        var starts: [Int] = []
        var ends: [Int] = []
        for week in weeks {
            for window in week.windows {
                weekdays.append(window.weekday)
                starts.append(window.startMinute)
                ends.append(window.endMinute)
            }
            first.append(weekdays.count)
        }
        self.first = first
        self.weekdays = weekdays
        self.starts = starts
        self.ends = ends
    }

    /// The longest stretch one window of person `index` shares with one window of `other`'s person `otherIndex`,
    /// in minutes: ``WeeklyAvailability/longestSharedStretch(with:)`` on flat arrays.
    func longestSharedStretch(_ index: Int, with other: FlatWindows, _ otherIndex: Int) -> Int {
        var best = 0
        for mine in first[index]..<first[index + 1] {
            for theirs in other.first[otherIndex]..<other.first[otherIndex + 1] where other.weekdays[theirs] == weekdays[mine] {
                best = max(best, min(ends[mine], other.ends[theirs]) - max(starts[mine], other.starts[theirs]))
            }
        }
        return best
    }

    /// Calls `body` with the weekday, start and end minute of each window of person `index`.
    func forEachWindow(of index: Int, _ body: (Weekday, Int, Int) -> Void) {
        for window in first[index]..<first[index + 1] { body(weekdays[window], starts[window], ends[window]) }
    }
}

/// Sets of tokens (languages, topics) as bits over a vocabulary shared by everyone in one input, in one flat
/// array so that comparing two sets copies nothing.
struct TokenSets: Sendable {
    /// Set i is `words[i * stride ..< (i + 1) * stride]`.
    private let words: [UInt64]
    private let stride: Int

    /// Each token's bit position.
    private let bit: [String: Int]

    /// One set per list, over the sorted vocabulary of all the lists.
    init(_ lists: [[String]]) {
        // A national input holds a million tokens: the lists are read in pieces on all cores, and in each piece a
        // token is hashed once, numbered as it first comes; the numbers become bit positions once the whole
        // vocabulary is known and sorted.
        let pieces = lists.count < 50_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        @Sendable func listsOfPiece(_ piece: Int) -> ArraySlice<[String]> {
            lists[(piece * lists.count / pieces)..<((piece + 1) * lists.count / pieces)]
        }
        let numbered = ConcurrentChunks.map(count: pieces) { piece -> (tokens: [String], numbers: [Int]) in
            var numberOfToken: [String: Int] = [:]
            var tokens: [String] = []
            var numbers: [Int] = []
            for list in listsOfPiece(piece) {
                for token in list {
                    if let number = numberOfToken[token] {
                        numbers.append(number)
                    } else {
                        numbers.append(tokens.count)
                        numberOfToken[token] = tokens.count
                        tokens.append(token)
                    }
                }
            }
            return (tokens, numbers)
        }
        let vocabulary = Set(numbered.flatMap { $0.tokens }).sorted()
        let bit = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        self.bit = bit
        let stride = max(1, (vocabulary.count + 63) / 64)
        self.stride = stride
        words = ConcurrentChunks.map(count: pieces) { piece in
            let positions = numbered[piece].tokens.map { bit[$0] ?? 0 }
            let pieceLists = listsOfPiece(piece)
            var words = [UInt64](repeating: 0, count: pieceLists.count * stride)
            var next = 0
            for (index, list) in pieceLists.enumerated() {
                for _ in list {
                    let position = positions[numbered[piece].numbers[next]]
                    words[index * stride + position / 64] |= 1 << UInt64(position % 64)
                    next += 1
                }
            }
            return words
        }.flatMap { $0 }
    }

    /// The bit positions of tokens of the vocabulary, in order, repeats kept.
    func positions(of tokens: [String]) -> [Int] { tokens.compactMap { bit[$0] } }

    /// Whether set `index` holds the token at bit `position`.
    func contains(_ position: Int, in index: Int) -> Bool {
        words[index * stride + position / 64] & (1 << UInt64(position % 64)) != 0
    }

    /// Whether set `index` and set `otherIndex` (of the same collection) share a token.
    func intersect(_ index: Int, _ otherIndex: Int) -> Bool {
        for word in 0..<stride where words[index * stride + word] & words[otherIndex * stride + word] != 0 {
            return true
        }
        return false
    }

    /// The bit positions of the tokens of set `index`, in order.
    func positions(inSet index: Int) -> [Int] {
        (0..<stride).flatMap { word in
            (0..<64).filter { words[index * stride + word] & (1 << UInt64($0)) != 0 }.map { word * 64 + $0 }
        }
    }

    /// For each token's bit position, which of sets `0..<count` hold it.
    func holders(amongFirst count: Int) -> [BitSet] {
        var holders = [BitSet](repeating: BitSet(), count: bit.count)
        for set in 0..<count {
            for position in positions(inSet: set) { holders[position].insert(set) }
        }
        return holders
    }

    /// Whether every token of set `index` is in set `otherIndex`.
    func isSubset(_ index: Int, of otherIndex: Int) -> Bool {
        for word in 0..<stride where words[index * stride + word] & ~words[otherIndex * stride + word] != 0 {
            return false
        }
        return true
    }
}
