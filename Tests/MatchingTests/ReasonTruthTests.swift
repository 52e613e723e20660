import LEMONBackend
import GLPKBackend
import Matching
import MentorMatchCore
import MentorMatchTestSupport
import Testing

/// Every claim a reason makes about a young person left unmatched with full candidates is checked by solving: the
/// young person is forced in (a lock on each candidate in turn), and the answer must rank no higher, or a lock or
/// current pair must have to break — exactly what the reason says.
@Suite("Reasons hold under the rules in force", .shrinking(false))
struct ReasonTruthTests {
    let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex())

    /// The run's objective in the order it ranks: served, current pairs kept (minimal_change), remote served,
    /// mentors used, previous suggestions kept, fit. Kept pairs count against the original run's eligible pairs, as a
    /// forced lock can change which current pairs are eligible.
    static func rank(_ result: MatchingResult, _ policy: Policy, eligible: Set<Pairing>) -> [Int] {
        let tiers = result.summary.tiers
        let kept = policy.continuity.mode == .minimalChange
            ? result.pairs.count { eligible.contains(Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID)) } : 0
        return [tiers.served, kept, tiers.remoteServed, tiers.mentorsUsed, result.continuity.previousKept, tiers.fitPoints]
    }

    /// What forcing `menteeID` onto each full candidate shows, as problems with the reason's claim.
    func falseClaims(_ entry: UnmatchedMentee, input: MatchingInput, policy: Policy, result: MatchingResult) -> [String] {
        var problems: [String] = []
        let eligible = Set(result.changes.filter { [.kept, .broken, .moved].contains($0.change) }
            .map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) })
        let original = Self.rank(result, policy, eligible: eligible)
        let held = result.pairs.filter { $0.locked || $0.current }.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) }
        for candidate in entry.fullCandidates {
            var forced = input
            forced.pairRules.append(PairRule(mentorID: candidate.mentorID, menteeID: entry.menteeID, kind: .lock))
            let name = "\(entry.menteeID) forced onto \(candidate.mentorID)"
            // Refused: the coordinator's locks already fill the mentor, so one of them would have to break.
            guard let outcome = try? engine.match(forced, policy: policy) else { continue }
            let pairs = Set(outcome.pairs.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) })
            let forcedRank = Self.rank(outcome, policy, eligible: eligible)
            // Breaking more current pairs than max_changes allows breaks a rule in force, as breaking a lock does.
            let breaksLimit = policy.continuity.maxChanges.map { eligible.count - forcedRank[1] > $0 } ?? false
            let breaksHeldPair = !held.allSatisfy(pairs.contains) || (policy.continuity.mode == .minimalChange && breaksLimit)
            if candidate.isHeld && !breaksHeldPair {
                problems.append("\(name): the reason says its places are held, but it serves them keeping every lock and current pair")
            }
            if !breaksHeldPair && original.lexicographicallyPrecedes(forcedRank) {
                problems.append("\(name) ranks higher, \(forcedRank) over \(original): the reason's claim is false")
            }
        }
        if entry.fullCandidates.allSatisfy(\.isHeld), !entry.reason.contains("means breaking one of those") {
            problems.append("\(entry.menteeID): every candidate is held, but the reason does not say so: \(entry.reason)")
        }
        return problems
    }

    @Test("forcing a young person onto each full candidate ranks no higher, or breaks a lock or current pair")
    func claimsHoldWhenForced() throws {
        var checked = 0
        var held = 0
        for seed in 0..<600 {
            let instance = RandomInstance.nextMonth(seed: UInt64(seed))
            guard let result = try? engine.match(instance.input, policy: instance.policy) else { continue }
            for entry in result.unmatched where entry.kind == .candidatesFull {
                let problems = falseClaims(entry, input: instance.input, policy: instance.policy, result: result)
                #expect(problems.isEmpty, "seed \(seed): \(problems)")
                checked += entry.fullCandidates.count
                held += entry.fullCandidates.count(where: \.isHeld)
            }
        }
        // The instances must exercise both claims, or the test proves nothing.
        #expect(checked > 100 && held > 20, "only \(checked) forced solves, \(held) of held candidates")
    }
}
