import MentorMatch
import MentorMatchTestSupport
import Testing

/// The solver choice is the library's to enforce: LEMON alone refuses what the flow formulation cannot solve.
@Suite("MentorMatcher solver choice")
struct MentorMatcherTests {
    /// A weighted objective with a side constraint: only GLPK's general programme solves it.
    static func needsGLPK() -> RandomInstance {
        var instance = RandomInstance.small(seed: 11)
        instance.policy.objective.method = .weighted
        instance.policy.sideConstraints = SideConstraints(minimumRemoteShare: 0.1)
        return instance
    }

    @Test("lemon refuses a policy that needs GLPK, before solving, with a typed error")
    func lemonRefuses() throws {
        let instance = Self.needsGLPK()
        #expect(throws: MentorMatchError.solverRefused(SolverRefusal(solver: .lemon, request: "the lemon solver"))) {
            try MentorMatcher(.lemon).match(instance.input, policy: instance.policy)
        }
        let preparation = try MentorMatcher(.lemon).prepare(instance.input, policy: instance.policy)
        #expect(throws: MentorMatchError.self) { try MentorMatcher(.lemon).solveKeepingFlowStages(preparation) }
    }

    @Test("auto and glpk solve it; flow stages cannot be kept when nothing is solved as flows", arguments: [
        MentorMatcher.SolverChoice.auto, .glpk,
    ])
    func othersSolve(_ choice: MentorMatcher.SolverChoice) throws {
        let instance = Self.needsGLPK()
        let matcher = MentorMatcher(choice)
        let result = try matcher.match(instance.input, policy: instance.policy)
        #expect(result.solver.solver.lowercased().contains("glpk"), "\(result.solver)")
        let preparation = try matcher.prepare(instance.input, policy: instance.policy)
        #expect(throws: MentorMatchError.solverRefused(SolverRefusal(solver: choice, request: "exporting the flows"))) {
            try matcher.solveKeepingFlowStages(preparation)
        }
    }

    @Test("lemon solves a policy the flow formulation covers")
    func lemonSolvesFlowPolicies() throws {
        let instance = RandomInstance.small(seed: 11)
        var policy = instance.policy
        policy.objective.method = .lexicographic
        policy.sideConstraints = SideConstraints()
        let result = try MentorMatcher(.lemon).match(instance.input, policy: policy)
        #expect(result.solver.solver.lowercased().contains("lemon"), "\(result.solver)")
    }

    @Test("a planner with the lemon matcher refuses a variant whose policy needs GLPK")
    func plannerRefuses() {
        let instance = Self.needsGLPK()
        let scenario = Scenario(name: "what-if", base: instance.input, policy: instance.policy, cost: CostModel(),
                                variants: [ScenarioVariant(name: "weighted", policy: instance.policy)])
        #expect(throws: MentorMatchError.solverRefused(
            SolverRefusal(solver: .lemon, request: "the lemon solver (variant 'weighted')"))) {
            try Planner(matcher: MentorMatcher(.lemon)).plan(scenario, simulate: false)
        }
    }
}
