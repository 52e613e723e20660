import Foundation
import MentorMatch
import Testing

/// Each kind of failure has its own documented exit code and one message (no doubled prefix).
@Suite("exit codes")
struct ExitStatusTests {
    /// The numbers a text lists after "Exit codes:", up to the end of its paragraph.
    static func codes(in text: String) -> Set<Int> {
        guard let start = text.range(of: "Exit codes:") else { return [] }
        let paragraph = text[start.upperBound...].components(separatedBy: "\n\n").first ?? ""
        let pattern = /(?:^|[\s;,(])(\d+) (?=[a-z])/
        return Set(paragraph.matches(of: pattern).compactMap { Int($0.output.1) })
    }

    @Test("the README's exit codes are the ones --help documents")
    func readmeMatchesHelp() async throws {
        let help = try await CLI.run(["--help"], in: CLI.packageRoot)
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let documented = Self.codes(in: help.stdout.replacingOccurrences(of: "\n", with: " "))
        #expect(documented == [0, 1, 2, 3, 4, 70], "\(help)")
        #expect(Self.codes(in: readme) == documented)
    }

    @Test("--solver lemon with a policy that needs GLPK: exit 2, refused before anything is written")
    func lemonRefusal() async throws {
        try await withTemporaryDirectory("lemon") { directory in
            try SmallProgramme.write(into: directory)
            try directory.write("objective:\n  method: weighted\nside_constraints:\n  min_remote_share: 0.2\n", to: "policy.yaml")
            let run = try await CLI.run(
                ["match"] + SmallProgramme.inputArguments
                    + ["--policy", "policy.yaml", "--solver", "lemon", "--out", "out", "--write-lp", "audit.lp"],
                in: directory.url)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr == "error: the lemon solver needs the flow formulation, and this policy needs GLPK (a weighted "
                + "objective with side constraints, fractional weights, or a min_remote_share finer than one millionth); "
                + "solve it with the auto or glpk solver\n", "\(run)")
            #expect(directory.entries("") == ["mentees.csv", "mentors.csv", "places.csv", "policy.yaml"])
        }
    }

    @Test("--export-flow with a policy GLPK must solve: exit 2")
    func exportRefusal() async throws {
        try await withTemporaryDirectory("export") { directory in
            try SmallProgramme.write(into: directory)
            try directory.write("objective:\n  method: weighted\nside_constraints:\n  min_remote_share: 0.2\n", to: "policy.yaml")
            let run = try await CLI.run(
                ["match"] + SmallProgramme.inputArguments + ["--policy", "policy.yaml", "--export-flow", "flows", "--out", "out"],
                in: directory.url)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.hasPrefix("error: exporting the flows needs the flow formulation"), "\(run)")
        }
    }
}
