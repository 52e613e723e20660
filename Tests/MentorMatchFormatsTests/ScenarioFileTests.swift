import Foundation
import MentorMatchCore
import MentorMatchFormats
import Planning
import Testing

/// A valid scenario with the fixture files; each bad-input case replaces a piece of it.
private let validScenarioText = """
    name: fixture
    base:
      mentors: mentors.csv
      mentees: mentees.csv
      places: places.csv
      policy: policy.yaml
    cost:
      travel_eur_per_km: 0.1
      training_eur_per_recruit: 150
    recruitment:
      profiles: profiles.csv
      max_recruits: 3
      target: remote_parishes
    variants:
      - name: base
      - name: more
        add_mentors:
          - {profile: {place: Suntaži, availability: weekday-evenings}, count: 2}
        remove_mentors: [M02]
        capacities: {M01: 3}
        policy: {max_travel_km: 15}
        scale_demand: 2

    """

private let profiles = """
    age,gender,place,capacity,availability,specialisations,languages,max_travel_km,available,cost
    30,female,Suntaži,2,Mon 16:00-18:00,addiction,lv,20,2,
    45,male,Ogre,3,Sat 10:00-14:00,,lv; ru,15,,200

    """

private func loadScenario(_ text: String, profilesText: String = profiles) throws -> Result<Scenario, InputError> {
    let directory = try TemporaryDirectory()
    for (name, contents) in Fixtures.defaultFiles { try directory.write(name, Data(contents.utf8)) }
    try directory.write("profiles.csv", Data(profilesText.utf8))
    try directory.write("plan.yaml", Data(text.utf8))
    return Result { () throws(InputError) in try ScenarioFile.load(path: directory.path("plan.yaml")) }
}

@Suite("Scenario files")
struct ScenarioFileTests {
    @Test("a valid scenario reads its base, cost model, recruitment question and variants")
    func readsAValidScenario() throws {
        let scenario = try loadScenario(validScenarioText).get()
        #expect(scenario.name == "fixture")
        #expect(scenario.base.mentors.count == 2)
        #expect(scenario.cost.trainingEURPerRecruit == 150)
        #expect(scenario.recruitment?.profiles.map(\.available) == [2, nil])
        #expect(scenario.recruitment?.profiles.map(\.cost) == [nil, 200])
        #expect(scenario.recruitment?.target == .everyRemotePlace)
        #expect(scenario.variants.map(\.name) == ["base", "more"])
        let more = scenario.variants[1]
        #expect(more.addedMentors.map(\.id) == ["more-R1-1", "more-R1-2"])
        #expect(more.addedMentors.first?.availability.windows.count == 5)
        #expect(more.removedMentorIDs == ["M02"])
        #expect(more.capacities == ["M01": 3])
        #expect(more.policy.maximumTravelKm == 15)
        #expect(more.policy.objective.fitWeights.travel == 0.5, "the base policy's keys stay")
        #expect(more.demandScale == 2)
    }

    struct BadScenario: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let badScenarios: [BadScenario] = [
        BadScenario(name: "unknown base file", replace: "mentees: mentees.csv", with: "mentees: waiting.csv",
                    expected: ["line 4, column base.mentees: unknown file 'waiting.csv'", "relative to the scenario file"]),
        BadScenario(name: "unknown place in a profile", replace: "place: Suntaži", with: "place: Suntazi",
                    expected: ["column variants[2].add_mentors[1].profile.place: unknown place 'Suntazi' (did you mean Suntaži?)"]),
        BadScenario(name: "a recruit younger than the policy's minimum mentor age",
                    replace: "place: Suntaži, availability", with: "place: Suntaži, age: 19, availability",
                    expected: ["column variants[2].add_mentors[1].profile.age: variants[2].add_mentors[1].profile.age 19 is outside the range 20–100"]),
        BadScenario(name: "a recruit's capacity above the programmes' limit",
                    replace: "place: Suntaži, availability", with: "place: Suntaži, capacity: 4, availability",
                    expected: ["column variants[2].add_mentors[1].profile.capacity: capacity 4 is above the maximum of 3"]),
        BadScenario(name: "a variant's capacity above the programmes' limit", replace: "capacities: {M01: 3}", with: "capacities: {M01: 4}",
                    expected: ["column variants[2].capacities.M01: capacity 4 is above the maximum of 3"]),
        BadScenario(name: "negative count", replace: "count: 2", with: "count: -2",
                    expected: ["column variants[2].add_mentors[1].count: variants[2].add_mentors[1].count -2 is outside the range 0–10,000"]),
        BadScenario(name: "variant name used twice", replace: "name: more", with: "name: base",
                    expected: ["line 16, column variants[2].name: variant name 'base' is used twice (first on line 15)"]),
        BadScenario(name: "unknown key", replace: "scale_demand: 2", with: "scale_demnd: 2",
                    expected: ["unknown key scale_demnd (did you mean scale_demand?)"]),
        BadScenario(name: "unknown mentor", replace: "remove_mentors: [M02]", with: "remove_mentors: [M09]",
                    expected: ["column variants[2].remove_mentors: unknown mentor id 'M09'"]),
        BadScenario(name: "policy out of range", replace: "max_travel_km: 15", with: "max_capacity: 7",
                    expected: ["column variants[2].policy.max_capacity"]),
        BadScenario(name: "negative cost", replace: "travel_eur_per_km: 0.1", with: "travel_eur_per_km: -0.1",
                    expected: ["column cost.travel_eur_per_km: cost.travel_eur_per_km -0.1 is outside the range 0–999999999"]),
        BadScenario(name: "bad target", replace: "target: remote_parishes", with: "target: 1.5",
                    expected: ["column recruitment.target: target must be a share from 0 to 1 or remote_parishes"]),
    ]

    @Test("every problem names the scenario file, line and key", arguments: badScenarios)
    func badScenario(_ bad: BadScenario) throws {
        #expect(validScenarioText.contains(bad.replace))
        let result = try loadScenario(validScenarioText.replacingOccurrences(of: bad.replace, with: bad.with))
        guard case .failure(let error) = result else {
            Issue.record("the scenario was accepted")
            return
        }
        for expected in bad.expected {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test("profile rows are checked like mentors, naming the line and column")
    func badProfiles() throws {
        let text = profiles.replacingOccurrences(of: "30,female,Suntaži,2", with: "30,female,Suntazi,5")
            .replacingOccurrences(of: ",,200", with: ",-1,200")
        guard case .failure(let error) = try loadScenario(validScenarioText, profilesText: text) else {
            Issue.record("the profiles were accepted")
            return
        }
        #expect(error.description.contains("profiles.csv, line 2, column capacity: capacity 5 is above the maximum of 3"))
        #expect(error.description.contains("profiles.csv, line 2, column place: unknown place 'Suntazi'"))
        #expect(error.description.contains("profiles.csv, line 3, column available: available -1 is outside 0–1000"))
    }

    @Test("curve.csv and recruits.csv have the documented columns; charts are SVG")
    func planFiles() {
        let plan = RecruitmentPlan(recruits: [2, 0], served: 5, servedRemote: 2, cost: 300, servedByProfile: [["Y1"], []])
        let mentor = Mentor(
            id: "p", age: 30, gender: .female, location: Location(place: "Suntaži"), capacity: 2,
            availability: WeeklyAvailability([]), specialisations: ["intellectual-disability"], languages: ["lv", "ru"],
            maxTravelKm: 20
        )
        let profiles = [RecruitProfile(mentor: mentor), RecruitProfile(mentor: mentor)]
        #expect(String(decoding: PlanFiles.recruitsCSV(profiles, plan: plan), as: UTF8.self)
            == "place,specialisations,languages,count\nSuntaži,intellectual-disability,lv; ru,2\n")
        #expect(String(decoding: PlanFiles.curveCSV([plan]), as: UTF8.self)
            == "recruits,served,served_remote,cost\n0,5,2,300.00\n")
        let chart = PlanCharts.servedVersusRecruits([plan, plan], mentees: 8, title: "A & B")
        #expect(chart.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(chart.contains("A &amp; B"))
        #expect(chart.hasSuffix("</svg>\n"))
        // In Latvian the same chart, axes, legend and tooltips in Latvian; the figures are the same.
        let latvian = PlanCharts.servedVersusRecruits([plan, plan], mentees: 8, title: "A & B", language: .lv)
        #expect(latvian.contains(">jauni mentori<") && latvian.contains(">jaunieši<") && latvian.contains("1 jauni mentori: apkalpoti 5"))
        #expect(!latvian.contains("recruits") && !latvian.contains("young people"))
        #expect(chart.contains("1 recruits: served 5"))
    }
}
