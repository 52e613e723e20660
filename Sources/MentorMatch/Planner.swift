import Foundation
import GLPKBackend
import LEMONBackend

/// The what-if planner for integrators: runs scenario variants through the matcher, and answers the recruitment
/// and applicant questions with GLPK's mixed-integer solver choosing the recruits and the flow solver matching them.
public struct Planner: Sendable {
    public let matcher: MentorMatcher
    public let solver: any LinearProgramSolver
    /// Matches each part of the candidate graph for a choice of recruits; LEMON whatever the matcher's choice, as
    /// the recruitment programme is always a flow once the recruits are chosen.
    public let flowSolver: any MinCostFlowSolver

    public init(
        matcher: MentorMatcher = MentorMatcher(), solver: any LinearProgramSolver = GLPKSolver(),
        flowSolver: any MinCostFlowSolver = LEMONNetworkSimplex()
    ) {
        self.matcher = matcher
        self.solver = solver
        self.flowSolver = flowSolver
    }

    /// Reads a scenario file and every file it names.
    /// - Throws: ``MentorMatchError/invalidInput(_:)`` listing every problem.
    public func loadScenario(path: String) throws(MentorMatchError) -> Scenario {
        do {
            return try ScenarioFile.load(path: path)
        } catch {
            throw .invalidInput(error)
        }
    }

    /// Every variant side by side (in parallel), the recruitment answer when the scenario asks it, and with
    /// `simulate` the simulation of every variant when the scenario describes one.
    /// - Throws: ``MentorMatchError/solverRefused(_:)`` when the matcher is ``MentorMatcher/SolverChoice/lemon`` and a
    ///   variant's policy needs GLPK; ``MentorMatchError/planningFailed(_:)`` otherwise.
    public func plan(_ scenario: Scenario, simulate: Bool) throws(MentorMatchError) -> PlanReport {
        if matcher.choice == .lemon,
           let variant = scenario.variants.first(where: { !matcher.engine.solvesAsFlow($0.policy) }) {
            throw .solverRefused(SolverRefusal(solver: .lemon, request: "the lemon solver (variant '\(variant.name)')"))
        }
        let clock = Date()
        return try planning {
            () throws(PlanningError) -> PlanReport in
            let outcomes = try ScenarioRunner(engine: matcher.engine).run(scenario)
            let recruitment = try scenario.recruitment.map { settings throws(PlanningError) in
                try RecruitmentProgramme(
                    input: scenario.base, policy: scenario.policy, profiles: settings.profiles, solver: solver,
                    flowSolver: flowSolver,
                    trainingCostPerRecruit: scenario.cost.trainingEURPerRecruit
                ).answer(maxRecruits: settings.maxRecruits, target: settings.target, engine: matcher.engine)
            }
            var simulation: [SimulationOutcome]?
            if simulate, let settings = scenario.simulation {
                simulation = try simulateVariants(scenario, settings: settings)
            }
            return PlanReport(
                scenario: scenario.name, costModel: scenario.cost, variants: outcomes, recruitment: recruitment,
                simulation: simulation, seconds: Date().timeIntervalSince(clock)
            )
        }
    }

    /// ``plan(_:simulate:)`` after checking that a simulation is described when one is asked for.
    /// - Parameters:
    ///   - scenario: the scenario read by ``loadScenario(path:)``.
    ///   - simulate: whether to simulate every variant (the scenario must have a `simulation:` section).
    ///   - source: the scenario file's name, for the issue.
    /// - Throws: ``MentorMatchError/invalidInput(_:)`` when a simulation is asked for and none is described, or the
    ///   errors of ``plan(_:simulate:)``.
    public func plan(_ scenario: Scenario, simulate: Bool, source: String) throws(MentorMatchError) -> PlanReport {
        if simulate && scenario.simulation == nil {
            throw .invalidInput(InputError(issues: [InputIssue(
                source: source, field: "simulation", problem: "--simulate needs a simulation: section",
                fix: "add simulation: with referrals_per_month: (see the README's What-if planning section)"
            )]))
        }
        return try plan(scenario, simulate: simulate)
    }

    /// Answers a recruitment question (`mentormatch recruit`) on loaded input, reading its profiles or applicants file.
    /// - Throws: ``MentorMatchError/invalidInput(_:)`` for the file's problems, ``MentorMatchError/planningFailed(_:)``.
    public func answer(_ question: RecruitmentQuestion, _ loaded: LoadedInput) throws(MentorMatchError) -> RecruitmentOutcome {
        func reading<Value>(_ body: () throws(InputError) -> Value) throws(MentorMatchError) -> Value {
            do {
                return try body()
            } catch {
                throw .invalidInput(error)
            }
        }
        switch question {
        case .applicants(let path, let accept):
            let people = try reading { () throws(InputError) in
                try ApplicantsCSV.load(path: path, places: loaded.input.places, policy: loaded.policy)
            }
            return .selection(try selectApplicants(loaded, applicants: people, accept: accept))
        case .profiles(let path, let target, let maxRecruits, let trainingCostPerRecruit):
            let kinds = try reading { () throws(InputError) in
                try ProfilesCSV.load(path: path, places: loaded.input.places, policy: loaded.policy)
            }
            return .recruitment(try recruit(
                loaded, profiles: kinds, maxRecruits: maxRecruits, target: target, trainingCostPerRecruit: trainingCostPerRecruit))
        }
    }

    /// The recruitment question on loaded input: see `RecruitmentProgramme.answer(maxRecruits:target:engine:)` (Planning).
    public func recruit(
        _ loaded: LoadedInput, profiles: [RecruitProfile], maxRecruits: Int?, target: CoverageTarget?,
        trainingCostPerRecruit: Double = 0
    ) throws(MentorMatchError) -> RecruitmentAnswer {
        try planning { () throws(PlanningError) -> RecruitmentAnswer in
            try RecruitmentProgramme(
                input: loaded.input, policy: loaded.policy, profiles: profiles, solver: solver, flowSolver: flowSolver,
                trainingCostPerRecruit: trainingCostPerRecruit
            ).answer(maxRecruits: maxRecruits, target: target, engine: matcher.engine)
        }
    }

    /// Which `accept` applicants to take: see `RecruitmentProgramme.selectApplicants(_:accept:input:policy:solver:flowSolver:engine:)` (Planning).
    public func selectApplicants(
        _ loaded: LoadedInput, applicants: [Applicant], accept: Int
    ) throws(MentorMatchError) -> ApplicantSelection {
        try planning { () throws(PlanningError) -> ApplicantSelection in
            try RecruitmentProgramme.selectApplicants(
                applicants, accept: accept, input: loaded.input, policy: loaded.policy, solver: solver,
                flowSolver: flowSolver, engine: matcher.engine
            )
        }
    }

    /// Variants simulated in parallel, each with its own search for the mentors needed; a variant's demand scale
    /// scales the referrals too.
    private func simulateVariants(
        _ scenario: Scenario, settings: SimulationSettings
    ) throws(PlanningError) -> [SimulationOutcome] {
        let simulation = Simulation(engine: matcher.engine)
        let results = ConcurrentChunks.map(count: scenario.variants.count) { index in
            let variant = scenario.variants[index]
            var scaled = settings
            scaled.referralsPerMonth *= variant.demandScale
            return Result { () throws(PlanningError) in
                try simulation.run(variant.apply(to: scenario.base), policy: variant.policy, settings: scaled, variant: variant.name)
            }
        }
        return try results.map { result throws(PlanningError) in try result.get() }
    }

    private func planning<Value>(_ body: () throws(PlanningError) -> Value) throws(MentorMatchError) -> Value {
        do {
            return try body()
        } catch .invalidInput(let error) {
            throw .invalidInput(error)
        } catch {
            throw .planningFailed(error)
        }
    }
}

/// What `mentormatch recruit` asks.
public enum RecruitmentQuestion: Sendable, Hashable {
    /// The fewest recruits of the profiles in the CSV file at `path` for a target, or the best plan for up to
    /// `maxRecruits`.
    case profiles(path: String, target: CoverageTarget?, maxRecruits: Int?, trainingCostPerRecruit: Double)
    /// Which `accept` of the applicants in the CSV file at `path` to take.
    case applicants(path: String, accept: Int)
}

/// The answer to a ``RecruitmentQuestion``.
public enum RecruitmentOutcome: Sendable {
    case recruitment(RecruitmentAnswer)
    case selection(ApplicantSelection)

    /// The files `mentormatch recruit` writes; `title` heads the chart.
    public func files(mentees: Int, title: String) throws(MentorMatchError) -> [String: Data] {
        try MentorMatchError.formatting { () throws(FormatError) in
            switch self {
            case .recruitment(let answer): try PlanFiles.recruitmentFiles(answer, title: title)
            case .selection(let selection): try PlanFiles.selectionFiles(selection, mentees: mentees, title: title)
            }
        }
    }
}
