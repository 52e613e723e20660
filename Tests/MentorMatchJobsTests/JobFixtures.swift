import Foundation
import Logging
@testable import MentorMatchJobs
import MentorMatchTestSupport
import Synchronization
import Testing

/// A job service over a fresh data folder, with workers running the built `mentormatch`, and the log lines it wrote.
struct ServiceFixture {
    let directory: URL
    let service: JobService
    let logs: LogRecorder

    static func started(
        workers: Int = 2, queueLimit: Int = 100, keepDays: Int = 30, memoryLimitBytes: Int = 4 << 30,
        directory: URL? = nil
    ) async throws -> ServiceFixture {
        let directory = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("MentorMatchJobsTests-\(UUID().uuidString)", isDirectory: true)
        let logs = LogRecorder()
        let configuration = JobService.Configuration(
            dataDirectory: directory, workers: workers, queueLimit: queueLimit, keepDays: keepDays,
            workerExecutable: try BuiltBinary.mentormatch.get(), workerMemoryLimitBytes: memoryLimitBytes,
            shutdownGrace: .seconds(1))
        let service = try JobService(configuration: configuration, logger: logs.logger)
        try await service.start()
        return ServiceFixture(directory: directory, service: service, logs: logs)
    }

    func stop(removingData: Bool = true) async {
        await service.shutdown()
        if removingData { try? FileManager.default.removeItem(at: directory) }
    }

    func jobFolder(_ id: String) -> URL { directory.appendingPathComponent("jobs/\(id)") }

    /// Polls until the job is final (or `timeout` passes, which fails the test).
    func finished(_ id: String, timeout: Duration = .seconds(120)) async throws -> JobRecord {
        try await waitFor(id, timeout: timeout) { $0.status.isFinal }
    }

    func waitFor(
        _ id: String, timeout: Duration = .seconds(120), until condition: (JobRecord) -> Bool
    ) async throws -> JobRecord {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let record = await service.job(id), condition(record) { return record }
            try await Task.sleep(for: .milliseconds(20))
        }
        let record = await service.job(id)
        Issue.record("job did not reach the state in time: \(String(describing: record))")
        throw FixtureError.timedOut
    }

    /// Polls until the pool has `count` workers again.
    func waitForWorkers(_ count: Int, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await service.statistics().workers == count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the pool did not get back to \(count) workers")
        throw FixtureError.timedOut
    }

    /// The pids of this service's worker processes whose working folder is the job's input (the worker runs a task
    /// in its input folder).
    func workerProcessIDs(runningJob id: String) -> [Int32] {
        let input = jobFolder(id).appendingPathComponent("input").standardizedFileURL.path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
            return cwd.map { URL(fileURLWithPath: $0).standardizedFileURL.path == input } ?? false
        }
    }
}

enum FixtureError: Error {
    case timedOut
    case cliFailed(String)
}

/// Input of the bundled Ogre 2024 scenario and generated populations, as request parts.
enum Inputs {
    static let ogre = BuiltBinary.packageRoot.appendingPathComponent("Scenarios/ogre-2024")

    static func ogreParts(policy: Bool = true) throws -> [String: Data] {
        var parts = [
            "mentors": try Data(contentsOf: ogre.appendingPathComponent("mentors.csv")),
            "mentees": try Data(contentsOf: ogre.appendingPathComponent("mentees.csv")),
            "places": try Data(contentsOf: ogre.appendingPathComponent("places.csv")),
        ]
        if policy { parts["policy"] = try Data(contentsOf: ogre.appendingPathComponent("policy.yaml")) }
        return parts
    }

    static func ogreMatching() throws -> JobRequest { JobRequest(kind: .matching, parts: try ogreParts()) }

    /// A generated population of `mentees` young people (`mentormatch generate`): 2,000 take seconds to match in a
    /// debug build, long enough to cancel or kill the job while it runs.
    static func generated(mentees: Int, timeLimitSeconds: Int? = nil) async throws -> JobRequest {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("generated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLIRun.run(["generate", "--mentees", String(mentees), "--out", folder.path])
        var parts: [String: Data] = [:]
        for name in ["mentors", "mentees", "places"] {
            parts[name] = try Data(contentsOf: folder.appendingPathComponent("\(name).csv"))
        }
        var policy = try String(contentsOf: folder.appendingPathComponent("policy.yaml"), encoding: .utf8)
        if let timeLimitSeconds {
            policy = policy.replacingOccurrences(of: "time_limit_seconds: 60", with: "time_limit_seconds: \(timeLimitSeconds)")
        }
        parts["policy"] = Data(policy.utf8)
        return JobRequest(kind: .matching, parts: parts)
    }
}

/// Runs the built `mentormatch` for the CLI's side of a comparison.
enum CLIRun {
    @discardableResult
    static func run(_ arguments: [String]) async throws -> Data {
        let process = Process()
        process.executableURL = try BuiltBinary.mentormatch.get()
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).out")
        try Data().write(to: output)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        try handle.close()
        guard process.terminationStatus == 0 else {
            throw FixtureError.cliFailed("mentormatch \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return try Data(contentsOf: output)
    }

    /// `mentormatch match` on the Ogre scenario: its output folder.
    static func ogreMatch(language: String = "en") async throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-match-\(UUID().uuidString)")
        try await run(["match"] + ogreInput + ["--out", out.path, "--lang", language])
        return out
    }

    static var ogreInput: [String] {
        ["--mentors", "mentors.csv", "--mentees", "mentees.csv", "--places", "places.csv", "--policy", "policy.yaml"]
            .enumerated().map { index, argument in
                index.isMultiple(of: 2) ? argument : Inputs.ogre.appendingPathComponent(argument).path
            }
    }
}

/// A swift-log handler that keeps every line, its metadata included, for the test that no personal data is logged.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "mentormatch.jobs.test") { _ in RecordingHandler(recorder: self) }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }
}

private struct RecordingHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        recorder.append("\(event.level) \(event.message) \(all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))")
    }
}

/// result.json without what differs from run to run: the seconds each stage and solve took.
func withoutTimes(_ json: Data) throws -> NSDictionary {
    func strip(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return dictionary.filter { $0.key != "seconds" && $0.key != "timings" }.mapValues(strip)
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }
    return try #require(strip(try JSONSerialization.jsonObject(with: json)) as? NSDictionary)
}
