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
        #expect(documented == [0, 1, 2, 3, 4, 70, 130, 143], "\(help)")
        #expect(Self.codes(in: readme) == documented)
    }

    /// A weighted objective with a side constraint: only GLPK solves it.
    static let weightedWithSideConstraint = "objective:\n  method: weighted\nside_constraints:\n  min_remote_share: 0.2\n"

    @Test("a solver that refuses the policy: exit 2 with one message, before anything is written", arguments: [
        (["--solver", "lemon", "--write-lp", "audit.lp"], "the lemon solver"),
        (["--export-flow", "flows"], "exporting the flows"),
    ])
    func refusal(_ options: [String], request: String) async throws {
        try await withTemporaryDirectory("refusal") { directory in
            try SmallProgramme.write(into: directory, replacing: ["policy.yaml": Data(Self.weightedWithSideConstraint.utf8)])
            let arguments = ["match"] + SmallProgramme.inputArguments + ["--policy", "policy.yaml", "--out", "out"] + options
            let run = try await CLI.run(arguments, in: directory.url)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr == "error: \(request) needs the flow formulation, and this policy needs GLPK (a weighted "
                + "objective with side constraints, fractional weights, or a min_remote_share finer than one millionth); "
                + "solve it with the auto or glpk solver\n", "\(run)")
            #expect(directory.entries("") == ["mentees.csv", "mentors.csv", "places.csv", "policy.yaml"])
        }
    }
}
