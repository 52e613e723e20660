import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MentorMatch
import MentorMatchJobs
@testable import MentorMatchServer
import Synchronization
import SyntheticPopulation
import Testing

/// A real job service (worker processes of the built `mentormatch`) in a temporary data folder, behind the real
/// router, with every log line kept so that tests can read what the server logged.
struct ServerHarness {
    var maxBodyBytes = 32 * 1024 * 1024
    var token: String?
    var workers = 2
    var queueLimit = 100

    func run<Value>(
        _ testing: TestingSetup = .router,
        _ body: @Sendable (any TestClientProtocol, JobService, LogRecorder) async throws -> Value
    ) async throws -> Value {
        let dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("MentorMatchServerTests-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let recorder = LogRecorder()
        let logger = Logger(label: "mentormatch-test") { _ in recorder.handler() }
        let configuration = APIServer.Configuration(
            host: "127.0.0.1", port: 0, token: token, maxBodyBytes: maxBodyBytes,
            jobs: JobService.Configuration(
                dataDirectory: dataDirectory, workers: workers, queueLimit: queueLimit,
                workerExecutable: try Self.binary(), shutdownGrace: .seconds(2)
            )
        )
        let jobs = try JobService(configuration: configuration.jobs, logger: logger)
        try await jobs.start()
        let app = try APIServer.buildApplication(configuration, jobs: jobs, services: [JobServiceRunner(jobs: jobs)],
                                                 logger: logger)
        return try await app.test(testing) { client in
            try await body(client, jobs, recorder)
        }
    }

    /// The built `mentormatch`, next to the test bundle (`swift build` and `swift test` put both in one folder).
    static func binary() throws -> URL {
        var candidates = Bundle.allBundles.filter { $0.bundleURL.pathExtension == "xctest" }
            .map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("mentormatch") }
        if let explicit = ProcessInfo.processInfo.environment["MENTORMATCH_BINARY"] {
            candidates.insert(URL(fileURLWithPath: explicit), at: 0)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/mentormatch"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw HarnessError(description: "mentormatch is not built; run swift build (searched \(candidates.map(\.path)))")
        }
        return found
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

/// Every log line of a run, with its metadata, as text.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func handler() -> some LogHandler { RecordingLogHandler(recorder: self) }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }
}

private struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    // What `mentormatch serve` logs at.
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorder.append("\(event.level) \(event.message) \(fields) \(event.source) \(event.file)")
    }
}

/// Realistic inputs: synthetic, pseudonymous programmes as the generator makes them for the scenarios.
enum Inputs {
    /// An Ogre-size programme (the 2024 preset) as the JSON input document.
    static let ogre: MatchingInput = PopulationGenerator(seed: 7).generate(.ogre2024)

    static func document(_ input: MatchingInput = ogre) throws -> Data {
        try InputDocument(input: input).encoded()
    }

    /// A programme large enough that its job is still queued or running right after it is accepted.
    static func large() throws -> Data {
        try document(PopulationGenerator(seed: 11).generateScaled(mentees: 6000, mentors: 2400))
    }

    /// The document with one value replaced by JSON text, found by its JSON path such as `mentors.0.capacity`.
    static func replacing(_ path: [String], with value: Any, in data: Data) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object = try replaced(path[...], with: value, in: object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    private static func replaced(_ path: ArraySlice<String>, with value: Any, in object: Any) throws -> [String: Any] {
        var dictionary = try #require(object as? [String: Any])
        guard let key = path.first else { return dictionary }
        if path.count == 1 {
            dictionary[key] = value
            return dictionary
        }
        var array = try #require(dictionary[key] as? [Any])
        let index = try #require(Int(path[path.startIndex + 1]))
        array[index] = try replaced(path.dropFirst(2), with: value, in: array[index])
        dictionary[key] = array
        return dictionary
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
    }
}

extension HTTPFields {
    static func json(token: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let token { fields[.authorization] = "Bearer \(token)" }
        return fields
    }
}
