import Foundation
import MentorMatch
import MentorMatchTestSupport
import Testing

/// What one run of the `mentormatch` binary did.
struct CLIRun: Sendable, CustomStringConvertible {
    var arguments: [String]
    /// The exit status; a death by signal is reported as 128 + the signal, as shells do, so that a crash
    /// (SIGILL is 4 on Linux) is never mistaken for a documented exit code.
    var exitCode: Int32
    var stdoutData: Data
    var stderrData: Data

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }

    var description: String {
        "mentormatch \(arguments.joined(separator: " ")) exited \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

enum CLIRunnerError: Error, CustomStringConvertible {
    case binaryNotFound(searched: [String])
    case timedOut(arguments: [String], seconds: Double)

    var description: String {
        switch self {
        case .binaryNotFound(let searched):
            "the mentormatch binary was not found; run `swift build` first (searched: \(searched.joined(separator: ", ")))"
        case .timedOut(let arguments, let seconds):
            "mentormatch \(arguments.joined(separator: " ")) did not finish within \(seconds) s and was terminated"
        }
    }
}

/// Runs the built `mentormatch` executable, as swift-argument-parser's example tests do.
enum CLI {
    /// The package root.
    static var packageRoot: URL { BuiltBinary.packageRoot }

    /// The bundled scenarios' directory.
    static var scenarios: URL { packageRoot.appendingPathComponent("Scenarios") }

    /// The executable, located once.
    static let binary: Result<URL, CLIRunnerError> = BuiltBinary.mentormatch.mapError { .binaryNotFound(searched: $0.searched) }

    /// Runs `mentormatch arguments…` in `directory` and returns its exit code and output.
    ///
    /// Output goes to files rather than pipes, so a large `--format json` cannot fill a pipe and block the child.
    /// - Throws: ``CLIRunnerError`` when the binary is missing or the run exceeds `timeout`.
    static func run(
        _ arguments: [String], in directory: URL, timeout: Duration = .seconds(20)
    ) async throws -> CLIRun {
        let executable = try binary.get()
        let capture = try TemporaryDirectory(label: "capture")
        defer { capture.remove() }
        let stdoutURL = capture.url.appendingPathComponent("stdout")
        let stderrURL = capture.url.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        try process.run()

        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                process.waitUntilExit()
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
                throw CLIRunnerError.timedOut(arguments: arguments, seconds: seconds)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        process.waitUntilExit()
        let status = process.terminationStatus
        let exitCode = process.terminationReason == .exit ? status : 128 + status
        if exitCode == 0 { try keepJSONOutput(of: arguments, in: directory) }
        return CLIRun(
            arguments: arguments,
            exitCode: exitCode,
            stdoutData: try Data(contentsOf: stdoutURL),
            stderrData: try Data(contentsOf: stderrURL)
        )
    }

    /// Where every JSON file a successful run wrote into its `--out` is copied, for `make test`'s schema check
    /// (`Tests/SchemaCheck`), which validates exactly the files these tests produced.
    static let testOutput = packageRoot.appendingPathComponent(".build/test-output/cli")

    /// The JSON files whose schemas live in `Sources/MentorMatchFormats/Schemas`.
    static let checkedJSONFiles = ["result.json", "plan.json", "sessions.json"]

    private static func keepJSONOutput(of arguments: [String], in directory: URL) throws {
        guard let flag = arguments.firstIndex(of: "--out"), arguments.indices.contains(flag + 1) else { return }
        let out = URL(fileURLWithPath: arguments[flag + 1], relativeTo: directory)
        let manager = FileManager.default
        let written = checkedJSONFiles.filter { manager.fileExists(atPath: out.appendingPathComponent($0).path) }
        guard !written.isEmpty else { return }
        let kept = testOutput.appendingPathComponent("\(arguments.first ?? "run")-\(UUID().uuidString)")
        try manager.createDirectory(at: kept, withIntermediateDirectories: true)
        for name in written {
            try manager.copyItem(at: out.appendingPathComponent(name), to: kept.appendingPathComponent(name))
        }
        try Data((arguments.joined(separator: " ") + "\n").utf8).write(to: kept.appendingPathComponent("arguments.txt"))
    }
}

/// A fresh directory under the system's temporary directory; call ``remove()`` when done.
struct TemporaryDirectory: Sendable {
    let url: URL

    init(label: String = "run") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("MentorMatchCLITests-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ text: String, to name: String) throws {
        try write(Data(text.utf8), to: name)
    }

    func write(_ data: Data, to name: String) throws {
        let target = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
    }

    func read(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }

    func text(_ name: String) throws -> String { String(decoding: try read(name), as: UTF8.self) }

    /// Every entry of `name`, hidden ones included (a left-over staging directory counts); empty when it is missing.
    func entries(_ name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(name))) ?? []).sorted()
    }
}

/// Runs `body` with a fresh temporary directory and removes it afterwards.
func withTemporaryDirectory<T>(
    _ label: String = "run", _ body: (TemporaryDirectory) async throws -> T
) async throws -> T {
    let directory = try TemporaryDirectory(label: label)
    defer { directory.remove() }
    return try await body(directory)
}
