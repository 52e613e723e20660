import Foundation
import Matching
import MentorMatchCore

/// How referrals arrive and pairs last, month by month. Liepāja 2022: 68 referrals in six months, pairs of 3–5
/// months, 18 of 68 extended and 3 of 68 stopping early.
public struct SimulationSettings: Sendable, Hashable, Encodable {
    public var months = 12
    public var referralsPerMonth: Double
    /// A pair's length in whole months, drawn uniformly.
    public var pairMonths: ClosedRange<Int> = 3...5
    /// The share of pairs extended, and by how many months.
    public var extensionShare: Double = 0
    public var extensionMonths: ClosedRange<Int> = 1...3
    /// The share of pairs that stop after their first month.
    public var earlyStopShare: Double = 0
    /// The 90th percentile of waiting times to stay under.
    public var waitTargetWeeks: Double = 8
    public var seed: UInt64 = 1
    /// The search for the mentors needed adds at most this many.
    public var maximumExtraMentors = 40
    /// Whether the base's young people wait at the start; otherwise they only shape the referrals.
    public var startsWithWaitingList = true

    public init(referralsPerMonth: Double) {
        self.referralsPerMonth = referralsPerMonth
    }

    enum CodingKeys: String, CodingKey {
        case months, seed
        case referralsPerMonth = "referrals_per_month"
        case pairMonths = "pair_months"
        case extensionShare = "extension_share"
        case extensionMonths = "extension_months"
        case earlyStopShare = "early_stop_share"
        case waitTargetWeeks = "wait_target_weeks"
        case maximumExtraMentors = "max_extra_mentors"
        case startsWithWaitingList = "initial_waiting_list"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(months, forKey: .months)
        try container.encode(seed, forKey: .seed)
        try container.encode(referralsPerMonth, forKey: .referralsPerMonth)
        try container.encode([pairMonths.lowerBound, pairMonths.upperBound], forKey: .pairMonths)
        try container.encode(extensionShare, forKey: .extensionShare)
        try container.encode([extensionMonths.lowerBound, extensionMonths.upperBound], forKey: .extensionMonths)
        try container.encode(earlyStopShare, forKey: .earlyStopShare)
        try container.encode(waitTargetWeeks, forKey: .waitTargetWeeks)
        try container.encode(maximumExtraMentors, forKey: .maximumExtraMentors)
        try container.encode(startsWithWaitingList, forKey: .startsWithWaitingList)
    }
}

/// What one simulated year (or other horizon) looked like.
public struct SimulationReport: Sendable, Hashable, Codable {
    public var mentors: Int
    /// The waiting list at the start plus every referral.
    public var referrals: Int
    /// Referrals no mentor could ever take (no candidate under the rules); left out of the waiting times.
    public var neverServable: Int
    public var pairsFormed: Int
    public var meanWaitWeeks: Double
    /// Waits of those still waiting at the end count up to the end.
    public var p90WaitWeeks: Double
    public var longestWaitingList: Int
    public var stillWaiting: Int

    enum CodingKeys: String, CodingKey {
        case mentors, referrals
        case neverServable = "never_servable"
        case pairsFormed = "pairs_formed"
        case meanWaitWeeks = "mean_wait_weeks"
        case p90WaitWeeks = "p90_wait_weeks"
        case longestWaitingList = "longest_waiting_list"
        case stillWaiting = "still_waiting"
    }
}

/// The simulation of one variant and the mentors it needs to keep waits under the target.
public struct SimulationOutcome: Sendable, Hashable, Codable {
    public var variant: String
    public var report: SimulationReport
    /// The fewest mentors (current plus copies of current mentors) whose simulation keeps the 90th percentile
    /// wait under the target, found by bisection; `nil` when even the largest number tried does not.
    public var mentorsNeeded: Int?

    enum CodingKeys: String, CodingKey {
        case variant, report
        case mentorsNeeded = "mentors_needed"
    }
}

/// A seeded simulation over months: referrals arrive, a monthly matching round pairs the waiting list with the
/// mentors' free places (the real engine), pairs end after their drawn length and free the place.
///
/// Every referral's arrival day, profile (drawn from the waiting list, so its shape is kept) and pair length are
/// drawn from the seed before any matching, so runs with more mentors see exactly the same referrals. Side
/// constraints are dropped: a monthly round of a few people cannot meet per-place minimums.
public struct Simulation: Sendable {
    public let engine: MatchingEngine

    public init(engine: MatchingEngine) {
        self.engine = engine
    }

    static let daysPerMonth = 30

    struct Referral {
        var mentee: Mentee
        var arrivalDay: Int
        var pairDays: Int
    }

    /// Simulates `input` and searches the mentors needed (adding copies of current mentors drawn from the seed).
    public func run(
        _ input: MatchingInput, policy: Policy, settings: SimulationSettings, variant: String
    ) throws(PlanningError) -> SimulationOutcome {
        let report = try simulate(input, policy: policy, settings: settings, extraMentors: 0)
        func meetsTarget(_ extra: Int) throws(PlanningError) -> Bool {
            try simulate(input, policy: policy, settings: settings, extraMentors: extra).p90WaitWeeks <= settings.waitTargetWeeks
        }
        var needed: Int?
        if report.p90WaitWeeks <= settings.waitTargetWeeks {
            needed = input.mentors.count
        } else if !input.mentors.isEmpty, settings.maximumExtraMentors > 0, try meetsTarget(settings.maximumExtraMentors) {
            // Bisection, on the premise that more mentors never lengthen the waits: referrals are drawn before any
            // matching, and the copies added are a prefix of one seeded sequence.
            var (failing, meeting) = (0, settings.maximumExtraMentors)
            while meeting - failing > 1 {
                let middle = (failing + meeting) / 2
                if try meetsTarget(middle) { meeting = middle } else { failing = middle }
            }
            needed = input.mentors.count + meeting
        }
        return SimulationOutcome(variant: variant, report: report, mentorsNeeded: needed)
    }

    /// One simulated horizon with `extraMentors` copies of current mentors added.
    public func simulate(
        _ input: MatchingInput, policy: Policy, settings: SimulationSettings, extraMentors: Int
    ) throws(PlanningError) -> SimulationReport {
        var policy = policy
        policy.sideConstraints = SideConstraints()
        let referrals = Self.referrals(input, settings: settings)
        var mentors = input.mentors
        var cloning = SplitMix64(seed: settings.seed ^ 0x9E37_79B9_7F4A_7C15)
        for copy in 0..<extraMentors where !input.mentors.isEmpty {
            var mentor = input.mentors[cloning.int(in: 0...(input.mentors.count - 1))]
            mentor.id = "\(mentor.id)+\(copy + 1)"
            mentors.append(mentor)
        }
        var everyone = input
        everyone.mentors = mentors
        everyone.mentees = referrals.map(\.mentee)
        everyone.pairRules = []
        let graph = try prepare(everyone, policy: policy).graph
        let servable = Set(graph.candidatesOfMentee.indices.filter { !graph.candidatesOfMentee[$0].isEmpty }
            .map { graph.rules.input.mentees[$0].id })
        let referralByID = Dictionary(referrals.map { ($0.mentee.id, $0) }, uniquingKeysWith: { first, _ in first })

        var pairEnds: [String: [Int]] = [:]
        var waiting: [String] = []
        var waits: [Double] = []
        var longestList = 0
        var pairs = 0
        var next = 0
        let arrivals = referrals.filter { servable.contains($0.mentee.id) }
        for month in 0..<settings.months {
            let day = month * Self.daysPerMonth
            while next < arrivals.count, arrivals[next].arrivalDay <= day {
                waiting.append(arrivals[next].mentee.id)
                next += 1
            }
            var round = everyone
            round.mentees = waiting.map { referralByID[$0]!.mentee }
            round.mentors = mentors.compactMap { mentor in
                let busy = pairEnds[mentor.id, default: []].count(where: { $0 > day })
                var free = mentor
                free.capacity = policy.capacity(of: mentor) - busy
                return free.capacity > 0 ? free : nil
            }
            if !round.mentees.isEmpty && !round.mentors.isEmpty {
                let result: MatchingResult
                do {
                    result = try engine.match(round, policy: policy)
                } catch {
                    throw .matchingFailed(variant: "simulation month \(month + 1)", error)
                }
                let matched = Set(result.pairs.map(\.menteeID))
                for pair in result.pairs {
                    let referral = referralByID[pair.menteeID]!
                    pairEnds[pair.mentorID, default: []].append(day + referral.pairDays)
                    waits.append(Double(day - referral.arrivalDay) / 7)
                    pairs += 1
                }
                waiting.removeAll(where: matched.contains)
            }
            longestList = max(longestList, waiting.count)
        }
        // Referrals of the last month arrive after its round: they wait at the end.
        waiting += arrivals[next...].map(\.mentee.id)
        let end = settings.months * Self.daysPerMonth
        let censored = waits + waiting.map { Double(end - referralByID[$0]!.arrivalDay) / 7 }
        return SimulationReport(
            mentors: mentors.count, referrals: referrals.count, neverServable: referrals.count - servable.count,
            pairsFormed: pairs, meanWaitWeeks: censored.isEmpty ? 0 : censored.reduce(0, +) / Double(censored.count),
            p90WaitWeeks: Self.percentile(censored, 0.9), longestWaitingList: longestList, stillWaiting: waiting.count
        )
    }

    private func prepare(_ input: MatchingInput, policy: Policy) throws(PlanningError) -> MatchingEngine.Preparation {
        do {
            return try engine.prepare(input, policy: policy)
        } catch .invalidInput(let error) {
            throw .invalidInput(error)
        } catch {
            throw .matchingFailed(variant: "simulation", error)
        }
    }

    /// The waiting list at day 0, then Poisson arrivals every month drawn from the list's shape, each with its
    /// pair length (early stops last one month; extensions add to the drawn length).
    static func referrals(_ input: MatchingInput, settings: SimulationSettings) -> [Referral] {
        var random = SplitMix64(seed: settings.seed)
        func pairDays() -> Int {
            var months = random.int(in: settings.pairMonths)
            if random.chance(settings.earlyStopShare) {
                months = 1
            } else if random.chance(settings.extensionShare) {
                months += random.int(in: settings.extensionMonths)
            }
            return months * daysPerMonth
        }
        var referrals = settings.startsWithWaitingList
            ? input.mentees.map { Referral(mentee: $0, arrivalDay: 0, pairDays: pairDays()) } : []
        guard !input.mentees.isEmpty else { return referrals }
        var number = 0
        for month in 0..<settings.months {
            for _ in 0..<poisson(settings.referralsPerMonth, &random) {
                number += 1
                var mentee = input.mentees[random.int(in: 0...(input.mentees.count - 1))]
                mentee.id = "S-\(number)"
                let day = month * daysPerMonth + random.int(in: 1...daysPerMonth)
                referrals.append(Referral(mentee: mentee, arrivalDay: day, pairDays: pairDays()))
            }
        }
        return referrals.sorted { ($0.arrivalDay, $0.mentee.id) < ($1.arrivalDay, $1.mentee.id) }
    }

    /// Knuth's method; the means here are small.
    static func poisson(_ mean: Double, _ random: inout SplitMix64) -> Int {
        guard mean > 0 else { return 0 }
        let limit = exp(-mean)
        var count = 0
        var product = random.unit()
        while product > limit {
            count += 1
            product *= random.unit()
        }
        return count
    }

    /// The nearest-rank percentile; 0 for no values.
    static func percentile(_ values: [Double], _ share: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int(rounding: share * Double(sorted.count), .up, clampedTo: 1...sorted.count) ?? sorted.count
        return sorted[rank - 1]
    }
}
