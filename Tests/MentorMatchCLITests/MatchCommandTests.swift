import Foundation
import MentorMatch
import Testing

@Suite("mentormatch match")
struct MatchCommandTests {
    static let resultFiles = ["alternatives.csv", "map.svg", "pairs.csv", "result.json", "result.xlsx", "unmatched.csv"]

    @Test("matches every bundled scenario: result files, a partition of the young people, the closing-note figures",
          arguments: Scenario.all)
    func bundledScenario(_ scenario: Scenario) async throws {
        try await withTemporaryDirectory(scenario.name) { directory in
            let run = try await CLI.run(["match"] + scenario.inputArguments + ["--out", "out"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(run.stderr.isEmpty, "\(run)")
            #expect(run.stdout.hasPrefix("Served \(scenario.served) of \(scenario.mentees) young people"), "\(run)")
            #expect(directory.entries("out") == Self.resultFiles)

            let pairsData = try directory.read("out/pairs.csv")
            let unmatchedData = try directory.read("out/unmatched.csv")
            #expect(firstLine(pairsData).hasPrefix("mentor_id,mentee_id,distance_km,score"))
            #expect(firstLine(unmatchedData).hasPrefix("mentee_id,reason"))
            #expect(firstLine(try directory.read("out/alternatives.csv")).hasPrefix("mentee_id,rank,mentor_id"))
            let pairs = try CSVFile(pairsData, source: "pairs.csv")
            let unmatched = try CSVFile(unmatchedData, source: "unmatched.csv")

            // Every young person of mentees.csv appears exactly once across pairs.csv and unmatched.csv.
            let menteeIDs = try CSVFile(Data(contentsOf: scenario.directory.appendingPathComponent("mentees.csv")),
                                        source: "mentees.csv").column("id")
            #expect(menteeIDs.count == scenario.mentees)
            let listed = try pairs.column("mentee_id") + unmatched.column("mentee_id")
            #expect(listed.sorted() == menteeIDs.sorted())
            #expect(Set(listed).count == listed.count, "a young person is listed twice")
            #expect(pairs.rows.count == scenario.served)
            #expect(unmatched.rows.count == scenario.mentees - scenario.served)
            #expect(try unmatched.column("reason").allSatisfy { !$0.isEmpty }, "every unmatched young person has a reason")

            // result.json agrees with the CSV files.
            let result = try jsonObject(try directory.read("out/result.json"))
            let summary = try #require(result["summary"] as? [String: Any])
            #expect(summary["served"] as? Int == pairs.rows.count)
            #expect(summary["served"] as? Int == scenario.served)
            #expect(summary["mentees"] as? Int == scenario.mentees)
            #expect(summary["mentors"] as? Int == scenario.mentors)
            #expect(summary["unmatched"] as? Int == unmatched.rows.count)
            let solver = try #require(result["solver"] as? [String: Any])
            #expect(solver["status"] as? String == "optimal")
            let timings = try #require(result["timings"] as? [String: Any])
            for key in ["reading", "candidates", "model", "solve", "writing"] {
                let seconds = try #require(timings[key] as? Double, "timings.\(key) is missing")
                #expect(seconds >= 0 && seconds.isFinite, "timings.\(key) = \(seconds)")
            }
            let jsonPairs = try #require(result["pairs"] as? [[String: Any]])
            #expect(jsonPairs.map { "\($0["mentor_id"] ?? ""),\($0["mentee_id"] ?? "")" }
                == pairs.rows.map { "\($0[0]),\($0[1])" })

            try checkWithSolutionChecker(pairs: pairs, files: InputFiles(
                mentors: scenario.path("mentors.csv"), mentees: scenario.path("mentees.csv"),
                places: scenario.path("places.csv"), policy: scenario.path("policy.yaml")))
        }
    }

    @Test("the same input gives byte-identical CSV files, whatever the order of the mentors' rows")
    func determinism() async throws {
        try await withTemporaryDirectory("determinism") { directory in
            let scenario = Scenario.ogre
            let mentorsText = try String(contentsOf: scenario.directory.appendingPathComponent("mentors.csv"), encoding: .utf8)
            var lines = mentorsText.split(separator: "\n").map(String.init)
            let header = lines.removeFirst()
            // A fixed permutation: every third row first, then the rest reversed.
            let everyThird = lines.indices.filter { $0 % 3 == 0 }
            let rest = lines.indices.filter { $0 % 3 != 0 }.reversed()
            let shuffled = (everyThird + rest).map { lines[$0] }
            #expect(shuffled != lines && shuffled.sorted() == lines.sorted())
            try directory.write(([header] + shuffled).joined(separator: "\n") + "\n", to: "shuffled-mentors.csv")

            let first = try await CLI.run(["match"] + scenario.inputArguments + ["--out", "first"], in: directory.url)
            let second = try await CLI.run(["match"] + scenario.inputArguments + ["--out", "second"], in: directory.url)
            var shuffledArguments = scenario.inputArguments
            shuffledArguments[1] = directory.path("shuffled-mentors.csv")
            let third = try await CLI.run(["match"] + shuffledArguments + ["--out", "shuffled"], in: directory.url)
            for run in [first, second, third] {
                try #require(run.exitCode == 0, "\(run)")
            }
            for file in ["pairs.csv", "unmatched.csv", "alternatives.csv"] {
                let reference = try directory.read("first/\(file)")
                #expect(try directory.read("second/\(file)") == reference, "\(file) differs between two runs")
                #expect(try directory.read("shuffled/\(file)") == reference, "\(file) depends on the mentors' row order")
            }
        }
    }

    @Test("--format json prints result.json: the same summary and pairs")
    func jsonFormat() async throws {
        try await withTemporaryDirectory("json") { directory in
            let run = try await CLI.run(
                ["match"] + Scenario.ogre.inputArguments + ["--out", "out", "--format", "json"], in: directory.url
            )
            try #require(run.exitCode == 0, "\(run)")
            let printed = try jsonObject(run.stdoutData)
            let written = try jsonObject(try directory.read("out/result.json"))
            let printedSummary = try #require(printed["summary"] as? NSDictionary)
            let writtenSummary = try #require(written["summary"] as? NSDictionary)
            #expect(printedSummary == writtenSummary)
            let printedPairs = try #require(printed["pairs"] as? NSArray)
            let writtenPairs = try #require(written["pairs"] as? NSArray)
            #expect(printedPairs.count == Scenario.ogre.served)
            #expect(printedPairs == writtenPairs)
            #expect(Set(printed.keys) == Set(written.keys))
        }
    }

    @Test("--write-lp writes the programme in CPLEX LP format")
    func writeLP() async throws {
        try await withTemporaryDirectory("lp") { directory in
            try SmallProgramme.write(into: directory)
            let run = try await CLI.run(
                ["match"] + SmallProgramme.inputArguments + ["--out", "out", "--write-lp", "audit/model.lp"], in: directory.url
            )
            try #require(run.exitCode == 0, "\(run)")
            let text = try directory.text("audit/model.lp")
            #expect(text.hasPrefix("\\") || text.hasPrefix("Maximize"), "\(text.prefix(80))")
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.contains("Maximize"))
            #expect(lines.contains("Subject To"))
            #expect(lines.last == "End")
            // One pair variable per candidate pair: M01–Y01, M02–Y02, M03–Y03.
            for pair in ["x.M01.Y01", "x.M02.Y02", "x.M03.Y03"] {
                #expect(text.contains(pair), "no variable \(pair)")
            }
            #expect(directory.entries("out") == Self.resultFiles)
        }
    }

    @Test("the small programme: three pairs, Y04 unmatched beyond every travel limit")
    func smallProgramme() async throws {
        try await withTemporaryDirectory("small") { directory in
            try SmallProgramme.write(into: directory)
            let run = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "out"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            let pairs = try CSVFile(try directory.read("out/pairs.csv"), source: "pairs.csv")
            #expect(pairs.rows.map { "\($0[0])-\($0[1])" } == ["M01-Y01", "M02-Y02", "M03-Y03"])
            try checkWithSolutionChecker(pairs: pairs, files: SmallProgramme.files(in: directory))
            let unmatched = try CSVFile(try directory.read("out/unmatched.csv"), source: "unmatched.csv")
            #expect(try unmatched.column("mentee_id") == ["Y04"])
            #expect(try unmatched.column("kind") == ["no_candidate"])
            #expect(try unmatched.column("blocking_rule") == ["travel"])
        }
    }

    @Test("a lock that holds is marked locked; a forbidden pair is never made")
    func locks() async throws {
        try await withTemporaryDirectory("locks") { directory in
            try SmallProgramme.write(into: directory)
            try directory.write("mentor_id,mentee_id,rule\nM01,Y01,lock\nM03,Y03,forbid\n", to: "locks.csv")
            let run = try await CLI.run(
                ["match"] + SmallProgramme.inputArguments + ["--locks", "locks.csv", "--out", "out"], in: directory.url
            )
            try #require(run.exitCode == 0, "\(run)")
            let pairs = try CSVFile(try directory.read("out/pairs.csv"), source: "pairs.csv")
            #expect(pairs.rows.map { "\($0[0])-\($0[1])" } == ["M01-Y01", "M02-Y02"])
            #expect(try pairs.column("locked") == ["yes", "no"])
            try checkWithSolutionChecker(pairs: pairs, files: SmallProgramme.files(in: directory, locks: "locks.csv"))
            let unmatched = try CSVFile(try directory.read("out/unmatched.csv"), source: "unmatched.csv")
            #expect(try unmatched.column("mentee_id") == ["Y03", "Y04"])
        }
    }

    @Test("side constraints no assignment can meet: exit 3, nothing written")
    func infeasibleSideConstraint() async throws {
        try await withTemporaryDirectory("side") { directory in
            try directory.write(
                """
                reference_date: 2024-02-20
                side_constraints:
                  min_served_per_place: {Suntaži: 50}

                """,
                to: "policy.yaml"
            )
            var arguments = Scenario.ogre.inputArguments
            arguments[arguments.count - 1] = "policy.yaml"
            let run = try await CLI.run(["match"] + arguments + ["--out", "out"], in: directory.url)
            #expect(run.exitCode == 3, "\(run)")
            #expect(run.stderr.contains("side constraints"), "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(directory.entries("out") == [], "partial output was left behind")
        }
    }

    @Test("an output directory that cannot be created: exit 4")
    func outputFailure() async throws {
        try await withTemporaryDirectory("output") { directory in
            try SmallProgramme.write(into: directory)
            try directory.write("not a directory\n", to: "taken")
            let run = try await CLI.run(["match"] + SmallProgramme.inputArguments + ["--out", "taken"], in: directory.url)
            #expect(run.exitCode == 4, "\(run)")
            #expect(run.stderr.contains("cannot write the output"), "\(run)")
            #expect(try directory.text("taken") == "not a directory\n")
        }
    }
}
