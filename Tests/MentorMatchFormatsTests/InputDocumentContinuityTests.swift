import Foundation
import MentorMatchCore
import MentorMatchFormats
import Testing

/// The document's `current_pairs` and `previous_suggestions`, read as `--current` and `--previous` read their files,
/// and the files (or uploads) adding to them.
struct InputDocumentContinuityTests {
    private static let people = #"""
        "mentors": [
          {"id": "M01", "age": 34, "gender": "female", "place": "Ogre", "capacity": 2, "availability": "Mon 16:00-18:00",
           "languages": ["lv"], "max_travel_km": 20},
          {"id": "M02", "age": 41, "gender": "male", "place": "Ogre", "capacity": 1, "availability": "Mon 16:00-18:00",
           "languages": ["lv"], "max_travel_km": 20}
        ],
        "mentees": [
          {"id": "Y001", "age": 15, "gender": "male", "place": "Ogre", "availability": "Mon 16:00-18:00", "languages": ["lv"]},
          {"id": "Y002", "age": 17, "gender": "female", "place": "Ogre", "availability": "Mon 16:00-18:00", "languages": ["lv"]},
          {"id": "Y003", "age": 19, "gender": "female", "place": "Ogre", "availability": "Mon 16:00-18:00", "languages": ["lv"]}
        ],
        "places": [{"place": "Ogre", "lat": 56.8162, "lon": 24.6048, "remote": false}]
        """#

    private static func document(_ extra: String) -> InputBytes {
        InputBytes(Data("{\(people), \(extra)}".utf8), source: "doc.json")
    }

    private static func issues(_ load: () throws(InputError) -> LoadedInput) -> [String] {
        do {
            _ = try load()
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func readsCurrentPairsWithBothDateFormsAndSuggestions() throws {
        let loaded = try InputLoader.loadDocument(Self.document(#"""
            "current_pairs": [{"mentor_id": "M01", "mentee_id": "Y001", "since": "2024-03-01", "until": "31.08.2024"},
                              {"mentor_id": "M02", "mentee_id": "Y002"}],
            "previous_suggestions": [{"mentor_id": "M01", "mentee_id": "Y003"}]
            """#))
        #expect(loaded.input.currentPairs == [
            CurrentPair(mentorID: "M01", menteeID: "Y001", since: LocalDate(year: 2024, month: 3, day: 1),
                        until: LocalDate(year: 2024, month: 8, day: 31)),
            CurrentPair(mentorID: "M02", menteeID: "Y002"),
        ])
        #expect(loaded.input.previousSuggestions == [SuggestedPair(mentorID: "M01", menteeID: "Y003")])
        // Written back in the flat shape, the document reads to the same input; without them the keys are left out.
        let document = InputDocument(input: loaded.input, policy: loaded.policy)
        #expect(try InputDocument.decode(document.encoded(), source: "doc.json") == document)
        var withoutPairs = loaded.input
        withoutPairs.currentPairs = []
        withoutPairs.previousSuggestions = []
        let text = String(decoding: try InputDocument(input: withoutPairs).encoded(), as: UTF8.self)
        #expect(!text.contains("current_pairs") && !text.contains("previous_suggestions"))
    }

    @Test func namesTheJSONPathOfEveryBadCurrentPair() {
        let found = Self.issues { () throws(InputError) in
            try InputLoader.loadDocument(Self.document(#"""
                "current_pairs": [{"mentor_id": "M01", "mentee_id": "Y001", "since": "2024-13-01"},
                                  {"mentor_id": "M01", "mentee_id": "Y002", "started": "2024-03-01"},
                                  {"mentee_id": "Y003"}],
                "previous_suggestions": [{"mentor_id": "M01", "mentee_id": "Y003", "rule": "lock"}]
                """#))
        }
        #expect(found == [
            "doc.json, current_pairs[0].since: since '2024-13-01' is not a date. Fix: write the date as 2024-03-01 or "
                + "01.03.2024, or leave it blank",
            "doc.json, current_pairs[1].started: unknown key started. Fix: use the CSV column "
                + "names: mentee_id, mentor_id, since, until",
            #"doc.json, current_pairs[2].mentor_id: mentor_id is missing. Fix: add "mentor_id": text in quotes"#,
            "doc.json, previous_suggestions[0].rule: unknown key rule. Fix: use the CSV column names: mentee_id, mentor_id",
        ])
    }

    @Test func aCurrentFileAddsToTheDocumentAndItsRowsAreNamedByLine() throws {
        let current = InputBytes(Data("mentor_id,mentee_id,since,until,score\nM02,Y002,01.03.2024,,0.5\n".utf8),
                                 source: "current.csv")
        let previous = InputBytes(Data("mentor_id,mentee_id\nM01,Y003\n".utf8), source: "pairs.csv")
        let loaded = try InputLoader.loadDocument(
            Self.document(#""current_pairs": [{"mentor_id": "M01", "mentee_id": "Y001"}]"#),
            current: current, previous: previous)
        #expect(loaded.input.currentPairs == [
            CurrentPair(mentorID: "M01", menteeID: "Y001"),
            CurrentPair(mentorID: "M02", menteeID: "Y002", since: LocalDate(year: 2024, month: 3, day: 1)),
        ])
        #expect(loaded.input.previousSuggestions == [SuggestedPair(mentorID: "M01", menteeID: "Y003")])

        // A young person in the document's pairs and in the file's: the file's row is named by its line, the
        // document's record by its path.
        let twice = InputBytes(Data("mentor_id,mentee_id\nM02,Y002\nM02,Y001\n".utf8), source: "current.csv")
        let found = Self.issues { () throws(InputError) in
            try InputLoader.loadDocument(
                Self.document(#""current_pairs": [{"mentor_id": "M01", "mentee_id": "Y001"}]"#), current: twice)
        }
        #expect(found == [
            "current.csv, line 3, column mentee_id: Y001 meets two mentors, M01 (current_pairs[0]) and M02. Fix: a young "
                + "person meets one mentor; keep one line for Y001",
        ])
    }

    @Test func aLocksFileAfterTheDocumentsRulesIsNamedByLine() {
        let locks = InputBytes(Data("mentor_id,mentee_id,rule\nM01,Y009,lock\n".utf8), source: "locks.csv")
        let found = Self.issues { () throws(InputError) in
            try InputLoader.loadDocument(
                Self.document(#""pair_rules": [{"mentor_id": "M01", "mentee_id": "Y001", "rule": "lock"}]"#), locks: locks)
        }
        #expect(found == [
            "locks.csv, line 2, column mentee_id: unknown mentee_id 'Y009' (did you mean Y001?). Fix: use an id from "
                + "doc.json mentees, or remove the rule",
        ])
    }

    @Test func uploadsCarryCurrentPairsAndSuggestions() throws {
        let fromFiles = try loadFixtures().get()
        let mentor = try #require(fromFiles.input.mentors.first)
        let mentee = try #require(fromFiles.input.mentees.first)
        let contents = InputContents(
            mentors: InputBytes(Data(MentorsCSV.text(fromFiles.input.mentors).utf8), source: "upload mentors"),
            mentees: InputBytes(Data(MenteesCSV.text(fromFiles.input.mentees).utf8), source: "upload mentees"),
            places: InputBytes(Data(PlacesCSV.text(fromFiles.input.places).utf8), source: "upload places"),
            current: InputBytes(Data("mentor_id,mentee_id,since\n\(mentor.id),\(mentee.id),2024-03-01\n".utf8),
                                source: "upload current"),
            previous: InputBytes(Data("mentor_id,mentee_id\n\(mentor.id),\(mentee.id)\n".utf8), source: "upload previous")
        )
        let loaded = try InputLoader.load(contents)
        #expect(loaded.input.currentPairs == [
            CurrentPair(mentorID: mentor.id, menteeID: mentee.id, since: LocalDate(year: 2024, month: 3, day: 1)),
        ])
        #expect(loaded.input.previousSuggestions == [SuggestedPair(mentorID: mentor.id, menteeID: mentee.id)])
        #expect(loaded.sourceMap.currentPairs.name == "upload current")
    }
}
