import Foundation
import Testing

@Suite("mentormatch validate")
struct ValidateCommandTests {
    @Test("a bundled scenario is valid", arguments: Scenario.all)
    func scenario(_ scenario: Scenario) async throws {
        try await withTemporaryDirectory("validate") { directory in
            let run = try await CLI.run(["validate"] + scenario.inputArguments, in: directory.url)
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout.hasPrefix("OK: \(scenario.mentors) mentors, \(scenario.mentees) young people"), "\(run)")
            #expect(run.stderr.isEmpty, "\(run)")
            #expect(directory.entries(".") == [], "validate wrote files")
        }
    }

    @Test("the small programme is valid; one young person has no candidate")
    func smallProgramme() async throws {
        try await withTemporaryDirectory("validate") { directory in
            try SmallProgramme.write(into: directory)
            let run = try await CLI.run(["validate"] + SmallProgramme.inputArguments, in: directory.url)
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout == "OK: 3 mentors, 4 young people, 4 places, 0 pair rules; 3 candidate pairs; "
                + "1 young person without any candidate.\n", "\(run)")
        }
    }
}

@Suite("mentormatch explain")
struct ExplainCommandTests {
    @Test("an unmatched young person of Ogre 2024: the reason of unmatched.csv; a matched one: the mentor of pairs.csv")
    func ogre() async throws {
        try await withTemporaryDirectory("explain") { directory in
            let arguments = Scenario.ogre.inputArguments
            let match = try await CLI.run(["match"] + arguments + ["--out", "out"], in: directory.url)
            try #require(match.exitCode == 0, "\(match)")
            let unmatched = try CSVFile(try directory.read("out/unmatched.csv"), source: "unmatched.csv")
            let unmatchedRow = try #require(unmatched.rows.first)
            let (id, reason) = (unmatchedRow[0], unmatchedRow[1])

            let run = try await CLI.run(["explain"] + arguments + ["--mentee", id], in: directory.url)
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout.hasPrefix("Young person \(id) in "), "\(run)")
            // The terminal output wraps the reason to 80 columns; its words are the same.
            let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("Unmatched: \(reason.split(separator: " ").joined(separator: " "))"), "\(run)")
            #expect(run.stderr.isEmpty, "\(run)")

            let pairs = try CSVFile(try directory.read("out/pairs.csv"), source: "pairs.csv")
            let pair = try #require(pairs.rows.first)
            let matched = try await CLI.run(["explain"] + arguments + ["--mentee", pair[1]], in: directory.url)
            #expect(matched.exitCode == 0, "\(matched)")
            #expect(matched.stdout.contains("Suggested mentor: \(pair[0])"), "\(matched)")
        }
    }

    @Test("--format json explains the young person in JSON")
    func json() async throws {
        try await withTemporaryDirectory("explain") { directory in
            try SmallProgramme.write(into: directory)
            let run = try await CLI.run(
                ["explain"] + SmallProgramme.inputArguments + ["--mentee", "Y04", "--format", "json"], in: directory.url
            )
            try #require(run.exitCode == 0, "\(run)")
            let explanation = try jsonObject(run.stdoutData)
            #expect(explanation.values.contains { $0 as? String == "Y04" }, "\(run)")
        }
    }

    @Test("an unknown id: exit 1 naming the id")
    func unknownID() async throws {
        try await withTemporaryDirectory("explain") { directory in
            let run = try await CLI.run(["explain"] + Scenario.ogre.inputArguments + ["--mentee", "NOPE"], in: directory.url)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("no young person has id 'NOPE'"), "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
        }
    }
}

@Suite("mentormatch generate")
struct GenerateCommandTests {
    static let generatedFiles = ["mentees.csv", "mentors.csv", "places.csv", "policy.yaml"]

    @Test("a preset with the documented seed reproduces the bundled scenario byte for byte",
          arguments: [("ogre-2024", 2024), ("liepaja-2022", 2022), ("zemgale-rethink", 2019)] as [(String, Int)])
    func preset(_ name: String, seed: Int) async throws {
        try await withTemporaryDirectory("generate") { directory in
            let run = try await CLI.run(["generate", "--preset", name, "--seed", "\(seed)", "--out", "tmp"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(directory.entries("tmp") == Self.generatedFiles)
            let bundled = CLI.scenarios.appendingPathComponent(name)
            for file in Self.generatedFiles {
                #expect(try directory.read("tmp/\(file)") == Data(contentsOf: bundled.appendingPathComponent(file)),
                        "\(file) differs from Scenarios/\(name)/\(file)")
            }
        }
    }

    @Test("--mentees 200 writes 200 young people, and the files pass validate")
    func scaled() async throws {
        try await withTemporaryDirectory("generate") { directory in
            let run = try await CLI.run(["generate", "--mentees", "200", "--seed", "7", "--out", "tmp"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            let mentees = try CSVFile(try directory.read("tmp/mentees.csv"), source: "mentees.csv")
            #expect(mentees.rows.count == 200)
            #expect(Set(try mentees.column("id")).count == 200)
            let again = try await CLI.run(["generate", "--mentees", "200", "--seed", "7", "--out", "again"], in: directory.url)
            try #require(again.exitCode == 0, "\(again)")
            for file in Self.generatedFiles {
                #expect(try directory.read("again/\(file)") == directory.read("tmp/\(file)"), "\(file) differs for the same seed")
            }
            let validate = try await CLI.run(
                ["validate", "--mentors", "tmp/mentors.csv", "--mentees", "tmp/mentees.csv", "--places", "tmp/places.csv",
                 "--policy", "tmp/policy.yaml"],
                in: directory.url
            )
            #expect(validate.exitCode == 0, "\(validate)")
            #expect(validate.stdout.contains("200 young people"), "\(validate)")
        }
    }

    @Test("usage errors exit 2, as the help text documents", arguments: [
        ["generate", "--preset", "nope", "--out", "tmp"],
        ["generate", "--out", "tmp"],
        ["generate", "--preset", "ogre-2024", "--mentees", "5", "--out", "tmp"],
        ["match", "--mentors", "m.csv", "--mentees", "y.csv", "--places", "p.csv"],
        ["no-such-command"],
    ])
    func usageError(_ arguments: [String]) async throws {
        try await withTemporaryDirectory("usage") { directory in
            let run = try await CLI.run(arguments, in: directory.url)
            #expect(run.stderr.contains("Usage: mentormatch"), "\(run)")
            #expect(directory.entries(".") == [], "a usage error wrote files")
            #expect(run.exitCode == 2, "\(run)")
        }
    }
}
