import Foundation
import Logging
import MentorMatch

/// The job service behind `mentormatch serve`: accepts requests into a durable store, runs them in a supervised
/// pool of `mentormatch worker` processes, and keeps their results until they are erased or expire.
///
/// Nothing accepted is lost: a request's record and input parts are committed in one transaction before
/// ``submit(_:idempotencyKey:)`` returns; a job's result files are on disk before its `succeeded` status is committed; a job found `running` at
/// ``start()`` (the server died) is run again, at most ``Configuration/maxAttempts`` times in all.
///
/// A worker that dies takes only its own job with it. Its job is then, by cause:
/// - cancelled (``remove(_:)``): `cancelled`;
/// - past the policy's time limit (the worker is killed): `failed` with ``JobFailure/Kind/timeLimit``;
/// - out of memory under ``Configuration/workerMemoryLimitBytes``: `failed` with ``JobFailure/Kind/memoryLimit``
///   (the same input would fail again);
/// - killed from outside (SIGKILL: an operator, the kernel's OOM killer): queued again, since the job was not at
///   fault, until its attempts are used up (``JobFailure/Kind/attemptsExhausted``);
/// - any other death (a trap in the engine): `failed` with ``JobFailure/Kind/workerCrashed``, not retried (the
///   same input would trap again).
///
/// Logs carry kinds, statuses, counts and durations only: no job id, no input, no reason.
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

        /// The executable of this process (`/proc/self/exe`): `mentormatch serve` starts its workers from itself.
        public static var runningExecutable: URL {
            let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            return URL(fileURLWithPath: path)
        }

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
    private var store: JobStore?
    private var accepting = false
    private var stopping = false
    private var stopped = false
    /// Queued and running jobs: the store's record, with the live stage and progress.
    private var active: [String: JobStore.StoredJob] = [:]
    /// Queued job ids, oldest first.
    private var queue: [String] = []
    private var slots: [Int: Slot] = [:]
    private var nextSlotID = 0
    /// Validations and explanations waiting for a worker (served before queued jobs: a person waits for them).
    private var waiting: [EphemeralTask] = []
    /// Submissions waiting for a worker to check their input and, when nothing is queued, to solve them at once.
    private var admissions: [Admission] = []
    private var subscribers: [String: [UUID: AsyncStream<JobRecord>.Continuation]] = [:]
    private var runSecondsTotal = 0.0
    private var runsFinished = 0
    private var lastRetentionSweep = Date.distantPast

    /// A worker process and what it is doing.
    private struct Slot {
        let worker: WorkerProcess
        let startedAt: ContinuousClock.Instant
        var assignment: Assignment?
    }

    private struct Assignment {
        enum Work {
            case job(id: String)
            case ephemeral(EphemeralTask)
            /// A submission checked and solved in one run (``JobService/submitValidated(_:idempotencyKey:)``),
            /// answered once its input is found valid and its job committed, or invalid.
            case admission(Admission)
            /// An admission answered without solving: its worker is ending the task (``WorkerEvent/deferred``).
            case deferring
        }

        var work: Work
        var token = UUID()
        var startedAt = ContinuousClock.now
        var deadline: Task<Void, Never>?
        /// Why the service killed the worker, when it did.
        var stop: StopReason?
    }

    private enum StopReason {
        case cancelled
        case timeLimit(seconds: Double)
        case shutdown
    }

    private struct EphemeralTask {
        var task: WorkerTask
        var continuation: CheckedContinuation<WorkerEvent, Never>
    }

    private struct Admission {
        var job: JobStore.StoredJob
        var request: JobRequest
        var task: WorkerTask
        var continuation: CheckedContinuation<Result<JobAdmission, JobSubmissionError>, Never>
    }

    public init(configuration: Configuration, logger: Logger) throws {
        guard configuration.workers >= 1, configuration.queueLimit >= 1, configuration.keepDays >= 0,
            configuration.maxAttempts >= 1, configuration.workerMemoryLimitBytes > 0
        else {
            throw JobServiceError.invalidConfiguration(
                "workers, queue limit and attempts must be at least 1, keep-days at least 0, the memory limit above 0")
        }
        self.configuration = configuration
        self.logger = logger
    }

    // MARK: - Paths

    private var jobsFolder: URL { configuration.dataDirectory.appendingPathComponent("jobs", isDirectory: true) }
    private var stagingFolder: URL { configuration.dataDirectory.appendingPathComponent("staging", isDirectory: true) }
    private func folder(of id: String) -> URL { jobsFolder.appendingPathComponent(id, isDirectory: true) }
    private func inputFolder(of id: String) -> URL { folder(of: id).appendingPathComponent("input", isDirectory: true) }
    private func outputFolder(of id: String) -> URL { folder(of: id).appendingPathComponent("output", isDirectory: true) }

    // MARK: - Life cycle

    /// Opens (and migrates) the store, re-queues the jobs a dead server left running, deletes expired jobs and
    /// leftovers of interrupted writes, and starts the workers.
    public func start() async throws {
        guard store == nil else { return }
        // A worker that dies while the service writes to it must not take the server with it.
        signal(SIGPIPE, SIG_IGN)
        let manager = FileManager.default
        try manager.createDirectory(at: jobsFolder, withIntermediateDirectories: true)
        // The jobs hold people's data: the data folder is the server's user's alone.
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: configuration.dataDirectory.path)
        try? manager.removeItem(at: stagingFolder)
        try manager.createDirectory(at: stagingFolder, withIntermediateDirectories: true)
        let store = try JobStore(path: configuration.dataDirectory.appendingPathComponent("jobs.sqlite").path)
        self.store = store
        var requeued = 0
        var exhausted = 0
        for var job in try store.jobs(withStatus: [.running]) {
            if job.record.attempts >= configuration.maxAttempts {
                job.record.status = .failed
                job.record.finishedAt = Date()
                job.record.failure = JobFailure(
                    kind: .attemptsExhausted,
                    message: "the job was started \(job.record.attempts) times and the server stopped each time before "
                        + "it finished; submit it again with a smaller input, or ask the operator to check the server")
                exhausted += 1
            } else {
                job.record.status = .queued
                requeued += 1
            }
            job.record.stage = nil
            job.record.progress = JobProgress()
            try store.update(job.record)
        }
        for job in try store.jobs(withStatus: [.queued]) {
            active[job.record.id] = job
            queue.append(job.record.id)
        }
        // A folder without a record belongs to a job erased while the server died. The input copies of the others
        // are written again from the store when needed (a power cut may have left them damaged).
        let known = try store.allIDs()
        for name in (try? manager.contentsOfDirectory(atPath: jobsFolder.path)) ?? [] {
            let folder = jobsFolder.appendingPathComponent(name)
            try? manager.removeItem(at: known.contains(name) ? folder.appendingPathComponent("input") : folder)
        }
        deleteExpiredJobs(asOf: Date())
        logger.info("job store open", metadata: [
            "queued": "\(queue.count)", "requeued": "\(requeued)", "attempts_exhausted": "\(exhausted)",
        ])
        for _ in 0..<configuration.workers { spawnWorker() }
        accepting = true
        dispatch()
    }

    /// Runs until ``shutdown()`` (or until its task is cancelled, which shuts down): a swift-service-lifecycle
    /// `Service` body. Deletes expired jobs every hour.
    public func run() async throws {
        while !stopped {
            if Task.isCancelled {
                await shutdown()
                return
            }
            try? await Task.sleep(for: .seconds(1))
            if Date().timeIntervalSince(lastRetentionSweep) >= 3600 { deleteExpiredJobs(asOf: Date()) }
        }
    }

    /// Stops accepting jobs, lets running ones finish for ``Configuration/shutdownGrace``, then stops the workers;
    /// unfinished jobs stay queued for the next start.
    public func shutdown() async {
        guard !stopping else {
            while !stopped { try? await Task.sleep(for: .milliseconds(20)) }
            return
        }
        accepting = false
        stopping = true
        let graceEnd = ContinuousClock.now + configuration.shutdownGrace
        while slots.values.contains(where: { $0.assignment != nil }), ContinuousClock.now < graceEnd {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for (id, slot) in slots {
            if slot.assignment != nil {
                if slot.assignment?.stop == nil { slots[id]?.assignment?.stop = .shutdown }
                slot.worker.kill()
            } else {
                slot.worker.close()
            }
        }
        for ephemeral in waiting {
            ephemeral.continuation.resume(returning: .failed(JobFailure(kind: .internal, message: "the server is shutting down")))
        }
        waiting = []
        for admission in admissions { answer(admission, with: .failure(.shuttingDown)) }
        admissions = []
        let exitEnd = ContinuousClock.now + .seconds(10)
        while !slots.isEmpty, ContinuousClock.now < exitEnd { try? await Task.sleep(for: .milliseconds(20)) }
        for slot in slots.values { slot.worker.kill() }
        for continuations in subscribers.values { for continuation in continuations.values { continuation.finish() } }
        subscribers = [:]
        stopped = true
        logger.info("job service stopped", metadata: ["queued": "\(queue.count)"])
    }

    /// Whether the store is open, jobs are accepted and at least one worker runs.
    public var isReady: Bool { store != nil && accepting && !slots.isEmpty }

    public func statistics() -> JobStatistics {
        JobStatistics(
            jobsByStatus: (try? store?.countsByStatus()) ?? [:], queueDepth: queue.count,
            running: slots.values.count { if case .job = $0.assignment?.work { true } else { false } },
            workers: slots.count, runSecondsTotal: runSecondsTotal, runsFinished: runsFinished)
    }

    // MARK: - Jobs

    /// Stores the request and queues it. With an idempotency key, a repeat of the same request (same kind, parts and
    /// options, byte for byte) returns the existing job (`created` false); another request with the key is refused.
    public func submit(
        _ request: JobRequest, idempotencyKey: String?
    ) async throws(JobSubmissionError) -> (JobRecord, created: Bool) {
        guard accepting, let store else { throw .shuttingDown }
        if let name = JobParts.unknownName(in: request) { throw .unknownPart(name) }
        if let existing = try existingJob(for: request, idempotencyKey: idempotencyKey) { return (existing, false) }
        guard queue.count < configuration.queueLimit else { throw .queueFull(retryAfterSeconds: retryAfterSeconds()) }
        let job = newJob(request, idempotencyKey: idempotencyKey)
        let id = job.record.id
        do {
            try store.insert(job, parts: request.parts)
        } catch {
            logger.error("a job could not be stored", metadata: ["kind": "\(request.kind.rawValue)"])
            throw .storeFailed("the job's input could not be stored in the data folder (\(error))")
        }
        // The copy the worker reads; written again from the store if it is missing.
        try? writeInputFolder(id, parts: request.parts)
        active[id] = job
        queue.append(id)
        logger.info("job accepted", metadata: ["kind": "\(request.kind.rawValue)", "queued": "\(queue.count)"])
        dispatch()
        return (job.record, true)
    }

    /// Checks the request's input as ``validate(_:)`` does and, when it is valid, stores and queues it as
    /// ``submit(_:idempotencyKey:)`` does, in one run of a worker: the worker reads and checks the input, the job is
    /// committed (its input before this returns), and the same worker goes on to solve it when no job is queued
    /// before it (otherwise the job waits in the queue). Invalid input stores nothing and answers its issues.
    public func submitValidated(
        _ request: JobRequest, idempotencyKey: String?
    ) async throws(JobSubmissionError) -> JobAdmission {
        guard accepting, store != nil else { throw .shuttingDown }
        if let name = JobParts.unknownName(in: request) { throw .unknownPart(name) }
        if let existing = try existingJob(for: request, idempotencyKey: idempotencyKey) {
            return .accepted(existing, created: false)
        }
        guard queue.count < configuration.queueLimit else { throw .queueFull(retryAfterSeconds: retryAfterSeconds()) }
        let job = newJob(request, idempotencyKey: idempotencyKey)
        let id = job.record.id
        do {
            try writeInputFolder(id, parts: request.parts)
        } catch {
            try? FileManager.default.removeItem(at: folder(of: id))
            throw .storeFailed("the job's input could not be written into the data folder (\(error))")
        }
        let task = WorkerTask(
            action: .run, kind: request.kind, inputDirectory: inputFolder(of: id).path,
            outputDirectory: outputFolder(of: id).path, options: request.options, confirmsBeforeSolving: true)
        let outcome = await withCheckedContinuation { continuation in
            admissions.append(Admission(job: job, request: request, task: task, continuation: continuation))
            dispatch()
        }
        return try outcome.get()
    }

    /// The job, or `nil` when no job has this id.
    public func job(_ id: String) async -> JobRecord? { record(id) }

    /// A result file of a succeeded job (a name of ``JobRecord/outputNames``).
    public func output(_ id: String, name: String) async -> Data? {
        guard let record = record(id), record.status == .succeeded, record.outputNames.contains(name) else { return nil }
        return try? Data(contentsOf: outputFolder(of: id).appendingPathComponent(name))
    }

    /// Cancels a queued or running job (a running job's worker is killed at once and replaced); erases a finished
    /// job's input, output and record.
    public func remove(_ id: String) async -> JobRemoval {
        if var job = active[id] {
            if let index = queue.firstIndex(of: id) { queue.remove(at: index) }
            if let slotID = slotRunning(id) {
                slots[slotID]?.assignment?.stop = .cancelled
                slots[slotID]?.worker.kill()
            }
            job.record.status = .cancelled
            job.record.finishedAt = Date()
            finish(job)
            return .cancelled
        }
        guard let store, (try? store.job(id: id)) ?? nil != nil else { return .notFound }
        erase(id)
        return .erased
    }

    /// Every change of the job (status, stage, progress), starting with its state now; finishes after a final status
    /// (at once for a finished or unknown job).
    public func updates(_ id: String) -> AsyncStream<JobRecord> {
        let (stream, continuation) = AsyncStream.makeStream(of: JobRecord.self)
        guard let record = record(id) else {
            continuation.finish()
            return stream
        }
        continuation.yield(record)
        guard !record.status.isFinal, !stopped else {
            continuation.finish()
            return stream
        }
        let token = UUID()
        subscribers[id, default: [:]][token] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id, token: token) }
        }
        return stream
    }

    /// The `mentormatch explain --format json` picture of one young person in a succeeded matching, computed in a
    /// worker; `nil` when the job is not a succeeded matching.
    /// - Throws: ``JobExplainError``.
    public func explain(_ id: String, menteeID: String) async throws(JobExplainError) -> Data? {
        guard let record = record(id), record.kind == .matching, record.status == .succeeded,
            let stored = try? store?.job(id: id)
        else { return nil }
        guard inputFolderReady(id) else {
            throw .failed(JobFailure(kind: .internal, message: "the job's input could not be read from the data folder"))
        }
        let answer = await runEphemeral(WorkerTask(
            action: .explain, kind: .matching, inputDirectory: inputFolder(of: id).path, options: stored.options,
            menteeID: menteeID))
        switch answer {
        case .explanation(let data): return data
        case .failed(let failure) where failure.kind == .invalidInput: throw .unknownMentee
        case .failed(let failure): throw .failed(failure)
        default: throw .failed(JobFailure(kind: .internal, message: "the worker answered an explanation with another event"))
        }
    }

    /// The problems `mentormatch validate` finds in the request's input (none when it can be run), checked in a
    /// worker.
    public func validate(_ request: JobRequest) async -> [InputIssue] {
        if let name = JobParts.unknownName(in: request) {
            return [InputIssue(source: name, problem: "a \(request.kind.rawValue) does not read '\(InputText.excerpt(name))'",
                               fix: "leave it out, or check its name")]
        }
        guard accepting else {
            return [InputIssue(source: "server", problem: "the server is shutting down", fix: "try again once it is back")]
        }
        let folder = stagingFolder.appendingPathComponent("validate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, data) in request.parts { try data.write(to: folder.appendingPathComponent(name)) }
        } catch {
            return [InputIssue(source: "server", problem: "the input could not be stored for checking",
                               fix: "try again; if it persists, the server's data folder is full or not writable")]
        }
        let answer = await runEphemeral(WorkerTask(
            action: .validate, kind: request.kind, inputDirectory: folder.path, options: request.options))
        switch answer {
        case .issues(let issues): return issues
        case .failed(let failure): return Self.issues(of: failure)
        default: return []
        }
    }

    /// A failed check's issues as validate reports them: the input's own, or the failure as one issue.
    private static func issues(of failure: JobFailure) -> [InputIssue] {
        guard failure.issues.isEmpty else { return failure.issues }
        return [InputIssue(source: "input", problem: failure.message, fix: "check the input, or split it into smaller files")]
    }

    /// Deletes the jobs that finished more than ``Configuration/keepDays`` before `date`, with their files.
    func deleteExpiredJobs(asOf date: Date) {
        lastRetentionSweep = date
        guard let store else { return }
        let limit = date.addingTimeInterval(-Double(configuration.keepDays) * 86_400)
        let expired = (try? store.finishedJobIDs(before: limit)) ?? []
        for id in expired { erase(id) }
        if !expired.isEmpty { logger.info("expired jobs deleted", metadata: ["count": "\(expired.count)"]) }
    }

    // MARK: - Records

    private func record(_ id: String) -> JobRecord? {
        active[id]?.record ?? (try? store?.job(id: id))??.record
    }

    /// The job stored under the idempotency key, when the request repeats it.
    /// - Throws: ``JobSubmissionError/idempotencyConflict`` when another request has the key.
    private func existingJob(for request: JobRequest, idempotencyKey: String?) throws(JobSubmissionError) -> JobRecord? {
        guard let idempotencyKey, let store else { return nil }
        let existing: JobStore.StoredJob?
        do {
            existing = try store.job(idempotencyKey: idempotencyKey)
        } catch {
            throw .storeFailed("the job store cannot be read (\(error))")
        }
        guard let existing else { return nil }
        guard isSame(request, as: existing) else { throw .idempotencyConflict }
        return active[existing.record.id]?.record ?? existing.record
    }

    private func newJob(_ request: JobRequest, idempotencyKey: String?) -> JobStore.StoredJob {
        JobStore.StoredJob(
            record: JobRecord(id: UUID().uuidString.lowercased(), kind: request.kind, status: .queued, createdAt: Date()),
            options: request.options, partNames: request.parts.keys.sorted(), idempotencyKey: idempotencyKey)
    }

    private func isSame(_ request: JobRequest, as stored: JobStore.StoredJob) -> Bool {
        guard request.kind == stored.record.kind, request.options == stored.options,
            request.parts.keys.sorted() == stored.partNames
        else { return false }
        return (try? store?.parts(of: stored.record.id)) == request.parts
    }

    /// Writes the worker's copy of a job's input (complete or absent even if the server is killed meanwhile).
    private func writeInputFolder(_ id: String, parts: [String: Data]) throws {
        try DurableFolder.write(
            parts, to: inputFolder(of: id), staging: stagingFolder.appendingPathComponent(id), syncing: false)
    }

    /// Whether the worker's copy of the job's input is there, writing it from the store if it is not.
    private func inputFolderReady(_ id: String) -> Bool {
        if FileManager.default.fileExists(atPath: inputFolder(of: id).path) { return true }
        guard let parts = try? store?.parts(of: id), (try? writeInputFolder(id, parts: parts)) != nil else {
            logger.error("a job's input could not be written into the data folder")
            return false
        }
        return true
    }

    /// The seconds until a place in the queue is likely free: the queue's work at the mean run time so far.
    private func retryAfterSeconds() -> Int {
        let mean = runsFinished > 0 ? runSecondsTotal / Double(runsFinished) : 1
        let seconds = (mean * Double(queue.count) / Double(max(slots.count, 1))).rounded(.up)
        return seconds.isFinite ? Int(min(max(seconds, 1), 3600)) : 1
    }

    private func notify(_ record: JobRecord) {
        for continuation in subscribers[record.id]?.values ?? [:].values {
            continuation.yield(record)
            if record.status.isFinal { continuation.finish() }
        }
        if record.status.isFinal { subscribers[record.id] = nil }
    }

    private func unsubscribe(_ id: String, token: UUID) {
        subscribers[id]?[token] = nil
    }

    /// Commits a final or re-queued state; a job that is no longer queued or running leaves ``active``.
    private func finish(_ job: JobStore.StoredJob) {
        do {
            try store?.update(job.record)
        } catch {
            logger.error("a job's state could not be stored", metadata: ["status": "\(job.record.status.rawValue)"])
        }
        if job.record.status.isFinal {
            active[job.record.id] = nil
            logger.info("job finished", metadata: [
                "kind": "\(job.record.kind.rawValue)", "status": "\(job.record.status.rawValue)",
                "failure": "\(job.record.failure?.kind.rawValue ?? "none")", "attempts": "\(job.record.attempts)",
            ])
        } else {
            active[job.record.id] = job
        }
        notify(job.record)
    }

    private func erase(_ id: String) {
        do {
            try store?.delete(id: id)
        } catch {
            logger.error("a job could not be deleted from the store")
            return
        }
        try? FileManager.default.removeItem(at: folder(of: id))
        subscribers[id] = nil
    }

    // MARK: - Workers

    private func spawnWorker() {
        guard !stopping else { return }
        let worker: WorkerProcess
        do {
            worker = try WorkerProcess(
                executable: configuration.workerExecutable, memoryLimitBytes: configuration.workerMemoryLimitBytes)
        } catch {
            logger.error("a worker process could not be started; trying again in 1 s")
            Task {
                try? await Task.sleep(for: .seconds(1))
                self.spawnWorker()
            }
            return
        }
        let id = nextSlotID
        nextSlotID += 1
        slots[id] = Slot(worker: worker, startedAt: .now)
        Task {
            for await message in worker.events { self.handle(message, slotID: id) }
        }
    }

    /// Runs a validation or explanation in the next free worker.
    private func runEphemeral(_ task: WorkerTask) async -> WorkerEvent {
        await withCheckedContinuation { continuation in
            waiting.append(EphemeralTask(task: task, continuation: continuation))
            dispatch()
        }
    }

    private func slotRunning(_ jobID: String) -> Int? {
        slots.first { _, slot in
            if case .job(let id) = slot.assignment?.work { id == jobID } else { false }
        }?.key
    }

    /// Gives every idle worker work: a waiting validation or explanation first, then a submission to check, then the
    /// oldest queued job.
    private func dispatch() {
        guard !stopping else { return }
        for slotID in slots.keys.sorted() where slots[slotID]?.assignment == nil {
            if !waiting.isEmpty {
                let ephemeral = waiting.removeFirst()
                assign(.ephemeral(ephemeral), task: ephemeral.task, to: slotID)
            } else if !admissions.isEmpty {
                let admission = admissions.removeFirst()
                assign(.admission(admission), task: admission.task, to: slotID)
            } else if !queue.isEmpty {
                let id = queue.removeFirst()
                guard var job = active[id] else { continue }
                guard inputFolderReady(id) else {
                    job.record.status = .failed
                    job.record.finishedAt = Date()
                    job.record.failure = JobFailure(
                        kind: .internal, message: "the job's input could not be written into the data folder; check its space")
                    finish(job)
                    continue
                }
                job.record.status = .running
                job.record.attempts += 1
                job.record.startedAt = Date()
                job.record.stage = nil
                job.record.progress = JobProgress()
                job.record.failure = nil
                finish(job)
                let task = WorkerTask(
                    action: .run, kind: job.record.kind, inputDirectory: inputFolder(of: id).path,
                    outputDirectory: outputFolder(of: id).path, options: job.options)
                assign(.job(id: id), task: task, to: slotID)
            } else {
                return
            }
        }
    }

    private func assign(_ work: Assignment.Work, task: WorkerTask, to slotID: Int) {
        guard let slot = slots[slotID] else { return }
        var assignment = Assignment(work: work)
        let defaultLimit = Policy().timeLimitSeconds
        assignment.deadline = deadline(after: defaultLimit, limit: defaultLimit, slotID: slotID, token: assignment.token)
        slots[slotID]?.assignment = assignment
        do {
            try slot.worker.send(task)
        } catch {
            // The worker is gone; its exit reports the assignment, as a death during the task.
            slot.worker.kill()
        }
    }

    /// Kills the slot's worker after `seconds` unless the task ends first; `limit` is the time limit it enforces.
    private func deadline(after seconds: Double, limit: Double, slotID: Int, token: UUID) -> Task<Void, Never> {
        // A NaN would pass min and max unchanged and trap in Int(_:); the shared rounding refuses it instead.
        let milliseconds = Int(rounding: seconds * 1000, .up, clampedTo: 1...(7 * 86_400_000)) ?? 1
        return Task {
            try? await Task.sleep(for: .milliseconds(milliseconds))
            guard !Task.isCancelled else { return }
            self.deadlinePassed(slotID: slotID, token: token, seconds: limit)
        }
    }

    private func deadlinePassed(slotID: Int, token: UUID, seconds: Double) {
        guard let assignment = slots[slotID]?.assignment, assignment.token == token, assignment.stop == nil else { return }
        slots[slotID]?.assignment?.stop = .timeLimit(seconds: seconds)
        slots[slotID]?.worker.kill()
    }

    private func handle(_ message: WorkerProcess.Message, slotID: Int) {
        switch message {
        case .event(let event): handle(event, slotID: slotID)
        case .exited(let exit): workerExited(exit, slotID: slotID)
        }
    }

    private func handle(_ event: WorkerEvent, slotID: Int) {
        guard let assignment = slots[slotID]?.assignment, assignment.stop == nil else { return }
        if case .timeLimit(let seconds) = event {
            assignment.deadline?.cancel()
            slots[slotID]?.assignment?.deadline = deadline(
                after: seconds - Self.seconds(ContinuousClock.now - assignment.startedAt), limit: seconds, slotID: slotID, token: assignment.token)
            return
        }
        switch assignment.work {
        case .ephemeral(let ephemeral):
            guard event.endsTask else { return }
            release(slotID)
            ephemeral.continuation.resume(returning: event)
        case .admission(let admission):
            switch event {
            case .validated:
                admit(admission, slotID: slotID)
            case .failed(let failure):
                release(slotID)
                answer(admission, with: .success(.invalid(Self.issues(of: failure))))
            case .succeeded, .deferred, .issues, .explanation:
                release(slotID)
                answer(admission, with: .failure(.storeFailed("the worker answered a submission out of turn")))
            case .stage, .progress, .timeLimit:
                return
            }
        case .deferring:
            guard event.endsTask else { return }
            release(slotID)
        case .job(let id):
            guard var job = active[id] else { return }
            switch event {
            case .stage(let stage) where stage != job.record.stage:
                job.record.stage = stage
                active[id] = job
                notify(job.record)
            case .progress(let progress):
                job.record.progress = progress
                active[id] = job
                notify(job.record)
            case .succeeded(let names):
                job.record.outputNames = names
                conclude(job, as: .succeeded, slotID: slotID)
            case .failed(let failure):
                job.record.failure = failure
                conclude(job, as: .failed, slotID: slotID)
            case .stage, .timeLimit, .issues, .explanation, .validated, .deferred:
                return
            }
        }
        dispatch()
    }

    /// Commits a submission whose input its worker found valid, and tells the worker whether to solve it now: when
    /// no job is queued (otherwise it queues behind them). A repeat of a request with the same idempotency key
    /// (committed while this one was checked) answers that job; a full queue or a store failure refuses it.
    private func admit(_ admission: Admission, slotID: Int) {
        var job = admission.job
        let id = job.record.id
        let outcome: Result<JobAdmission, JobSubmissionError>
        var proceed = false
        do throws(JobSubmissionError) {
            if let existing = try existingJob(for: admission.request, idempotencyKey: job.idempotencyKey) {
                outcome = .success(.accepted(existing, created: false))
            } else {
                proceed = queue.isEmpty && !stopping
                if proceed {
                    job.record.status = .running
                    job.record.attempts = 1
                    job.record.startedAt = Date()
                    job.record.stage = .candidates
                } else if queue.count >= configuration.queueLimit {
                    throw .queueFull(retryAfterSeconds: retryAfterSeconds())
                }
                do {
                    try store?.insert(job, parts: admission.request.parts)
                } catch {
                    logger.error("a job could not be stored", metadata: ["kind": "\(job.record.kind.rawValue)"])
                    throw .storeFailed("the job's input could not be stored in the data folder (\(error))")
                }
                active[id] = job
                if !proceed { queue.append(id) }
                logger.info("job accepted", metadata: ["kind": "\(job.record.kind.rawValue)", "queued": "\(queue.count)"])
                outcome = .success(.accepted(job.record, created: true))
            }
        } catch {
            proceed = false
            outcome = .failure(error)
        }
        slots[slotID]?.assignment?.work = proceed ? .job(id: id) : .deferring
        do {
            try slots[slotID]?.worker.send(WorkerDecision(proceed: proceed))
        } catch {
            // The worker is gone; its exit reports the job (queued again) or frees the slot.
            slots[slotID]?.worker.kill()
        }
        answer(admission, with: outcome)
    }

    /// Answers a submission; its folder goes unless its job was committed.
    private func answer(_ admission: Admission, with outcome: Result<JobAdmission, JobSubmissionError>) {
        if case .success(.accepted(let record, created: true)) = outcome, record.id == admission.job.record.id {
            // Committed: the folder is the job's.
        } else {
            try? FileManager.default.removeItem(at: folder(of: admission.job.record.id))
        }
        admission.continuation.resume(returning: outcome)
    }

    /// Stores the job's final status once its worker has answered, and frees the worker.
    private func conclude(_ job: JobStore.StoredJob, as status: JobStatus, slotID: Int) {
        release(slotID)
        var job = job
        job.record.status = status
        job.record.finishedAt = Date()
        finish(job)
    }

    /// Frees the slot after its task ended, counting the run's time.
    private func release(_ slotID: Int) {
        guard let assignment = slots[slotID]?.assignment else { return }
        assignment.deadline?.cancel()
        slots[slotID]?.assignment = nil
        if case .job = assignment.work {
            runSecondsTotal += Self.seconds(ContinuousClock.now - assignment.startedAt)
            runsFinished += 1
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    private func workerExited(_ exit: WorkerExit, slotID: Int) {
        guard let slot = slots.removeValue(forKey: slotID) else { return }
        slot.assignment?.deadline?.cancel()
        let idle = slot.assignment == nil
        if let assignment = slot.assignment {
            let failure = failure(of: assignment, exit: exit)
            switch assignment.work {
            case .ephemeral(let ephemeral):
                ephemeral.continuation.resume(returning: .failed(failure ?? JobFailure(
                    kind: .internal, message: "the check was stopped before it finished; try again")))
            case .admission(let admission):
                if case .shutdown = assignment.stop {
                    answer(admission, with: .failure(.shuttingDown))
                } else {
                    answer(admission, with: .success(.invalid(Self.issues(of: failure ?? JobFailure(
                        kind: .internal, message: "the check was stopped before it finished; try again")))))
                }
            case .deferring:
                break
            case .job(let id):
                if var job = active[id] {
                    if let failure {
                        job.record.status = .failed
                        job.record.failure = failure
                        job.record.finishedAt = Date()
                    } else {
                        // Not the job's fault: it runs again (a shutdown's stop does not count as an attempt).
                        if case .shutdown = assignment.stop { job.record.attempts -= 1 }
                        job.record.status = .queued
                        job.record.startedAt = nil
                        job.record.stage = nil
                        job.record.progress = JobProgress()
                        queue.insert(id, at: 0)
                    }
                    finish(job)
                }
            }
            logger.warning("worker ended during a task", metadata: [
                "signal": "\(exit.signal.map(String.init) ?? "none")", "status": "\(exit.status.map(String.init) ?? "none")",
                "failure": "\(failure?.kind.rawValue ?? "requeued")",
            ])
        }
        guard !stopping else { return }
        if idle && ContinuousClock.now - slot.startedAt < .seconds(1) {
            // A worker that dies at once (a broken executable) is restarted slowly rather than in a loop.
            logger.error("a worker ended right after it started; restarting it in 1 s")
            Task {
                try? await Task.sleep(for: .seconds(1))
                self.replaceWorker()
            }
        } else {
            replaceWorker()
        }
    }

    private func replaceWorker() {
        spawnWorker()
        dispatch()
    }

    /// Why the task failed when its worker ended, or `nil` when its job should run again.
    private func failure(of assignment: Assignment, exit: WorkerExit) -> JobFailure? {
        switch assignment.stop {
        case .cancelled:
            // remove(_:) has stored the job as cancelled already; only an explanation or check is answered here.
            return JobFailure(kind: .internal, message: "the request was cancelled")
        case .timeLimit(let seconds):
            return JobFailure(
                kind: .timeLimit,
                message: "the job ran past the policy's time limit of \(DecimalText.fixed(seconds, decimals: 0)) s and was "
                    + "stopped; raise time_limit_seconds in the policy, or split the input")
        case .shutdown:
            return nil
        case nil:
            break
        }
        if exit.ranOutOfMemory(limitBytes: configuration.workerMemoryLimitBytes) {
            let megabytes = configuration.workerMemoryLimitBytes / (1 << 20)
            return JobFailure(
                kind: .memoryLimit,
                message: "the job needed more than the memory limit of a worker (\(megabytes) MB) and was stopped; "
                    + "split the input into smaller runs, or ask the operator for a higher limit")
        }
        let signal = exit.signal.map { "signal \($0)" } ?? "exit status \(exit.status ?? 0)"
        if exit.signal == SIGKILL {
            guard case .job(let id) = assignment.work, let attempts = active[id]?.record.attempts else { return nil }
            if attempts < configuration.maxAttempts { return nil }
            return JobFailure(
                kind: .attemptsExhausted,
                message: "the job's worker was killed from outside \(attempts) times (\(signal)); submit it again, or ask "
                    + "the operator whether the machine runs out of memory")
        }
        return JobFailure(
            kind: .workerCrashed,
            message: "MentorMatch stopped unexpectedly on this input (\(signal)); this is a bug to report, with the input "
                + "if it can be shared")
    }
}

/// Why an explanation could not be given.
public enum JobExplainError: Error, Sendable, Hashable {
    /// The matching has no young person with this id.
    case unknownMentee
    /// The worker failed to compute it (the message says why).
    case failed(JobFailure)
}

/// A configuration the service cannot run with.
public enum JobServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let problem): "the job service cannot start: \(problem)"
        }
    }
}
