import Matching
import MentorMatchCore
import MentorMatchTestSupport
import Planning
import Testing

@Suite("Variants, demand scaling, dominance and simulation")
struct ScenarioTests {
    static let instance = RandomInstance.medium(seed: 11)

    @Test("scaling demand keeps the list's young people, draws copies with new ids, and repeats for a seed")
    func demandScaling() {
        let mentees = Self.instance.input.mentees
        let doubled = DemandScaling.scaled(mentees, by: 2, seed: 3)
        #expect(doubled.count == 2 * mentees.count)
        #expect(Set(doubled.map(\.id)).count == doubled.count)
        #expect(Array(doubled.prefix(mentees.count)) == mentees)
        #expect(doubled == DemandScaling.scaled(mentees, by: 2, seed: 3))
        let halved = DemandScaling.scaled(mentees, by: 0.5, seed: 3)
        #expect(halved.count == mentees.count / 2)
        #expect(Set(halved.map(\.id)).isSubset(of: Set(mentees.map(\.id))))
    }

    @Test("a variant removes, re-sizes and adds mentors")
    func variantApplication() {
        let base = Self.instance.input
        var variant = ScenarioVariant(name: "v", policy: Policy())
        variant.removedMentorIDs = [base.mentors[0].id]
        variant.capacities = [base.mentors[1].id: 1]
        variant.addedMentors = RecruitProfile(mentor: base.mentors[2]).recruits(count: 2, idPrefix: "new-")
        let changed = variant.apply(to: base)
        #expect(changed.mentors.count == base.mentors.count + 1)
        #expect(!changed.mentors.contains { $0.id == base.mentors[0].id })
        #expect(changed.mentors.first { $0.id == base.mentors[1].id }?.capacity == 1)
        #expect(changed.mentors.suffix(2).map(\.id) == ["new-1", "new-2"])
    }

    @Test("dominance: better or equal in served, remote and cost, strictly better in one, same demand only")
    func dominance() throws {
        let engine = RecruitmentInstance.engine
        let result = try engine.match(Self.instance.input, policy: Self.instance.policy)
        let base = VariantOutcome(
            name: "base", input: Self.instance.input, policy: Self.instance.policy, result: result, recruits: 0,
            costModel: CostModel(), seconds: 0
        )
        var cheaper = base
        cheaper.name = "cheaper"
        cheaper.cost = CostBreakdown(paidHours: 0, travel: -1, training: 0)
        var otherDemand = cheaper
        otherDemand.name = "other demand"
        otherDemand.mentees += 1
        var outcomes = [base, cheaper, otherDemand]
        Dominance.mark(&outcomes)
        #expect(outcomes.map(\.dominatedBy) == [["cheaper"], [], []])
    }

    @Test("the simulation repeats exactly for a seed and keeps its books")
    func simulationIsReproducible() throws {
        var settings = SimulationSettings(referralsPerMonth: 6)
        settings.months = 6
        settings.extensionShare = 0.26
        settings.earlyStopShare = 0.05
        settings.maximumExtraMentors = 6
        let simulation = Simulation(engine: RecruitmentInstance.engine)
        let input = Self.instance.input
        let first = try simulation.run(input, policy: Self.instance.policy, settings: settings, variant: "base")
        let again = try simulation.run(input, policy: Self.instance.policy, settings: settings, variant: "base")
        #expect(first == again)
        let report = first.report
        #expect(report.pairsFormed + report.stillWaiting + report.neverServable == report.referrals)
        settings.seed = 2
        let other = try simulation.simulate(input, policy: Self.instance.policy, settings: settings, extraMentors: 0)
        #expect(other.referrals >= input.mentees.count)
    }
}
