import BitCollections
import MentorMatchCore

/// Every mentor's rule checks against one young person without a candidate, as one set of mentors per rule.
///
/// Each rule's failing mentors come from what ``MentorColumns`` gathered once per run, in operations on bit sets
/// (who holds each language, each specialisation, each gender; who has each distinct weekly window): no pass per
/// mentor except the travel rule's, and that one only over the mentors whose latitude could be within their reach.
/// A distance is computed only where a rule or the wording needs it, and the nearest mentors are found with the same
/// latitude bound. Everything read from here equals ``CompatibilityRules/failedRules(mentorIndex:menteeIndex:)``.
struct MentorField {
    let rules: CompatibilityRules
    let menteeIndex: Int
    /// The mentors failing each rule, in ``HardRule`` order.
    private let failing: [BitSet]
    /// `failingAtLeast[k]`: the mentors failing at least `k + 1` rules.
    private let failingAtLeast: [BitSet]
    private let everyone: BitSet
    /// Exact distances computed so far; NaN where not yet needed.
    private var distances: [Double]

    init(rules: CompatibilityRules, columns: MentorColumns, menteeIndex: Int) {
        self.rules = rules
        self.menteeIndex = menteeIndex
        let mentorCount = rules.input.mentors.count
        let policy = rules.policy
        let everyone = BitSet(0..<mentorCount)
        var distances = [Double](repeating: .nan, count: mentorCount)
        let menteeSet = mentorCount + menteeIndex
        let failing = HardRule.allCases.map { rule -> BitSet in
            switch rule {
            case .travel:
                return columns.beyondTravelLimit(of: rules, menteeIndex: menteeIndex, distances: &distances)
            case .language:
                guard policy.requireSharedLanguage else { return BitSet() }
                var sharing = BitSet()
                for token in rules.languages.positions(inSet: menteeSet) { sharing.formUnion(columns.languageHolders[token]) }
                return everyone.subtracting(sharing)
            case .specialisation:
                let needs = rules.topics.positions(inSet: menteeSet)
                guard policy.requireSpecialisations, !needs.isEmpty else { return BitSet() }
                var holdingAll = everyone
                for token in needs { holdingAll.formIntersection(columns.topicHolders[token]) }
                return everyone.subtracting(holdingAll)
            case .ageGap:
                return columns.mentors(youngerThan: rules.menteeAges[menteeIndex] + policy.minimumAgeGap)
            case .genderPreference:
                guard let required = rules.requiredMentorGenders[menteeIndex] else { return BitSet() }
                return everyone.subtracting(columns.genderHolders[required] ?? BitSet())
            case .availability:
                return everyone.subtracting(rules.mentorWindowOwners.sharing(
                    atLeast: policy.meetingMinutes, with: rules.menteeWindows, menteeIndex
                ))
            case .forbidden:
                return BitSet(rules.forbiddenMentors(ofMentee: menteeIndex))
            }
        }
        // Counted as a column of counters: a mentor reaches level k + 1 where it was at k and fails one more rule.
        var failingAtLeast = [BitSet](repeating: BitSet(), count: failing.count)
        for rule in failing {
            for level in stride(from: failing.count - 1, to: 0, by: -1) {
                failingAtLeast[level].formUnion(failingAtLeast[level - 1].intersection(rule))
            }
            failingAtLeast[0].formUnion(rule)
        }
        self.failing = failing
        self.failingAtLeast = failingAtLeast
        self.everyone = everyone
        self.distances = distances
    }

    /// The rules mentor `mentorIndex` breaks, as ``RuleCheck/bits``.
    func failedRules(of mentorIndex: Int) -> UInt8 {
        RuleCheck.bits(of: zip(HardRule.allCases, failing).filter { $1.contains(mentorIndex) }.map(\.0))
    }

    /// The mentors who pass every one of `rules`.
    func mentors(passingAll rules: some Sequence<HardRule>) -> BitSet {
        var passing = everyone
        for rule in rules { passing.subtract(failing[Self.position(rule)]) }
        return passing
    }

    /// How many mentors pass every one of `rules`.
    func count(passingAll rules: some Sequence<HardRule>) -> Int { mentors(passingAll: rules).count }

    /// How many mentors break `rule` and no other.
    func count(failingOnly rule: HardRule) -> Int {
        failing[Self.position(rule)].subtracting(failingAtLeast[1]).count
    }

    private static func position(_ rule: HardRule) -> Int { HardRule.allCases.firstIndex(of: rule) ?? 0 }

    /// The exact distance of a mentor, computed on first need.
    mutating func distanceKm(_ mentorIndex: Int) -> Double {
        if distances[mentorIndex].isNaN {
            distances[mentorIndex] = rules.distanceKm(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
        }
        return distances[mentorIndex]
    }

    /// Whether the mentor is surely farther than `distanceKm`, from latitudes alone.
    private func isSurelyFarther(_ mentorIndex: Int, than distanceKm: Double) -> Bool {
        rules.latitudeBoundKm(rules.mentorPoints[mentorIndex], rules.menteePoints[menteeIndex])
            > CompatibilityRules.withSlack(distanceKm)
    }

    /// The nearest of `mentors` (the first in their order where distances tie), as `min(by:)` on distances finds it.
    mutating func nearest(of mentors: some Sequence<Int>) -> Int? {
        var best: (index: Int, distanceKm: Double)?
        for mentorIndex in mentors {
            if let best, isSurelyFarther(mentorIndex, than: best.distanceKm) { continue }
            let distance = distanceKm(mentorIndex)
            if best == nil || distance < best!.distanceKm { best = (mentorIndex, distance) }
        }
        return best?.index
    }

    /// The `count` mentors failing the fewest rules, then nearest, then first in index order.
    mutating func closest(_ count: Int) -> [Int] {
        var closest: [Int] = []
        for failed in 0...failing.count where closest.count < count {
            var group = failed == 0 ? everyone : failingAtLeast[failed - 1]
            if failed < failing.count { group.subtract(failingAtLeast[failed]) }
            closest += nearest(count - closest.count, of: group)
        }
        return closest
    }

    /// The `count` nearest of `mentors`, then first in index order.
    private mutating func nearest(_ count: Int, of mentors: BitSet) -> [Int] {
        var nearest: [(index: Int, distanceKm: Double)] = []
        for mentorIndex in mentors {
            // Nothing surely farther than the last of a full list can be nearer.
            if nearest.count == count, let last = nearest.last, isSurelyFarther(mentorIndex, than: last.distanceKm) {
                continue
            }
            let entry = (index: mentorIndex, distanceKm: distanceKm(mentorIndex))
            guard let place = nearest.firstIndex(where: { (entry.distanceKm, entry.index) < ($0.distanceKm, $0.index) })
                ?? (nearest.count < count ? nearest.count : nil)
            else { continue }
            nearest.insert(entry, at: place)
            if nearest.count > count { nearest.removeLast() }
        }
        return nearest.map(\.index)
    }
}

/// What explaining young people without a candidate reads of every mentor, gathered once per run: who holds each
/// language, specialisation and gender, and the mentors in latitude order.
struct MentorColumns: Sendable {
    /// By the token's position in ``CompatibilityRules`` `languages` (and `topics`): the mentors holding it.
    let languageHolders: [BitSet]
    let topicHolders: [BitSet]
    let genderHolders: [Gender: BitSet]
    /// By the age a mentor must reach for each young person's age gap: the mentors younger.
    private let youngerThan: [Int: BitSet]
    /// The mentors by latitude, and their latitudes in that order.
    private let byLatitude: [Int]
    private let latitudes: [Double]
    private let largestTravelLimitKm: Double

    init(rules: CompatibilityRules) {
        let mentors = rules.input.mentors.indices
        languageHolders = rules.languages.holders(amongFirst: mentors.count)
        topicHolders = rules.topics.holders(amongFirst: mentors.count)
        genderHolders = Dictionary(grouping: mentors) { rules.mentorGenders[$0] }.mapValues { BitSet($0) }
        let thresholds = Set(rules.menteeAges.map { $0 + rules.policy.minimumAgeGap })
        youngerThan = Dictionary(uniqueKeysWithValues: thresholds.map { age in
            (age, BitSet(mentors.filter { rules.mentorAges[$0] < age }))
        })
        byLatitude = mentors.sorted { rules.mentorPoints[$0].latitude < rules.mentorPoints[$1].latitude }
        latitudes = byLatitude.map { rules.mentorPoints[$0].latitude }
        largestTravelLimitKm = rules.largestTravelLimitKm
    }

    /// The mentors younger than `age`.
    func mentors(youngerThan age: Int) -> BitSet { youngerThan[age] ?? BitSet() }

    /// The mentors beyond their travel limit from the young person, with the distances computed on the way put in
    /// `distances`: exactly as the pair check decides, mentor by mentor, but only for those whose latitude is within
    /// the longest limit; everyone else is surely beyond theirs.
    func beyondTravelLimit(of rules: CompatibilityRules, menteeIndex: Int, distances: inout [Double]) -> BitSet {
        var beyond = BitSet(0..<byLatitude.count)
        let menteePoint = rules.menteePoints[menteeIndex]
        // A relative margin on top of the slack, so that rounding in degrees never excludes a mentor in reach.
        let reachDegrees = CompatibilityRules.withSlack(largestTravelLimitKm) * (1 + 1e-6)
            / Coordinate.kilometresPerDegreeOfLatitude
        let first = latitudes.partitionPoint { $0 < menteePoint.latitude - reachDegrees }
        let end = latitudes.partitionPoint { $0 <= menteePoint.latitude + reachDegrees }
        for mentorIndex in byLatitude[first..<max(first, end)] {
            let limit = rules.mentorTravelLimits[mentorIndex]
            let mentorPoint = rules.mentorPoints[mentorIndex]
            guard rules.latitudeBoundKm(mentorPoint, menteePoint) <= CompatibilityRules.withSlack(limit) else { continue }
            let distance = mentorPoint.distanceKm(to: menteePoint)
            distances[mentorIndex] = distance
            if distance <= limit { beyond.remove(mentorIndex) }
        }
        return beyond
    }
}

extension Array where Element == Double {
    /// The first index whose element fails `belongs`, for elements where `belongs` holds for a prefix.
    fileprivate func partitionPoint(_ belongs: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The mentors' distinct weekly windows, each with the mentors who have it, so that finding every mentor who shares
/// enough of a week with one young person compares each distinct window once, not every mentor's every window.
struct WindowOwners: Sendable {
    /// The distinct windows, in weekday, start, end order; those of weekday d are `firstOfDay[d - 1]..<firstOfDay[d]`.
    private let windows: [WeeklyWindow]
    private let firstOfDay: [Int]
    /// Window w's owners are `owners[firstOwner[w]..<firstOwner[w + 1]]`, in person order (a person twice where their
    /// week repeats a window).
    private let firstOwner: [Int]
    private let owners: [Int32]
    /// How many people.
    let count: Int

    init(_ weeks: [WeeklyAvailability]) {
        count = weeks.count
        // Every window with its owner, sorted: each distinct window's owners are consecutive, in person order.
        let held = weeks.enumerated().flatMap { person, week in week.windows.map { (window: $0, owner: person) } }
            .sorted { ($0.window, $0.owner) < ($1.window, $1.owner) }
        var distinct: [WeeklyWindow] = []
        var firstOwner: [Int] = []
        for (position, entry) in held.enumerated() where distinct.last != entry.window {
            distinct.append(entry.window)
            firstOwner.append(position)
        }
        firstOwner.append(held.count)
        let owners = held.map { Int32(truncatingIfNeeded: $0.owner) }
        windows = distinct
        firstOfDay = Weekday.allCases.map { day in distinct.firstIndex { $0.weekday > day } ?? distinct.count }
        self.firstOwner = firstOwner
        self.owners = owners
    }

    /// The people with a window that overlaps one of `other`'s person `otherIndex` by at least `minutes`:
    /// `longestSharedStretch(person, with: other, otherIndex) >= minutes` for everyone at once.
    func sharing(atLeast minutes: Int, with other: FlatWindows, _ otherIndex: Int) -> BitSet {
        // The longest shared stretch is never below 0.
        guard minutes > 0 else { return BitSet(0..<count) }
        // Bits set in words first: inserting into the set one by one costs more than the comparisons.
        var words = [UInt](repeating: 0, count: (count + UInt.bitWidth - 1) / UInt.bitWidth)
        other.forEachWindow(of: otherIndex) { weekday, start, end in
            let day = weekday.rawValue - 1
            for window in (day == 0 ? 0 : firstOfDay[day - 1])..<firstOfDay[day]
            where min(windows[window].endMinute, end) - max(windows[window].startMinute, start) >= minutes {
                for owner in owners[firstOwner[window]..<firstOwner[window + 1]] {
                    words[Int(owner) / UInt.bitWidth] |= 1 << UInt(Int(owner) % UInt.bitWidth)
                }
            }
        }
        return BitSet(words: words)
    }
}
