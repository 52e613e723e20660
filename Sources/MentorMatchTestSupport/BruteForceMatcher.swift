import Matching
import MentorMatchCore

/// Finds the lexicographically best assignment of a tiny instance by trying every assignment.
///
/// Each young person, in input order, gets no mentor or one mentor the ``SolutionChecker`` allows and who has room;
/// a locked young person gets the locked mentor only. Complete assignments that break a side constraint do not
/// count. The search cuts a branch only when an optimistic bound on every tier at once — every remaining young person
/// with an allowed mentor served, every idle mentor used, each pair at its best fit — cannot beat the best complete
/// assignment found so far; a bound that dominates each tier dominates lexicographically, so the result stays exact.
public enum BruteForceMatcher {
    /// The best assignment and its tiers.
    public struct Outcome: Sendable, Hashable {
        public var tiers: TierValues
        /// Sorted by mentor id, then mentee id.
        public var pairs: [Pairing]
        /// Ranked current pairs and previous suggestions in `pairs`.
        public var keptCurrent = 0
        public var keptPrevious = 0
    }

    /// Continuity on top of the four tiers: pairs held like locks (`keep`), current pairs ranked right after served
    /// (`minimal_change`, with `max_changes` as the fewest to keep), previous suggestions ranked after mentors used.
    public struct Preferences: Sendable, Hashable {
        public var held: [Pairing]
        public var current: [Pairing]
        public var previous: [Pairing]
        public var minimumKept: Int?

        public init(held: [Pairing] = [], current: [Pairing] = [], previous: [Pairing] = [], minimumKept: Int? = nil) {
            self.held = held
            self.current = current
            self.previous = previous
            self.minimumKept = minimumKept
        }
    }

    /// The optimum over all assignments that hold every lock, capacity and side constraint.
    /// - Returns: `nil` when no assignment holds them all (including locks the checker does not allow).
    /// - Complexity: exponential in the number of young people; meant for at most about 8 young people and 6 mentors.
    public static func bestAssignment(_ checker: SolutionChecker, preferences: Preferences = Preferences()) -> Outcome? {
        let mentees = checker.input.mentees.indices
        var lockedMentor = [Int?](repeating: nil, count: mentees.count)
        for lock in checker.lockedPairs + preferences.held.filter({ !checker.lockedPairs.contains($0) }) {
            guard let mentor = checker.mentorIndex(of: lock.mentorID), let mentee = checker.menteeIndex(of: lock.menteeID),
                checker.isAllowed(mentorIndex: mentor, menteeIndex: mentee), lockedMentor[mentee] == nil
            else { return nil }
            lockedMentor[mentee] = mentor
        }
        let options = mentees.map { mentee in
            lockedMentor[mentee].map { [$0] }
                ?? checker.allowedMentorIndices(menteeIndex: mentee).sorted {
                    checker.fitPoints(mentorIndex: $0, menteeIndex: mentee) > checker.fitPoints(mentorIndex: $1, menteeIndex: mentee)
                }
        }
        func mentorOf(_ pairs: [Pairing]) -> [Int?] {
            var mentor = [Int?](repeating: nil, count: mentees.count)
            for pair in pairs {
                if let mentee = checker.menteeIndex(of: pair.menteeID) { mentor[mentee] = checker.mentorIndex(of: pair.mentorID) }
            }
            return mentor
        }
        var search = Search(
            checker: checker, options: options, mustServe: lockedMentor.map { $0 != nil },
            currentMentor: mentorOf(preferences.current), previousMentor: mentorOf(preferences.previous),
            minimumKept: preferences.minimumKept
        )
        search.visit(position: 0, sofar: Rank())
        return search.best.map {
            Outcome(tiers: $0.rank.tiers, pairs: $0.pairs, keptCurrent: $0.rank.keptCurrent, keptPrevious: $0.rank.keptPrevious)
        }
    }

    /// The lexicographic order with the continuity tiers in place.
    struct Rank: Comparable {
        var served = 0, keptCurrent = 0, remoteServed = 0, mentorsUsed = 0, keptPrevious = 0, fitPoints = 0

        var tiers: TierValues {
            TierValues(served: served, remoteServed: remoteServed, mentorsUsed: mentorsUsed, fitPoints: fitPoints)
        }

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            (lhs.served, lhs.keptCurrent, lhs.remoteServed, lhs.mentorsUsed, lhs.keptPrevious, lhs.fitPoints)
                < (rhs.served, rhs.keptCurrent, rhs.remoteServed, rhs.mentorsUsed, rhs.keptPrevious, rhs.fitPoints)
        }
    }

    private struct Search {
        let checker: SolutionChecker
        /// Mentor indices to try for each young person, best fit first.
        let options: [[Int]]
        let mustServe: [Bool]
        let currentMentor: [Int?]
        let previousMentor: [Int?]
        let minimumKept: Int?
        /// Optimistic tier gains of the young people from each position on.
        let servableFrom: [Int]
        let remoteServableFrom: [Int]
        let bestFitFrom: [Int]
        var load: [Int]
        var mentorOfMentee: [Int?]
        var best: (rank: Rank, pairs: [Pairing])?

        init(
            checker: SolutionChecker, options: [[Int]], mustServe: [Bool], currentMentor: [Int?], previousMentor: [Int?],
            minimumKept: Int?
        ) {
            self.checker = checker
            self.options = options
            self.mustServe = mustServe
            self.currentMentor = currentMentor
            self.previousMentor = previousMentor
            self.minimumKept = minimumKept
            var servable = [0]
            var remote = [0]
            var fit = [0]
            for mentee in options.indices.reversed() {
                let canServe = !options[mentee].isEmpty
                servable.append(servable.last! + (canServe ? 1 : 0))
                remote.append(remote.last! + (canServe && checker.isRemote(menteeIndex: mentee) ? 1 : 0))
                fit.append(
                    fit.last! + (options[mentee].map { checker.fitPoints(mentorIndex: $0, menteeIndex: mentee) }.max() ?? 0)
                )
            }
            servableFrom = servable.reversed()
            remoteServableFrom = remote.reversed()
            bestFitFrom = fit.reversed()
            load = [Int](repeating: 0, count: checker.input.mentors.count)
            mentorOfMentee = [Int?](repeating: nil, count: options.count)
        }

        mutating func visit(position: Int, sofar: Rank) {
            if let best {
                let rest = options.count - position
                let bound = Rank(
                    served: sofar.served + servableFrom[position], keptCurrent: sofar.keptCurrent + rest,
                    remoteServed: sofar.remoteServed + remoteServableFrom[position],
                    mentorsUsed: min(load.count, sofar.mentorsUsed + servableFrom[position]),
                    keptPrevious: sofar.keptPrevious + rest, fitPoints: sofar.fitPoints + bestFitFrom[position]
                )
                if bound <= best.rank { return }
            }
            guard position < options.count else {
                record(sofar)
                return
            }
            for mentor in options[position] where load[mentor] < checker.capacity(mentorIndex: mentor) {
                var next = sofar
                next.served += 1
                next.remoteServed += checker.isRemote(menteeIndex: position) ? 1 : 0
                next.mentorsUsed += load[mentor] == 0 ? 1 : 0
                next.fitPoints += checker.fitPoints(mentorIndex: mentor, menteeIndex: position)
                next.keptCurrent += currentMentor[position] == mentor ? 1 : 0
                next.keptPrevious += previousMentor[position] == mentor ? 1 : 0
                load[mentor] += 1
                mentorOfMentee[position] = mentor
                visit(position: position + 1, sofar: next)
                load[mentor] -= 1
                mentorOfMentee[position] = nil
            }
            if !mustServe[position] {
                visit(position: position + 1, sofar: sofar)
            }
        }

        private mutating func record(_ tiers: Rank) {
            if let best, tiers <= best.rank { return }
            if let minimumKept, tiers.keptCurrent < minimumKept { return }
            let mentors = checker.input.mentors
            let mentees = checker.input.mentees
            if checker.hasSideConstraints {
                var servedPerPlace: [String: Int] = [:]
                for (mentee, mentor) in mentorOfMentee.enumerated() where mentor != nil {
                    servedPerPlace[mentees[mentee].location.place, default: 0] += 1
                }
                let problems = checker.sideConstraintViolations(
                    served: tiers.served, remoteServed: tiers.remoteServed, servedPerPlace: servedPerPlace
                )
                if !problems.isEmpty { return }
            }
            let pairs = mentorOfMentee.enumerated().compactMap { mentee, mentor in
                mentor.map { Pairing(mentorID: mentors[$0].id, menteeID: mentees[mentee].id) }
            }
            best = (tiers, pairs.sorted())
        }
    }
}
