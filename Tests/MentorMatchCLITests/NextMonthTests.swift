import Foundation
import MentorMatch
import Testing

/// Ogre month two (`Scenarios/ogre-2024/next-month`): the first run's pairs meet from 1 March, three referrals
/// arrive (Y0036–Y0038), M008 leaves, the pair M010–Y0005 ends on 31 March and Y0005 leaves the list.
@Suite("mentormatch match --current: the next month")
struct NextMonthTests {
    static let ogre = Scenario.ogre
    static func nextMonth(_ file: String) -> String { ogre.directory.appendingPathComponent("next-month/\(file)").path }

    static func monthTwoArguments(policy: String = nextMonth("policy.yaml"), current: String = nextMonth("current.csv")) -> [String] {
        ["match", "--mentors", nextMonth("mentors.csv"), "--mentees", nextMonth("mentees.csv"), "--places", ogre.path("places.csv"),
         "--policy", policy, "--current", current, "--out", "out"]
    }

    /// `mentee_id → mentor_id` of a pairs.csv.
    static func mentors(_ data: Data) throws -> [String: String] {
        let pairs = try CSVFile(data, source: "pairs.csv")
        return Dictionary(uniqueKeysWithValues: zip(try pairs.column("mentee_id"), try pairs.column("mentor_id")))
    }

    static func changes(_ data: Data) throws -> [[String]] { try CSVFile(data, source: "changes.csv").rows }

    /// The terminal's headlines as one line each: a line wrapped at 80 columns goes on after two spaces.
    static func unwrapped(_ stdout: String) -> String { stdout.replacingOccurrences(of: "\n  ", with: " ") }

    @Test("keep: 27 pairs kept as they were, M008's two released, M010–Y0005 ended, one new pair; nobody moved")
    func keep() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            let run = try await CLI.run(Self.monthTwoArguments(), in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines[0].hasPrefix("Served 28 of 37 young people (remote places: 8 of 12)"), "\(run)")
            #expect(lines.contains("Current pairs: 27 kept, 0 broken, 1 ended, 2 released; 1 new pair"), "\(run)")
            #expect(directory.entries("out").contains("changes.csv"))
            let changes = try Self.changes(try directory.read("out/changes.csv"))
            #expect(changes.count == 31)
            #expect(changes.count { $0[2] == "kept" } == 27)
            #expect(changes.filter { $0[2] == "released" }.map { [$0[0], $0[1], $0[3]] } == [
                ["M008", "Y0025", "M008 is no longer in the mentors file"],
                ["M008", "Y0029", "M008 is no longer in the mentors file"],
            ])
            #expect(changes.filter { $0[2] == "ended" }.map { [$0[0], $0[1]] } == [["M010", "Y0005"]])
            #expect(changes.filter { $0[2] == "new" }.map { [$0[0], $0[1]] } == [["M010", "Y0036"]])
            #expect(!changes.contains { ["broken", "moved"].contains($0[2]) })
            // Every pair that could go on meeting has the same mentor as in March.
            let march = try Self.mentors(try Data(contentsOf: URL(fileURLWithPath: Self.nextMonth("current.csv"))))
            let april = try Self.mentors(try directory.read("out/pairs.csv"))
            let continuing = march.filter { $0.value != "M008" && $0.key != "Y0005" }
            #expect(continuing.count == 27)
            #expect(continuing.allSatisfy { april[$0.key] == $0.value })
            let result = try jsonObject(try directory.read("out/result.json"))
            let continuity = try #require(result["continuity"] as? [String: Any])
            #expect(continuity["kept"] as? Int == 27)
            #expect(continuity["mode"] as? String == "keep")
            #expect((result["changes"] as? [Any])?.count == 31)
        }
    }

    @Test("today's behaviour (continuity none) reshuffles: 20 of 30 kept, 4 young people with another mentor, 3 without one")
    func none() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            let policy = try String(contentsOfFile: Self.nextMonth("policy.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "  mode: keep ", with: "  mode: none ")
            try directory.write(policy, to: "policy.yaml")
            let run = try await CLI.run(Self.monthTwoArguments(policy: "policy.yaml"), in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(run.stdout.contains("Served 28 of 37 young people (remote places: 10 of 12)"), "\(run)")
            #expect(run.stdout.contains("Current pairs: 20 kept, 0 broken, 10 released; 8 new pairs"), "\(run)")
            let march = try Self.mentors(try Data(contentsOf: URL(fileURLWithPath: Self.nextMonth("current.csv"))))
            let april = try Self.mentors(try directory.read("out/pairs.csv"))
            let continuing = march.filter { $0.value != "M008" && $0.key != "Y0005" }
            #expect(continuing.count { april[$0.key] != nil && april[$0.key] != $0.value } == 4)
            #expect(continuing.count { april[$0.key] == nil } == 3)
        }
    }

    @Test("last month's pairs.csv is read as it is: its other columns are ignored; the pair of Y0005 is released")
    func pairsFileAsIs() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            let march = try await CLI.run(["match"] + Self.ogre.inputArguments + ["--out", "march"], in: directory.url)
            try #require(march.exitCode == 0, "\(march)")
            let run = try await CLI.run(Self.monthTwoArguments(current: "march/pairs.csv"), in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(run.stdout.contains("Current pairs: 27 kept, 0 broken, 3 released; 1 new pair"), "\(run)")
            let changes = try Self.changes(try directory.read("out/changes.csv"))
            #expect(changes.contains(["M010", "Y0005", "released", "Y0005 is no longer on the list of young people"]))
        }
    }

    @Test("a current pairs file that lists a young person twice or a date that is not one is refused with its line")
    func badCurrentFile() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            try directory.write("mentor_id,mentee_id,since,until\nM001,Y0001,01.03.2024,\nM002,Y0001,,\nM003,Y0014,2024-13-01,\n", to: "current.csv")
            let run = try await CLI.run(Self.monthTwoArguments(current: "current.csv"), in: directory.url)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("current.csv, line 3"), "\(run)")
            #expect(run.stderr.contains("Y0001 meets two mentors, M001 (line 2) and M002"), "\(run)")
            #expect(run.stderr.contains("current.csv, line 4"), "\(run)")
            #expect(run.stderr.contains("since '2024-13-01' is not a date"), "\(run)")
            #expect(!directory.entries(".").contains("out"), "a refused run wrote output")
        }
    }

    @Test("every March pair locked (the issue's case): Y0036 is told the locks hold its candidates' places, which a run without the locks shows is the whole story")
    func lockedMarch() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            let march = try await CLI.run(["match"] + Self.ogre.inputArguments + ["--out", "march"], in: directory.url)
            try #require(march.exitCode == 0, "\(march)")
            let pairs = try CSVFile(try directory.read("march/pairs.csv"), source: "pairs.csv")
            let locks = zip(try pairs.column("mentor_id"), try pairs.column("mentee_id")).map { "\($0),\($1),lock" }
            try directory.write((["mentor_id,mentee_id,rule"] + locks).joined(separator: "\n") + "\n", to: "locks.csv")
            let referrals = try String(contentsOfFile: Self.nextMonth("mentees.csv"), encoding: .utf8)
                .split(separator: "\n").suffix(3).joined(separator: "\n")
            let mentees = try String(contentsOfFile: Self.ogre.path("mentees.csv"), encoding: .utf8) + referrals + "\n"
            try directory.write(mentees, to: "mentees.csv")
            var arguments = Self.ogre.inputArguments
            arguments[3] = "mentees.csv"
            let locked = try await CLI.run(["match"] + arguments + ["--locks", "locks.csv", "--out", "locked"], in: directory.url)
            try #require(locked.exitCode == 0, "\(locked)")
            #expect(locked.stdout.contains("remote places: 8 of 12"), "\(locked)")
            let unmatched = try CSVFile(try directory.read("locked/unmatched.csv"), source: "unmatched.csv")
            let reason = try #require(unmatched.rows.first { $0[0] == "Y0036" }?[1])
            #expect(reason.contains("M001's places are held: locked M001–Y0001, locked M001–Y0004, locked M001–Y0035"))
            #expect(reason.contains("Serving this young person means breaking one of those locks"))
            #expect(!reason.contains("Moving anyone would serve fewer"))
            // The old sentence was false: without the locks the run serves more young people from remote places.
            let free = try await CLI.run(["match"] + arguments + ["--out", "free"], in: directory.url)
            #expect(free.stdout.contains("remote places: 10 of 12"), "\(free)")
            // And the claim now made is checked: one more lock on M001 cannot hold.
            try directory.write((["mentor_id,mentee_id,rule"] + locks + ["M001,Y0036,lock"]).joined(separator: "\n") + "\n", to: "locks.csv")
            let forced = try await CLI.run(["match"] + arguments + ["--locks", "locks.csv", "--out", "forced"], in: directory.url)
            #expect(forced.exitCode == 1, "\(forced)")
            #expect(forced.stderr.contains("M001 has more locked young people than its capacity of 3"), "\(forced)")
        }
    }

    @Test("minimal_change: two mentors who finish training take two current young people so that two more are served; max_changes 1 moves one")
    func minimalChange() async throws {
        try await withTemporaryDirectory("next-month-minimal") { directory in
            // M015 (Taurupe, Thursdays) and M016 (Ogre, Tuesday evenings) fit none of the young people waiting, but
            // each fits one who meets a mentor now: Y0007 (M012's) and Y0020 (M002's), whose mentors fit Y0038 and Y0037.
            let recruits = "M015,31,female,Taurupe,1,Thu 16:00-19:00,,lv,15,music,,\nM016,28,female,Ogre,1,Tue 18:00-20:00,,lv,10,reading,,\n"
            try directory.write(try String(contentsOfFile: Self.nextMonth("mentors.csv"), encoding: .utf8) + recruits, to: "mentors.csv")
            let base = try String(contentsOfFile: Self.nextMonth("policy.yaml"), encoding: .utf8)
            let minimal = base.replacingOccurrences(of: "  mode: keep ", with: "  mode: minimal_change ")
            try directory.write(minimal, to: "minimal.yaml")
            try directory.write(minimal.replacingOccurrences(of: "  # max_changes: 2 ", with: "  max_changes: 1 "), to: "capped.yaml")
            func run(_ policy: String, out: String) async throws -> CLIRun {
                var arguments = Self.monthTwoArguments(policy: policy)
                arguments[2] = "mentors.csv"
                arguments[arguments.count - 1] = out
                return try await CLI.run(arguments, in: directory.url)
            }
            func moves(_ out: String) throws -> [[String]] {
                try Self.changes(try directory.read("\(out)/changes.csv")).filter { ["moved", "broken"].contains($0[2]) }
                    .map { [$0[0], $0[1], $0[2]] }
            }

            /// Runs with `policy` into `out` and checks the two headlines.
            func expectRun(_ policy: String, out: String, served: String, currentPairs: String) async throws {
                let run = try await run(policy, out: out)
                try #require(run.exitCode == 0, "\(run)")
                let text = Self.unwrapped(run.stdout)
                #expect(text.hasPrefix(served), "\(run)")
                #expect(text.contains(currentPairs), "\(run)")
            }

            // Under keep the recruits stay idle: no pair that is meeting moves.
            try await expectRun(
                Self.nextMonth("policy.yaml"), out: "keep",
                served: "Served 28 of 37 young people (remote places: 8 of 12); mentors used 13 of 15, idle 2",
                currentPairs: "Current pairs: 27 kept, 0 broken, 1 ended, 2 released; 1 new pair")

            try await expectRun(
                "minimal.yaml", out: "minimal",
                served: "Served 30 of 37 young people (remote places: 9 of 12); mentors used 15 of 15, idle 0",
                currentPairs: "Current pairs: 25 kept, 2 broken (2 moved to another mentor), 1 ended, 2 released; 5 new pairs")
            #expect(try moves("minimal") == [["M002", "Y0020", "moved"], ["M012", "Y0007", "moved"]])
            let pairs = try Self.mentors(try directory.read("minimal/pairs.csv"))
            #expect(pairs["Y0007"] == "M015" && pairs["Y0020"] == "M016" && pairs["Y0038"] == "M012" && pairs["Y0037"] == "M002")
            let result = try jsonObject(try directory.read("minimal/result.json"))
            let continuity = try #require(result["continuity"] as? [String: Any])
            #expect(continuity["mode"] as? String == "minimal_change")
            #expect(continuity["kept"] as? Int == 25)

            // At most one broken: the remote young person Y0038 is served, Y0037 waits.
            try await expectRun(
                "capped.yaml", out: "capped",
                served: "Served 29 of 37 young people (remote places: 9 of 12); mentors used 14 of 15, idle 1",
                currentPairs: "Current pairs: 26 kept, 1 broken (1 moved to another mentor), 1 ended, 2 released; 3 new pairs")
            #expect(try moves("capped") == [["M012", "Y0007", "moved"]])
            let reason = try Self.changes(try directory.read("capped/changes.csv")).first { $0[1] == "Y0007" && $0[2] == "moved" }?[3]
            #expect(reason?.hasSuffix("(at most 1 may be broken)") == true, "\(String(describing: reason))")
        }
    }

    @Test("month two as one JSON document with current_pairs, or a document and --current: the same pairs and changes as the CSV files")
    func document() async throws {
        try await withTemporaryDirectory("next-month-document") { directory in
            let loaded = try MentorMatcher().load(InputFiles(
                mentors: Self.nextMonth("mentors.csv"), mentees: Self.nextMonth("mentees.csv"),
                places: Self.ogre.path("places.csv"), policy: Self.nextMonth("policy.yaml"),
                current: Self.nextMonth("current.csv")))
            #expect(loaded.input.currentPairs.count == 30)
            try directory.write(InputDocument(input: loaded.input, policy: loaded.policy).encoded(), to: "doc.json")
            var withoutPairs = loaded.input
            withoutPairs.currentPairs = []
            try directory.write(InputDocument(input: withoutPairs, policy: loaded.policy).encoded(), to: "people.json")
            #expect(String(decoding: try directory.read("doc.json"), as: UTF8.self).contains(#""current_pairs""#))

            let csv = try await CLI.run(Self.monthTwoArguments(), in: directory.url)
            let whole = try await CLI.run(["match", "--input", "doc.json", "--out", "whole"], in: directory.url)
            let added = try await CLI.run(
                ["match", "--input", "people.json", "--current", Self.nextMonth("current.csv"), "--out", "added"],
                in: directory.url)
            for run in [csv, whole, added] {
                try #require(run.exitCode == 0, "\(run)")
                #expect(run.stdout.hasPrefix("Served 28 of 37 young people (remote places: 8 of 12)"), "\(run)")
                #expect(run.stdout.contains("Current pairs: 27 kept, 0 broken, 1 ended, 2 released; 1 new pair"), "\(run)")
            }
            for file in ["pairs.csv", "changes.csv", "unmatched.csv"] {
                #expect(try directory.read("whole/\(file)") == directory.read("out/\(file)"), "\(file) differs")
                #expect(try directory.read("added/\(file)") == directory.read("out/\(file)"), "\(file) differs")
            }
            // Without current pairs the document is matched afresh: the pairs that are meeting are not held.
            let fresh = try await CLI.run(["match", "--input", "people.json", "--out", "fresh"], in: directory.url)
            #expect(fresh.stdout.hasPrefix("Served 28 of 37 young people (remote places: 10 of 12)"), "\(fresh)")
        }
    }

    @Test("GLPK solves month two to the same pairs and changes as LEMON")
    func glpkAgrees() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            let lemon = try await CLI.run(Self.monthTwoArguments(), in: directory.url)
            try #require(lemon.exitCode == 0, "\(lemon)")
            let lemonFiles = (try directory.read("out/pairs.csv"), try directory.read("out/changes.csv"))
            let glpk = try await CLI.run(Self.monthTwoArguments() + ["--solver", "glpk"], in: directory.url)
            try #require(glpk.exitCode == 0, "\(glpk)")
            #expect(try directory.read("out/pairs.csv") == lemonFiles.0)
            #expect(try directory.read("out/changes.csv") == lemonFiles.1)
        }
    }

    @Test("suggest for the April referral Y0037: the only way is that Y0036's unconfirmed pair with M010 gives way")
    func suggestUrgentCase() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            var arguments = Self.monthTwoArguments()
            arguments[0] = "suggest"
            arguments.removeLast(2)
            let run = try await CLI.run(arguments + ["--mentee", "Y0037"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(run.stdout == """
                Ways to fit Y0037 in, best first:
                  1. M010 (score 0.390, 15.9 km): Y0036 (score 0.426, not yet confirmed) gives up M010 and is left without a mentor; total fit -0.036
                Held by locks or current pairs: M002, M003, M004, M005, M006, M009, M011

                """, "\(run)")
            let held = try await CLI.run(arguments + ["--mentee", "Y0038"], in: directory.url)
            #expect(held.stdout.hasPrefix("No way to fit Y0038 in without breaking a lock or current pair"), "\(held)")
            let unknown = try await CLI.run(arguments + ["--mentee", "Y9999"], in: directory.url)
            #expect(unknown.exitCode == 1, "\(unknown)")
            #expect(unknown.stderr.contains("no young person has id 'Y9999'"), "\(unknown)")
        }
    }

    @Test("the continuity section is checked: unknown keys, max_changes outside minimal_change, minimal_change with a weighted objective")
    func continuityPolicyChecked() async throws {
        try await withTemporaryDirectory("next-month") { directory in
            let base = try String(contentsOfFile: Self.nextMonth("policy.yaml"), encoding: .utf8)
            try directory.write(base.replacingOccurrences(of: "  mode: keep ", with: "  mode: keep\n  max_chnages: 2 "), to: "typo.yaml")
            let typo = try await CLI.run(Self.monthTwoArguments(policy: "typo.yaml"), in: directory.url)
            #expect(typo.exitCode == 1, "\(typo)")
            #expect(typo.stderr.contains("unknown key max_chnages (did you mean max_changes?)"), "\(typo)")
            try directory.write(base.replacingOccurrences(of: "  # max_changes: 2 ", with: "  max_changes: 2 "), to: "keep.yaml")
            let keep = try await CLI.run(Self.monthTwoArguments(policy: "keep.yaml"), in: directory.url)
            #expect(keep.exitCode == 1, "\(keep)")
            #expect(keep.stderr.contains("max_changes applies only to mode minimal_change, but the mode is keep"), "\(keep)")
            try directory.write(
                base.replacingOccurrences(of: "  mode: keep ", with: "  mode: minimal_change ")
                    .replacingOccurrences(of: "method: lexicographic", with: "method: weighted"),
                to: "weighted.yaml"
            )
            let weighted = try await CLI.run(Self.monthTwoArguments(policy: "weighted.yaml"), in: directory.url)
            #expect(weighted.exitCode == 1, "\(weighted)")
            #expect(weighted.stderr.contains("minimal_change ranks current pairs as a tier of the lexicographic objective"), "\(weighted)")
        }
    }
}
