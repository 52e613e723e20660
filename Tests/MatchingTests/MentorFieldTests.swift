@testable import Matching
import MentorMatchCore
import MentorMatchTestSupport
import PropertyBased
import Testing

/// The column passes that explain a young person without a candidate read exactly what checking every pair reads.
@Suite("Mentor field", .shrinking(false))
struct MentorFieldTests {
    @Test("failed rules, their counts, the nearest and the closest equal the pair-by-pair checks, on spread-out instances")
    func columnPassesEqualPairChecks() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = CandidateGraphTests.spread(RandomInstance.medium(seed: UInt64(seed)), seed: UInt64(seed))
            let rules = CompatibilityRules(input: instance.input, policy: instance.policy)
            let mentors = Array(instance.input.mentors.indices)
            let columns = MentorColumns(rules: rules)
            for menteeIndex in instance.input.mentees.indices {
                var field = MentorField(rules: rules, columns: columns, menteeIndex: menteeIndex)
                let checks = mentors.map { rules.failedRules(mentorIndex: $0, menteeIndex: menteeIndex) }
                #expect(mentors.map { field.failedRules(of: $0) } == checks.map(\.bits), "seed \(seed)")
                for rule in HardRule.allCases {
                    #expect(field.count(failingOnly: rule) == checks.count { $0.failsOnly(rule) }, "seed \(seed)")
                    let applied = HardRule.allCases.prefix { $0 <= rule }
                    let passing = mentors.filter { mentorIndex in applied.allSatisfy { !checks[mentorIndex].fails($0) } }
                    #expect(field.count(passingAll: applied) == passing.count, "seed \(seed)")
                    #expect(Array(field.mentors(passingAll: applied)) == passing, "seed \(seed)")
                }
                for mentorIndex in mentors {
                    #expect(field.distanceKm(mentorIndex) == checks[mentorIndex].distanceKm)
                }
                for subset in [mentors, mentors.filter { $0 % 2 == 1 }, mentors.filter { !checks[$0].fails(.travel) }] {
                    let expected = subset.min { checks[$0].distanceKm < checks[$1].distanceKm }
                    var fresh = MentorField(rules: rules, columns: columns, menteeIndex: menteeIndex)
                    #expect(fresh.nearest(of: subset) == expected, "seed \(seed)")
                }
                let closest = mentors.sorted {
                    (checks[$0].failedCount, checks[$0].distanceKm, $0) < (checks[$1].failedCount, checks[$1].distanceKm, $1)
                }.prefix(3)
                var fresh = MentorField(rules: rules, columns: columns, menteeIndex: menteeIndex)
                #expect(fresh.closest(3) == Array(closest), "seed \(seed)")
            }
        }
    }
}
