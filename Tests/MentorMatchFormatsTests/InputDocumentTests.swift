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
    {"id": "M01", "age": 34, "gender": "female", "place": "Ogre", "capacity": 2,
     "availability": "Mon 16:00-18:00", "specialisations": [], "languages": ["LV"], "max_travel_km": 20, "interests": []}
    """#
private let menteeJSON = #"""
    {"id": "Y001", "age": 15, "gender": "male", "place": "Ogre", "availability": "Mon 16:00-18:00",
     "needs": [], "languages": ["lv"], "interests": [], "priority": 0}
    """#
private let placeJSON = #"{"place": "Ogre", "lat": 56.8162, "lon": 24.6048, "remote": false}"#

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
        let badPlace = #"{"place": "Suntaži", "remote": true}"#
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
            "doc.json|places[1].lat|lat is missing",
            "doc.json|places[1].lon|lon is missing",
            "doc.json|mentors[1].age|age must be a whole JSON number, such as 2",
        ])
    }

    @Test func checksContentOnceTheStructureIsSound() {
        let json = #"{"mentors": [\#(mentorJSON.replacingOccurrences(of: #""capacity": 2"#, with: #""capacity": 7"#))], "#
            + #""mentees": [\#(menteeJSON)], "places": [\#(placeJSON)], "#
            + #""pair_rules": [{"mentor_id": "M01", "mentee_id": "Y009", "rule": "lock"}]}"#
        #expect(decodeIssues(json).map(\.description) == [
            "doc.json, mentors[0].capacity: capacity 7 is above the maximum of 3. Fix: set capacity to "
                + "1, 2 or 3 (the programmes' rule: one to three young people per mentor)",
            "doc.json, pair_rules[0].mentee_id: unknown mentee_id 'Y009' (did you mean Y001?). "
                + "Fix: use an id from doc.json mentees, or remove the rule",
        ])
    }

    @Test(arguments: [("[]", "must hold one JSON object"), ("{", "not valid JSON"), ("{\"mentors\": []}", "mentees is missing")])
    func reportsDocumentsThatCannotBeRead(json: String, problem: String) {
        let found = decodeIssues(json)
        #expect(!found.isEmpty)
        #expect(found.contains { $0.problem.contains(problem) }, "\(found)")
    }

    @Test func readsTheFlatShapeWithArraysTextAndWindowObjects() throws {
        let json = #"""
            {"mentors": [{"id": "M01", "age": 34, "gender": "f", "place": "ogre", "capacity": 2,
                          "availability": [{"day": "Mon", "start": "16:00", "end": "18:00"}, {"day": "Sat", "start": "10:00", "end": "12:00"}],
                          "specialisations": "addiction; anxiety-depression", "languages": ["lv", "RU"], "max_travel_km": 12.5}],
             "mentees": [{"id": "Y001", "age": 15, "gender": "male", "lat": 56.82, "lon": 24.61,
                          "availability": "Mon 16:00-18:00", "languages": "lv", "waiting_since": "14.02.2024"}],
             "places": [{"place": "Ogre", "lat": 56.8162, "lon": 24.6048, "remote": false},
                        {"place": "Suntaži", "lat": 56.9, "lon": 24.93, "remote": true}]}
            """#
        let document = try InputLoader.loadDocument(InputBytes(Data(json.utf8), source: "doc.json"))
        let mentor = try #require(document.input.mentors.first)
        #expect(mentor.location.place == "Ogre")
        #expect(document.warnings.map(\.description) == [
            "doc.json, mentors[0].place: place 'ogre' differs from 'Ogre' in doc.json places only in letter case; "
                + "read as Ogre. Fix: write 'Ogre' to silence this warning",
        ])
        #expect(mentor.specialisations == ["addiction", "anxiety-depression"])
        #expect(mentor.languages == ["lv", "ru"])
        #expect(mentor.availability.description == "Mon 16:00-18:00; Sat 10:00-12:00")
        #expect(mentor.maxTravelKm == 12.5)
        let mentee = try #require(document.input.mentees.first)
        #expect(mentee.location == Location(place: "Ogre", coordinate: Coordinate(latitude: 56.82, longitude: 24.61)))
        #expect(mentee.waitingSince == LocalDate(year: 2024, month: 2, day: 14))
        #expect(mentee.needs.isEmpty)
    }

    @Test func namesTheJSONPathAndWhatToDoForValuesOfTheWrongType() {
        let json = #"""
            {"mentors": [\#(mentorJSON), {"id": "M02", "age": 40, "gender": "male", "place": "Ogre", "capacity": "two",
                          "availability": 5, "languages": [1], "max_travel_km": 10, "hobby": "chess"}],
             "mentees": [\#(menteeJSON)], "places": [{"place": "Ogre", "lat": 56.8, "lon": 24.6, "remote": "no"}]}
            """#
        #expect(decodeIssues(json).map(\.description) == [
            "doc.json, places[0].remote: remote must be true or false. Fix: correct places[0].remote",
            #"doc.json, mentors[1].availability: availability must be the text "Mon 16:00-18:00; Sat 10:00-14:00" or an array of {"day", "start", "end"}. Fix: correct mentors[1].availability"#,
            "doc.json, mentors[1].capacity: capacity must be a whole JSON number, such as 2. Fix: correct mentors[1].capacity",
            "doc.json, mentors[1].hobby: unknown key hobby. Fix: use the CSV column names: age, availability, capacity, "
                + "gender, id, interests, languages, lat, lon, max_travel_km, place, specialisations",
            #"doc.json, mentors[1].languages: languages must be an array of strings, such as ["lv", "ru"] (or the text "lv; ru"). Fix: correct mentors[1].languages"#,
        ])
    }

    @Test func loadsUploadsFromBytesAsFromFiles() throws {
        let fromFiles = try loadFixtures().get()
        let contents = InputContents(
            mentors: InputBytes(Data(MentorsCSV.text(fromFiles.input.mentors).utf8), source: "upload mentors"),
            mentees: InputBytes(Data(MenteesCSV.text(fromFiles.input.mentees).utf8), source: "upload mentees"),
            places: InputBytes(Data(PlacesCSV.text(fromFiles.input.places).utf8), source: "upload places"),
            locks: InputBytes(Data(PairRulesCSV.text(fromFiles.input.pairRules).utf8), source: "upload locks"),
            policy: InputBytes(try InputDocument(input: MatchingInput(mentors: [], mentees: [], places: []),
                                                 policy: fromFiles.policy).encoded(), source: "upload policy")
        )
        // The policy bytes are a whole document here, so they are refused by name: the source has no extension and
        // the content is JSON, whose top-level keys must be policy keys.
        #expect(throws: InputError.self) { try InputLoader.load(contents) }
        var policyOnly = contents
        policyOnly.policy = InputBytes(Data(PolicyFile.yamlText(fromFiles.policy).utf8), source: "upload policy")
        let fromBytes = try InputLoader.load(policyOnly)
        #expect(fromBytes.input == fromFiles.input)
        #expect(fromBytes.policy == fromFiles.policy)
        #expect(fromBytes.sourceMap.mentors.name == "upload mentors")

        var broken = policyOnly
        broken.mentors = InputBytes(Data("id,age\nM01,abc\n".utf8), source: "upload mentors")
        #expect(throws: InputError.self) { try InputLoader.load(broken) }
        do {
            _ = try InputLoader.load(broken)
        } catch {
            #expect(error.issues.first?.source == "upload mentors")
        }
    }
}
