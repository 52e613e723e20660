import Foundation
import MentorMatchCore
import MentorMatchFormats
import Testing

private func decodeIssues(_ json: String) -> [InputIssue] {
    do {
        _ = try InputDocument.decode(Data(json.utf8), source: "doc.json")
        return []
    } catch {
        return error.issues
    }
}

private let mentorJSON = #"""
    {"id": "M01", "age": 34, "gender": "female", "location": {"place": "Ogre"}, "capacity": 2,
     "availability": "Mon 16:00-18:00", "specialisations": [], "languages": ["LV"], "max_travel_km": 20, "interests": []}
    """#
private let menteeJSON = #"""
    {"id": "Y001", "age": 15, "gender": "male", "location": {"place": "Ogre"}, "availability": "Mon 16:00-18:00",
     "needs": [], "languages": ["lv"], "interests": [], "priority": 0}
    """#
private let placeJSON = #"{"name": "Ogre", "coordinate": {"latitude": 56.8162, "longitude": 24.6048}, "isRemote": false}"#

struct InputDocumentTests {
    @Test func roundTripsThroughJSON() throws {
        let loaded = try loadFixtures().get()
        var policy = loaded.policy
        policy.sideConstraints.minimumServedPerPlace = ["Suntaži": 1]
        policy.referenceDate = LocalDate(year: 2024, month: 3, day: 1)
        let document = InputDocument(input: loaded.input, policy: policy)
        let data = try document.encoded()
        #expect(try data == document.encoded())
        #expect(try InputDocument.decode(data, source: "doc.json") == document)
    }

    @Test func pairRulesAndPolicyAreOptionalAndTokensAreNormalised() throws {
        let json = #"{"mentors": [\#(mentorJSON)], "mentees": [\#(menteeJSON)], "places": [\#(placeJSON)]}"#
        let document = try InputDocument.decode(Data(json.utf8), source: "doc.json")
        #expect(document.policy == Policy())
        #expect(document.input.pairRules.isEmpty)
        #expect(document.input.mentors.first?.languages == ["lv"])
    }

    @Test func reportsEveryBadRecordByItsPath() {
        let badMentor = mentorJSON.replacingOccurrences(of: #""age": 34"#, with: #""age": "abc""#)
        let badPlace = #"{"name": "Suntaži", "isRemote": true}"#
        let json = #"""
            {"mentors": [\#(mentorJSON.replacingOccurrences(of: "M01", with: "M02")), \#(badMentor)],
             "mentees": [\#(menteeJSON)], "places": [\#(placeJSON), \#(badPlace)], "mentor": [],
             "policy": {"objective": {"fit_weights": {"travl": 1}}, "max_capacity": "three"}}
            """#
        let found = decodeIssues(json).map { "\($0.source)|\($0.field ?? "")|\($0.problem)" }
        #expect(found == [
            "doc.json|mentor|unknown key mentor (did you mean mentors?)",
            "doc.json policy|objective.fit_weights.travl|unknown key travl (did you mean travel?)",
            "doc.json policy|max_capacity|max_capacity must be a whole number",
            "doc.json mentors record 2|age|age must be a whole number",
            "doc.json places record 2|coordinate|coordinate is missing",
        ])
    }

    @Test func checksContentOnceTheStructureIsSound() {
        let json = #"{"mentors": [\#(mentorJSON.replacingOccurrences(of: #""capacity": 2"#, with: #""capacity": 7"#))], "#
            + #""mentees": [\#(menteeJSON)], "places": [\#(placeJSON)], "#
            + #""pair_rules": [{"mentor_id": "M01", "mentee_id": "Y009", "rule": "lock"}]}"#
        #expect(decodeIssues(json).map(\.description) == [
            "doc.json mentors record 1, column capacity: capacity 7 is above the maximum of 3. Fix: set capacity to "
                + "1, 2 or 3 (the programmes' rule: one to three young people per mentor)",
            "doc.json pair_rules record 1, column mentee_id: unknown mentee_id 'Y009' (did you mean Y001?). "
                + "Fix: use an id from doc.json mentees, or remove the rule",
        ])
    }

    @Test(arguments: [("[]", "must hold one JSON object"), ("{", "not valid JSON"), ("{\"mentors\": []}", "mentees is missing")])
    func reportsDocumentsThatCannotBeRead(json: String, problem: String) {
        let found = decodeIssues(json)
        #expect(found.count == 1)
        #expect(found.first?.problem.contains(problem) == true, "\(found)")
    }
}
