import Foundation
import MentorMatch
import Testing

#if canImport(Glibc)
import Glibc
#endif

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

/// A crash (here a SIGSEGV sent while a run reads its input) prints one fixed sentence, not the Swift runtime's crash
/// report with register and memory dumps that can hold a person's name, and still dies by the signal.
@Suite("crash reports")
struct CrashReportTests {
    @Test("SIGSEGV and SIGILL: one sentence without data, no register dump, death by the signal", arguments: [SIGSEGV, SIGILL])
    func crashPrintsNoData(_ signal: Int32) async throws {
        try await withTemporaryDirectory("crash") { directory in
            let generated = try await CLI.run(["generate", "--mentees", "10000", "--seed", "4", "--out", "input"], in: directory.url,
                                              timeout: .seconds(120))
            try #require(generated.exitCode == 0, "\(generated)")
            let process = Process()
            process.executableURL = try CLI.binary.get()
            process.arguments = ["match", "--mentors", "input/mentors.csv", "--mentees", "input/mentees.csv",
                                 "--places", "input/places.csv", "--out", "out"]
            process.currentDirectoryURL = directory.url
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "SWIFT_BACKTRACE" }
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            try await Task.sleep(for: .milliseconds(300))
            kill(process.processIdentifier, signal)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "\(stderr)")
            #expect(process.terminationStatus == signal)
            #expect(stderr.contains("mentormatch stopped on an internal error (a bug)"), "\(stderr)")
            #expect(!stderr.contains("Registers") && !stderr.contains("Backtrac") && !stderr.contains("Y0001"), "\(stderr)")
        }
    }
}
