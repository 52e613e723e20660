import Foundation
import MentorMatchAPI
import MentorMatchJobs
import OpenAPIRuntime

/// The job requests the API's bodies stand for: parts named as the command line's files, options as its flags.
/// A top-level JSON document is passed on byte for byte (the bytes the client sent, see ``RequestBodyCapture``);
/// a document nested in a larger request is passed on as the OpenAPI layer decoded it.
struct JobRequests {
    let maxBodyBytes: Int

    func matching(_ body: Operations.CreateMatching.Input.Body) async throws -> JobRequest {
        switch body {
        case .json:
            return JobRequest(kind: .matching, parts: ["document": try RequestBodyCapture.currentJSON()])
        case .multipartForm(let upload):
            return JobRequest(kind: .matching, parts: try await parts(of: upload))
        }
    }

    func validation(_ body: Operations.ValidateInput.Input.Body) async throws -> JobRequest {
        switch body {
        case .json:
            return JobRequest(kind: .matching, parts: ["document": try RequestBodyCapture.currentJSON()])
        case .multipartForm(let upload):
            return JobRequest(kind: .matching, parts: try await parts(of: upload))
        }
    }

    func parts(of upload: MultipartBody<Components.Schemas.MatchingUpload>) async throws -> [String: Data] {
        var parts: [String: Data] = [:]
        try await eachPart(of: upload) { part in
            switch part {
            case .mentors(let file): parts["mentors"] = try await collect(file.payload.body)
            case .mentees(let file): parts["mentees"] = try await collect(file.payload.body)
            case .places(let file): parts["places"] = try await collect(file.payload.body)
            case .policy(let file): parts["policy"] = try await collect(file.payload.body)
            case .locks(let file): parts["locks"] = try await collect(file.payload.body)
            case .current(let file): parts["current"] = try await collect(file.payload.body)
            case .previous(let file): parts["previous"] = try await collect(file.payload.body)
            }
        }
        return parts
    }

    func schedule(_ body: Operations.CreateSchedule.Input.Body) async throws -> JobRequest {
        switch body {
        case .json(let request):
            var parts = ["document": try Self.encoded(request.input)]
            parts["pairs"] = request.pairs.map { Data($0.utf8) }
            parts["unavailable"] = request.unavailable.map { Data($0.utf8) }
            parts["supervisor_slots"] = request.supervisorSlots.map { Data($0.utf8) }
            var options = ["start": request.start]
            options["months"] = request.months.map(String.init)
            options["end"] = request.end
            options["sessions_per_month"] = request.sessionsPerMonth.map(String.init)
            options["hours_per_month"] = request.hoursPerMonth.map { "\($0)" }
            options["session_minutes"] = request.sessionMinutes.map(String.init)
            options["group_size"] = request.groupSize.map(String.init)
            options["programme_id"] = request.programmeId
            return JobRequest(kind: .schedule, parts: parts, options: options)
        case .multipartForm(let upload):
            var parts: [String: Data] = [:]
            var options: [String: String] = [:]
            try await eachPart(of: upload) { part in
                switch part {
                case .mentors(let file): parts["mentors"] = try await collect(file.payload.body)
                case .mentees(let file): parts["mentees"] = try await collect(file.payload.body)
                case .places(let file): parts["places"] = try await collect(file.payload.body)
                case .policy(let file): parts["policy"] = try await collect(file.payload.body)
                case .pairs(let file): parts["pairs"] = try await collect(file.payload.body)
                case .unavailable(let file): parts["unavailable"] = try await collect(file.payload.body)
                case .supervisorSlots(let file): parts["supervisor_slots"] = try await collect(file.payload.body)
                case .start(let field): options["start"] = try await text(field.payload.body)
                case .months(let field): options["months"] = try await text(field.payload.body)
                case .end(let field): options["end"] = try await text(field.payload.body)
                case .sessionsPerMonth(let field): options["sessions_per_month"] = try await text(field.payload.body)
                case .hoursPerMonth(let field): options["hours_per_month"] = try await text(field.payload.body)
                case .sessionMinutes(let field): options["session_minutes"] = try await text(field.payload.body)
                case .groupSize(let field): options["group_size"] = try await text(field.payload.body)
                case .programmeId(let field): options["programme_id"] = try await text(field.payload.body)
                }
            }
            return JobRequest(kind: .schedule, parts: parts, options: options)
        }
    }

    func plan(_ body: Operations.CreatePlan.Input.Body) async throws -> JobRequest {
        switch body {
        case .multipartForm(let upload):
            var parts: [String: Data] = [:]
            var options: [String: String] = [:]
            try await eachPart(of: upload) { part in
                switch part {
                case .scenario(let file): parts["scenario"] = try await collect(file.payload.body)
                case .simulate(let field): options["simulate"] = try await text(field.payload.body)
                case .additionalProperties(let file): parts[try Self.fileName(file.name)] = try await collect(file.payload)
                }
            }
            return JobRequest(kind: .plan, parts: parts, options: options)
        }
    }

    func recruitment(_ body: Operations.CreateRecruitment.Input.Body) async throws -> JobRequest {
        switch body {
        case .multipartForm(let upload):
            var parts: [String: Data] = [:]
            var options: [String: String] = [:]
            try await eachPart(of: upload) { part in
                switch part {
                case .mentors(let file): parts["mentors"] = try await collect(file.payload.body)
                case .mentees(let file): parts["mentees"] = try await collect(file.payload.body)
                case .places(let file): parts["places"] = try await collect(file.payload.body)
                case .policy(let file): parts["policy"] = try await collect(file.payload.body)
                case .profiles(let file): parts["profiles"] = try await collect(file.payload.body)
                case .applicants(let file): parts["applicants"] = try await collect(file.payload.body)
                case .accept(let field): options["accept"] = try await text(field.payload.body)
                case .target(let field): options["target"] = try await text(field.payload.body)
                case .remoteParishes(let field): options["remote_parishes"] = try await text(field.payload.body)
                case .maxRecruits(let field): options["max_recruits"] = try await text(field.payload.body)
                case .trainingCost(let field): options["training_cost"] = try await text(field.payload.body)
                }
            }
            return JobRequest(kind: .recruitment, parts: parts, options: options)
        }
    }

    func suggestion(_ body: Operations.CreateSuggestion.Input.Body) async throws -> JobRequest {
        switch body {
        case .json(let request):
            var parts = ["document": try Self.encoded(request.input)]
            parts["current"] = request.current.map { Data($0.utf8) }
            return JobRequest(kind: .suggestion, parts: parts, options: ["mentee": request.mentee])
        case .multipartForm(let upload):
            var parts: [String: Data] = [:]
            var options: [String: String] = [:]
            try await eachPart(of: upload) { part in
                switch part {
                case .mentors(let file): parts["mentors"] = try await collect(file.payload.body)
                case .mentees(let file): parts["mentees"] = try await collect(file.payload.body)
                case .places(let file): parts["places"] = try await collect(file.payload.body)
                case .policy(let file): parts["policy"] = try await collect(file.payload.body)
                case .locks(let file): parts["locks"] = try await collect(file.payload.body)
                case .current(let file): parts["current"] = try await collect(file.payload.body)
                case .previous(let file): parts["previous"] = try await collect(file.payload.body)
                case .mentee(let field): options["mentee"] = try await text(field.payload.body)
                }
            }
            return JobRequest(kind: .suggestion, parts: parts, options: options)
        }
    }

    // MARK: - Reading parts

    /// Hands each part to `read`; a body that is not the multipart the schema says (a part missing, repeated or
    /// unknown, a broken boundary) is a bad request, not a server failure.
    private func eachPart<Part: Sendable>(
        of body: MultipartBody<Part>, _ read: (Part) async throws -> Void
    ) async throws {
        do {
            for try await part in body { try await read(part) }
        } catch let problem as APIProblem {
            throw problem
        } catch {
            throw APIProblem(kind: .badParameter, detail: "the multipart body cannot be read: \(error)")
        }
    }

    /// A file the scenario names, sent as a part named by its file name (`profiles.csv`): letters, digits, `.`, `_`
    /// and `-`, as openapi.yaml's `propertyNames` says, so never a path.
    static func fileName(_ name: String?) throws -> String {
        guard let name, JobParts.isPlainFileName(name) else {
            throw APIProblem(kind: .badParameter,
                             detail: "name each file the scenario names by its file name, such as mentors.csv: letters, digits, '.', '-' and '_', not starting with '.', at most 100 characters (no folders)")
        }
        return name
    }

    /// A part's bytes; the body limit has already bounded the whole request, so this bound is only a backstop.
    private func collect(_ body: HTTPBody) async throws -> Data {
        try await Data(collecting: body, upTo: maxBodyBytes)
    }

    private func text(_ body: HTTPBody) async throws -> String {
        String(decoding: try await collect(body), as: UTF8.self)
    }

    /// A nested input document as JSON, sorted so that equal documents give equal bytes (and the same
    /// idempotency digest).
    static func encoded(_ document: Components.Schemas.InputDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
