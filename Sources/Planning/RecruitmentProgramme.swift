import LinearProgramming
import Matching
import MentorMatchCore

/// One answer of the recruitment programme: how many of each profile to recruit and what that buys.
public struct RecruitmentPlan: Sendable, Hashable, Codable {
    /// Recruits per profile, in profile order.
    public var recruits: [Int]
    /// Young people served by current mentors and recruits together.
    public var served: Int
    public var servedRemote: Int
    /// What the recruits cost (each profile's cost, or the training cost per recruit).
    public var cost: Double
    /// For each profile, the young people its recruits serve in the plan (ids, sorted).
    public var servedByProfile: [[String]]

    public init(recruits: [Int], served: Int, servedRemote: Int, cost: Double, servedByProfile: [[String]]) {
        self.recruits = recruits
        self.served = served
        self.servedRemote = servedRemote
        self.cost = cost
        self.servedByProfile = servedByProfile
    }

    public var totalRecruits: Int { recruits.reduce(0, +) }

    enum CodingKeys: String, CodingKey {
        case recruits, served, cost
        case servedRemote = "served_remote"
        case servedByProfile = "served_by_profile"
    }
}

/// What a coverage target asks for.
public enum CoverageTarget: Sendable, Hashable, Encodable {
    /// At least this share (0–1) of the young people who fit a current mentor or some profile.
    case share(Double)
    /// Every young person in a remote place who fits a current mentor or some profile.
    case everyRemotePlace

    /// As a scenario file writes it: the share, or `remote_parishes`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .share(let share): try container.encode(share)
        case .everyRemotePlace: try container.encode("remote_parishes")
        }
    }
}

/// The capacitated covering programme over the matching's compatibility rules.
///
/// Variables: `y_p`, integer recruits of profile `p` (0…available); `x_c` ∈ {0, 1} for every candidate pair `c`
/// of a current mentor or a profile with a young person. Rows: a current mentor serves at most their capacity; a
/// profile's pairs are at most `capacity_p · y_p`; every young person is served at most once. Current mentors are
/// modelled too, so recruits cover only what they cannot. Objectives are optimised one after another, each
/// optimum fixed before the next (served outranks remote served by weight `R + 1`, R the remote young people,
/// which is exact in whole numbers).
///
/// A profile is a mentor located at its place with its attributes, so the candidate pairs come from the same
/// ``CandidateGraph`` the matching engine builds, and locked pairs are kept: matching the current mentors plus the
/// recommended recruits therefore serves exactly the promised number. The policy's side constraints (a remote
/// share, minimums per place) are not part of this programme; with them the engine may serve fewer.
public struct RecruitmentProgramme: Sendable {
    public let input: MatchingInput
    public let policy: Policy
    public let profiles: [RecruitProfile]
    public let solver: any LinearProgramSolver
    let graph: CandidateGraph
    /// Recruit costs per profile, with the cost model's default filled in.
    let unitCosts: [Double]
    /// Young people who fit at least one current mentor or profile.
    public let reachable: [Bool]

    /// - Parameters:
    ///   - input: Current mentors, the waiting list and the places, validated.
    ///   - trainingCostPerRecruit: The cost of a recruit whose profile gives none.
    public init(
        input: MatchingInput, policy: Policy, profiles: [RecruitProfile], solver: any LinearProgramSolver,
        trainingCostPerRecruit: Double = 0
    ) {
        self.input = input
        self.policy = policy
        self.profiles = profiles
        self.solver = solver
        var augmented = input
        // Labels only: the rules look ids up for pair rules, which never name a profile.
        augmented.mentors += profiles.enumerated().map { index, profile in
            var mentor = profile.mentor
            mentor.id = "\u{1}profile\(index)"
            return mentor
        }
        graph = CandidateGraph(rules: CompatibilityRules(input: augmented, policy: policy))
        unitCosts = profiles.map { $0.cost ?? trainingCostPerRecruit }
        reachable = graph.candidatesOfMentee.map { !$0.isEmpty }
    }

    var currentMentorCount: Int { input.mentors.count }

    // MARK: - The questions

    /// The most young people served with at most `limit` recruits (then the most from remote places, then the
    /// lowest cost, then the fewest recruits).
    /// - Parameter atLeast: A served count known to be reachable with fewer recruits, kept as a bound so that a
    ///   curve can never fall.
    public func bestPlan(recruitLimit limit: Int, atLeast: Int = 0) throws(PlanningError) -> RecruitmentPlan {
        var model = CoveringModel(self)
        model.limitRecruits(to: limit)
        model.requireServed(atLeast: atLeast)
        return try model.solve(goals: [.maximize(model.servedThenRemote), .minimize(model.cost), .minimize(model.recruitCount)])
    }

    /// The best plan for every number of recruits from 0 to `limit`: served never falls as the limit grows, because
    /// each optimum is kept as a lower bound for the next.
    public func curve(upTo limit: Int) throws(PlanningError) -> [RecruitmentPlan] {
        var plans: [RecruitmentPlan] = []
        for recruits in 0...max(0, limit) {
            plans.append(try bestPlan(recruitLimit: recruits, atLeast: plans.last?.served ?? 0))
        }
        return plans
    }

    /// The fewest recruits (then the lowest cost, then the most served) that reach `target`.
    /// - Throws: ``PlanningError/targetUnreachable(_:)`` when the profiles' availability cannot reach it.
    public func fewestRecruits(for target: CoverageTarget) throws(PlanningError) -> RecruitmentPlan {
        var model = CoveringModel(self)
        let reachableCount = reachable.count(where: { $0 })
        switch target {
        case .share(let share):
            model.requireServed(atLeast: Int(rounding: share * Double(reachableCount) - 1e-9, .up, clampedTo: 0...reachableCount) ?? reachableCount)
        case .everyRemotePlace:
            model.requireEveryReachableRemoteServed()
        }
        do {
            return try model.solve(goals: [.minimize(model.recruitCount), .minimize(model.cost), .maximize(model.servedThenRemote)])
        } catch .targetUnreachable {
            let most = try bestPlan(recruitLimit: profiles.reduce(0) { $0 + ($1.available ?? input.mentees.count) })
            throw .targetUnreachable(
                "with every available recruit at most \(most.served) of the \(reachableCount) young people who fit a "
                    + "mentor or profile can be served (\(most.servedRemote) from remote places). Fix: add profiles "
                    + "or raise their 'available' counts, or lower the target"
            )
        }
    }

    /// Young people served, and from remote places, with one recruit of each profile alone: where one more mentor
    /// helps most. Re-solves rather than reading duals, which would price a fraction of a mentor.
    public func marginalValues() throws(PlanningError) -> [MarginalValue] {
        let base = try bestPlan(recruitLimit: 0)
        var values: [MarginalValue] = []
        for index in profiles.indices where profiles[index].available != 0 {
            var model = CoveringModel(self)
            model.allowOnly(profile: index)
            let plan = try model.solve(goals: [.maximize(model.servedThenRemote)])
            values.append(MarginalValue(
                profileIndex: index, extraServed: plan.served - base.served,
                extraServedRemote: plan.servedRemote - base.servedRemote
            ))
        }
        return values.sorted { ($0.extraServed, $0.extraServedRemote, -$0.profileIndex) > ($1.extraServed, $1.extraServedRemote, -$1.profileIndex) }
    }

    /// Which applicants (profiles with one person each) to accept: exactly `accept` of them (or all, when fewer
    /// apply) to serve the most young people, then the most from remote places, then as many living in remote
    /// places, then as many with the preferred experience.
    public func selectApplicants(accept: Int) throws(PlanningError) -> RecruitmentPlan {
        var model = CoveringModel(self)
        let seats = min(accept, profiles.reduce(0) { $0 + ($1.available ?? 1) })
        model.requireRecruits(exactly: seats)
        let places = Dictionary(input.places.map { ($0.name, $0.isRemote) }, uniquingKeysWith: { first, _ in first })
        let livesRemote = profiles.map { places[$0.mentor.location.place] ?? false }
        return try model.solve(goals: [
            .maximize(model.servedThenRemote),
            .maximize(model.recruitTerms { livesRemote[$0] ? 1 : 0 }),
            .maximize(model.recruitTerms { profiles[$0].isExperienced ? 1 : 0 }),
        ])
    }
}

/// One profile's value: what a single recruit of it adds to the current mentors' best matching.
public struct MarginalValue: Sendable, Hashable, Codable {
    public var profileIndex: Int
    public var extraServed: Int
    public var extraServedRemote: Int

    enum CodingKeys: String, CodingKey {
        case profileIndex = "profile_index"
        case extraServed = "extra_served"
        case extraServedRemote = "extra_served_remote"
    }
}

/// The linear programme of one question, with its goal expressions.
struct CoveringModel {
    enum Goal {
        case maximize([Term])
        case minimize([Term])
    }

    let problem: RecruitmentProgramme
    var program = LinearProgram(name: "recruitment", sense: .maximize)
    var pairVariables: [VariableID] = []
    var recruitVariables: [VariableID] = []

    init(_ problem: RecruitmentProgramme) {
        self.problem = problem
        let graph = problem.graph
        let mentorCount = problem.currentMentorCount
        // A locked pair is served whatever is recruited, as the engine serves it.
        for (index, candidate) in graph.candidates.enumerated() {
            pairVariables.append(program.addVariable(
                name: "x\(index)", lowerBound: candidate.isLocked ? 1 : 0, upperBound: 1, isInteger: true
            ))
        }
        for (index, profile) in problem.profiles.enumerated() {
            recruitVariables.append(program.addVariable(
                name: "y\(index)", upperBound: profile.available.map(Double.init), isInteger: true
            ))
        }
        for mentor in graph.candidatesOfMentor.indices {
            let terms = graph.candidatesOfMentor[mentor].map { Term(pairVariables[$0], 1) }
            if mentor < mentorCount {
                guard !terms.isEmpty else { continue }
                program.addConstraint(name: "mentor\(mentor)", terms: terms, upperBound: Double(graph.capacity(mentorIndex: mentor)))
            } else {
                let profile = mentor - mentorCount
                program.addConstraint(
                    name: "profile\(profile)",
                    terms: terms + [Term(recruitVariables[profile], -Double(graph.capacity(mentorIndex: mentor)))],
                    upperBound: 0
                )
            }
        }
        for (mentee, candidates) in graph.candidatesOfMentee.enumerated() where !candidates.isEmpty {
            program.addConstraint(name: "mentee\(mentee)", terms: candidates.map { Term(pairVariables[$0], 1) }, upperBound: 1)
        }
    }

    var served: [Term] { pairVariables.map { Term($0, 1) } }

    /// Served × (R + 1) + remote served: one more young person outweighs any number from remote places.
    var servedThenRemote: [Term] {
        let rules = problem.graph.rules
        let weight = Double(problem.input.mentees.indices.count(where: rules.isRemote(menteeIndex:)) + 1)
        return problem.graph.candidates.enumerated().map { index, candidate in
            Term(pairVariables[index], weight + (rules.isRemote(menteeIndex: candidate.menteeIndex) ? 1 : 0))
        }
    }

    var recruitCount: [Term] { recruitTerms { _ in 1 } }

    var cost: [Term] { recruitTerms { problem.unitCosts[$0] } }

    /// One term per profile whose coefficient is not zero.
    func recruitTerms(_ coefficient: (Int) -> Double) -> [Term] {
        recruitVariables.indices.compactMap { index in
            let value = coefficient(index)
            return value == 0 ? nil : Term(recruitVariables[index], value)
        }
    }

    mutating func limitRecruits(to limit: Int) {
        guard !recruitVariables.isEmpty else { return }
        program.addConstraint(name: "recruit_limit", terms: recruitCount, upperBound: Double(limit))
    }

    mutating func requireRecruits(exactly count: Int) {
        guard !recruitVariables.isEmpty else { return }
        program.addConstraint(name: "recruit_count", terms: recruitCount, lowerBound: Double(count), upperBound: Double(count))
    }

    mutating func requireServed(atLeast count: Int) {
        guard count > 0 else { return }
        program.addConstraint(name: "coverage", terms: served, lowerBound: Double(count))
    }

    mutating func requireEveryReachableRemoteServed() {
        let graph = problem.graph
        for (mentee, candidates) in graph.candidatesOfMentee.enumerated()
        where !candidates.isEmpty && graph.rules.isRemote(menteeIndex: mentee) {
            program.addConstraint(name: "remote\(mentee)", terms: candidates.map { Term(pairVariables[$0], 1) }, lowerBound: 1)
        }
    }

    /// One recruit of `profile` at most, and none of any other.
    mutating func allowOnly(profile: Int) {
        for (index, variable) in recruitVariables.enumerated() {
            program.setBounds(of: variable, lower: 0, upper: index == profile ? 1 : 0)
        }
    }

    /// Optimises the goals in order, fixing each optimum before the next; goals without terms are skipped.
    mutating func solve(goals: [Goal]) throws(PlanningError) -> RecruitmentPlan {
        var values: [Double]?
        for (stage, goal) in goals.enumerated() {
            let (sense, terms) = switch goal {
            case .maximize(let terms): (LinearProgram.Sense.maximize, terms)
            case .minimize(let terms): (LinearProgram.Sense.minimize, terms)
            }
            guard !terms.isEmpty || values == nil else { continue }
            program.sense = sense
            for variable in pairVariables + recruitVariables { program.setObjectiveCoefficient(0, for: variable) }
            for term in terms { program.setObjectiveCoefficient(term.coefficient, for: term.variable) }
            let solution: Solution
            do {
                solution = try problem.solver.solve(program)
            } catch {
                throw .solverFailed(error.description)
            }
            switch solution.termination {
            case .optimal:
                break
            case .infeasible:
                throw .targetUnreachable("the programme is infeasible")
            default:
                throw .solverFailed("\(problem.solver.name) stopped with status \(solution.termination.rawValue)")
            }
            guard let optimum = solution.objectiveValue, !terms.isEmpty else {
                values = solution.values
                continue
            }
            values = solution.values
            // Integral goals are fixed exactly; costs get a relative tolerance.
            let isIntegral = terms.allSatisfy { $0.coefficient == $0.coefficient.rounded() }
            let slack = isIntegral ? 0 : 1e-7 * max(1, abs(optimum))
            let fixed = isIntegral ? optimum.rounded() : optimum
            program.addConstraint(
                name: "goal\(stage)", terms: terms,
                lowerBound: sense == .maximize ? fixed - slack : nil, upperBound: sense == .minimize ? fixed + slack : nil
            )
        }
        return try plan(from: values ?? [])
    }

    private func plan(from values: [Double]) throws(PlanningError) -> RecruitmentPlan {
        func integral(_ variable: VariableID) throws(PlanningError) -> Int {
            let value = values[variable.index]
            guard abs(value - value.rounded()) < 1e-6, let whole = Int(exactly: value.rounded()) else {
                throw .solverFailed("\(problem.solver.name) returned a value that is not a whole number: \(value)")
            }
            return whole
        }
        let graph = problem.graph
        var served = 0
        var servedRemote = 0
        var servedByProfile = [[String]](repeating: [], count: problem.profiles.count)
        for (index, candidate) in graph.candidates.enumerated() where try integral(pairVariables[index]) == 1 {
            served += 1
            if graph.rules.isRemote(menteeIndex: candidate.menteeIndex) { servedRemote += 1 }
            if candidate.mentorIndex >= problem.currentMentorCount {
                servedByProfile[candidate.mentorIndex - problem.currentMentorCount]
                    .append(problem.input.mentees[candidate.menteeIndex].id)
            }
        }
        var recruits: [Int] = []
        for variable in recruitVariables { recruits.append(try integral(variable)) }
        return RecruitmentPlan(
            recruits: recruits, served: served, servedRemote: servedRemote,
            cost: zip(recruits, problem.unitCosts).reduce(0) { $0 + Double($1.0) * $1.1 },
            servedByProfile: servedByProfile.map { $0.sorted() }
        )
    }
}
