import Foundation
import MentorMatch
import MentorMatchAPI
import MentorMatchJobs
import OpenAPIRuntime

/// What every job route shares: submitting with `wait` and `Idempotency-Key`, reading a job of one kind, its files,
/// its events, cancelling and erasing it. The library decides; this only translates between HTTP and the jobs.
struct JobAPI: Sendable {
    let jobs: JobService
    let maxBodyBytes: Int
    /// Submissions up to this size are validated before 202, so invalid input is answered at once with 422; a larger
    /// one (validating it takes a while) is accepted and its job fails with the same issues. The check is the first
    /// half of the job's run in a worker, which goes on to solve it (``JobService/submitValidated(_:idempotencyKey:)``).
    static let validatedBeforeAcceptingBytes = 1024 * 1024
    static let longestWaitSeconds = 30

    /// What a submission came to: accepted (202), or finished within `wait` with its main JSON file (200).
    enum Submission {
        case accepted(Components.Schemas.Job, location: String)
        case succeeded(Data)
    }

    func submit(_ request: JobRequest, wait: Int?, idempotencyKey: String?, resultName: String) async throws
        -> Submission
    {
        let waitSeconds = try Self.checkedWait(wait)
        if let idempotencyKey { try Self.checkIdempotencyKey(idempotencyKey) }
        guard await jobs.isReady else { throw Self.problem(for: .shuttingDown) }
        let size = request.parts.values.reduce(0) { $0 + $1.count }
        let admission: JobAdmission
        do {
            if size <= Self.validatedBeforeAcceptingBytes {
                admission = try await jobs.submitValidated(request, idempotencyKey: idempotencyKey)
            } else {
                let (record, created) = try await jobs.submit(request, idempotencyKey: idempotencyKey)
                admission = .accepted(record, created: created)
            }
        } catch {
            throw Self.problem(for: error)
        }
        let record: JobRecord
        switch admission {
        case .accepted(let accepted, _): record = accepted
        case .invalid(let issues): throw APIProblem.invalidInput(issues)
        }
        let location = "/v1/\(Self.collection(of: record.kind))/\(record.id)"
        guard waitSeconds > 0 else { return .accepted(Self.job(record), location: location) }
        let latest = await finalRecord(of: record.id, within: .seconds(waitSeconds)) ?? record
        if latest.status == .succeeded, let data = await jobs.output(latest.id, name: resultName) {
            return .succeeded(data)
        }
        if latest.status == .failed, let failure = latest.failure, failure.kind == .invalidInput {
            throw APIProblem.invalidInput(failure.issues)
        }
        return .accepted(Self.job(latest), location: location)
    }

    /// The job's record once it is final, or nil when it is not final within `limit`.
    func finalRecord(of id: String, within limit: Duration) async -> JobRecord? {
        // The stream starts with the job as it is now, so a job that finished before this call is seen too.
        let updates = await jobs.updates(id)
        return await withTaskGroup(of: JobRecord?.self) { group in
            group.addTask {
                for await record in updates where record.status.isFinal { return record }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            if let first { return first }
            // The stream ended without a final record, or the wait ran out: the store has the last word.
            return await jobs.job(id).flatMap { $0.status.isFinal ? $0 : nil }
        }
    }

    /// The job `id` if it is of `kind` (a schedule's id under /v1/matchings is not found).
    func record(_ id: String, kind: JobKind) async throws -> JobRecord {
        guard let record = await jobs.job(id), record.kind == kind else { throw APIProblem.jobNotFound(id) }
        return record
    }

    /// One output file of a succeeded job.
    func output(_ id: String, kind: JobKind, name: String) async throws -> Data {
        let record = try await record(id, kind: kind)
        guard record.status == .succeeded else {
            throw APIProblem(kind: .notFinished,
                             detail: "job \(id) is \(record.status.rawValue); its files are there once it has succeeded (GET /v1/\(Self.collection(of: kind))/\(id))")
        }
        guard record.outputNames.contains(name), let data = await jobs.output(id, name: name) else {
            throw APIProblem(kind: .notFound, detail: Self.missingOutputDetail(name, record: record))
        }
        return data
    }

    /// An output file that is JSON, decoded into the API's type for it.
    func jsonOutput<Value: Decodable>(_ id: String, kind: JobKind, name: String, as type: Value.Type) async throws -> Value {
        let data = try await output(id, kind: kind, name: name)
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw APIProblem(kind: .internal, detail: "\(name) of job \(id) is not a JSON object (please report it)")
        }
    }

    enum Deletion {
        case cancelled(Components.Schemas.Job)
        case erased
    }

    func delete(_ id: String, kind: JobKind) async throws -> Deletion {
        _ = try await record(id, kind: kind)
        switch await jobs.remove(id) {
        case .cancelled:
            guard let record = await jobs.job(id) else { return .erased }
            return .cancelled(Self.job(record))
        case .erased:
            return .erased
        case .notFound:
            throw APIProblem.jobNotFound(id)
        }
    }

    /// `text/event-stream`: the job now, then every change, one `status` event each, until it is final.
    func events(_ id: String, kind: JobKind) async throws -> HTTPBody {
        _ = try await record(id, kind: kind)
        let updates = await jobs.updates(id)
        let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
            let task = Task {
                for await record in updates {
                    continuation.yield(ArraySlice(Self.event(record)))
                    if record.status.isFinal { break }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return HTTPBody(stream, length: .unknown, iterationBehavior: .single)
    }

    static func event(_ record: JobRecord) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(job(record))) ?? Data("{}".utf8)
        return Array("event: status\ndata: ".utf8) + Array(data) + Array("\n\n".utf8)
    }

    // MARK: - Translation

    static func job(_ record: JobRecord) -> Components.Schemas.Job {
        Components.Schemas.Job(
            id: record.id,
            kind: Components.Schemas.Job.KindPayload(rawValue: record.kind.rawValue) ?? .matching,
            status: Components.Schemas.Job.StatusPayload(rawValue: record.status.rawValue) ?? .failed,
            stage: record.stage.flatMap { Components.Schemas.Job.StagePayload(rawValue: $0.rawValue) },
            progress: Components.Schemas.Progress(
                candidatePairs: record.progress.candidatePairs, partsSolved: record.progress.partsSolved,
                partsTotal: record.progress.partsTotal
            ),
            createdAt: record.createdAt, startedAt: record.startedAt, finishedAt: record.finishedAt,
            attempts: record.attempts,
            error: record.failure.map { failure in
                Components.Schemas.JobError(
                    kind: errorKind(failure.kind), message: failure.message,
                    issues: failure.issues.map(Components.Schemas.Issue.init)
                )
            },
            outputs: record.outputNames
        )
    }

    static func errorKind(_ kind: JobFailure.Kind) -> Components.Schemas.JobError.KindPayload {
        switch kind {
        case .invalidInput: .invalidInput
        case .solverFailed: .solverFailed
        case .timeLimit: .timeLimit
        case .memoryLimit: .memoryLimit
        case .workerCrashed: .workerCrashed
        case .attemptsExhausted: .attemptsExhausted
        case .internal: ._internal
        }
    }

    static func collection(of kind: JobKind) -> String {
        switch kind {
        case .matching: "matchings"
        case .schedule: "schedules"
        case .plan: "plans"
        case .recruitment: "recruitments"
        case .suggestion: "suggestions"
        }
    }

    static func problem(for error: JobSubmissionError) -> APIProblem {
        switch error {
        case .queueFull(let seconds):
            let retryAfter = max(1, seconds)
            return APIProblem(kind: .queueFull,
                              detail: "the queue is full; submit again in \(retryAfter) s, or start the server with a larger --queue",
                              headers: [.retryAfter: String(retryAfter)])
        case .idempotencyConflict:
            return APIProblem(kind: .idempotencyConflict,
                              detail: "this Idempotency-Key was used with another request; use a new key for a new request")
        case .shuttingDown:
            return APIProblem(kind: .unavailable,
                              detail: "the server is starting or shutting down; submit again when /readyz answers 200")
        case .unknownPart(let name):
            return APIProblem(kind: .badParameter, detail: "this kind of job does not read a part or option named \(name); see /docs")
        case .storeFailed:
            return APIProblem(kind: .storeFailed,
                              detail: "the job could not be stored, nothing was accepted; the operator should check the data folder")
        }
    }

    /// The stored name of a file that is written in each report language: `map.svg` in English (the default, as
    /// `mentormatch match` writes it), `lv/map.svg` in Latvian.
    static func localizedName(_ name: String, language: String?) -> String {
        guard let language, language != "en" else { return name }
        return "\(language)/\(name)"
    }

    static func missingOutputDetail(_ name: String, record: JobRecord) -> String {
        let listed = record.outputNames.isEmpty ? "none" : record.outputNames.joined(separator: ", ")
        return "job \(record.id) has no \(name) (changes.csv is written only when the input has current pairs); its files: \(listed)"
    }

    static func checkedWait(_ wait: Int?) throws -> Int {
        guard let wait else { return 0 }
        guard (0...longestWaitSeconds).contains(wait) else {
            throw APIProblem(kind: .badParameter, detail: "wait is \(wait); give 0 to \(longestWaitSeconds) seconds")
        }
        return wait
    }

    static func checkIdempotencyKey(_ key: String) throws {
        let printable = key.utf8.allSatisfy { (0x21...0x7E).contains($0) }
        guard !key.isEmpty, key.utf8.count <= 200, printable else {
            throw APIProblem(kind: .badParameter,
                             detail: "Idempotency-Key must be 1 to 200 visible ASCII characters, such as a UUID")
        }
    }
}
