import Foundation
import Testing

/// One broken (or unusual but valid) input of the small programme, and what `mentormatch match` must do with it.
struct CLIInputCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// Exit 1; standard error must contain every fragment (file, line, column, problem).
        case rejected([String])
        /// Exit 0 with result files byte-identical to those of the plain small programme.
        case sameAsSmallProgramme
    }

    var name: String
    /// Whole files written over the small programme's, by name.
    var files: [String: Data]
    var extraArguments: [String] = []
    var outcome: Outcome

    var testDescription: String { name }

    init(_ name: String, _ files: [String: String], extraArguments: [String] = [], _ outcome: Outcome) {
        self.init(name, bytes: files.mapValues { Data($0.utf8) }, extraArguments: extraArguments, outcome)
    }

    init(_ name: String, bytes files: [String: Data], extraArguments: [String] = [], _ outcome: Outcome) {
        self.name = name
        self.files = files
        self.extraArguments = extraArguments
        self.outcome = outcome
    }
}

@Suite("mentormatch match and validate on bad input")
struct BadInputTests {
    static let mentors = SmallProgramme.mentors
    static let mentees = SmallProgramme.mentees

    static let cases: [CLIInputCase] = [
        CLIInputCase(
            "capacity 7",
            ["mentors.csv": SmallProgramme.replacingLine(
                3, of: mentors, with: "M02,45,male,Suntaži,7,Tue 17:00-20:00,addiction,lv,30")],
            .rejected(["mentors.csv, line 3, column capacity", "capacity 7 is above the maximum of 3"])
        ),
        CLIInputCase(
            "unknown place with a suggestion",
            ["mentors.csv": SmallProgramme.replacingLine(
                4, of: mentors, with: "M03,28,female,Ikskile,2,Wed 16:00-19:00; Sun 12:00-16:00,,lv; en,15")],
            .rejected(["mentors.csv, line 4, column place", "unknown place 'Ikskile'", "did you mean Ikšķile?"])
        ),
        CLIInputCase(
            "availability outside the day",
            ["mentees.csv": SmallProgramme.replacingLine(2, of: mentees, with: "Y01,15,male,Ogre,Mon 25:00-26:00,,lv")],
            .rejected(["mentees.csv, line 2, column availability", "Mon 25:00-26:00"])
        ),
        CLIInputCase(
            "a young person aged 12",
            ["mentees.csv": SmallProgramme.replacingLine(
                4, of: mentees, with: "Y03,12,female,Ikšķile,Wed 16:00-18:00; Sun 13:00-15:00,,lv")],
            .rejected(["mentees.csv, line 4, column age", "age 12 is below the minimum of 13"])
        ),
        CLIInputCase(
            "a duplicate id",
            ["mentees.csv": SmallProgramme.replacingLine(5, of: mentees, with: "Y02,19,male,Mazozoli,Sat 10:00-12:00,,ru")],
            .rejected(["mentees.csv, line 5, column id", "Y02 is used twice", "line 3 and line 5"])
        ),
        CLIInputCase(
            "a missing column",
            ["mentors.csv": """
                id,age,gender,place,capacity,availability,specialisations,languages
                M01,34,female,Ogre,2,Mon 16:00-20:00; Sat 10:00-14:00,,lv; ru
                M02,45,male,Suntaži,1,Tue 17:00-20:00,addiction,lv
                M03,28,female,Ikšķile,2,Wed 16:00-19:00; Sun 12:00-16:00,,lv; en

                """],
            .rejected(["mentors.csv, line 1", "missing column max_travel_km"])
        ),
        CLIInputCase("an empty file", ["places.csv": ""], .rejected(["places.csv", "the file is empty"])),
        CLIInputCase(
            "problems in two files are all reported",
            [
                "mentors.csv": SmallProgramme.replacingLine(
                    3, of: mentors, with: "M02,45,male,Suntaži,7,Tue 17:00-20:00,addiction,lv,30"),
                "mentees.csv": SmallProgramme.replacingLine(
                    4, of: mentees, with: "Y03,12,female,Ikšķile,Wed 16:00-18:00; Sun 13:00-15:00,,lv"),
            ],
            .rejected(["2 problems in the input", "mentors.csv, line 3, column capacity", "mentees.csv, line 4, column age"])
        ),
        CLIInputCase(
            "Latvian Excel: semicolons, a byte-order mark, CRLF and decimal commas",
            bytes: ["mentors.csv": Data([0xEF, 0xBB, 0xBF]) + Data(
                [
                    "id;age;gender;place;capacity;availability;specialisations;languages;max_travel_km",
                    "M01;34;female;Ogre;2;Mon 16:00-20:00, Sat 10:00-14:00;;lv, ru;25,0",
                    "M02;45;male;Suntaži;1;Tue 17:00-20:00;addiction;lv;30",
                    "M03;28;female;Ikšķile;2;Wed 16:00-19:00, Sun 12:00-16:00;;lv, en;15,0",
                ].map { $0 + "\r\n" }.joined().utf8
            )],
            .sameAsSmallProgramme
        ),
        CLIInputCase(
            "a lock that breaks hard rules",
            ["locks.csv": "mentor_id,mentee_id,rule\nM03,Y01,forbid\nM02,Y04,lock\n"],
            extraArguments: ["--locks", "locks.csv"],
            .rejected(["locks.csv, line 3, column rule", "M02–Y04", "breaks travel, language, availability",
                       "speaks lv, not ru"])
        ),
        CLIInputCase(
            "an unknown policy key",
            ["policy.yaml": "min_mentor_age: 20\nmax_capcity: 3\n"],
            extraArguments: ["--policy", "policy.yaml"],
            .rejected(["policy.yaml, line 2, column max_capcity", "unknown key max_capcity", "did you mean max_capacity?"])
        ),
    ]

    @Test("match: exit 1 naming file, line and problem, and no output; or the same result", arguments: cases)
    func match(_ input: CLIInputCase) async throws {
        try await withTemporaryDirectory("bad-input") { directory in
            try SmallProgramme.write(into: directory, replacing: input.files)
            let inputFiles = directory.entries(".")
            let run = try await CLI.run(
                ["match"] + SmallProgramme.inputArguments + input.extraArguments + ["--out", "out"], in: directory.url
            )
            switch input.outcome {
            case .rejected(let fragments):
                #expect(run.exitCode == 1, "\(run)")
                #expect(run.stderr.hasPrefix("error: "), "\(run)")
                for fragment in fragments {
                    #expect(run.stderr.contains(fragment), "standard error lacks '\(fragment)'\n\(run)")
                }
                #expect(run.stdout.isEmpty, "\(run)")
                #expect(directory.entries("out") == [], "partial output was left behind")
                #expect(directory.entries(".") == inputFiles, "the run wrote files next to its input")
            case .sameAsSmallProgramme:
                try #require(run.exitCode == 0, "\(run)")
                try await expectSameResultAsSmallProgramme(directory.url.appendingPathComponent("out"))
            }
        }
    }

    /// Runs the plain small programme and compares its CSV result files with those in `out`, byte for byte.
    private func expectSameResultAsSmallProgramme(_ out: URL) async throws {
        try await withTemporaryDirectory("baseline") { baseline in
            try SmallProgramme.write(into: baseline)
            let run = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "out"], in: baseline.url)
            try #require(run.exitCode == 0, "\(run)")
            for file in ["pairs.csv", "unmatched.csv", "alternatives.csv"] {
                #expect(try Data(contentsOf: out.appendingPathComponent(file)) == baseline.read("out/\(file)"), "\(file) differs")
            }
        }
    }

    @Test("validate rejects the same inputs with exit 1 and the same problems", arguments: cases)
    func validate(_ input: CLIInputCase) async throws {
        guard case .rejected(let fragments) = input.outcome else { return }
        try await withTemporaryDirectory("validate") { directory in
            try SmallProgramme.write(into: directory, replacing: input.files)
            let run = try await CLI.run(
                ["validate"] + SmallProgramme.inputArguments + input.extraArguments, in: directory.url
            )
            #expect(run.exitCode == 1, "\(run)")
            for fragment in fragments {
                #expect(run.stderr.contains(fragment), "standard error lacks '\(fragment)'\n\(run)")
            }
            #expect(!run.stdout.contains("OK:"), "\(run)")
        }
    }
}
