import Matching
import MentorMatchCore

// MARK: - Continuity

extension SolutionChecker {
    /// What the continuity rules make of one current pair, worked out from the raw input.
    public enum CurrentStanding: String, Sendable, Hashable {
        case eligible, ended, released
    }

    /// The standing of each current pair, in input order: ended when `until` is before the reference date; released
    /// when a person is gone, the coordinator locked the
    /// young person elsewhere, a hard rule is broken (forbids included) or the mentor's capacity, after the locks, is
    /// taken by longer-running pairs. Mode `none` releases all.
    public func currentStandings() -> [CurrentStanding] {
        guard policy.continuity.mode != .none else { return input.currentPairs.map { _ in .released } }
        let reference = policy.referenceDate ?? input.mentees.compactMap(\.waitingSince).max()
        var lockedMentor: [String: String] = [:]
        for lock in lockedPairs { lockedMentor[lock.menteeID] = lock.mentorID }
        var standings = input.currentPairs.map { pair -> CurrentStanding in
            if let until = pair.until, let reference, until < reference { return .ended }
            guard let mentor = mentorIndex(of: pair.mentorID), let mentee = menteeIndex(of: pair.menteeID) else {
                return .released
            }
            if let locked = lockedMentor[pair.menteeID], locked != pair.mentorID { return .released }
            return isAllowed(mentorIndex: mentor, menteeIndex: mentee) ? .eligible : .released
        }
        for (mentorIndex, mentor) in input.mentors.enumerated() {
            let mine = input.currentPairs.indices.filter {
                standings[$0] == .eligible && input.currentPairs[$0].mentorID == mentor.id
            }
            let isLocked = { (index: Int) in lockedMentor[self.input.currentPairs[index].menteeID] == mentor.id }
            let otherLocks = lockedPairs.filter { $0.mentorID == mentor.id }.count - mine.filter(isLocked).count
            var room = capacity(mentorIndex: mentorIndex) - otherLocks
            let ordered = mine.sorted { left, right in
                if isLocked(left) != isLocked(right) { return isLocked(left) }
                let a = input.currentPairs[left], b = input.currentPairs[right]
                switch (a.since, b.since) {
                case let (x?, y?) where x != y: return x < y
                case (nil, .some): return true
                case (.some, nil): return false
                default: return a.menteeID < b.menteeID
                }
            }
            for index in ordered {
                if room > 0 { room -= 1 } else { standings[index] = .released }
            }
        }
        return standings
    }

    /// The eligible current pairs.
    public func eligibleCurrentPairs() -> [Pairing] {
        zip(input.currentPairs, currentStandings()).compactMap { pair, standing in
            standing == .eligible ? Pairing(mentorID: pair.mentorID, menteeID: pair.menteeID) : nil
        }
    }

    /// What the brute force must rank for this input's continuity policy and previous suggestions.
    public func continuityPreferences() -> BruteForceMatcher.Preferences {
        let eligible = eligibleCurrentPairs()
        let previous = input.previousSuggestions.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) }
        switch policy.continuity.mode {
        case .keep: return .init(held: eligible, previous: previous)
        case .minimalChange:
            return .init(
                current: eligible, previous: previous,
                minimumKept: policy.continuity.maxChanges.map { max(0, eligible.count - $0) }
            )
        case .none: return .init(previous: previous)
        }
    }

    /// Continuity rules a result breaks: under `keep` every eligible pair is in it; under `minimal_change` no more
    /// than `max_changes` are broken; every current pair has one change of the right kind and every pair that is not
    /// a kept current pair is `new`; the counts add up.
    public func continuityViolations(of result: MatchingResult) -> [String] {
        var problems: [String] = []
        let standings = currentStandings()
        let assigned = Dictionary(result.pairs.map { ($0.menteeID, $0.mentorID) }, uniquingKeysWith: { a, _ in a })
        let mode = policy.continuity.mode
        var expected: [PairChange.Kind] = []
        for (pair, standing) in zip(input.currentPairs, standings) {
            let name = "current pair \(pair.mentorID)–\(pair.menteeID)"
            switch standing {
            case .ended: expected.append(.ended)
            case .released:
                let again = mode == .none && assigned[pair.menteeID] == pair.mentorID
                expected.append(again ? .kept : .released)
            case .eligible:
                if assigned[pair.menteeID] == pair.mentorID {
                    expected.append(.kept)
                } else {
                    if mode == .keep { problems.append("\(name) is eligible under keep but not in the result") }
                    expected.append(assigned[pair.menteeID] == nil ? .broken : .moved)
                }
            }
            let reported = result.changes.filter { $0.mentorID == pair.mentorID && $0.menteeID == pair.menteeID && $0.change != .new }
            if reported.map(\.change) != [expected[expected.count - 1]] {
                problems.append("\(name) is reported as \(reported.map(\.change.rawValue)), expected \(expected[expected.count - 1].rawValue)")
            }
        }
        let broken = expected.count { $0 == .broken || $0 == .moved }
        if mode != .minimalChange, broken > 0 { problems.append("\(broken) current pairs broken outside minimal_change") }
        if mode == .minimalChange, let limit = policy.continuity.maxChanges, broken > limit {
            problems.append("\(broken) current pairs broken, max_changes is \(limit)")
        }
        let keptPairs = Set(zip(input.currentPairs, expected).filter { $1 == .kept }.map { Pairing(mentorID: $0.0.mentorID, menteeID: $0.0.menteeID) })
        let newPairs = input.currentPairs.isEmpty
            ? [] : result.pairs.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) }.filter { !keptPairs.contains($0) }.sorted()
        let reportedNew = result.changes.filter { $0.change == .new }.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) }.sorted()
        if newPairs != reportedNew { problems.append("new pairs reported \(reportedNew), expected \(newPairs)") }
        // `current` marks the pairs the continuity rules kept; under `none` a pair made again is not one of them.
        for pair in result.pairs
        where pair.current != (mode != .none && keptPairs.contains(Pairing(mentorID: pair.mentorID, menteeID: pair.menteeID))) {
            problems.append("pair \(pair.mentorID)–\(pair.menteeID) reports current \(pair.current)")
        }
        let counts = result.continuity
        let figures: [(String, Int, Int)] = [
            ("kept", counts.kept, keptPairs.count), ("new", counts.new, newPairs.count),
            ("broken", counts.broken, expected.count { $0 == .broken }), ("moved", counts.moved, expected.count { $0 == .moved }),
            ("ended", counts.ended, expected.count { $0 == .ended }), ("released", counts.released, expected.count { $0 == .released }),
            ("current_pairs", counts.currentPairs, input.currentPairs.count),
        ]
        for (name, reported, value) in figures where reported != value {
            problems.append("continuity \(name) is \(reported), expected \(value)")
        }
        let previous = Set(input.previousSuggestions.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) })
        let previousKept = result.pairs.count { previous.contains(Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID)) }
        if counts.previousKept != previousKept {
            problems.append("continuity previous_kept is \(counts.previousKept), expected \(previousKept)")
        }
        return problems
    }
}
