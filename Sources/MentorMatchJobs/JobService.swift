import Foundation
import Logging
import MentorMatch

/// The job service behind `mentormatch serve`: accepts requests into a durable store, runs them in a supervised
/// pool of `mentormatch worker` processes, and keeps their results until they are erased or expire.
public actor JobService {
    public struct Configuration: Sendable {
        /// The folder of the store (`jobs.sqlite`) and of every job's input and output.
        public var dataDirectory: URL
        /// Worker processes kept warm (at least 1).
        public var workers: Int
        /// Jobs that may wait for a worker; one more is refused with ``JobSubmissionError/queueFull(retryAfterSeconds:)``.
        public var queueLimit: Int
        /// Finished jobs and their files are deleted this many days after they finished.
        public var keepDays: Int
        /// The `mentormatch` executable started as `mentormatch worker`.
        public var workerExecutable: URL
        /// The address space a worker may use (RLIMIT_AS); a job that needs more fails with ``JobFailure/Kind/memoryLimit``.
        public var workerMemoryLimitBytes: Int
        /// A job whose worker died this many times is failed with ``JobFailure/Kind/attemptsExhausted``.
        public var maxAttempts: Int
        /// How long ``shutdown()`` lets running jobs finish before they are stopped and left queued for the next start.
        public var shutdownGrace: Duration

        public init(
            dataDirectory: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount, queueLimit: Int = 100,
            keepDays: Int = 30, workerExecutable: URL, workerMemoryLimitBytes: Int = 4 << 30, maxAttempts: Int = 3,
            shutdownGrace: Duration = .seconds(10)
        ) {
            self.dataDirectory = dataDirectory
            self.workers = workers
            self.queueLimit = queueLimit
            self.keepDays = keepDays
            self.workerExecutable = workerExecutable
            self.workerMemoryLimitBytes = workerMemoryLimitBytes
            self.maxAttempts = maxAttempts
            self.shutdownGrace = shutdownGrace
        }
    }

    public let configuration: Configuration
    private let logger: Logger

    public init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens (and migrates) the store, re-queues the jobs a dead server left running, and starts the workers.
    public func start() async throws {}

    /// Runs until ``shutdown()``: a swift-service-lifecycle `Service` body.
    public func run() async throws {}

    /// Stores the request and queues it. With an idempotency key, a repeat of the same request returns the
    /// existing job (`created` false).
    public func submit(
        _ request: JobRequest, idempotencyKey: String?
    ) async throws(JobSubmissionError) -> (JobRecord, created: Bool) {
        throw .shuttingDown
    }

    /// The job, or `nil` when no job has this id.
    public func job(_ id: String) async -> JobRecord? { nil }

    /// A result file of a succeeded job (a name of ``JobRecord/outputNames``).
    public func output(_ id: String, name: String) async -> Data? { nil }

    /// Cancels a queued or running job; erases a finished one.
    public func remove(_ id: String) async -> JobRemoval { .notFound }

    /// Every change of the job (status, stage, progress), starting with its state now; finishes after a final status.
    public func updates(_ id: String) -> AsyncStream<JobRecord> { AsyncStream { $0.finish() } }

    /// The `mentormatch explain --format json` picture of one young person in a succeeded matching; `nil` when the
    /// job is not a succeeded matching.
    /// - Throws: ``JobExplainError``.
    public func explain(_ id: String, menteeID: String) async throws(JobExplainError) -> Data? { nil }

    /// The problems `mentormatch validate` finds in the request's input (none when it can be solved).
    public func validate(_ request: JobRequest) async -> [InputIssue] { [] }

    /// Whether the store is open and the workers run.
    public var isReady: Bool { false }

    public func statistics() -> JobStatistics {
        JobStatistics(jobsByStatus: [:], queueDepth: 0, running: 0, workers: 0, runSecondsTotal: 0, runsFinished: 0)
    }

    /// Stops accepting jobs, lets running ones finish for ``Configuration/shutdownGrace``, then stops the workers;
    /// unfinished jobs stay queued for the next start.
    public func shutdown() async {}
}

/// Why an explanation could not be given.
public enum JobExplainError: Error, Sendable, Hashable {
    /// The matching has no young person with this id.
    case unknownMentee
    /// The worker failed to compute it (the message says why).
    case failed(JobFailure)
}
