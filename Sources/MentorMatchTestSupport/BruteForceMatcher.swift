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
    }

    /// The optimum over all assignments that hold every lock, capacity and side constraint.
    /// - Returns: `nil` when no assignment holds them all (including locks the checker does not allow).
    /// - Complexity: exponential in the number of young people; meant for at most about 8 young people and 6 mentors.
    public static func bestAssignment(_ checker: SolutionChecker) -> Outcome? {
        let mentees = checker.input.mentees.indices
        var lockedMentor = [Int?](repeating: nil, count: mentees.count)
        for lock in checker.lockedPairs {
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
        var search = Search(checker: checker, options: options, mustServe: lockedMentor.map { $0 != nil })
        search.visit(position: 0, sofar: TierValues(served: 0, remoteServed: 0, mentorsUsed: 0, fitPoints: 0))
        return search.best
    }

    private struct Search {
        let checker: SolutionChecker
        /// Mentor indices to try for each young person, best fit first.
        let options: [[Int]]
        let mustServe: [Bool]
        /// Optimistic tier gains of the young people from each position on.
        let servableFrom: [Int]
        let remoteServableFrom: [Int]
        let bestFitFrom: [Int]
        var load: [Int]
        var mentorOfMentee: [Int?]
        var best: Outcome?

        init(checker: SolutionChecker, options: [[Int]], mustServe: [Bool]) {
            self.checker = checker
            self.options = options
            self.mustServe = mustServe
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

        mutating func visit(position: Int, sofar: TierValues) {
            if let best {
                let bound = TierValues(
                    served: sofar.served + servableFrom[position],
                    remoteServed: sofar.remoteServed + remoteServableFrom[position],
                    mentorsUsed: min(load.count, sofar.mentorsUsed + servableFrom[position]),
                    fitPoints: sofar.fitPoints + bestFitFrom[position]
                )
                if bound <= best.tiers { return }
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

        private mutating func record(_ tiers: TierValues) {
            if let best, tiers <= best.tiers { return }
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
            best = Outcome(tiers: tiers, pairs: pairs.sorted())
        }
    }
}
