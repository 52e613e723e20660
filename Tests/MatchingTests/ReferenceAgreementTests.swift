import Matching
import MentorMatchCore
import MentorMatchTestSupport
import PropertyBased
import Testing

/// The brute force and the reference flow are written independently of each other; where both apply they must
/// agree, and every assignment either returns must pass the checker. No solver is involved.
@Suite("Reference solvers agree", .shrinking(false))
struct ReferenceAgreementTests {
    @Test("brute force and the reference flow reach the same tiers, and both assignments pass the checker")
    func bruteForceAgreesWithFlow() async throws {
        await propertyCheck(count: 500, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RandomInstance.small(seed: UInt64(seed))
            let checker = SolutionChecker(input: instance.input, policy: instance.policy)
            var withoutSideConstraints = instance.policy
            withoutSideConstraints.sideConstraints = SideConstraints()
            let relaxedChecker = SolutionChecker(input: instance.input, policy: withoutSideConstraints)

            let flow = try #require(ReferenceMinCostFlow.solve(checker), "seed \(seed): generated locks must hold")
            #expect(relaxedChecker.violations(of: flow.pairs).isEmpty, "seed \(seed)")

            let relaxedOptimum = try #require(BruteForceMatcher.bestAssignment(relaxedChecker), "seed \(seed)")
            #expect(relaxedOptimum.tiers == flow.tiers, "seed \(seed)")

            guard let optimum = BruteForceMatcher.bestAssignment(checker) else {
                #expect(checker.hasSideConstraints, "seed \(seed): only side constraints can leave no assignment")
                return
            }
            #expect(checker.violations(of: optimum.pairs).isEmpty, "seed \(seed)")
            #expect(checker.tiers(of: optimum.pairs) == optimum.tiers, "seed \(seed)")
            #expect(optimum.tiers <= relaxedOptimum.tiers, "seed \(seed): constraints cannot improve the optimum")
        }
    }

    @Test("medium instances: the reference flow's assignment passes the checker")
    func mediumFlow() async throws {
        await propertyCheck(count: 10, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RandomInstance.medium(seed: UInt64(seed))
            let checker = SolutionChecker(input: instance.input, policy: instance.policy)
            let flow = try #require(ReferenceMinCostFlow.solve(checker), "seed \(seed)")
            #expect(checker.violations(of: flow.pairs).isEmpty, "seed \(seed)")
        }
    }

    @Test("a seed names the same instance, and shuffling keeps its content")
    func generatorIsDeterministic() {
        let instance = RandomInstance.small(seed: 42)
        #expect(RandomInstance.small(seed: 42).input == instance.input)
        #expect(RandomInstance.small(seed: 42).policy == instance.policy)
        let shuffled = instance.shuffled(seed: 7)
        #expect(shuffled.input.mentors.sorted { $0.id < $1.id } == instance.input.mentors)
        #expect(shuffled.input.mentees.sorted { $0.id < $1.id } == instance.input.mentees)
    }
}
