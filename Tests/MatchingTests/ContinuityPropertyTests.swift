import GLPKBackend
import LEMONBackend
import LinearProgramming
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

    @Test("the --write-lp audit programme with its one weighted objective reaches the same tiers and continuity counts")
    func auditProgrammeAgrees() throws {
        let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex())
        var compared = 0
        for seed in 0..<150 {
            let instance = RandomInstance.nextMonth(seed: UInt64(seed))
            guard instance.policy.sideConstraints.isEmpty,
                let preparation = try? engine.prepare(instance.input, policy: instance.policy),
                let result = try? engine.match(preparation)
            else { continue }
            let model = preparation.linearProgram()
            let solution = try GLPKSolver().solve(model.auditProgram(graph: preparation.graph), options: SolveOptions(timeLimitSeconds: 30))
            try #require(solution.termination == .optimal, "seed \(seed)")
            let chosen = Set(model.pairVariables.indices.filter { solution.values[model.pairVariables[$0].index] > 0.5 })
            let tiers = model.tiers.filter { $0 != .fit }.compactMap { tier in model.variable(of: tier).map { solution.values[$0.index].rounded() } }
            let fit = chosen.reduce(0) { $0 + preparation.graph.candidates[$1].fitPoints }
            var expected = [Double(result.summary.served)]
            if model.variable(of: .keptCurrent) != nil { expected.append(Double(result.continuity.kept)) }
            expected += [Double(result.summary.servedRemote), Double(result.summary.mentorsUsed)]
            if model.variable(of: .keptPrevious) != nil { expected.append(Double(result.continuity.previousKept)) }
            #expect(tiers == expected, "seed \(seed)")
            #expect(fit == result.summary.tiers.fitPoints, "seed \(seed)")
            compared += 1
        }
        #expect(compared > 50)
    }
}
