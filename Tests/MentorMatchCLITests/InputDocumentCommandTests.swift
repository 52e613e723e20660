import Foundation
import MentorMatch
import Testing

@Suite("mentormatch --input, --version, dates and place spellings")
struct InputDocumentCommandTests {
    @Test("match --input reads the scenario as one JSON document and writes the same files as from the CSV files",
          arguments: Scenario.all)
    func documentMatchesLikeTheCSVFiles(_ scenario: Scenario) async throws {
        try await withTemporaryDirectory("input-\(scenario.name)") { directory in
            let loaded = try MentorMatcher().load(InputFiles(
                mentors: scenario.path("mentors.csv"), mentees: scenario.path("mentees.csv"),
                places: scenario.path("places.csv"), policy: scenario.path("policy.yaml")))
            try directory.write(InputDocument(input: loaded.input, policy: loaded.policy).encoded(), to: "doc.json")
            let fromCSV = try await CLI.run(["match"] + scenario.inputArguments + ["--out", "csv"], in: directory.url)
            let fromJSON = try await CLI.run(["match", "--input", "doc.json", "--out", "json"], in: directory.url)
            try #require(fromCSV.exitCode == 0 && fromJSON.exitCode == 0, "\(fromCSV)\n\(fromJSON)")
            for file in ["pairs.csv", "unmatched.csv", "alternatives.csv"] {
                #expect(try directory.read("csv/\(file)") == directory.read("json/\(file)"), "\(file) differs")
            }
            #expect(fromJSON.stdout.hasPrefix("Served \(scenario.served) of \(scenario.mentees) young people"))
        }
    }

    @Test("--input with the CSV options is a usage error; without either too")
    func inputAndCSVTogetherIsAUsageError() async throws {
        try await withTemporaryDirectory("input-usage") { directory in
            try SmallProgramme.write(into: directory)
            let both = try await CLI.run(["match", "--input", "doc.json"] + SmallProgramme.inputArguments + ["--out", "out"],
                                         in: directory.url)
            #expect(both.exitCode == 2, "\(both)")
            #expect(both.stderr.contains("give either --input (a JSON document) or --mentors, --mentees and --places, not both"))
            let neither = try await CLI.run(["validate", "--mentors", "mentors.csv"], in: directory.url)
            #expect(neither.exitCode == 2, "\(neither)")
            #expect(directory.entries("out").isEmpty)
        }
    }

    @Test("a bad document: exit 1, every problem by its JSON path, no files")
    func badDocumentNamesJSONPaths() async throws {
        try await withTemporaryDirectory("input-bad") { directory in
            try directory.write(#"""
                {"mentors": [{"id": "M01", "age": 34, "gender": "female", "place": "Ogre", "capacity": "two",
                              "availability": "Mon 16:00-18:00", "languages": ["lv"], "max_travel_km": 20}],
                 "mentees": [{"id": "Y01", "age": 15, "gender": "male", "place": "Ogre", "availability": "Mon 16:00-18:00",
                              "languages": ["lv"], "waiting_since": "31.02.2024"}],
                 "places": [{"place": "Ogre", "lat": 56.8162, "lon": 24.61401, "remote": false}]}
                """#, to: "doc.json")
            let run = try await CLI.run(["match", "--input", "doc.json", "--out", "out"], in: directory.url)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("doc.json, mentors[0].capacity: capacity must be a whole JSON number, such as 2"), "\(run)")
            #expect(run.stderr.contains("doc.json, mentees[0].waiting_since: waiting_since '31.02.2024' is not a date"), "\(run)")
            #expect(directory.entries("out").isEmpty)
        }
    }

    @Test("--version prints the version")
    func version() async throws {
        try await withTemporaryDirectory("version") { directory in
            let run = try await CLI.run(["--version"], in: directory.url)
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout == "mentormatch \(MentorMatchVersion.current)\n")
        }
    }

    @Test("dd.mm.yyyy dates read as ISO ones: waiting_since and --start give the same run")
    func latvianExcelDates() async throws {
        try await withTemporaryDirectory("dates") { directory in
            let iso = SmallProgramme.mentees.replacingOccurrences(of: "needs,languages\n", with: "needs,languages,waiting_since\n")
                .replacingOccurrences(of: ",lv\nY02", with: ",lv,2024-02-14\nY02")
            try SmallProgramme.write(into: directory, replacing: ["mentees.csv": Data(iso.utf8)])
            let isoRun = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "iso"], in: directory.url)
            try directory.write(iso.replacingOccurrences(of: "2024-02-14", with: "14.02.2024"), to: "mentees.csv")
            let latvianRun = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "lv"], in: directory.url)
            try #require(isoRun.exitCode == 0 && latvianRun.exitCode == 0, "\(isoRun)\n\(latvianRun)")
            #expect(try directory.read("iso/pairs.csv") == directory.read("lv/pairs.csv"))
            let schedule = try await CLI.run(["schedule"] + SmallProgramme.inputArguments
                + ["--start", "01.03.2024", "--months", "1", "--out", "schedule"], in: directory.url)
            #expect(schedule.exitCode == 0, "\(schedule)")
            #expect(schedule.stdout.contains("2024-03-01 – 2024-03-31"), "\(schedule)")
        }
    }

    @Test("a place in another letter case is read as the listed one, with a warning")
    func placeInAnotherLetterCase() async throws {
        try await withTemporaryDirectory("place-case") { directory in
            let mentees = SmallProgramme.mentees.replacingOccurrences(of: "Y01,15,male,Ogre", with: "Y01,15,male,OGRE")
            try SmallProgramme.write(into: directory, replacing: ["mentees.csv": Data(mentees.utf8)])
            let run = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "out"], in: directory.url)
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout.hasPrefix("Served 3 of 4 young people"), "\(run)")
            #expect(run.stderr == "warning: mentees.csv, line 2, column place: place 'OGRE' differs from 'Ogre' in "
                + "places.csv only in letter case; read as Ogre. Fix: write 'Ogre' to silence this warning\n")
            // Diacritics are not letter case: Suntazi stays an error with a suggestion.
            try directory.write(SmallProgramme.mentees.replacingOccurrences(of: "Suntaži", with: "Suntazi"), to: "mentees.csv")
            let refused = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "out2"], in: directory.url)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.stderr.contains("unknown place 'Suntazi' (did you mean Suntaži?)"), "\(refused)")
        }
    }
}

@Suite("terminal output fits 80 columns when not a terminal")
struct TerminalWidthTests {
    @Test("match, explain, plan and schedule print no line over 80 characters; --format json is not wrapped")
    func outputFitsEightyColumns() async throws {
        try await withTemporaryDirectory("width") { directory in
            let ogre = Scenario.ogre
            let runs = [
                ["match"] + ogre.inputArguments + ["--out", "match"],
                ["explain"] + ogre.inputArguments + ["--mentee", "Y0023"],
                ["plan", ogre.path("plan.yaml"), "--out", "plan"],
                ["schedule"] + ogre.inputArguments + ["--pairs", "match/pairs.csv", "--start", "2024-03-01", "--months", "2",
                                                     "--out", "schedule"],
            ]
            for arguments in runs {
                let run = try await CLI.run(arguments, in: directory.url)
                try #require(run.exitCode == 0, "\(run)")
                let wide = run.stdout.split(separator: "\n").filter { $0.count > 80 }
                #expect(wide.isEmpty, "\(arguments[0]): \(wide)")
            }
            // A reason is wrapped with its continuation lines under the reason, and keeps every word.
            let match = try await CLI.run(["match"] + ogre.inputArguments + ["--out", "match"], in: directory.url)
            let reasons = match.stdout.components(separatedBy: "Unmatched (5):\n").last ?? ""
            #expect(reasons.contains("\n         "), "\(match)")
            let json = try await CLI.run(["match"] + ogre.inputArguments + ["--out", "match", "--format", "json"],
                                         in: directory.url)
            #expect(try json.stdoutData == directory.read("match/result.json"))
        }
    }
}

@Suite("the price of side constraints")
struct SideConstraintPriceTests {
    @Test("min_remote_share 0.9 in Ogre: the headline says it costs 22 young people, result.json has the figures")
    func bindingConstraintSaysWhatItCosts() async throws {
        try await withTemporaryDirectory("price") { directory in
            let ogre = Scenario.ogre
            let policy = try String(contentsOfFile: ogre.path("policy.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "  # min_remote_share: 0.3", with: "  min_remote_share: 0.9")
                .replacingOccurrences(of: "min_served_per_place: {}", with: "min_served_per_place: {Suntaži: 1}")
            try directory.write(policy, to: "policy.yaml")
            let arguments = ["--mentors", ogre.path("mentors.csv"), "--mentees", ogre.path("mentees.csv"),
                             "--places", ogre.path("places.csv"), "--policy", "policy.yaml"]
            let run = try await CLI.run(["match"] + arguments + ["--out", "out"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.hasPrefix("Served 8 of 35 young people"), "\(run)")
            #expect(words.contains("Side constraint min_remote_share 0.9 costs 22 young people: 8 served with it, 30 "
                + "without; idle mentors 7 with it, 0 without"), "\(run)")
            // Serving one young person in Suntaži costs nobody, so the headline does not mention it.
            #expect(!words.contains("min_served_per_place"), "\(run)")
            let result = try jsonObject(try directory.read("out/result.json"))
            let prices = try #require(result["side_constraint_prices"] as? [[String: Any]])
            #expect(prices.map { $0["constraint"] as? String } == ["min_remote_share 0.9", "min_served_per_place Suntaži 1"])
            #expect(prices.first?["served_with"] as? Int == 8)
            #expect(prices.first?["served_without"] as? Int == 30)
            #expect(prices.first?["idle_mentors_with"] as? Int == 7)
            #expect(prices.last?["served_with"] as? Int == prices.last?["served_without"] as? Int)
        }
    }

    @Test("without side constraints there is nothing to price")
    func noConstraintsNoPrices() async throws {
        try await withTemporaryDirectory("no-price") { directory in
            try SmallProgramme.write(into: directory)
            let run = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "out"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(!run.stdout.contains("Side constraint"))
            let result = try jsonObject(try directory.read("out/result.json"))
            #expect((result["side_constraint_prices"] as? [Any])?.isEmpty == true)
        }
    }
}

@Suite("mentormatch match --skip-invalid")
struct SkipInvalidTests {
    /// M03's capacity is 7, Y02's age is not a number, and Mazozoli's latitude is not a number, which leaves Y04
    /// (in Mazozoli) with an unknown place once Mazozoli is set aside.
    static func writeBadProgramme(into directory: TemporaryDirectory) throws {
        let mentors = SmallProgramme.mentors.replacingOccurrences(of: "M03,28,female,Ikšķile,2", with: "M03,28,female,Ikšķile,7")
        let mentees = SmallProgramme.mentees.replacingOccurrences(of: "Y02,17,", with: "Y02,seventeen,")
        let places = SmallProgramme.places.replacingOccurrences(of: "Mazozoli,56.92524", with: "Mazozoli,north")
        try SmallProgramme.write(into: directory, replacing: [
            "mentors.csv": Data(mentors.utf8), "mentees.csv": Data(mentees.utf8), "places.csv": Data(places.utf8),
        ])
    }

    @Test("invalid rows go to rejected.csv with their problems, the rest is matched, the headline says so")
    func setsInvalidRowsAside() async throws {
        try await withTemporaryDirectory("skip") { directory in
            try Self.writeBadProgramme(into: directory)
            let refused = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "refused"], in: directory.url)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.stderr.hasPrefix("error: 3 problems in the input:"), "\(refused)")
            #expect(directory.entries("refused").isEmpty)

            let run = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "out", "--skip-invalid"],
                                        in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.hasPrefix("Set aside 4 invalid rows (rejected.csv): 1 of mentors.csv, 2 of mentees.csv, "
                + "1 of places.csv; matched the rest Served 1 of 2 young people"), "\(run)")
            #expect(directory.entries("out") == ["alternatives.csv", "map.svg", "pairs.csv", "rejected.csv", "result.json", "result.xlsx", "unmatched.csv"])
            #expect(try directory.text("out/rejected.csv") == """
                file,line,id,problems
                mentors.csv,4,M03,"capacity: capacity 7 is above the maximum of 3. Fix: set capacity to 1, 2 or 3 (the programmes' rule: one to three young people per mentor)"
                mentees.csv,3,Y02,"age: the value is not a whole number (it looks like text that belongs in another column, such as place). Fix: check that the row's values are in the header's order; then enter the age in whole years, such as 16"
                mentees.csv,5,Y04,"place: unknown place 'Mazozoli'. Fix: use a place listed in places.csv, or add 'Mazozoli' there"
                places.csv,5,Mazozoli,"lat: the value is not a number (it looks like text that belongs in another column, such as place). Fix: check that the row's values are in the header's order; then enter the latitude in decimal degrees, such as 56.8165"

                """)
            let pairs = try CSVFile(try directory.read("out/pairs.csv"), source: "pairs.csv")
            #expect(try pairs.column("mentee_id") == ["Y01"])
        }
    }

    @Test("a problem of a whole file is not a row to set aside: still refused")
    func fileProblemsStillRefuse() async throws {
        try await withTemporaryDirectory("skip-file") { directory in
            let mentors = SmallProgramme.mentors.replacingOccurrences(of: "max_travel_km\n", with: "max_travel\n")
            try SmallProgramme.write(into: directory, replacing: ["mentors.csv": Data(mentors.utf8)])
            let run = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "out", "--skip-invalid"],
                                        in: directory.url)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("missing column max_travel_km"), "\(run)")
            #expect(directory.entries("out").isEmpty)
        }
    }
}
