import Foundation
import LinearProgramming
import Matching
import MentorMatchCore

/// Re-verifies a matching against every hard rule, from the raw input and policy alone.
///
/// The checker shares no code with the engine's candidate graph or programme: it resolves coordinates, measures
/// great-circle distances, intersects weekly windows and compares tokens itself. Only the fit score, which is a
/// definition rather than a rule, comes from ``FitScorer``. Mentors and mentees are addressed by their index in
/// `input`, in the order given.
public struct SolutionChecker: Sendable {
    public let input: MatchingInput
    public let policy: Policy
    /// Locked pairs in the order of the input's rules, each once.
    public let lockedPairs: [Pairing]

    /// The mean Earth radius the specification names for distances.
    public static let earthRadiusKm = 6371.0088
    /// How far a reported distance may lie from the checker's own.
    public static let distanceToleranceKm = 1e-6
    /// Slack for the remote-share side constraint, whose right-hand side is a product of doubles.
    public static let shareTolerance = 1e-9

    private let placesByName: [String: Place]
    private let mentorIndexByID: [String: Int]
    private let menteeIndexByID: [String: Int]
    /// `distances[menteeIndex][mentorIndex]`; `nil` when a location cannot be resolved.
    private let distances: [[Double?]]
    /// `breaches[menteeIndex][mentorIndex]`: every hard rule the pair breaks.
    private let breaches: [[[RuleBreach]]]
    /// `fitPoints[menteeIndex][mentorIndex]`, computed for every pair with a distance.
    private let fitPoints: [[Int]]

    /// Evaluates every pair of the input under the policy.
    /// - Complexity: O(mentors × mentees × windows²).
    public init(input: MatchingInput, policy: Policy) {
        self.input = input
        self.policy = policy
        let placesByName = Dictionary(input.places.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.placesByName = placesByName
        mentorIndexByID = Dictionary(input.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        menteeIndexByID = Dictionary(input.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var locks: [Pairing] = []
        for rule in input.pairRules where rule.kind == .lock {
            let pair = Pairing(mentorID: rule.mentorID, menteeID: rule.menteeID)
            if !locks.contains(pair) { locks.append(pair) }
        }
        lockedPairs = locks
        let forbidden = Set(
            input.pairRules.filter { $0.kind == .forbid }.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) }
        )

        func point(_ location: Location) -> Coordinate? {
            location.coordinate ?? placesByName[location.place]?.coordinate
        }
        let scorer = FitScorer(input: input, policy: policy)
        var distances: [[Double?]] = []
        var breaches: [[[RuleBreach]]] = []
        var fitPoints: [[Int]] = []
        for mentee in input.mentees {
            var distanceRow: [Double?] = []
            var breachRow: [[RuleBreach]] = []
            var pointsRow: [Int] = []
            for mentor in input.mentors {
                var distance: Double?
                if let from = point(mentor.location), let to = point(mentee.location) {
                    distance = Self.haversineKm(from: from, to: to)
                }
                let limit = Self.travelLimitKm(of: mentor, policy: policy)
                distanceRow.append(distance)
                breachRow.append(
                    Self.breaches(
                        mentor: mentor, mentee: mentee, distanceKm: distance, travelLimitKm: limit, policy: policy,
                        isForbidden: forbidden.contains(Pairing(mentorID: mentor.id, menteeID: mentee.id))
                    )
                )
                pointsRow.append(
                    distance.map {
                        scorer.score(mentor: mentor, mentee: mentee, distanceKm: $0, travelLimitKm: limit).points
                    } ?? 0
                )
            }
            distances.append(distanceRow)
            breaches.append(breachRow)
            fitPoints.append(pointsRow)
        }
        self.distances = distances
        self.breaches = breaches
        self.fitPoints = fitPoints
    }

    // MARK: - Pair rules

    /// The great-circle distance by the haversine formula, in kilometres.
    public static func haversineKm(from start: Coordinate, to end: Coordinate) -> Double {
        let radiansPerDegree = Double.pi / 180
        let halfLatitudeStep = (end.latitude - start.latitude) * radiansPerDegree / 2
        let halfLongitudeStep = (end.longitude - start.longitude) * radiansPerDegree / 2
        let haversine = sin(halfLatitudeStep) * sin(halfLatitudeStep)
            + cos(start.latitude * radiansPerDegree) * cos(end.latitude * radiansPerDegree)
            * sin(halfLongitudeStep) * sin(halfLongitudeStep)
        return 2 * earthRadiusKm * atan2(haversine.squareRoot(), (1 - haversine).squareRoot())
    }

    /// The mentor's own limit, lowered by the policy's when it sets one.
    public static func travelLimitKm(of mentor: Mentor, policy: Policy) -> Double {
        min(mentor.maxTravelKm, policy.maximumTravelKm ?? .infinity)
    }

    /// The longest stretch, in minutes, that one window of each person shares on one weekday.
    public static func longestSharedMinutes(_ first: WeeklyAvailability, _ second: WeeklyAvailability) -> Int {
        var longest = 0
        for mine in first.windows {
            for theirs in second.windows where theirs.weekday == mine.weekday {
                let shared = min(mine.endMinute, theirs.endMinute) - max(mine.startMinute, theirs.startMinute)
                longest = max(longest, shared)
            }
        }
        return longest
    }

    private static func breaches(
        mentor: Mentor, mentee: Mentee, distanceKm: Double?, travelLimitKm: Double, policy: Policy, isForbidden: Bool
    ) -> [RuleBreach] {
        var found: [RuleBreach] = []
        if mentor.age < policy.minimumMentorAge {
            found.append(.init(rule: .mentorAge, detail: "mentor \(mentor.id) is \(mentor.age), minimum \(policy.minimumMentorAge)"))
        }
        if mentee.age < policy.minimumMenteeAge || mentee.age > policy.maximumMenteeAge {
            found.append(
                .init(
                    rule: .menteeAge,
                    detail: "mentee \(mentee.id) is \(mentee.age), outside \(policy.minimumMenteeAge)–\(policy.maximumMenteeAge)"
                )
            )
        }
        if let distanceKm {
            if distanceKm > travelLimitKm {
                found.append(.init(rule: .travel, detail: "\(distanceKm) km apart, limit \(travelLimitKm) km"))
            }
        } else {
            found.append(
                .init(rule: .location, detail: "place \(mentor.location.place) or \(mentee.location.place) is unknown")
            )
        }
        if policy.requireSharedLanguage && Set(mentor.languages).isDisjoint(with: mentee.languages) {
            found.append(.init(rule: .language, detail: "\(mentor.languages) share nothing with \(mentee.languages)"))
        }
        if policy.requireSpecialisations {
            let missing = mentee.needs.filter { !mentor.specialisations.contains($0) }
            if !missing.isEmpty {
                found.append(.init(rule: .specialisation, detail: "mentor lacks \(missing)"))
            }
        }
        if mentor.age - mentee.age < policy.minimumAgeGap {
            found.append(
                .init(rule: .ageGap, detail: "ages \(mentor.age) and \(mentee.age), gap below \(policy.minimumAgeGap)")
            )
        }
        if policy.enforceHardGenderPreferences, let wish = mentee.mentorGenderPreference, wish.strength == .hard,
            wish.gender != mentor.gender
        {
            found.append(
                .init(rule: .genderPreference, detail: "mentor is \(mentor.gender.rawValue), wish is \(wish.gender.rawValue)")
            )
        }
        let shared = longestSharedMinutes(mentor.availability, mentee.availability)
        if shared < policy.meetingMinutes {
            found.append(.init(rule: .availability, detail: "\(shared) min shared, need \(policy.meetingMinutes)"))
        }
        if isForbidden {
            found.append(.init(rule: .forbidden, detail: "the coordinator forbade the pair"))
        }
        return found
    }

    /// Every hard rule the pair breaks; empty when the pair is allowed.
    public func breaches(mentorIndex: Int, menteeIndex: Int) -> [RuleBreach] {
        breaches[menteeIndex][mentorIndex]
    }

    public func isAllowed(mentorIndex: Int, menteeIndex: Int) -> Bool {
        breaches[menteeIndex][mentorIndex].isEmpty
    }

    /// The mentors a young person may be paired with, in input order.
    public func allowedMentorIndices(menteeIndex: Int) -> [Int] {
        input.mentors.indices.filter { isAllowed(mentorIndex: $0, menteeIndex: menteeIndex) }
    }

    /// The checker's own distance; `nil` when a place is unknown.
    public func distanceKm(mentorIndex: Int, menteeIndex: Int) -> Double? {
        distances[menteeIndex][mentorIndex]
    }

    /// The pair's fit points by ``FitScorer`` at the checker's own distance.
    public func fitPoints(mentorIndex: Int, menteeIndex: Int) -> Int {
        fitPoints[menteeIndex][mentorIndex]
    }

    /// The mentor's capacity under the policy's maximum and, when the policy asks, the room in the mentor's windows:
    /// whole sessions back to back in four weeks of windows over one pair's monthly sessions, at least one.
    public func capacity(mentorIndex: Int) -> Int {
        let mentor = input.mentors[mentorIndex]
        let own = min(mentor.capacity, policy.maximumCapacity)
        let rules = policy.schedule
        guard rules.matchingNeedsRoom else { return own }
        let monthlySessions = rules.hoursPerMonth.map { Int(($0 * 60 / Double(rules.sessionMinutes)).rounded(.up)) } ?? rules.sessionsPerMonth
        let sessionsInFourWeeks = 4 * mentor.availability.windows.map { ($0.endMinute - $0.startMinute) / rules.sessionMinutes }.reduce(0, +)
        return min(own, max(1, sessionsInFourWeeks / monthlySessions))
    }

    /// Whether the young person's place is remote.
    public func isRemote(menteeIndex: Int) -> Bool {
        placesByName[input.mentees[menteeIndex].location.place]?.isRemote ?? false
    }

    public func mentorIndex(of id: String) -> Int? { mentorIndexByID[id] }

    public func menteeIndex(of id: String) -> Int? { menteeIndexByID[id] }

    /// Whether the policy sets any side constraint.
    public var hasSideConstraints: Bool { !policy.sideConstraints.isEmpty }

    // MARK: - Assignments

    /// The side constraints an assignment with these counts breaks.
    /// - Parameter servedPerPlace: served young people by the name of the place they live in.
    public func sideConstraintViolations(served: Int, remoteServed: Int, servedPerPlace: [String: Int]) -> [String] {
        var problems: [String] = []
        if let share = policy.sideConstraints.minimumRemoteShare,
            Double(remoteServed) + Self.shareTolerance < share * Double(served)
        {
            problems.append("side constraint min_remote_share \(share): \(remoteServed) of \(served) served are remote")
        }
        for place in policy.sideConstraints.minimumServedPerPlace.keys.sorted() {
            let minimum = policy.sideConstraints.minimumServedPerPlace[place]!
            let count = servedPerPlace[place, default: 0]
            if count < minimum {
                problems.append("side constraint min_served_per_place \(place) \(minimum): \(count) served there")
            }
        }
        return problems
    }

    /// Every hard rule, capacity, lock, forbid and side constraint the pairs break, in words naming the ids.
    public func violations(of pairs: [Pairing]) -> [String] {
        var problems: [String] = []
        var seen = Set<Pairing>()
        var mentorOfMentee: [String: String] = [:]
        var load = [Int](repeating: 0, count: input.mentors.count)
        for pair in pairs {
            guard seen.insert(pair).inserted else {
                problems.append("pair \(pair) appears twice")
                continue
            }
            let mentorIndex = mentorIndexByID[pair.mentorID]
            let menteeIndex = menteeIndexByID[pair.menteeID]
            if mentorIndex == nil { problems.append("pair \(pair): no mentor has id \(pair.mentorID)") }
            if menteeIndex == nil { problems.append("pair \(pair): no mentee has id \(pair.menteeID)") }
            guard let mentorIndex, let menteeIndex else { continue }
            problems += breaches(mentorIndex: mentorIndex, menteeIndex: menteeIndex).map { "pair \(pair) breaks \($0)" }
            if let other = mentorOfMentee[pair.menteeID] {
                problems.append("mentee \(pair.menteeID) has two mentors, \(other) and \(pair.mentorID)")
            } else {
                mentorOfMentee[pair.menteeID] = pair.mentorID
            }
            load[mentorIndex] += 1
        }
        for (mentorIndex, mentor) in input.mentors.enumerated() where load[mentorIndex] > capacity(mentorIndex: mentorIndex) {
            problems.append(
                "mentor \(mentor.id) has \(load[mentorIndex]) mentees, capacity \(capacity(mentorIndex: mentorIndex))"
            )
        }
        for lock in lockedPairs where !seen.contains(lock) {
            problems.append("locked pair \(lock) is missing")
        }
        let served = mentorOfMentee.keys.compactMap { menteeIndexByID[$0] }
        var servedPerPlace: [String: Int] = [:]
        for menteeIndex in served { servedPerPlace[input.mentees[menteeIndex].location.place, default: 0] += 1 }
        problems += sideConstraintViolations(
            served: served.count, remoteServed: served.filter { isRemote(menteeIndex: $0) }.count,
            servedPerPlace: servedPerPlace
        )
        return problems
    }

    /// The tier values of pairs that pass ``violations(of:)``; pairs with unknown ids count for nothing.
    public func tiers(of pairs: [Pairing]) -> TierValues {
        var known: [(mentor: Int, mentee: Int)] = []
        for pair in Set(pairs) {
            if let mentor = mentorIndexByID[pair.mentorID], let mentee = menteeIndexByID[pair.menteeID] {
                known.append((mentor, mentee))
            }
        }
        let servedMentees = Set(known.map(\.mentee))
        return TierValues(
            served: servedMentees.count,
            remoteServed: servedMentees.filter { isRemote(menteeIndex: $0) }.count,
            mentorsUsed: Set(known.map(\.mentor)).count,
            fitPoints: known.reduce(0) { $0 + fitPoints(mentorIndex: $1.mentor, menteeIndex: $1.mentee) }
        )
    }

    /// A young person's allowed mentors as the engine must rank alternatives: best fit, then nearest, then by id.
    public func rankedMentorIndices(menteeIndex: Int) -> [Int] {
        allowedMentorIndices(menteeIndex: menteeIndex).sorted { left, right in
            let leftPoints = fitPoints(mentorIndex: left, menteeIndex: menteeIndex)
            let rightPoints = fitPoints(mentorIndex: right, menteeIndex: menteeIndex)
            if leftPoints != rightPoints { return leftPoints > rightPoints }
            let leftDistance = distanceKm(mentorIndex: left, menteeIndex: menteeIndex) ?? .infinity
            let rightDistance = distanceKm(mentorIndex: right, menteeIndex: menteeIndex) ?? .infinity
            if leftDistance != rightDistance { return leftDistance < rightDistance }
            return input.mentors[left].id < input.mentors[right].id
        }
    }
}

// MARK: - Results

extension SolutionChecker {
    /// Everything wrong with an engine result: its pairs under ``violations(of:)``, and every figure the result
    /// reports about them (distances, scores, loads, unmatched reasons, alternatives, summary and tiers) against the
    /// checker's own.
    public func violations(of result: MatchingResult) -> [String] {
        let pairs = result.pairs.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) }
        var problems = violations(of: pairs)
        if pairs != pairs.sorted() { problems.append("pairs are not sorted by mentor id, then mentee id") }

        var menteesOfMentor = [[Int]](repeating: [], count: input.mentors.count)
        var mentorOfMentee = [Int?](repeating: nil, count: input.mentees.count)
        var distanceSum = 0.0
        var pointsSum = 0
        for pair in result.pairs {
            guard let mentorIndex = mentorIndex(of: pair.mentorID), let menteeIndex = menteeIndex(of: pair.menteeID)
            else { continue }
            menteesOfMentor[mentorIndex].append(menteeIndex)
            mentorOfMentee[menteeIndex] = mentorIndex
            let name = "pair \(pair.mentorID)–\(pair.menteeID)"
            let distance = distanceKm(mentorIndex: mentorIndex, menteeIndex: menteeIndex) ?? .nan
            distanceSum += distance
            if !(abs(pair.distanceKm - distance) <= Self.distanceToleranceKm) {
                problems.append("\(name) reports \(pair.distanceKm) km, haversine gives \(distance) km")
            }
            let points = fitPoints(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
            pointsSum += points
            if pair.score.points != points {
                problems.append("\(name) reports \(pair.score.points) fit points, expected \(points)")
            }
            let isLocked = lockedPairs.contains(Pairing(mentorID: pair.mentorID, menteeID: pair.menteeID))
            if pair.locked != isLocked { problems.append("\(name) reports locked \(pair.locked), expected \(isLocked)") }
        }
        let loads = menteesOfMentor.map(\.count)
        problems += loadViolations(result, menteesOfMentor: menteesOfMentor)
        problems += unmatchedViolations(result, mentorOfMentee: mentorOfMentee, menteesOfMentor: menteesOfMentor)
        problems += alternativeViolations(result, mentorOfMentee: mentorOfMentee, loads: loads)
        problems += continuityViolations(of: result)

        let summary = result.summary
        let tiers = tiers(of: pairs)
        let remoteMentees = input.mentees.indices.filter { isRemote(menteeIndex: $0) }.count
        let candidatePairs = input.mentees.indices.reduce(0) { $0 + allowedMentorIndices(menteeIndex: $1).count }
        let expectedCounts: [(String, Int, Int)] = [
            ("mentors", summary.mentors, input.mentors.count),
            ("mentees", summary.mentees, input.mentees.count),
            ("served", summary.served, tiers.served),
            ("remote_mentees", summary.remoteMentees, remoteMentees),
            ("served_remote", summary.servedRemote, tiers.remoteServed),
            ("unmatched", summary.unmatched, input.mentees.count - tiers.served),
            ("idle_mentors", summary.idleMentors, input.mentors.count - tiers.mentorsUsed),
            ("mentors_used", summary.mentorsUsed, tiers.mentorsUsed),
            ("candidate_pairs", summary.candidatePairs, candidatePairs),
        ]
        for (name, reported, expected) in expectedCounts where reported != expected {
            problems.append("summary \(name) is \(reported), expected \(expected)")
        }
        if summary.tiers != tiers { problems.append("summary tiers \(summary.tiers), pairs give \(tiers)") }
        let count = Double(max(result.pairs.count, 1))
        if !(abs(summary.meanTravelKm - distanceSum / count) <= Self.distanceToleranceKm) {
            problems.append("summary mean_travel_km is \(summary.meanTravelKm), expected \(distanceSum / count)")
        }
        let meanScore = Double(pointsSum) / Double(FitScore.pointsPerUnit) / count
        if abs(summary.meanScore - meanScore) > 1e-9 {
            problems.append("summary mean_score is \(summary.meanScore), expected \(meanScore)")
        }
        return problems
    }

    private func loadViolations(_ result: MatchingResult, menteesOfMentor: [[Int]]) -> [String] {
        var problems: [String] = []
        let expectedIDs = input.mentors.map(\.id).sorted()
        if result.mentorLoads.map(\.mentorID) != expectedIDs {
            problems.append("mentor_loads list \(result.mentorLoads.map(\.mentorID)), expected \(expectedIDs)")
        }
        for load in result.mentorLoads {
            guard let mentorIndex = mentorIndex(of: load.mentorID) else { continue }
            let menteeIDs = menteesOfMentor[mentorIndex].map { input.mentees[$0].id }.sorted()
            let candidates = input.mentees.indices.filter { isAllowed(mentorIndex: mentorIndex, menteeIndex: $0) }.count
            if load.capacity != capacity(mentorIndex: mentorIndex) {
                problems.append("load of \(load.mentorID): capacity \(load.capacity), expected \(capacity(mentorIndex: mentorIndex))")
            }
            if load.assigned != menteeIDs.count || load.menteeIDs != menteeIDs {
                problems.append("load of \(load.mentorID): \(load.assigned) \(load.menteeIDs), pairs give \(menteeIDs)")
            }
            if load.candidateCount != candidates {
                problems.append("load of \(load.mentorID): \(load.candidateCount) candidates, expected \(candidates)")
            }
        }
        return problems
    }

    private func unmatchedViolations(
        _ result: MatchingResult, mentorOfMentee: [Int?], menteesOfMentor: [[Int]]
    ) -> [String] {
        var problems: [String] = []
        let pairedIDs = result.pairs.map(\.menteeID)
        let unmatchedIDs = result.unmatched.map(\.menteeID)
        if unmatchedIDs != unmatchedIDs.sorted() { problems.append("unmatched are not sorted by mentee id") }
        for mentee in input.mentees {
            let times = pairedIDs.filter { $0 == mentee.id }.count + unmatchedIDs.filter { $0 == mentee.id }.count
            if times != 1 { problems.append("mentee \(mentee.id) is paired or unmatched \(times) times, not once") }
        }
        for id in Set(unmatchedIDs).subtracting(input.mentees.map(\.id)).sorted() {
            problems.append("unmatched lists unknown mentee \(id)")
        }
        for entry in result.unmatched {
            guard let menteeIndex = menteeIndex(of: entry.menteeID) else { continue }
            let allowed = allowedMentorIndices(menteeIndex: menteeIndex)
            let name = "unmatched \(entry.menteeID)"
            if allowed.isEmpty {
                if entry.kind != .noCandidate { problems.append("\(name) has no allowed mentor but kind \(entry.kind)") }
                problems += noCandidateViolations(entry, menteeIndex: menteeIndex)
                continue
            }
            let withRoom = allowed.filter { menteesOfMentor[$0].count < capacity(mentorIndex: $0) }
            if !withRoom.isEmpty {
                problems += heldBackViolations(
                    entry, menteeIndex: menteeIndex, mentorsWithRoom: withRoom, menteesOfMentor: menteesOfMentor,
                    status: result.solver.status
                )
                continue
            }
            guard entry.kind == .candidatesFull else {
                problems.append("\(name): all \(allowed.count) allowed mentors are full, but kind is \(entry.kind)")
                continue
            }
            let expectedIDs = Set(allowed.map { input.mentors[$0].id })
            if Set(entry.fullCandidates.map(\.mentorID)) != expectedIDs || entry.fullCandidates.count != allowed.count {
                problems.append("\(name) lists full candidates \(entry.fullCandidates.map(\.mentorID)), allowed are \(expectedIDs.sorted())")
            }
            for full in entry.fullCandidates {
                guard let mentorIndex = mentorIndex(of: full.mentorID) else { continue }
                let serves = menteesOfMentor[mentorIndex].map { input.mentees[$0].id }.sorted()
                let capacity = capacity(mentorIndex: mentorIndex)
                if full.serves != serves || full.capacity != capacity {
                    problems.append("\(name): \(full.mentorID) reported serving \(full.serves) of \(full.capacity), pairs give \(serves) of \(capacity)")
                }
                if serves.count < capacity {
                    problems.append("\(name) is explained as candidates_full, but \(full.mentorID) has \(serves.count) of \(capacity) places taken")
                }
            }
            if let first = entry.fullCandidates.first, !entry.reason.contains(first.mentorID) {
                problems.append("\(name): reason does not name \(first.mentorID)")
            }
        }
        return problems
    }

    /// A young person left out while an allowed mentor has room: in an optimal assignment, adding them must break a
    /// side constraint, or the first tier would have grown.
    private func heldBackViolations(
        _ entry: UnmatchedMentee, menteeIndex: Int, mentorsWithRoom: [Int], menteesOfMentor: [[Int]],
        status: TerminationReason
    ) -> [String] {
        let name = "unmatched \(entry.menteeID)"
        let roomy = mentorsWithRoom.map { "\(input.mentors[$0].id) (\(menteesOfMentor[$0].count) of \(capacity(mentorIndex: $0)))" }
        var problems: [String] = []
        if entry.kind != .heldBack {
            problems.append("\(name) is explained as \(entry.kind.rawValue), but \(roomy.joined(separator: ", ")) have room")
        }
        if !mentorsWithRoom.contains(where: { entry.reason.contains(input.mentors[$0].id) }) {
            problems.append("\(name): reason names none of the mentors with room, \(roomy.joined(separator: ", "))")
        }
        guard status == .optimal else { return problems }
        let served = menteesOfMentor.flatMap { $0 } + [menteeIndex]
        var servedPerPlace: [String: Int] = [:]
        for mentee in served { servedPerPlace[input.mentees[mentee].location.place, default: 0] += 1 }
        let breaksSideConstraint = !sideConstraintViolations(
            served: served.count, remoteServed: served.filter { isRemote(menteeIndex: $0) }.count,
            servedPerPlace: servedPerPlace
        ).isEmpty
        if !breaksSideConstraint {
            problems.append("\(name) is left out although \(roomy.joined(separator: ", ")) could serve them within every constraint")
        }
        return problems
    }

    /// The engine narrows the field rule by rule in ``HardRule`` order; relaxations count mentors failing one rule.
    private func noCandidateViolations(_ entry: UnmatchedMentee, menteeIndex: Int) -> [String] {
        let name = "unmatched \(entry.menteeID)"
        guard !input.mentors.isEmpty else {
            return entry.blockingRule == nil ? [] : ["\(name) names blocking rule \(entry.blockingRule!) without mentors"]
        }
        var problems: [String] = []
        let failedRules = input.mentors.indices.map { mentorIndex in
            Set(breaches(mentorIndex: mentorIndex, menteeIndex: menteeIndex).compactMap(\.rule.hardRule))
        }
        var field = failedRules
        var blocking: HardRule?
        for rule in HardRule.allCases {
            field = field.filter { !$0.contains(rule) }
            if field.isEmpty {
                blocking = rule
                break
            }
        }
        if entry.blockingRule != blocking {
            problems.append("\(name) blocking rule \(String(describing: entry.blockingRule)), expected \(String(describing: blocking))")
        }
        let relaxations = HardRule.allCases.compactMap { rule -> String? in
            let count = failedRules.filter { $0 == [rule] }.count
            return count > 0 ? "\(rule.rawValue) \(count)" : nil
        }
        if entry.relaxations.map({ "\($0.rule.rawValue) \($0.candidates)" }) != relaxations {
            problems.append("\(name) relaxations \(entry.relaxations), expected \(relaxations)")
        }
        if entry.reason.isEmpty { problems.append("\(name) has an empty reason") }
        return problems
    }

    private func alternativeViolations(_ result: MatchingResult, mentorOfMentee: [Int?], loads: [Int]) -> [String] {
        var problems: [String] = []
        let expectedIDs = input.mentees.map(\.id).sorted()
        if result.alternatives.map(\.menteeID) != expectedIDs {
            problems.append("alternatives list \(result.alternatives.map(\.menteeID)), expected \(expectedIDs)")
        }
        for entry in result.alternatives {
            guard let menteeIndex = menteeIndex(of: entry.menteeID) else { continue }
            let name = "alternatives of \(entry.menteeID)"
            let assigned = mentorOfMentee[menteeIndex]
            if entry.assignedMentorID != assigned.map({ input.mentors[$0].id }) {
                problems.append("\(name): assigned \(entry.assignedMentorID ?? "none"), pairs give \(assigned.map { input.mentors[$0].id } ?? "none")")
            }
            let expected = rankedMentorIndices(menteeIndex: menteeIndex).filter { $0 != assigned }
                .prefix(max(policy.alternativesPerMentee, 0))
            if entry.alternatives.map(\.mentorID) != expected.map({ input.mentors[$0].id }) {
                problems.append("\(name): \(entry.alternatives.map(\.mentorID)), expected \(expected.map { input.mentors[$0].id })")
            }
            for alternative in entry.alternatives {
                guard let mentorIndex = mentorIndex(of: alternative.mentorID) else { continue }
                let distance = distanceKm(mentorIndex: mentorIndex, menteeIndex: menteeIndex) ?? .nan
                if !(abs(alternative.distanceKm - distance) <= Self.distanceToleranceKm) {
                    problems.append("\(name): \(alternative.mentorID) at \(alternative.distanceKm) km, haversine gives \(distance) km")
                }
                let score = Double(fitPoints(mentorIndex: mentorIndex, menteeIndex: menteeIndex)) / Double(FitScore.pointsPerUnit)
                if abs(alternative.score - score) > 1e-9 {
                    problems.append("\(name): \(alternative.mentorID) scores \(alternative.score), expected \(score)")
                }
                let hasRoom = loads[mentorIndex] < capacity(mentorIndex: mentorIndex)
                if alternative.hasRoom != hasRoom {
                    problems.append("\(name): \(alternative.mentorID) has_room \(alternative.hasRoom), expected \(hasRoom)")
                }
            }
        }
        return problems
    }
}
