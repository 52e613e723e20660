import Matching
import MentorMatchCore
import MentorMatchTestSupport
import PropertyBased
import Testing

/// Month two on seeded random instances: current pairs, previous suggestions and every continuity mode, against the
/// brute force with the same preferences and the independent checker's continuity rules.
@Suite("Continuity against the brute force", .shrinking(false))
struct ContinuityPropertyTests {
    @Test(
        "keep holds every eligible pair and is optimal around them; minimal_change breaks the fewest; previous suggestions kept the most",
        arguments: EngineUnderTest.allCases
    )
    func continuityIsOptimal(_ kind: EngineUnderTest) async throws {
        let engine = kind.engine
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RandomInstance.nextMonth(seed: UInt64(seed))
            let checker = SolutionChecker(input: instance.input, policy: instance.policy)
            let preferences = checker.continuityPreferences()
            let optimum = BruteForceMatcher.bestAssignment(checker, preferences: preferences)
            let outcome = Result { () throws(MatchingError) in try engine.match(instance.input, policy: instance.policy) }
            switch (outcome, optimum) {
            case (.success(let result), let optimum?):
                let violations = checker.violations(of: result)
                #expect(violations.isEmpty, "seed \(seed): \(violations)")
                #expect(result.summary.tiers == optimum.tiers, "seed \(seed): brute force pairs \(optimum.pairs)")
                let pairs = Set(result.pairs.map { Pairing(mentorID: $0.mentorID, menteeID: $0.menteeID) })
                #expect(
                    preferences.current.count(where: pairs.contains) == optimum.keptCurrent,
                    "seed \(seed): current pairs kept, brute force \(optimum.pairs)"
                )
                #expect(
                    preferences.previous.count(where: pairs.contains) == optimum.keptPrevious,
                    "seed \(seed): previous suggestions kept, brute force \(optimum.pairs)"
                )
                if instance.policy.continuity.mode == .keep {
                    #expect(preferences.held.allSatisfy(pairs.contains), "seed \(seed): an eligible current pair broken")
                }
            case (.failure(.infeasibleSideConstraints), nil):
                break
            case (.success(let result), nil):
                Issue.record("seed \(seed): the engine matched \(result.summary.tiers), but no assignment holds")
            case (.failure(let error), let optimum):
                Issue.record("seed \(seed): the engine failed with \(error); brute force: \(String(describing: optimum?.tiers))")
            }
        }
    }
}
