import MentorMatchCore

/// A planning scenario: a base (mentors, waiting list, places, policy), named variants that change it, a cost
/// model, and optionally the recruitment question and a simulation over months.
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var base: MatchingInput
    public var policy: Policy
    public var cost: CostModel
    /// In file order; names are unique.
    public var variants: [ScenarioVariant]
    public var recruitment: RecruitmentSettings?
    public var simulation: SimulationSettings?

    public init(
        name: String, base: MatchingInput, policy: Policy, cost: CostModel, variants: [ScenarioVariant],
        recruitment: RecruitmentSettings? = nil, simulation: SimulationSettings? = nil
    ) {
        self.name = name
        self.base = base
        self.policy = policy
        self.cost = cost
        self.variants = variants
        self.recruitment = recruitment
        self.simulation = simulation
    }
}

/// One named change of the base.
public struct ScenarioVariant: Sendable, Hashable {
    public var name: String
    /// Applicants from files and copies of profiles, with ids.
    public var addedMentors: [Mentor] = []
    public var removedMentorIDs: [String] = []
    /// New capacities by mentor id.
    public var capacities: [String: Int] = [:]
    /// The whole policy of the variant (the base policy with the variant's keys on top).
    public var policy: Policy
    /// The waiting list's size as a multiple of the base's; 1 keeps it.
    public var demandScale: Double = 1
    public var demandSeed: UInt64 = 1

    public init(name: String, policy: Policy) {
        self.name = name
        self.policy = policy
    }

    /// The base with this variant's changes: mentors removed, capacities changed, mentors added, demand scaled.
    public func apply(to base: MatchingInput) -> MatchingInput {
        var input = base
        let removed = Set(removedMentorIDs)
        input.mentors.removeAll { removed.contains($0.id) }
        for index in input.mentors.indices {
            if let capacity = capacities[input.mentors[index].id] { input.mentors[index].capacity = capacity }
        }
        input.mentors += addedMentors
        if demandScale != 1 {
            input.mentees = DemandScaling.scaled(base.mentees, by: demandScale, seed: demandSeed)
        }
        return input
    }
}

/// The recruitment question a scenario asks of its base.
public struct RecruitmentSettings: Sendable, Hashable {
    public var profiles: [RecruitProfile]
    /// The curve runs from 0 recruits to this many.
    public var maxRecruits: Int
    public var target: CoverageTarget?

    public init(profiles: [RecruitProfile], maxRecruits: Int, target: CoverageTarget? = nil) {
        self.profiles = profiles
        self.maxRecruits = maxRecruits
        self.target = target
    }
}
