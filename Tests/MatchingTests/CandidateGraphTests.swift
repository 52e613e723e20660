import Matching
import MentorMatchCore
import MentorMatchTestSupport
import PropertyBased
import Testing

/// The spatial search finds exactly the pairs that checking every mentor against every young person finds.
@Suite("Candidate graph", .shrinking(false))
struct CandidateGraphTests {
    /// Spreads an instance's places and people over a wide area — across the antimeridian, far north, or close
    /// together — so that the grid's cells, wrapping and latitude bounds are all exercised.
    static func spread(_ instance: RandomInstance, seed: UInt64) -> RandomInstance {
        var random = SplitMix64(seed: seed)
        var copy = instance
        let centre = random.pick([(56.9, 24.1), (64.0, 179.5), (-40.0, -179.8), (80.0, 10.0), (0.0, 0.0)])
        let spreadDegrees = random.pick([0.05, 0.5, 2.0])
        func point() -> Coordinate {
            var longitude = centre.1 + random.double(in: -spreadDegrees...spreadDegrees)
            if longitude > 180 { longitude -= 360 }
            if longitude < -180 { longitude += 360 }
            return Coordinate(
                latitude: min(89.9, centre.0 + random.double(in: -spreadDegrees...spreadDegrees)), longitude: longitude
            )
        }
        copy.input.places = copy.input.places.map { Place(name: $0.name, coordinate: point(), isRemote: $0.isRemote) }
        copy.input.mentors = copy.input.mentors.map { mentor in
            var mentor = mentor
            if random.chance(0.5) { mentor.location.coordinate = point() }
            mentor.maxTravelKm = Double(random.int(in: 1...250))
            return mentor
        }
        copy.input.mentees = copy.input.mentees.map { mentee in
            var mentee = mentee
            if random.chance(0.5) { mentee.location.coordinate = point() }
            return mentee
        }
        return copy
    }

    @Test("the grid search equals the all-pairs check, on spread-out instances and on people at their places' points")
    func gridEqualsAllPairs() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000)) { seed in
            // At the places' points, young people in one place share their lookup of nearby mentors.
            for instance in [Self.spread(RandomInstance.medium(seed: UInt64(seed)), seed: UInt64(seed)),
                             RandomInstance.medium(seed: UInt64(seed))] {
                let rules = CompatibilityRules(input: instance.input, policy: instance.policy)
                let graph = CandidateGraph(rules: rules)
                var expected: [String] = []
                for menteeIndex in instance.input.mentees.indices {
                    for mentorIndex in instance.input.mentors.indices
                    where rules.assess(mentorIndex: mentorIndex, menteeIndex: menteeIndex).isCandidate {
                        expected.append("\(mentorIndex)-\(menteeIndex)")
                    }
                }
                let found = graph.candidates.map { "\($0.mentorIndex)-\($0.menteeIndex)" }
                #expect(found == expected, "seed \(seed)")
                let scorer = FitScorer(input: instance.input, policy: instance.policy)
                for candidate in graph.candidates {
                    #expect(candidate.distanceKm == rules.distanceKm(mentorIndex: candidate.mentorIndex, menteeIndex: candidate.menteeIndex))
                    // The fit re-scored from the graph's columns equals the scorer on the people themselves.
                    let fit = scorer.score(
                        mentor: instance.input.mentors[candidate.mentorIndex], mentee: instance.input.mentees[candidate.menteeIndex],
                        distanceKm: candidate.distanceKm, travelLimitKm: rules.travelLimitKm(mentorIndex: candidate.mentorIndex)
                    )
                    #expect(graph.fit(of: candidate) == fit)
                    #expect(candidate.fitPoints == fit.points)
                }
                // Each person's list holds exactly their candidates, in order.
                for menteeIndex in instance.input.mentees.indices {
                    #expect(Array(graph.candidatesOfMentee[menteeIndex])
                        == graph.candidates.indices.filter { graph.candidates[$0].menteeIndex == menteeIndex })
                }
                for mentorIndex in instance.input.mentors.indices {
                    #expect(Array(graph.candidatesOfMentor[mentorIndex])
                        == graph.candidates.indices.filter { graph.candidates[$0].mentorIndex == mentorIndex })
                }
                #expect(graph.candidatesOfMentee.count == instance.input.mentees.count)
                #expect(graph.candidatesOfMentor.count == instance.input.mentors.count)
            }
        }
    }
}
