import LEMONBackend
import Matching
import MentorMatchCore
import Planning
import PropertyBased
import Testing

/// The recruitment programme against exhaustive search over every choice of recruits, each matched by the real
/// engine. A failure names its seed: `RecruitmentInstance(seed:)` rebuilds the instance.
@Suite("Recruitment programme against exhaustive search", .shrinking(false))
struct RecruitmentProgrammeTests {
    @Test("each point of the curve is the exhaustive optimum: served, then remote, then cost")
    func curveIsOptimal() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RecruitmentInstance(seed: UInt64(seed))
            let limit = instance.profiles.reduce(0) { $0 + ($1.available ?? 0) }
            do {
                let curve = try instance.programme.curve(upTo: limit)
                let evaluated = try instance.choices.map { ($0, try instance.matched($0)) }
                for recruits in 0...limit {
                    let allowed = evaluated.filter { $0.0.reduce(0, +) <= recruits }
                    let best = allowed.map(\.1).max { ($0.served, $0.remote) < ($1.served, $1.remote) }!
                    let cheapest = allowed.filter { $0.1 == best }.map { instance.cost($0.0) }.min()!
                    #expect(curve[recruits].served == best.served, "seed \(seed), \(recruits) recruits")
                    #expect(curve[recruits].servedRemote == best.remote, "seed \(seed), \(recruits) recruits")
                    #expect(curve[recruits].cost == cheapest, "seed \(seed), \(recruits) recruits")
                    #expect(curve[recruits].totalRecruits <= recruits, "seed \(seed)")
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("the fewest recruits for full coverage equal exhaustive search, or the target is reported unreachable")
    func fewestRecruitsIsOptimal() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RecruitmentInstance(seed: UInt64(seed))
            let programme = instance.programme
            let target = programme.reachable.count(where: { $0 })
            do {
                let reaching = try instance.choices.filter { try instance.matched($0).served >= target }
                let fewest = reaching.map { $0.reduce(0, +) }.min()
                switch (Result { () throws(PlanningError) in try programme.fewestRecruits(for: .share(1)) }, fewest) {
                case (.success(let plan), let fewest?):
                    #expect(plan.totalRecruits == fewest, "seed \(seed)")
                    #expect(plan.served >= target, "seed \(seed)")
                case (.failure(.targetUnreachable), nil):
                    break
                case (let outcome, let fewest):
                    Issue.record("seed \(seed): programme \(outcome), exhaustive \(String(describing: fewest))")
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("more recruits never serve fewer, and the engine re-matching the recommendation serves what was promised")
    func curveIsMonotoneAndKeptByTheEngine() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...1_000_000)) { seed in
            var instance = RecruitmentInstance(seed: UInt64(seed))
            instance.profiles = instance.profiles.map { var open = $0; open.available = nil; return open }
            do {
                let answer = try instance.programme.answer(maxRecruits: 4, target: nil, engine: RecruitmentInstance.engine)
                #expect(answer.curve.count == 5, "seed \(seed)")
                for (fewer, more) in zip(answer.curve, answer.curve.dropFirst()) {
                    #expect(more.served >= fewer.served, "seed \(seed)")
                }
                #expect(answer.rematchedServed >= answer.recommended.served, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("applicant selection accepts exactly the seats and serves as many as the best of that many")
    func applicantSelection() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...1_000_000)) { seed in
            let instance = RecruitmentInstance(seed: UInt64(seed))
            let applicants = instance.profiles.map { Applicant(mentor: $0.mentor, hasSecondaryEducation: true) }
            let eligible = applicants.filter { $0.ineligibility(under: instance.policy) == nil }.count
            let accept = min(2, eligible)
            do {
                let selection = try RecruitmentProgramme.selectApplicants(
                    applicants, accept: accept, input: instance.input, policy: instance.policy,
                    solver: instance.programme.solver, flowSolver: LEMONNetworkSimplex(),
                    engine: RecruitmentInstance.engine
                )
                #expect(selection.decisions.filter(\.accepted).count == accept, "seed \(seed)")
                #expect(selection.plan.served == selection.curve[accept].served, "seed \(seed)")
                #expect(selection.rematchedServed >= selection.plan.served, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("an ineligible applicant is turned down with the requirement it misses")
    func ineligibleApplicants() {
        let mentor = Mentor(
            id: "A1", age: 19, gender: .female, location: Location(place: "Ogre"), capacity: 2,
            availability: WeeklyAvailability([WeeklyWindow(weekday: .monday, startMinute: 1020, endMinute: 1200)]),
            specialisations: [], languages: ["lv"], maxTravelKm: 20
        )
        #expect(Applicant(mentor: mentor).ineligibility(under: Policy()) == "age 19 is below the minimum of 20")
        var adult = mentor
        adult.age = 30
        #expect(Applicant(mentor: adult, hasSecondaryEducation: false).ineligibility(under: Policy()) == "no secondary education")
        adult.availability = WeeklyAvailability([WeeklyWindow(weekday: .monday, startMinute: 1020, endMinute: 1050)])
        #expect(Applicant(mentor: adult).ineligibility(under: Policy()) == "no weekly window of 60 minutes for a meeting")
    }
}
