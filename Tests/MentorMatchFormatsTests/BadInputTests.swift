import Foundation
import MentorMatchCore
import MentorMatchFormats
import Testing

/// One broken input and the issue it must produce.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var contents: Data?
    var line: Int?
    var field: String?
    /// Words the problem must contain.
    var problem: String
    /// Words the fix must contain, if any.
    var fix: String = ""

    var testDescription: String { name }

    init(_ name: String, file: String, _ text: String, line: Int?, field: String?, problem: String, fix: String = "") {
        self.name = name
        self.file = file
        contents = Data(text.utf8)
        self.line = line
        self.field = field
        self.problem = problem
        self.fix = fix
    }

    init(_ name: String, file: String, bytes: Data?, line: Int?, field: String?, problem: String) {
        self.name = name
        self.file = file
        contents = bytes
        self.line = line
        self.field = field
        self.problem = problem
    }
}

private let mentorHeader = "id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km\n"
private let menteeHeader = "id,age,gender,place,availability,needs,languages,mentor_gender,gender_preference,priority\n"
private let goodMentor = "M01,34,female,Ogre,2,Mon 16:00-18:00,addiction,lv,20\n"
private let goodMentee = "Y001,15,male,Suntaži,Mon 16:00-18:00,,lv,,,\nY002,17,female,Ogre,Mon 16:00-18:00,,lv,,,\n"

struct BadInputTests {
    static let cases: [BadInputCase] = [
        BadInputCase("missing columns", file: "mentors.csv", "id,age,gender,place,availability,specialisations,max_travel_km\n",
                     line: 1, field: nil, problem: "missing columns capacity, languages",
                     fix: "id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km"),
        BadInputCase("unknown column", file: "mentors.csv", mentorHeader.dropLast() + ",intrests\n" + goodMentor,
                     line: 1, field: nil, problem: "unknown column intrests (did you mean interests?)"),
        BadInputCase("unknown place with suggestion", file: "mentors.csv",
                     mentorHeader + "M01,34,female,Suntazi,2,Mon 16:00-18:00,,lv,20\n",
                     line: 2, field: "place", problem: "unknown place 'Suntazi' (did you mean Suntaži?)"),
        BadInputCase("bad availability", file: "mentors.csv", mentorHeader + "M01,34,female,Ogre,2,Mon 16:00-1800,,lv,20\n",
                     line: 2, field: "availability", problem: "'Mon 16:00-1800': expected a time range"),
        BadInputCase("empty availability", file: "mentors.csv", mentorHeader + "M01,34,female,Ogre,2,,,lv,20\n",
                     line: 2, field: "availability", problem: "availability is empty"),
        BadInputCase("no language", file: "mentees.csv", menteeHeader + "Y001,15,male,Ogre,Mon 16:00-18:00,,,,,\n",
                     line: 2, field: "languages", problem: "languages is empty"),
        BadInputCase("mentee aged 12", file: "mentees.csv", menteeHeader + "Y001,12,male,Ogre,Mon 16:00-18:00,,lv,,,\n",
                     line: 2, field: "age", problem: "age 12 is below the minimum of 13"),
        BadInputCase("mentor aged 19", file: "mentors.csv", mentorHeader + "M01,19,female,Ogre,2,Mon 16:00-18:00,,lv,20\n",
                     line: 2, field: "age", problem: "age 19 is below the minimum mentor age of 20"),
        BadInputCase("mentor aged 150", file: "mentors.csv", mentorHeader + "M01,150,female,Ogre,2,Mon 16:00-18:00,,lv,20\n",
                     line: 2, field: "age", problem: "age 150 is not a plausible age"),
        BadInputCase("age not a number", file: "mentors.csv", mentorHeader + "M01,abc,female,Ogre,2,Mon 16:00-18:00,,lv,20\n",
                     line: 2, field: "age", problem: "the value is not a whole number (it looks like text that belongs in another column, such as place)"),
        BadInputCase("capacity 0", file: "mentors.csv", mentorHeader + "M01,34,female,Ogre,0,Mon 16:00-18:00,,lv,20\n",
                     line: 2, field: "capacity", problem: "capacity 0 is below 1"),
        BadInputCase("capacity 7", file: "mentors.csv", mentorHeader + "M01,34,female,Ogre,7,Mon 16:00-18:00,,lv,20\n",
                     line: 2, field: "capacity", problem: "capacity 7 is above the maximum of 3",
                     fix: "set capacity to 1, 2 or 3 (the programmes' rule: one to three young people per mentor)"),
        BadInputCase("travel not a number", file: "mentors.csv", mentorHeader + "M01,34,female,Ogre,2,Mon 16:00-18:00,,lv,far\n",
                     line: 2, field: "max_travel_km", problem: "the value is not a number (it looks like text that belongs in another column, such as place)"),
        BadInputCase("unknown gender", file: "mentors.csv", mentorHeader + "M01,34,x,Ogre,2,Mon 16:00-18:00,,lv,20\n",
                     line: 2, field: "gender", problem: "gender 'x' is not a gender"),
        BadInputCase("duplicate id", file: "mentors.csv",
                     mentorHeader + goodMentor + "M01,41,male,Ogre,1,Tue 17:00-19:00,,lv,10\n",
                     line: 3, field: "id", problem: "id M01 is used twice, on line 2 and line 3"),
        BadInputCase("too many fields", file: "mentors.csv", mentorHeader + "M01,34,female,Ogre,2,Mon 16:00-18:00,,lv,12,5\n",
                     line: 2, field: nil, problem: "the row has 10 fields but the header has 9 columns", fix: "12.5"),
        BadInputCase("value in a column without a name", file: "mentors.csv",
                     mentorHeader.dropLast() + ",\n" + goodMentor.dropLast() + ",\n" + "M02,41,male,Ogre,1,Tue 17:00-19:00,,lv,10,x\n",
                     line: 3, field: nil, problem: "the row has a value in a column without a name"),
        BadInputCase("lat without lon", file: "mentors.csv", mentorHeader.dropLast() + ",lat\n" + goodMentor.dropLast() + ",56.8\n",
                     line: 2, field: "lon", problem: "lat and lon must be given together"),
        BadInputCase("preference strength without gender", file: "mentees.csv",
                     menteeHeader + "Y001,15,male,Ogre,Mon 16:00-18:00,,lv,,hard,\n",
                     line: 2, field: "gender_preference", problem: "gender_preference is given but mentor_gender is blank"),
        BadInputCase("priority above 5", file: "mentees.csv", menteeHeader + "Y001,15,male,Ogre,Mon 16:00-18:00,,lv,,,9\n",
                     line: 2, field: "priority", problem: "priority 9 is outside 0–5"),
        BadInputCase("unknown lock id", file: "locks.csv", "mentor_id,mentee_id,rule\nM09,Y001,lock\n",
                     line: 2, field: "mentor_id", problem: "unknown mentor_id 'M09'"),
        BadInputCase("lock and forbid the same pair", file: "locks.csv",
                     "mentor_id,mentee_id,rule\nM01,Y002,lock\nM01,Y002,forbid\n",
                     line: 3, field: "rule", problem: "pair M01–Y002 is both locked and forbidden (line 2 and line 3)"),
        BadInputCase("mentee locked to two mentors", file: "locks.csv",
                     "mentor_id,mentee_id,rule\nM01,Y002,lock\nM02,Y002,lock\n",
                     line: 3, field: "mentee_id", problem: "Y002 is locked to two mentors, M01 (line 2) and M02 (line 3)"),
        BadInputCase("more locks than capacity", file: "locks.csv",
                     "mentor_id,mentee_id,rule\nM02,Y001,lock\nM02,Y002,lock\n",
                     line: 3, field: "mentor_id", problem: "M02 has more locked young people than its capacity of 1"),
        BadInputCase("unknown rule", file: "locks.csv", "mentor_id,mentee_id,rule\nM01,Y002,maybe\n",
                     line: 2, field: "rule", problem: "rule 'maybe' is neither lock nor forbid"),
        BadInputCase("duplicate place", file: "places.csv",
                     "place,lat,lon,remote\nOgre,56.8162,24.6048,no\nSuntaži,56.9,24.9,yes\nOgre,56.8,24.6,no\n",
                     line: 4, field: "place", problem: "place Ogre is listed twice, on line 2 and line 4"),
        BadInputCase("latitude out of range", file: "places.csv",
                     "place,lat,lon,remote\nOgre,96.8,24.6048,no\nSuntaži,56.9,24.9,yes\n",
                     line: 2, field: "lat", problem: "latitude 96.8 is outside -90 to 90"),
        BadInputCase("remote not yes or no", file: "places.csv",
                     "place,lat,lon,remote\nOgre,56.8,24.6,maybe\nSuntaži,56.9,24.9,yes\n",
                     line: 2, field: "remote", problem: "remote 'maybe' is not yes or no"),
        BadInputCase("empty file", file: "mentors.csv", "", line: nil, field: nil, problem: "the file is empty"),
        BadInputCase("blank lines only", file: "mentees.csv", "\n  \n\n", line: nil, field: nil, problem: "the file is empty"),
        BadInputCase("header only", file: "mentees.csv", menteeHeader, line: nil, field: nil,
                     problem: "the file has a header but no rows", fix: "one line per mentee"),
        BadInputCase("not UTF-8", file: "places.csv", bytes: Data("place,lat,lon,remote\nSuntaži".utf8.dropLast(2) + [0xFE]),
                     line: 2, field: nil, problem: "not UTF-8 text"),
        BadInputCase("unclosed quote", file: "places.csv", "place,lat,lon,remote\n\"Ogre,56.8,24.6,no\n",
                     line: 2, field: nil, problem: "a quoted field that starts on line 2 is never closed"),
        BadInputCase("missing file", file: "mentees.csv", bytes: nil, line: nil, field: nil, problem: "the file does not exist"),
        BadInputCase("unknown policy key", file: "policy.yaml", "max_capacity: 3\nobjective:\n  fit_weights:\n    travl: 0.5\n",
                     line: 4, field: "objective.fit_weights.travl", problem: "unknown key travl (did you mean travel?)",
                     fix: "gender_preference, interests, priority, travel, waiting"),
        BadInputCase("policy value out of range", file: "policy.yaml", "max_capacity: 5\n",
                     line: 1, field: "max_capacity", problem: "max_capacity 5 is outside 1–3"),
        BadInputCase("policy value of the wrong type", file: "policy.yaml", "meeting_minutes: 60\nmax_capacity: many\n",
                     line: 2, field: "max_capacity", problem: "max_capacity must be a whole number"),
        BadInputCase("policy place unknown", file: "policy.yaml", "side_constraints:\n  min_served_per_place:\n    Taurupe: 2\n",
                     line: 3, field: "side_constraints.min_served_per_place.Taurupe", problem: "unknown place 'Taurupe'"),
    ]

    @Test(arguments: cases)
    func reportsTheProblemWhereItIs(_ badCase: BadInputCase) throws {
        let result = try loadFixtures(replacing: [badCase.file: badCase.contents])
        guard case .failure(let error) = result else {
            Issue.record("the input was accepted")
            return
        }
        let matching = error.issues.filter { $0.source.hasSuffix("/" + badCase.file) && $0.problem.contains(badCase.problem) }
        #expect(matching.count == 1, "\(error)")
        let issue = try #require(matching.first)
        #expect(issue.line == badCase.line)
        #expect(issue.field == badCase.field)
        #expect(badCase.fix.isEmpty || issue.fix.contains(badCase.fix))
        #expect(!issue.fix.isEmpty)
    }

    /// A coordinator reads the same problem in Latvian: every problem of a CSV file a coordinator uploads has a
    /// Latvian wording, and it says the same facts: every number, quoted value and id of the English problem and fix.
    @Test(arguments: cases.filter { $0.file.hasSuffix(".csv") && $0.contents != nil })
    func theLatvianWordingSaysTheSameFacts(_ badCase: BadInputCase) throws {
        let result = try loadFixtures(replacing: [badCase.file: badCase.contents])
        guard case .failure(let error) = result else {
            Issue.record("the input was accepted")
            return
        }
        let issue = try #require(error.issues.first { $0.problem.contains(badCase.problem) }, "\(error)")
        let latvian = try #require(issue.latvian, "no Latvian for: \(issue.problem)")
        #expect(latvian.problem != issue.problem && latvian.fix != issue.fix)
        for (english, said, quotesValues) in [(issue.problem, latvian.problem, true), (issue.fix, latvian.fix, false)] {
            let missing = Self.facts(in: english, quotes: quotesValues).subtracting(Self.facts(in: said, quotes: quotesValues))
            #expect(missing.isEmpty, "'\(said)' does not say \(missing.sorted()) of '\(english)'")
        }
    }

    /// The numbers (a decimal comma read as a point) and ids such as M01 of a sentence, and with `quotes` its quoted
    /// values (a problem quotes what the file holds; a fix's examples are said in each language's own way).
    static func facts(in text: String, quotes: Bool) -> Set<String> {
        let patterns = [#"\d+(?:[.,]\d+)?"#, #"\b[MY]\d+\b"#] + (quotes ? [#"'[^']*'"#] : [])
        var facts: Set<String> = []
        for pattern in patterns {
            let expression = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            for match in expression?.matches(in: text, range: range) ?? [] {
                guard let found = Range(match.range, in: text) else { continue }
                facts.insert(text[found].replacingOccurrences(of: ",", with: "."))
            }
        }
        return facts
    }

    @Test func everyProblemOfAFileIsReported() throws {
        let mentors = mentorHeader
            + "M01,34,female,Ogre,7,Mon 16:00-18:00,,lv,20\n"
            + goodMentor.replacingOccurrences(of: "M01", with: "M02")
            + "M03,abc,female,Ogre,2,Mon 16:00-18:00,,lv,20\n"
            + "M04,34,female,Ogre,2,Someday,,lv,20\n"
        let result = try loadFixtures(replacing: ["mentors.csv": Data(mentors.utf8)])
        guard case .failure(let error) = result else {
            Issue.record("the input was accepted")
            return
        }
        #expect(error.issues.map(\.line) == [2, 4, 5])
        #expect(error.issues.map(\.field) == ["capacity", "age", "availability"])
    }

    @Test func problemsInEveryFileAreReportedTogether() throws {
        let result = try loadFixtures(replacing: [
            "mentors.csv": Data((mentorHeader + "M01,34,female,Ogre,9,Mon 16:00-18:00,,lv,20\n").utf8),
            "mentees.csv": Data((menteeHeader + "Y001,30,male,Ogre,Mon 16:00-18:00,,lv,,,\n").utf8),
            "places.csv": Data("place,lat,lon,remote\nOgre,56.8,24.6,no\nOgre,56.8,24.6,no\n".utf8),
            "locks.csv": Data("mentor_id,mentee_id,rule\nM01,Y001,lock\nM01,Y001,forbid\n".utf8),
            "policy.yaml": Data("meeting_minutes: 5\n".utf8),
        ])
        guard case .failure(let error) = result else {
            Issue.record("the input was accepted")
            return
        }
        let files = error.issues.map { URL(fileURLWithPath: $0.source).lastPathComponent }
        #expect(files == ["mentors.csv", "mentees.csv", "places.csv", "locks.csv", "policy.yaml"])
    }

    @Test func aRowThatCannotBeReadIsNotReportedAgainAsUnknown() throws {
        let mentors = mentorHeader + goodMentor + "M02,abc,male,Ogre,1,Tue 17:00-19:00,,lv,10\n"
        let result = try loadFixtures(replacing: [
            "mentors.csv": Data(mentors.utf8),
            "locks.csv": Data("mentor_id,mentee_id,rule\nM02,Y001,forbid\n".utf8),
        ])
        guard case .failure(let error) = result else {
            Issue.record("the input was accepted")
            return
        }
        #expect(error.issues.map(\.problem) == ["the value is not a whole number (it looks like text that belongs in another column, such as place)"])
    }

    @Test func validFixturesLoad() throws {
        let loaded = try loadFixtures().get()
        #expect(loaded.input.mentors.map(\.id) == ["M01", "M02"])
        #expect(loaded.input.mentees[1].mentorGenderPreference == GenderPreference(gender: .female, strength: .hard))
        #expect(loaded.input.mentees[0].waitingSince == LocalDate(year: 2024, month: 1, day: 10))
        #expect(loaded.input.pairRules == [PairRule(mentorID: "M01", menteeID: "Y002", kind: .lock)])
        #expect(loaded.policy.objective.fitWeights.travel == 0.5)
        #expect(loaded.sourceMap.mentees.lines == [2, 3])
    }
}

/// Spellings of the fixture mentors file that must read to the same mentors.
struct EquivalentSpellingTests {
    static let variants: [(name: String, bytes: Data)] = [
        ("byte-order mark and CRLF", Data([0xEF, 0xBB, 0xBF]) + Data(Fixtures.mentors.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ("no final line end", Data(Fixtures.mentors.dropLast().utf8)),
        ("semicolons and decimal commas", Data("""
            ID ; Age ; Gender ; Place ; Capacity ; Availability ; Specialisations ; Languages ; Max_Travel_KM ; Interests
            M01;34;F;Ogre;2;"Mon 16:00-18:00; Sat 10:00-14:00";addiction, anxiety;lv, ru;20;sport
            M02;41;vīrietis;Suntaži;1;Otrd 17:00–19:00;;LV;12,5;

            """.utf8)),
        ("tabs and quotes", Data("id\tage\tgender\tplace\tcapacity\tavailability\tspecialisations\tlanguages\tmax_travel_km\tinterests\n"
            .utf8) + Data("\"M01\"\t34\tfemale\tOgre\t2\t\"Sat 10:00-14:00;\nMon 16:00-18:00\"\t\"anxiety;addiction\"\tru;lv\t20\tSport\n"
            .utf8) + Data("M02\t41\tmale\tSuntaz\u{030C}i\t1\tTue 17:00-19:00\t\tlv\t12.5\t\n".utf8)),
    ]

    @Test(arguments: variants.indices)
    func readsTheSameMentors(variant: Int) throws {
        let expected = try loadFixtures().get().input.mentors
        let loaded = try loadFixtures(replacing: ["mentors.csv": Self.variants[variant].bytes]).get()
        #expect(loaded.input.mentors == expected, "\(Self.variants[variant].name)")
    }
}
