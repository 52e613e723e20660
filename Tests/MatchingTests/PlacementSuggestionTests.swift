import GLPKBackend
import LEMONBackend
import Matching
import MentorMatchCore
import MentorMatchTestSupport
import Testing

/// `suggest` on random instances: every way it lists, applied to the matching of everyone else, is a valid
/// assignment under every rule, lock, kept current pair and side constraint, serves the young person, changes exactly
/// what it says, and has the fit change it reports; a free place is listed before a chain, a chain before a
/// displacement, and no chain is longer than it needs to be.
@Suite("Ways to fit one young person in")
struct PlacementSuggestionTests {
    let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex())

    @Test("each suggestion applied to the matching of everyone else passes the checker and changes exactly what it lists")
    func suggestionsHold() throws {
        var ways = 0
        var chains = 0
        for seed in 0..<300 {
            let instance = RandomInstance.nextMonth(seed: UInt64(seed))
            guard let full = try? engine.match(instance.input, policy: instance.policy) else { continue }
            let checker = SolutionChecker(input: instance.input, policy: instance.policy)
            // The newest referral, as a school phoning about one urgent case.
            guard let mentee = instance.input.mentees.last,
                !full.pairs.contains(where: { $0.menteeID == mentee.id && ($0.locked || $0.current) })
            else { continue }
            var others = instance.input
            others.mentees.removeLast()
            others.pairRules.removeAll { $0.menteeID == mentee.id }
            others.currentPairs.removeAll { $0.menteeID == mentee.id }
            others.previousSuggestions.removeAll { $0.menteeID == mentee.id }
            guard let result = try? engine.match(others, policy: instance.policy) else { continue }
            let placement = try #require(try engine.suggestions(for: mentee.id, instance.input, policy: instance.policy))
            let held = result.pairs.filter { $0.locked || $0.current }.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) }
            let before = Set(result.pairs.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) })
            var previousLength = -1
            for way in placement.suggestions {
                ways += 1
                if !way.moves.isEmpty { chains += 1 }
                let name = "seed \(seed), \(mentee.id) via \(way.mentorID)"
                let length = way.displaced == nil ? way.moves.count : PlacementSearch.maximumMoves + 1
                #expect(length >= previousLength, "\(name): ranked after a longer way")
                previousLength = length
                var mentorOf = Dictionary(result.pairs.map { ($0.menteeID, $0.mentorID) }, uniquingKeysWith: { a, _ in a })
                for move in way.moves {
                    #expect(mentorOf[move.menteeID] == move.fromMentorID, "\(name): \(way)")
                    mentorOf[move.menteeID] = move.toMentorID
                }
                if let displaced = way.displaced {
                    #expect(mentorOf[displaced.menteeID] == way.mentorID, "\(name): \(way)")
                    mentorOf[displaced.menteeID] = nil
                }
                mentorOf[mentee.id] = way.mentorID
                let pairs = mentorOf.map { Pairing(mentorID: $1, menteeID: $0) }.sorted()
                #expect(checker.violations(of: pairs).isEmpty, "\(name): \(checker.violations(of: pairs))")
                #expect(held.allSatisfy(pairs.contains), "\(name) moves a lock or current pair")
                let changed = before.symmetricDifference(pairs)
                #expect(changed.count == 1 + 2 * way.moves.count + (way.displaced == nil ? 0 : 1), "\(name): \(changed)")
                let fitChange = checker.tiers(of: pairs).fitPoints - checker.tiers(of: Array(before)).fitPoints
                #expect(abs(Double(fitChange) / Double(FitScore.pointsPerUnit) - way.fitChange) < 1e-9, "\(name)")
                #expect(checker.tiers(of: pairs).served == before.count + (way.displaced == nil ? 1 : 0), "\(name)")
            }
        }
        #expect(ways > 50 && chains > 5, "only \(ways) suggestions, \(chains) chains")
    }
}
