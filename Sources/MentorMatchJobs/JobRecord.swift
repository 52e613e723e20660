import Foundation
import MentorMatch

/// What a job computes: one of the engine's capabilities, run in a worker process.
public enum JobKind: String, Sendable, Codable, CaseIterable {
    case matching, schedule, plan, recruitment, suggestion
}

/// Where a job is in its life; `succeeded`, `failed` and `cancelled` are final.
public enum JobStatus: String, Sendable, Codable, CaseIterable {
    case queued, running, succeeded, failed, cancelled

    /// Whether the job will not change any more.
    public var isFinal: Bool { self == .succeeded || self == .failed || self == .cancelled }
}

/// The timed stage a running job is in (the stages of `MatchingResult.timings`).
public enum JobStage: String, Sendable, Codable, CaseIterable {
    case reading, candidates, model, solve, explanations, writing
}

/// What is known of a running job's progress; `nil` where the stage does not tell.
public struct JobProgress: Sendable, Codable, Hashable {
    /// Candidate pairs found so far (matching, suggestion).
    public var candidatePairs: Int?
    /// Independent parts solved so far, of ``partsTotal``.
    public var partsSolved: Int?
    public var partsTotal: Int?

    public init(candidatePairs: Int? = nil, partsSolved: Int? = nil, partsTotal: Int? = nil) {
        self.candidatePairs = candidatePairs
        self.partsSolved = partsSolved
        self.partsTotal = partsTotal
    }
}

/// Why a job failed, in words its submitter can act on.
public struct JobFailure: Sendable, Codable, Hashable {
    /// The raw values are the words the API and the store use.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The input has problems (``issues`` lists every one).
        case invalidInput = "invalid_input"
        /// The input is valid but there is no answer (side constraints, a target out of reach, a solver failure).
        case solverFailed = "solver_failed"
        /// The job ran past the policy's time limit (`time_limit_seconds`) and was stopped.
        case timeLimit = "time_limit"
        /// The job needed more memory than a worker may use and was stopped.
        case memoryLimit = "memory_limit"
        /// The worker process died while running the job (a trap or a kill).
        case workerCrashed = "worker_crashed"
        /// The job was started ``JobService/Configuration/maxAttempts`` times without finishing.
        case attemptsExhausted = "attempts_exhausted"
        /// MentorMatch broke one of its own invariants, or its data folder failed: a bug or an operator's problem.
        case `internal`
    }

    public var kind: Kind
    /// What went wrong and what to do; it may name rows, so it is never logged.
    public var message: String
    /// The input's problems for ``Kind/invalidInput`` (the issues `mentormatch validate` reports); empty otherwise.
    public var issues: [InputIssue]

    public init(kind: Kind, message: String, issues: [InputIssue] = []) {
        self.kind = kind
        self.message = message
        self.issues = issues
    }
}

/// A job as the store knows it.
public struct JobRecord: Sendable, Hashable {
    public var id: String
    public var kind: JobKind
    public var status: JobStatus
    /// The stage of a running job, or the last stage reached by a finished one.
    public var stage: JobStage?
    public var progress: JobProgress
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// How many times a worker started the job (a restart of the server during a run counts).
    public var attempts: Int
    public var failure: JobFailure?
    /// The result files of a succeeded job, such as `pairs.csv`, `result.json`, `calendars/M001.ics`,
    /// `calendars.zip`; read each with ``JobService/output(_:name:)``.
    public var outputNames: [String]

    public init(
        id: String, kind: JobKind, status: JobStatus, stage: JobStage? = nil, progress: JobProgress = JobProgress(),
        createdAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil, attempts: Int = 0,
        failure: JobFailure? = nil, outputNames: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.stage = stage
        self.progress = progress
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.failure = failure
        self.outputNames = outputNames
    }
}

/// A request as received: named input parts (bytes) and options, stored verbatim before ``JobService/submit(_:idempotencyKey:)``
/// returns.
///
/// Parts by kind (each optional part may be left out); an issue names a part by its name (`mentors, line 4`):
/// - matching and suggestion: `document` (a JSON input document) or `mentors`, `mentees`, `places` (CSV); optional
///   `policy` (YAML or JSON), `locks`, `current`, `previous`. Matching: option `skip_invalid` (`true`: invalid rows
///   are set aside into `rejected.csv`) `lang` (`lv`: also `result.lv.json`, reasons in Latvian, and `map.svg` in it) and
///   `mentors_sheet`, `mentees_sheet`, `places_sheet` (the sheet of a workbook part to read); suggestion: option `mentee` (the young person's id).
/// - schedule: the matching's parts, optional `pairs`, `unavailable`, `supervisor_slots`, and `sessions` (an earlier
///   `sessions.json`) with option `from`; options `start` and `months` or `end`, optional `sessions_per_month`,
///   `hours_per_month`, `session_minutes`, `group_size`, `programme_id`.
/// - plan: `scenario` (YAML) and the files it names, each as a part named by the file name the scenario gives;
///   option `simulate` (`true`).
/// - recruitment: the matching's parts and `profiles` (options `target` or `remote_parishes` `true`, and/or
///   `max_recruits`; `training_cost`), or `applicants` with option `accept`; option `title` heads the chart.
///
/// Results: matching `pairs.csv`, `unmatched.csv`, `alternatives.csv`, `result.json` (`changes.csv` with current
/// pairs, `rejected.csv` with `skip_invalid`); suggestion `suggestions.json`; schedule `sessions.json`,
/// `sessions.csv`, `shortfalls.csv`, `calendars/*.ics`, `calendars.zip`; plan and recruitment the files of
/// `mentormatch plan` and `mentormatch recruit`.
public struct JobRequest: Sendable, Hashable {
    public var kind: JobKind
    public var parts: [String: Data]
    public var options: [String: String]

    public init(kind: JobKind, parts: [String: Data], options: [String: String] = [:]) {
        self.kind = kind
        self.parts = parts
        self.options = options
    }
}

/// Why a request was not accepted as a job.
public enum JobSubmissionError: Error, Sendable, Hashable {
    /// The queue holds ``JobService/Configuration/queueLimit`` jobs; try again after about this many seconds.
    case queueFull(retryAfterSeconds: Int)
    /// The idempotency key was used before with another request.
    case idempotencyConflict
    /// The service is stopping and accepts no more jobs.
    case shuttingDown
    /// The request names a part or option this kind does not read (nothing was stored).
    case unknownPart(String)
    /// The job's input could not be stored (disk full, data folder not writable); nothing was accepted.
    case storeFailed(String)
}

/// What ``JobService/remove(_:)`` did.
/// What ``JobService/submitValidated(_:idempotencyKey:)`` came to.
public enum JobAdmission: Sendable, Hashable {
    /// Stored (`created`), or the job an earlier request with the same idempotency key stored.
    case accepted(JobRecord, created: Bool)
    /// Nothing was stored: the input's problems, as ``JobService/validate(_:)`` reports them.
    case invalid([InputIssue])
}

public enum JobRemoval: Sendable, Hashable {
    /// A queued or running job was stopped; its status is `cancelled`.
    case cancelled
    /// A finished job's input, output and record were deleted.
    case erased
    /// No job has this id.
    case notFound
}

/// Counts for `/metrics` and `/readyz`.
public struct JobStatistics: Sendable, Hashable {
    /// Jobs in the store by status.
    public var jobsByStatus: [JobStatus: Int]
    /// Jobs waiting for a worker.
    public var queueDepth: Int
    /// Jobs running now.
    public var running: Int
    /// Worker processes alive.
    public var workers: Int
    /// Seconds spent in workers by the jobs that finished since the service started (a Prometheus counter).
    public var runSecondsTotal: Double
    /// Jobs that finished since the service started.
    public var runsFinished: Int

    public init(
        jobsByStatus: [JobStatus: Int], queueDepth: Int, running: Int, workers: Int, runSecondsTotal: Double,
        runsFinished: Int
    ) {
        self.jobsByStatus = jobsByStatus
        self.queueDepth = queueDepth
        self.running = running
        self.workers = workers
        self.runSecondsTotal = runSecondsTotal
        self.runsFinished = runsFinished
    }
}
