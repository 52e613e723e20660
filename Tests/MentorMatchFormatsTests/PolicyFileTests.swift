import Foundation
import MentorMatchCore
import MentorMatchFormats
import Testing

private func issues(_ text: String, source: String) -> [InputIssue] {
    do {
        _ = try PolicyFile.decode(Data(text.utf8), source: source)
        return []
    } catch {
        return error.issues
    }
}

struct PolicyFileTests {
    @Test func readsYAML() throws {
        let policy = try PolicyFile.decode(Data("""
            min_mentor_age: 21
            max_travel_km: 30
            reference_date: 2024-03-01
            objective:
              method: weighted
              tier_weights:
                served: 500
            side_constraints:
              min_remote_share: 0.3
              min_served_per_place:
                Suntaži: 2

            """.utf8), source: "policy.yaml")
        #expect(policy.minimumMentorAge == 21)
        #expect(policy.maximumTravelKm == 30)
        #expect(policy.referenceDate == LocalDate(year: 2024, month: 3, day: 1))
        #expect(policy.objective.method == .weighted)
        #expect(policy.objective.tierWeights.served == 500)
        #expect(policy.objective.tierWeights.fit == TierWeights().fit)
        #expect(policy.sideConstraints == SideConstraints(minimumRemoteShare: 0.3, minimumServedPerPlace: ["Suntaži": 2]))
        #expect(policy.maximumCapacity == Policy().maximumCapacity)
    }

    @Test func readsJSON() throws {
        let policy = try PolicyFile.decode(
            Data(#"{"meeting_minutes": 90, "objective": {"fit_weights": {"travel": 0.7}}, "require_shared_language": false}"#.utf8),
            source: "policy.json"
        )
        #expect(policy.meetingMinutes == 90)
        #expect(policy.objective.fitWeights.travel == 0.7)
        #expect(!policy.requireSharedLanguage)
    }

    @Test func anEmptyYAMLFileKeepsTheDefaults() throws {
        #expect(try PolicyFile.decode(Data(), source: "policy.yml") == Policy())
    }

    @Test func reportsEveryUnknownKeyWithItsPath() {
        let found = issues(#"{"max_capacty": 3, "objective": {"fit_weights": {"travl": 1}, "metod": "weighted"}}"#,
                           source: "policy.json")
        #expect(found.map(\.field) == ["max_capacty", "objective.fit_weights.travl", "objective.metod"])
        #expect(found.map(\.problem) == [
            "unknown key max_capacty (did you mean max_capacity?)",
            "unknown key travl (did you mean travel?)",
            "unknown key metod (did you mean method?)",
        ])
        #expect(found[1].fix == "use one of: gender_preference, interests, priority, travel, waiting")
    }

    @Test func reportsEveryValueOfTheWrongType() {
        let found = issues("max_capacity: many\nmeeting_minutes: 60\ntime_limit_seconds: soon\nreference_date: 2024-02-30\n",
                           source: "policy.yaml")
        #expect(found.map(\.field) == ["max_capacity", "time_limit_seconds", "reference_date"])
        #expect(found.map(\.line) == [1, 3, 4])
        #expect(found[0].problem == "max_capacity must be a whole number")
        #expect(found[1].problem == "time_limit_seconds must be a number")
        #expect(found[2].problem.contains("is not a date YYYY-MM-DD"))
    }

    @Test func aStringIsNotANumberInJSON() {
        let found = issues(#"{"meeting_minutes": "60"}"#, source: "policy.json")
        #expect(found.map(\.description) == [
            "policy.json, column meeting_minutes: meeting_minutes must be a whole number. "
                + "Fix: correct the value at meeting_minutes",
        ])
    }

    @Test func reportsRanges() {
        let found = issues("max_capacity: 4\nmin_age_gap: -1\nobjective:\n  fit_weights:\n    waiting: -0.5\n",
                           source: "policy.yaml")
        #expect(found.map(\.problem) == [
            "min_age_gap -1 is outside 0–100", "max_capacity 4 is outside 1–3", "waiting -0.5 is outside 0–1000000",
        ])
    }

    @Test(arguments: [
        ("policy.txt", "max_capacity: 3", "the policy file's format is unknown"),
        ("policy.json", "{\"max_capacity\": ", "not valid JSON"),
        ("policy.json", "[1, 2]", "must hold one JSON object"),
        ("policy.yaml", "max_capacity: [1", "not valid YAML"),
        ("policy.yaml", "- 1\n- 2\n", "must hold 'key: value' lines"),
    ])
    func reportsFilesThatAreNotPolicies(source: String, text: String, problem: String) {
        let found = issues(text, source: source)
        #expect(found.count == 1)
        #expect(found.first?.problem.contains(problem) == true, "\(found)")
    }

    @Test func loadReportsAMissingFile() {
        #expect(throws: InputError(issues: [InputIssue(
            source: "/nonexistent/policy.yaml", problem: "the file does not exist", fix: "check the path and the file name"
        )])) {
            try PolicyFile.load(path: "/nonexistent/policy.yaml")
        }
    }
}
