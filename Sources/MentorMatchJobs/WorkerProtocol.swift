import Foundation
import MentorMatch

/// One line the supervisor writes to a worker's standard input: what to do, and where the input is.
struct WorkerTask: Sendable, Codable, Hashable {
    enum Action: String, Sendable, Codable {
        /// Run the job and write its result files into ``WorkerTask/outputDirectory``.
        case run
        /// Report the input's problems (`mentormatch validate`).
        case validate
        /// The `explain --format json` picture of ``WorkerTask/menteeID``.
        case explain
    }

    var action: Action
    var kind: JobKind
    /// The folder of the input parts, one file per part, named by the part.
    var inputDirectory: String
    /// Where ``Action/run`` puts its result files (the folder must not exist yet).
    var outputDirectory: String?
    var options: [String: String]
    var menteeID: String?
    /// For ``Action/run``: once the input has been read and checked, report ``WorkerEvent/validated`` and wait for a
    /// ``WorkerDecision`` line before solving (a submission is validated and solved in one round trip; its job is
    /// committed in between).
    var confirmsBeforeSolving: Bool?
}

/// The supervisor's answer to ``WorkerEvent/validated``.
struct WorkerDecision: Sendable, Codable, Hashable {
    /// Solve now; otherwise end the task with ``WorkerEvent/deferred`` (the job waits in the queue).
    var proceed: Bool
}

/// One line a worker writes to its standard output.
enum WorkerEvent: Sendable, Codable, Hashable {
    case stage(JobStage)
    case progress(JobProgress)
    /// The policy's time limit, known once the input is read.
    case timeLimit(seconds: Double)
    /// ``WorkerTask/Action/run`` finished: its result files are on disk.
    case succeeded(outputNames: [String])
    case failed(JobFailure)
    /// ``WorkerTask/Action/validate``'s answer.
    case issues([InputIssue])
    /// ``WorkerTask/Action/explain``'s answer.
    case explanation(Data)
    /// A ``WorkerTask/confirmsBeforeSolving`` run's input is valid; the worker waits for a ``WorkerDecision``.
    case validated
    /// The run was told not to proceed: its task ended without solving.
    case deferred

    /// Whether the worker is free again after this event.
    var endsTask: Bool {
        switch self {
        case .stage, .progress, .timeLimit, .validated: false
        case .succeeded, .failed, .issues, .explanation, .deferred: true
        }
    }
}

enum WorkerLine {
    static func encode(_ value: some Encodable) throws -> Data {
        var data = try JSONEncoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from line: Data) throws -> Value {
        try JSONDecoder().decode(type, from: line)
    }
}
