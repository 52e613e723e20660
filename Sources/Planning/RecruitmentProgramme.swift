import LinearProgramming
import Matching
import MentorMatchCore
import NetworkFlow

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
/// Variables: `y_p`, integer recruits of profile `p` (0…available); a 0/1 choice for every candidate pair of a
/// current mentor or a profile with a young person. Rows: a current mentor serves at most their capacity; a profile's
/// pairs are at most `capacity_p · y_p`; every young person is served at most once. Current mentors are modelled too,
/// so recruits cover only what they cannot. Objectives are optimised one after another, each optimum fixed before the
/// next (served outranks remote served by weight `R + 1`, R the remote young people, which is exact in whole
/// numbers).
///
/// It is solved exactly by decomposition (``RecruitmentSearch``): for fixed recruits the pairs are a minimum-cost flow
/// in each component of the candidate graph that holds a profile, so GLPK chooses only the recruits, against cuts
/// from those flows' dual prices, and the flow solver does the rest; components without a profile are solved once.
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
    let flows: ComponentFlows
    let components: [RecruitmentComponent]
    let rest: RecruitmentComponent

    /// - Parameters:
    ///   - input: Current mentors, the waiting list and the places, validated.
    ///   - solver: Chooses the recruits (a small integer programme).
    ///   - flowSolver: Matches each component for a choice of recruits.
    ///   - trainingCostPerRecruit: The cost of a recruit whose profile gives none.
    public init(
        input: MatchingInput, policy: Policy, profiles: [RecruitProfile], solver: any LinearProgramSolver,
        flowSolver: any MinCostFlowSolver, trainingCostPerRecruit: Double = 0
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
        let graph = CandidateGraph(rules: CompatibilityRules(input: augmented, policy: policy))
        self.graph = graph
        unitCosts = profiles.map { $0.cost ?? trainingCostPerRecruit }
        reachable = graph.candidatesOfMentee.map { !$0.isEmpty }
        let mentorCount = input.mentors.count
        // More recruits than it takes to serve every candidate of the profile cannot serve more.
        let mostRecruits = profiles.indices.map { index in
            let capacity = max(1, graph.capacity(mentorIndex: mentorCount + index))
            let needed = (graph.candidatesOfMentor[mentorCount + index].count + capacity - 1) / capacity
            return profiles[index].available ?? needed
        }
        flows = ComponentFlows(
            graph: graph, currentMentorCount: mentorCount, flowSolver: flowSolver,
            servedWeight: Int64(input.mentees.indices.count(where: graph.rules.isRemote(menteeIndex:)) + 1),
            mostRecruits: mostRecruits)
        (components, rest) = RecruitmentComponent.components(of: graph, currentMentorCount: mentorCount)
    }

    var search: RecruitmentSearch { RecruitmentSearch(flows: flows, components: components, rest: rest, solver: solver) }

    // MARK: - The questions

    /// The most young people served with at most `limit` recruits (then the most from remote places, then the
    /// lowest cost, then the fewest recruits).
    /// - Parameter atLeast: A served count known to be reachable with fewer recruits, kept as a bound so that a
    ///   curve can never fall.
    public func bestPlan(recruitLimit limit: Int, atLeast: Int = 0) throws(PlanningError) -> RecruitmentPlan {
        var search = search
        return try bestPlan(recruitLimit: limit, atLeast: atLeast, &search)
    }

    func bestPlan(recruitLimit limit: Int, atLeast: Int, _ search: inout RecruitmentSearch) throws(PlanningError) -> RecruitmentPlan {
        var requirements: [RecruitmentSearch.Requirement] = [.recruits(ones, lower: nil, upper: Double(limit))]
        if atLeast > 0 { requirements.append(.totalWorth(.servedThenRemote, atLeast: Int64(atLeast) * flows.servedWeight)) }
        return try plan(search.solve(
            goals: [.maximizeWorth(.servedThenRemote), .minimize(unitCosts), .minimize(ones)],
            requirements: requirements, worthOfPlan: .servedThenRemote))
    }

    /// The best plan for every number of recruits from 0 to `limit`: served never falls as the limit grows, because
    /// each optimum is kept as a lower bound for the next.
    public func curve(upTo limit: Int) throws(PlanningError) -> [RecruitmentPlan] {
        var search = search
        return try curve(upTo: limit, &search)
    }

    func curve(upTo limit: Int, _ search: inout RecruitmentSearch) throws(PlanningError) -> [RecruitmentPlan] {
        var plans: [RecruitmentPlan] = []
        for recruits in 0...max(0, limit) {
            plans.append(try bestPlan(recruitLimit: recruits, atLeast: plans.last?.served ?? 0, &search))
        }
        return plans
    }

    /// The fewest recruits (then the lowest cost, then the most served) that reach `target`.
    /// - Throws: ``PlanningError/targetUnreachable(_:)`` when the profiles' availability cannot reach it.
    public func fewestRecruits(for target: CoverageTarget) throws(PlanningError) -> RecruitmentPlan {
        var search = search
        return try fewestRecruits(for: target, &search)
    }

    func fewestRecruits(for target: CoverageTarget, _ search: inout RecruitmentSearch) throws(PlanningError) -> RecruitmentPlan {
        let reachableCount = reachable.count(where: { $0 })
        let goals: [RecruitmentSearch.Goal]
        let requirement: RecruitmentSearch.Requirement
        let kind: ServiceWorth
        switch target {
        case .share(let share):
            let served = Int(rounding: share * Double(reachableCount) - 1e-9, .up, clampedTo: 0...reachableCount) ?? reachableCount
            // Served × W + remote served ≥ served × W exactly when that many are served, as remote served < W.
            requirement = .totalWorth(.servedThenRemote, atLeast: Int64(served) * flows.servedWeight)
            kind = .servedThenRemote
        case .everyRemotePlace:
            let remote = { (component: RecruitmentComponent) in Int64(component.mentees.count(where: graph.rules.isRemote(menteeIndex:))) }
            requirement = .eachComponentWorth(.remoteServed, atLeast: components.map(remote) + [remote(rest)])
            kind = .servedThenRemoteAllRemote
        }
        goals = [.minimize(ones), .minimize(unitCosts), .maximizeWorth(kind)]
        do {
            return try plan(search.solve(goals: goals, requirements: [requirement], worthOfPlan: kind))
        } catch .targetUnreachable {
            let most = try bestPlan(
                recruitLimit: profiles.reduce(0) { $0 + ($1.available ?? input.mentees.count) }, atLeast: 0, &search)
            throw .targetUnreachable(
                "with every available recruit at most \(most.served) of the \(reachableCount) young people who fit a "
                    + "mentor or profile can be served (\(most.servedRemote) from remote places). Fix: add profiles "
                    + "or raise their 'available' counts, or lower the target"
            )
        }
    }

    /// Young people served, and from remote places, with one recruit of each profile alone: where one more mentor
    /// helps most. A flow with that one recruit rather than the duals, which would price a fraction of a mentor.
    public func marginalValues() throws(PlanningError) -> [MarginalValue] {
        var search = search
        return try marginalValues(&search)
    }

    func marginalValues(_ search: inout RecruitmentSearch) throws(PlanningError) -> [MarginalValue] {
        let componentOfProfile = Dictionary(
            components.indices.flatMap { component in components[component].profiles.map { ($0, component) } },
            uniquingKeysWith: { first, _ in first })
        try search.learn(profiles.indices.filter { profiles[$0].available != 0 }.compactMap { index in
            componentOfProfile[index].map { component in
                RecruitmentSearch.Request(
                    component: component, recruits: components[component].profiles.map { $0 == index ? 1 : 0 }, kind: .servedThenRemote)
            }
        })
        var values: [MarginalValue] = []
        for index in profiles.indices where profiles[index].available != 0 {
            var extraServed = 0
            var extraServedRemote = 0
            if let component = componentOfProfile[index] {
                let profilesThere = components[component].profiles
                let without = try search.worth(component, profilesThere.map { _ in 0 }, .servedThenRemote)
                let with = try search.worth(component, profilesThere.map { $0 == index ? 1 : 0 }, .servedThenRemote)
                extraServed = with.servedCandidates.count - without.servedCandidates.count
                extraServedRemote = remoteCount(with.servedCandidates) - remoteCount(without.servedCandidates)
            }
            values.append(MarginalValue(profileIndex: index, extraServed: extraServed, extraServedRemote: extraServedRemote))
        }
        return values.sorted { ($0.extraServed, $0.extraServedRemote, -$0.profileIndex) > ($1.extraServed, $1.extraServedRemote, -$1.profileIndex) }
    }

    /// Which applicants (profiles with one person each) to accept: exactly `accept` of them (or all, when fewer
    /// apply) to serve the most young people, then the most from remote places, then as many living in remote
    /// places, then as many with the preferred experience.
    public func selectApplicants(accept: Int) throws(PlanningError) -> RecruitmentPlan {
        let seats = Double(min(accept, profiles.reduce(0) { $0 + ($1.available ?? 1) }))
        let places = Dictionary(input.places.map { ($0.name, $0.isRemote) }, uniquingKeysWith: { first, _ in first })
        var search = search
        return try plan(search.solve(
            goals: [
                .maximizeWorth(.servedThenRemote),
                .maximize(profiles.map { places[$0.mentor.location.place] ?? false ? 1 : 0 }),
                .maximize(profiles.map { $0.isExperienced ? 1 : 0 }),
            ],
            requirements: [.recruits(ones, lower: seats, upper: seats)], worthOfPlan: .servedThenRemote))
    }

    private var ones: [Double] { profiles.map { _ in 1 } }

    private func remoteCount(_ candidates: [Int]) -> Int {
        candidates.count { graph.rules.isRemote(menteeIndex: graph.candidates[$0].menteeIndex) }
    }

    /// The plan of the recruits chosen and each component's flow for them.
    private func plan(_ chosen: (recruits: [Int], flows: [ComponentWorth])) -> RecruitmentPlan {
        var served = 0
        var servedRemote = 0
        var servedByProfile = [[String]](repeating: [], count: profiles.count)
        for index in chosen.flows.flatMap(\.servedCandidates) {
            let candidate = graph.candidates[index]
            served += 1
            if graph.rules.isRemote(menteeIndex: candidate.menteeIndex) { servedRemote += 1 }
            if candidate.mentorIndex >= input.mentors.count {
                servedByProfile[candidate.mentorIndex - input.mentors.count].append(input.mentees[candidate.menteeIndex].id)
            }
        }
        return RecruitmentPlan(
            recruits: chosen.recruits, served: served, servedRemote: servedRemote,
            cost: zip(chosen.recruits, unitCosts).reduce(0) { $0 + Double($1.0) * $1.1 },
            servedByProfile: servedByProfile.map { $0.sorted() }
        )
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
