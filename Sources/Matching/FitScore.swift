import MentorMatchCore

/// How well a candidate pair fits, beyond the hard rules: each part in 0…1, and their weighted mean.
public struct FitScore: Sendable, Hashable, Codable {
    /// 1 at the same point, 0 at the travel limit.
    public var travel: Double
    /// The share of the mentee's interests the mentor shares (0 when the mentee lists none).
    public var interests: Double
    /// 1 when the mentee's gender wish is honoured or absent, 0 when a soft wish is not.
    public var genderPreference: Double
    /// The mentee's priority over the maximum priority.
    public var priority: Double
    /// The mentee's waiting time over the longest wait considered.
    public var waiting: Double
    /// The weighted mean of the parts, 0…1.
    public var total: Double
    /// `total` in whole thousandths: the integer the optimiser maximises, so that sums are exact.
    public var points: Int

    /// Points are thousandths of the total.
    public static let pointsPerUnit = 1000

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case genderPreference = "gender_preference"
        case interests
        case points
        case priority
        case total
        case travel
        case waiting
    }
}

/// Scores candidate pairs with the policy's fit weights.
public struct FitScorer: Sendable {
    let weights: FitWeights
    let referenceDay: Int?
    let longestWaitDays: Int

    /// A wait of a year counts fully even when nobody in the input has waited that long.
    static let fullWaitDays = 365

    public init(input: MatchingInput, policy: Policy) {
        weights = policy.objective.fitWeights
        let referenceDay = input.referenceDate(policy: policy)?.daysSinceEpoch
        self.referenceDay = referenceDay
        let longest = input.mentees.compactMap(\.waitingSince).map { (referenceDay ?? 0) - $0.daysSinceEpoch }.max() ?? 0
        longestWaitDays = max(FitScorer.fullWaitDays, longest)
    }

    public func score(mentor: Mentor, mentee: Mentee, distanceKm: Double, travelLimitKm: Double) -> FitScore {
        let interests =
            mentee.interests.isEmpty
            ? 0 : Double(mentee.interests.reduce(0) { $0 + (mentor.interests.contains($1) ? 1 : 0) })
                / Double(mentee.interests.count)
        let gender = mentee.mentorGenderPreference.map { $0.gender == mentor.gender ? 1.0 : 0.0 } ?? 1
        return score(distanceKm: distanceKm, travelLimitKm: travelLimitKm, interests: interests, gender: gender,
                     priority: priorityPart(of: mentee), waiting: waitingPart(of: mentee))
    }

    func priorityPart(of mentee: Mentee) -> Double {
        Double(min(max(mentee.priority, 0), Mentee.maximumPriority)) / Double(Mentee.maximumPriority)
    }

    func waitingPart(of mentee: Mentee) -> Double {
        guard let since = mentee.waitingSince, let referenceDay else { return 0 }
        return min(1, max(0, Double(referenceDay - since.daysSinceEpoch) / Double(longestWaitDays)))
    }

    /// The weighted mean of the parts; travel from the distance.
    func score(
        distanceKm: Double, travelLimitKm: Double, interests: Double, gender: Double, priority: Double, waiting: Double
    ) -> FitScore {
        let travel = travelLimitKm > 0 ? max(0, 1 - distanceKm / travelLimitKm) : 1
        let weightSum = weights.total
        let total =
            weightSum > 0
            ? (weights.travel * travel + weights.interests * interests + weights.genderPreference * gender
                + weights.priority * priority + weights.waiting * waiting) / weightSum
            : 0
        // The parts lie in 0…1, so does their mean; the clamp keeps a NaN or rounding slip from trapping.
        let points = Int(rounding: total * Double(FitScore.pointsPerUnit), clampedTo: 0...FitScore.pointsPerUnit) ?? 0
        return FitScore(
            travel: travel, interests: interests, genderPreference: gender, priority: priority, waiting: waiting,
            total: Double(points) / Double(FitScore.pointsPerUnit), points: points
        )
    }
}

/// ``FitScorer`` on people addressed by index, from columns resolved once: the candidate graph scores millions of
/// pairs, and re-scores the few it writes, without copying a `Mentor` or `Mentee`.
struct IndexedFitScorer: Sendable {
    let scorer: FitScorer
    /// Interests as bit sets: mentors first, then young people.
    private let interests: TokenSets
    /// Each young person's interests as token positions, repeats kept (they count as often as listed).
    private let menteeInterestTokens: [[Int]]
    private let mentorGenders: [Gender]
    private let wishedGenders: [Gender?]
    private let priorities: [Double]
    private let waits: [Double]

    init(input: MatchingInput, policy: Policy) {
        let scorer = FitScorer(input: input, policy: policy)
        self.scorer = scorer
        let interests = TokenSets(input.mentors.map { $0.interests } + input.mentees.map { $0.interests })
        self.interests = interests
        menteeInterestTokens = input.mentees.map { interests.positions(of: $0.interests) }
        mentorGenders = input.mentors.map { $0.gender }
        wishedGenders = input.mentees.map { $0.mentorGenderPreference?.gender }
        priorities = input.mentees.map { scorer.priorityPart(of: $0) }
        waits = input.mentees.map { scorer.waitingPart(of: $0) }
    }

    /// Equals `scorer.score(mentor:mentee:distanceKm:travelLimitKm:)` on the people at these indices.
    func score(mentorIndex: Int, menteeIndex: Int, distanceKm: Double, travelLimitKm: Double) -> FitScore {
        let tokens = menteeInterestTokens[menteeIndex]
        let shared = tokens.isEmpty ? 0 : Double(tokens.reduce(0) { $0 + (interests.contains($1, in: mentorIndex) ? 1 : 0) })
            / Double(tokens.count)
        let gender = wishedGenders[menteeIndex].map { $0 == mentorGenders[mentorIndex] ? 1.0 : 0.0 } ?? 1
        return scorer.score(distanceKm: distanceKm, travelLimitKm: travelLimitKm, interests: shared, gender: gender,
                            priority: priorities[menteeIndex], waiting: waits[menteeIndex])
    }
}
