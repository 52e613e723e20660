import GLPKBackend
import LEMONBackend
@testable import Matching
import MentorMatchCore
import MentorMatchTestSupport
import NetworkFlow
import PropertyBased
import Synchronization
import Testing

@Suite("Independent parts", .shrinking(false))
struct MatchingPartsTests {
    private func graph(_ instance: RandomInstance) -> CandidateGraph {
        var input = instance.input
        input.mentors.sort { $0.id < $1.id }
        input.mentees.sort { $0.id < $1.id }
        return CandidateGraph(rules: CompatibilityRules(input: input, policy: instance.policy))
    }

    @Test("every candidate and person lies in exactly one part, with both people of each pair and each constrained place's young people together")
    func partsPartitionTheGraph() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...40)) { seed, minimum in
            let graph = graph(RandomInstance.small(seed: UInt64(seed)).replicated(districts: 3))
            let parts = MatchingPart.parts(of: graph, minimumCandidates: minimum)
            let policy = graph.rules.policy.sideConstraints
            if policy.minimumRemoteShare != nil { #expect(parts.count == 1, "seed \(seed)") }
            #expect(parts.flatMap(\.candidateIndices).sorted() == Array(graph.candidates.indices), "seed \(seed)")
            #expect(parts.flatMap(\.constrainedPlaces).sorted() == policy.minimumServedPerPlace.keys.sorted(), "seed \(seed)")
            let withCandidates = (
                mentors: graph.candidatesOfMentor.indices.filter { !graph.candidatesOfMentor[$0].isEmpty },
                mentees: graph.candidatesOfMentee.indices.filter { !graph.candidatesOfMentee[$0].isEmpty }
            )
            #expect(parts.flatMap(\.mentorIndices).sorted() == withCandidates.mentors, "seed \(seed)")
            #expect(parts.flatMap(\.menteeIndices).sorted() == withCandidates.mentees, "seed \(seed)")
            for part in parts {
                let mentors = Set(part.mentorIndices)
                let mentees = Set(part.menteeIndices)
                for candidateIndex in part.candidateIndices {
                    let candidate = graph.candidates[candidateIndex]
                    #expect(mentors.contains(candidate.mentorIndex) && mentees.contains(candidate.menteeIndex), "seed \(seed)")
                }
                for place in part.constrainedPlaces {
                    let elsewhere = withCandidates.mentees.filter {
                        graph.rules.input.mentees[$0].location.place == place && !mentees.contains($0)
                    }
                    #expect(elsewhere.isEmpty, "seed \(seed): young people of \(place) outside its part")
                }
            }
        }
    }

    @Test("districts far apart are separate parts, and together they match as each alone")
    func districtsMatchIndependently() async throws {
        let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex(), minimumCandidatesPerPart: 1)
        await propertyCheck(count: 10, input: Gen.int(in: 0...1_000_000)) { seed in
            let district = RandomInstance.medium(seed: UInt64(seed))
            let country = district.replicated(districts: 4)
            #expect(MatchingPart.parts(of: graph(country), minimumCandidates: 1).count
                        == 4 * MatchingPart.parts(of: graph(district), minimumCandidates: 1).count, "seed \(seed)")
            let alone = try engine.match(district.input, policy: district.policy).summary.tiers
            let result = try engine.match(country.input, policy: country.policy)
            let checker = SolutionChecker(input: country.input, policy: country.policy)
            #expect(checker.violations(of: result).isEmpty, "seed \(seed)")
            let tiers = result.summary.tiers
            // Fit scores rank waiting times over the whole list, so only the counting tiers are four times one district's.
            #expect(tiers.served == 4 * alone.served && tiers.remoteServed == 4 * alone.remoteServed, "seed \(seed)")
            #expect(tiers.mentorsUsed == 4 * alone.mentorsUsed, "seed \(seed)")
            #expect(tiers == ReferenceMinCostFlow.solve(checker)?.tiers, "seed \(seed)")
        }
    }

    @Test("each exported stage is the union of the parts' networks, and its optimum is the sum the parts reached")
    func exportedStagesAreWholeNetworks() async throws {
        let solver = LEMONNetworkSimplex()
        let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: solver, minimumCandidatesPerPart: 1)
        await propertyCheck(count: 10, input: Gen.int(in: 0...1_000_000)) { seed in
            let country = RandomInstance.medium(seed: UInt64(seed)).replicated(districts: 3)
            let preparation = try engine.prepare(country.input, policy: country.policy)
            let (_, stages) = try engine.matchKeepingFlowStages(preparation)
            #expect(stages.map(\.name) == ["served+remote_served", "mentors_used+fit"], "seed \(seed)")
            for stage in stages {
                #expect(stage.mentorNodes == 0..<country.input.mentors.count, "seed \(seed)")
                #expect(stage.network.arcCount >= preparation.graph.candidates.count, "seed \(seed)")
                let whole = try solver.solve(stage.network)
                #expect(whole.status == .optimal && whole.totalCost == stage.cost, "seed \(seed), stage \(stage.name)")
            }
        }
    }

    @Test("progress names the model, every part solved in increasing counts up to the total, then the explanations; the answer is the same")
    func progressCountsTheParts() async throws {
        let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex(), minimumCandidatesPerPart: 1)
        let lpOnly = MatchingEngine(solver: GLPKSolver())
        await propertyCheck(count: 10, input: Gen.int(in: 0...1_000_000)) { seed in
            let country = RandomInstance.medium(seed: UInt64(seed)).replicated(districts: 3)
            let preparation = try engine.prepare(country.input, policy: country.policy)
            let total = engine.solvesAsFlow(country.policy)
                ? MatchingPart.parts(of: preparation.graph, minimumCandidates: 1).count : 1
            for (name, solving) in [("flow", engine), ("linear programme", lpOnly)] {
                let heard = Mutex<[MatchingProgress]>([])
                let result = try solving.match(preparation) { progress in heard.withLock { $0.append(progress) } }
                let reports = heard.withLock { $0 }
                let parts = name == "flow" ? total : 1
                let counts = reports.compactMap { report -> Int? in
                    if case .solving(let solved, let of) = report, of == parts { return solved }
                    return nil
                }
                #expect(reports.first == .buildingModel && reports.last == .explaining, "seed \(seed), \(name): \(reports)")
                #expect(counts.count == reports.count - 2, "seed \(seed), \(name): a report of another total \(reports)")
                #expect(counts.first == 0 && counts.last == parts && counts == counts.sorted(), "seed \(seed), \(name): \(counts)")
                #expect(Set(counts).count == counts.count && counts.count <= 102, "seed \(seed), \(name): \(counts)")
                #expect(result.pairs == (try solving.match(preparation)).pairs, "seed \(seed), \(name)")
            }
        }
    }
}
