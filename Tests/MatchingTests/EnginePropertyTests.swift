import GLPKBackend
import LEMONBackend
import Matching
import MentorMatchCore
import MentorMatchTestSupport
import PropertyBased
import Testing

/// The engine against the independent references, on seeded random instances. A failure names its seed:
/// `RandomInstance.small(seed:)` rebuilds the instance.
@Suite("MatchingEngine against the references", .shrinking(false))
struct EnginePropertyTests {
    private func match(
        _ input: MatchingInput, _ policy: Policy, _ engine: MatchingEngine
    ) -> Result<MatchingResult, MatchingError> {
        Result { () throws(MatchingError) in try engine.match(input, policy: policy) }
    }

    @Test("small instances: the result passes the checker and reaches the brute-force optimum in every tier", arguments: EngineUnderTest.allCases)
    func smallInstancesAreOptimal(_ kind: EngineUnderTest) async throws {
        let engine = kind.engine
        await propertyCheck(count: 500, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RandomInstance.small(seed: UInt64(seed))
            let checker = SolutionChecker(input: instance.input, policy: instance.policy)
            let optimum = BruteForceMatcher.bestAssignment(checker)
            switch (match(instance.input, instance.policy, engine), optimum) {
            case (.success(let result), let optimum?):
                let violations = checker.violations(of: result)
                #expect(violations.isEmpty, "seed \(seed): \(violations)")
                #expect(result.summary.tiers == optimum.tiers, "seed \(seed): brute force pairs \(optimum.pairs)")
                if !checker.hasSideConstraints {
                    let flow = try #require(ReferenceMinCostFlow.solve(checker), "seed \(seed)")
                    #expect(result.summary.tiers == flow.tiers, "seed \(seed)")
                }
            case (.failure(.infeasibleSideConstraints), nil):
                break
            case (.success(let result), nil):
                let violations = checker.violations(of: result)
                Issue.record("seed \(seed): the engine matched \(result.summary.tiers), but no assignment holds: \(violations)")
            case (.failure(let error), let optimum):
                Issue.record("seed \(seed): the engine failed with \(error); brute force: \(String(describing: optimum?.tiers))")
            }
        }
    }

    @Test("the result does not depend on the order of mentors, young people, places or pair rules", arguments: EngineUnderTest.allCases)
    func rowOrderDoesNotMatter(_ kind: EngineUnderTest) async {
        let engine = kind.engine
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RandomInstance.small(seed: UInt64(seed))
            let shuffled = instance.shuffled(seed: UInt64(seed) &+ 1)
            switch (match(instance.input, instance.policy, engine), match(shuffled.input, shuffled.policy, engine)) {
            case (.success(let original), .success(let reordered)):
                #expect(original.pairs == reordered.pairs, "seed \(seed)")
                #expect(original.unmatched == reordered.unmatched, "seed \(seed)")
                #expect(original.alternatives == reordered.alternatives, "seed \(seed)")
                #expect(original.mentorLoads == reordered.mentorLoads, "seed \(seed)")
                #expect(original.summary == reordered.summary, "seed \(seed)")
            case (.failure(let original), .failure(let reordered)):
                #expect(original == reordered, "seed \(seed)")
            case (let original, let reordered):
                Issue.record("seed \(seed): one order gives \(original), the other \(reordered)")
            }
        }
    }

    /// Weights under which one unit of a tier outweighs the largest possible swing of all lower tiers together:
    /// a pair's fit is at most 1, so fit sums to at most the number of young people.
    static func separatingWeights(mentors: Int, mentees: Int) -> TierWeights {
        var weights = TierWeights()
        weights.fit = 1
        weights.mentorsUsed = Double(mentees + 1)
        weights.remoteServed = Double(mentors) * weights.mentorsUsed + Double(mentees) + 1
        weights.served = Double(mentees) * weights.remoteServed + Double(mentors) * weights.mentorsUsed + Double(mentees) + 1
        return weights
    }

    @Test("the weighted method with separating weights reaches the lexicographic tiers", arguments: EngineUnderTest.allCases)
    func weightedMatchesLexicographic(_ kind: EngineUnderTest) async {
        let engine = kind.engine
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RandomInstance.small(seed: UInt64(seed))
            var weighted = instance.policy
            weighted.objective.method = .weighted
            weighted.objective.tierWeights = Self.separatingWeights(
                mentors: instance.input.mentors.count, mentees: instance.input.mentees.count
            )
            switch (match(instance.input, instance.policy, engine), match(instance.input, weighted, engine)) {
            case (.success(let lexicographic), .success(let weightedResult)):
                #expect(weightedResult.summary.tiers == lexicographic.summary.tiers, "seed \(seed)")
                let violations = SolutionChecker(input: instance.input, policy: weighted).violations(of: weightedResult)
                #expect(violations.isEmpty, "seed \(seed): \(violations)")
            case (.failure(let lexicographic), .failure(let weightedError)):
                #expect(lexicographic == weightedError, "seed \(seed)")
            case (let lexicographic, let weightedOutcome):
                Issue.record("seed \(seed): lexicographic gives \(lexicographic), weighted \(weightedOutcome)")
            }
        }
    }

    @Test("medium instances: the result passes the checker and its tiers equal the reference flow", arguments: EngineUnderTest.allCases)
    func mediumInstances(_ kind: EngineUnderTest) async throws {
        let engine = kind.engine
        await propertyCheck(count: 20, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RandomInstance.medium(seed: UInt64(seed))
            let checker = SolutionChecker(input: instance.input, policy: instance.policy)
            let result = try engine.match(instance.input, policy: instance.policy)
            let violations = checker.violations(of: result)
            #expect(violations.isEmpty, "seed \(seed): \(violations)")
            let flow = try #require(ReferenceMinCostFlow.solve(checker), "seed \(seed)")
            #expect(result.summary.tiers == flow.tiers, "seed \(seed)")
        }
    }
}

/// The engine configurations every property must hold for.
enum EngineUnderTest: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// GLPK on the linear programme, tier by tier.
    case linearProgramme
    /// The flow formulation (``NetworkSolve``), each flow solved as an LP by GLPK.
    case flowAsLinearProgramme
    /// The flow formulation solved by LEMON's network simplex: the default engine.
    case lemon
    /// LEMON with every independent component of the candidate graph solved on its own.
    case lemonPerComponent

    var engine: MatchingEngine {
        switch self {
        case .linearProgramme: MatchingEngine(solver: GLPKSolver())
        case .flowAsLinearProgramme:
            MatchingEngine(solver: GLPKSolver(), flowSolver: LinearProgramFlowSolver(solver: GLPKSolver()))
        case .lemon: MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex())
        case .lemonPerComponent:
            MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex(), minimumCandidatesPerPart: 1)
        }
    }

    var testDescription: String { rawValue }
}
