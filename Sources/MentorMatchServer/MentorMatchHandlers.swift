import Foundation
import MentorMatchAPI
import MentorMatchJobs
import OpenAPIRuntime

/// The generated `APIProtocol`: each operation of openapi.yaml, translated to and from the job service. Errors are
/// thrown as ``APIProblem`` and written by ``ProblemMiddleware``.
struct MentorMatchHandlers: APIProtocol {
    let api: JobAPI
    let requests: JobRequests
    let document: APIDocument

    private var jobs: JobService { api.jobs }

    // MARK: - Operations

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        guard await jobs.isReady else {
            throw APIProblem(kind: .unavailable, detail: "the job store or the workers are not running yet; try again shortly")
        }
        return .ok(.init(body: .json(.init(status: .ready))))
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        let text = ServerMetrics.shared.exposition(await jobs.statistics())
        return .ok(.init(body: .plainText(HTTPBody(text))))
    }

    func getOpenAPIYAML(_ input: Operations.GetOpenAPIYAML.Input) async throws -> Operations.GetOpenAPIYAML.Output {
        .ok(.init(body: .yaml(HTTPBody(document.yaml))))
    }

    func getOpenAPIJSON(_ input: Operations.GetOpenAPIJSON.Input) async throws -> Operations.GetOpenAPIJSON.Output {
        .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: document.json))))
    }

    func getDocs(_ input: Operations.GetDocs.Input) async throws -> Operations.GetDocs.Output {
        .ok(.init(body: .html(HTTPBody(document.html))))
    }

    // MARK: - Input

    func validateInput(_ input: Operations.ValidateInput.Input) async throws -> Operations.ValidateInput.Output {
        let request = try await requests.validation(input.body)
        let issues = await jobs.validate(request)
        return .ok(.init(body: .json(.init(valid: issues.isEmpty, issues: issues.map(Components.Schemas.Issue.init)))))
    }

    // MARK: - Matchings

    func createMatching(_ input: Operations.CreateMatching.Input) async throws -> Operations.CreateMatching.Output {
        let request = try await requests.matching(input.body)
        switch try await api.submit(request, wait: input.query.wait, idempotencyKey: RequestBodyCapture.idempotencyKey,
                                    resultName: "result.json") {
        case .accepted(let job, let location):
            return .accepted(.init(headers: .init(location: location), body: .json(job)))
        case .succeeded(let data):
            // result.json as the worker wrote it (StoredJSONResponse), not decoded and encoded again.
            try StoredJSONResponse.pass(data)
            return .ok(.init(body: .json(Components.Schemas.MatchingResult())))
        }
    }

    func getMatching(_ input: Operations.GetMatching.Input) async throws -> Operations.GetMatching.Output {
        .ok(.init(body: .json(JobAPI.job(try await api.record(input.path.id, kind: .matching)))))
    }

    func deleteMatching(_ input: Operations.DeleteMatching.Input) async throws -> Operations.DeleteMatching.Output {
        switch try await api.delete(input.path.id, kind: .matching) {
        case .cancelled(let job): .accepted(.init(body: .json(job)))
        case .erased: .noContent(.init())
        }
    }

    func getMatchingEvents(_ input: Operations.GetMatchingEvents.Input) async throws -> Operations.GetMatchingEvents.Output {
        .ok(.init(body: .textEventStream(try await api.events(input.path.id, kind: .matching))))
    }

    func getMatchingResult(_ input: Operations.GetMatchingResult.Input) async throws -> Operations.GetMatchingResult.Output {
        try StoredJSONResponse.pass(try await api.output(input.path.id, kind: .matching, name: "result.json"))
        return .ok(.init(body: .json(Components.Schemas.MatchingResult())))
    }

    func getMatchingPairsCSV(_ input: Operations.GetMatchingPairsCSV.Input) async throws -> Operations.GetMatchingPairsCSV.Output {
        .ok(.init(body: .csv(HTTPBody(try await api.output(input.path.id, kind: .matching, name: "pairs.csv")))))
    }

    func getMatchingUnmatchedCSV(_ input: Operations.GetMatchingUnmatchedCSV.Input) async throws
        -> Operations.GetMatchingUnmatchedCSV.Output
    {
        .ok(.init(body: .csv(HTTPBody(try await api.output(input.path.id, kind: .matching, name: "unmatched.csv")))))
    }

    func getMatchingChangesCSV(_ input: Operations.GetMatchingChangesCSV.Input) async throws
        -> Operations.GetMatchingChangesCSV.Output
    {
        .ok(.init(body: .csv(HTTPBody(try await api.output(input.path.id, kind: .matching, name: "changes.csv")))))
    }

    func getMatchingAlternativesCSV(_ input: Operations.GetMatchingAlternativesCSV.Input) async throws
        -> Operations.GetMatchingAlternativesCSV.Output
    {
        .ok(.init(body: .csv(HTTPBody(try await api.output(input.path.id, kind: .matching, name: "alternatives.csv")))))
    }

    func getMatchingMapSVG(_ input: Operations.GetMatchingMapSVG.Input) async throws -> Operations.GetMatchingMapSVG.Output {
        let name = JobAPI.localizedName("map.svg", language: input.query.lang?.rawValue)
        return .ok(.init(body: .imageSvgXml(HTTPBody(try await api.output(input.path.id, kind: .matching, name: name)))))
    }

    func getMatchingResultXLSX(_ input: Operations.GetMatchingResultXLSX.Input) async throws
        -> Operations.GetMatchingResultXLSX.Output
    {
        let name = JobAPI.localizedName("result.xlsx", language: input.query.lang?.rawValue)
        return .ok(.init(body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(
            HTTPBody(try await api.output(input.path.id, kind: .matching, name: name)))))
    }

    func getMatchingMenteeExplanation(_ input: Operations.GetMatchingMenteeExplanation.Input) async throws
        -> Operations.GetMatchingMenteeExplanation.Output
    {
        let id = input.path.id
        let record = try await api.record(id, kind: .matching)
        guard record.status == .succeeded else {
            throw APIProblem(kind: .notFinished,
                             detail: "job \(id) is \(record.status.rawValue); explanations are there once it has succeeded")
        }
        let explanation: Data?
        do {
            explanation = try await jobs.explain(id, menteeID: input.path.menteeId)
        } catch .unknownMentee {
            throw APIProblem(kind: .notFound, detail: "job \(id) has no young person with this id; ids are as in the input")
        } catch .failed(let failure) {
            throw APIProblem(kind: .internal, detail: "the explanation could not be computed: \(failure.message)")
        }
        guard let explanation else { throw APIProblem.jobNotFound(id) }
        return .ok(.init(body: .json(try Self.decoded(explanation, name: "the explanation"))))
    }

    // MARK: - Schedules

    func createSchedule(_ input: Operations.CreateSchedule.Input) async throws -> Operations.CreateSchedule.Output {
        let request = try await requests.schedule(input.body)
        switch try await api.submit(request, wait: input.query.wait, idempotencyKey: RequestBodyCapture.idempotencyKey,
                                    resultName: "sessions.json") {
        case .accepted(let job, let location):
            return .accepted(.init(headers: .init(location: location), body: .json(job)))
        case .succeeded(let data):
            return .ok(.init(body: .json(try Self.decoded(data, name: "sessions.json"))))
        }
    }

    func getSchedule(_ input: Operations.GetSchedule.Input) async throws -> Operations.GetSchedule.Output {
        .ok(.init(body: .json(JobAPI.job(try await api.record(input.path.id, kind: .schedule)))))
    }

    func deleteSchedule(_ input: Operations.DeleteSchedule.Input) async throws -> Operations.DeleteSchedule.Output {
        switch try await api.delete(input.path.id, kind: .schedule) {
        case .cancelled(let job): .accepted(.init(body: .json(job)))
        case .erased: .noContent(.init())
        }
    }

    func getScheduleEvents(_ input: Operations.GetScheduleEvents.Input) async throws -> Operations.GetScheduleEvents.Output {
        .ok(.init(body: .textEventStream(try await api.events(input.path.id, kind: .schedule))))
    }

    func getScheduleResult(_ input: Operations.GetScheduleResult.Input) async throws -> Operations.GetScheduleResult.Output {
        .ok(.init(body: .json(try await api.jsonOutput(input.path.id, kind: .schedule, name: "sessions.json",
                                                       as: Components.Schemas.FileContent.self))))
    }

    func getScheduleSessionsCSV(_ input: Operations.GetScheduleSessionsCSV.Input) async throws
        -> Operations.GetScheduleSessionsCSV.Output
    {
        .ok(.init(body: .csv(HTTPBody(try await api.output(input.path.id, kind: .schedule, name: "sessions.csv")))))
    }

    func getScheduleShortfallsCSV(_ input: Operations.GetScheduleShortfallsCSV.Input) async throws
        -> Operations.GetScheduleShortfallsCSV.Output
    {
        .ok(.init(body: .csv(HTTPBody(try await api.output(input.path.id, kind: .schedule, name: "shortfalls.csv")))))
    }

    func getScheduleCalendarsZip(_ input: Operations.GetScheduleCalendarsZip.Input) async throws
        -> Operations.GetScheduleCalendarsZip.Output
    {
        .ok(.init(body: .applicationZip(HTTPBody(try await api.output(input.path.id, kind: .schedule,
                                                                       name: "calendars.zip")))))
    }

    func getScheduleCalendar(_ input: Operations.GetScheduleCalendar.Input) async throws
        -> Operations.GetScheduleCalendar.Output
    {
        // Only the names the job lists are served, so a path in `name` finds nothing.
        .ok(.init(body: .textCalendar(HTTPBody(try await api.output(input.path.id, kind: .schedule,
                                                                     name: "calendars/\(input.path.name)")))))
    }

    // MARK: - Plans

    func createPlan(_ input: Operations.CreatePlan.Input) async throws -> Operations.CreatePlan.Output {
        let request = try await requests.plan(input.body)
        switch try await api.submit(request, wait: input.query.wait, idempotencyKey: RequestBodyCapture.idempotencyKey,
                                    resultName: "plan.json") {
        case .accepted(let job, let location):
            return .accepted(.init(headers: .init(location: location), body: .json(job)))
        case .succeeded(let data):
            return .ok(.init(body: .json(try Self.decoded(data, name: "plan.json"))))
        }
    }

    func getPlan(_ input: Operations.GetPlan.Input) async throws -> Operations.GetPlan.Output {
        .ok(.init(body: .json(JobAPI.job(try await api.record(input.path.id, kind: .plan)))))
    }

    func deletePlan(_ input: Operations.DeletePlan.Input) async throws -> Operations.DeletePlan.Output {
        switch try await api.delete(input.path.id, kind: .plan) {
        case .cancelled(let job): .accepted(.init(body: .json(job)))
        case .erased: .noContent(.init())
        }
    }

    func getPlanEvents(_ input: Operations.GetPlanEvents.Input) async throws -> Operations.GetPlanEvents.Output {
        .ok(.init(body: .textEventStream(try await api.events(input.path.id, kind: .plan))))
    }

    func getPlanResult(_ input: Operations.GetPlanResult.Input) async throws -> Operations.GetPlanResult.Output {
        .ok(.init(body: .json(try await api.jsonOutput(input.path.id, kind: .plan, name: "plan.json",
                                                       as: Components.Schemas.FileContent.self))))
    }

    func getPlanFile(_ input: Operations.GetPlanFile.Input) async throws -> Operations.GetPlanFile.Output {
        .ok(.init(body: try await file(input.path.id, kind: .plan, name: input.path.name)))
    }

    // MARK: - Recruitments

    func createRecruitment(_ input: Operations.CreateRecruitment.Input) async throws -> Operations.CreateRecruitment.Output {
        let request = try await requests.recruitment(input.body)
        let resultName = request.parts["applicants"] == nil ? "recruit.json" : "selection.json"
        switch try await api.submit(request, wait: input.query.wait, idempotencyKey: RequestBodyCapture.idempotencyKey,
                                    resultName: resultName) {
        case .accepted(let job, let location):
            return .accepted(.init(headers: .init(location: location), body: .json(job)))
        case .succeeded(let data):
            return .ok(.init(body: .json(try Self.decoded(data, name: resultName))))
        }
    }

    func getRecruitment(_ input: Operations.GetRecruitment.Input) async throws -> Operations.GetRecruitment.Output {
        .ok(.init(body: .json(JobAPI.job(try await api.record(input.path.id, kind: .recruitment)))))
    }

    func deleteRecruitment(_ input: Operations.DeleteRecruitment.Input) async throws -> Operations.DeleteRecruitment.Output {
        switch try await api.delete(input.path.id, kind: .recruitment) {
        case .cancelled(let job): .accepted(.init(body: .json(job)))
        case .erased: .noContent(.init())
        }
    }

    func getRecruitmentEvents(_ input: Operations.GetRecruitmentEvents.Input) async throws
        -> Operations.GetRecruitmentEvents.Output
    {
        .ok(.init(body: .textEventStream(try await api.events(input.path.id, kind: .recruitment))))
    }

    func getRecruitmentResult(_ input: Operations.GetRecruitmentResult.Input) async throws
        -> Operations.GetRecruitmentResult.Output
    {
        let record = try await api.record(input.path.id, kind: .recruitment)
        let name = record.outputNames.contains("selection.json") ? "selection.json" : "recruit.json"
        return .ok(.init(body: .json(try await api.jsonOutput(input.path.id, kind: .recruitment, name: name,
                                                              as: Components.Schemas.FileContent.self))))
    }

    func getRecruitmentFile(_ input: Operations.GetRecruitmentFile.Input) async throws -> Operations.GetRecruitmentFile.Output {
        let body = try await file(input.path.id, kind: .recruitment, name: input.path.name)
        return .ok(.init(body: Operations.GetRecruitmentFile.Output.Ok.Body(body)))
    }

    // MARK: - Suggestions

    func createSuggestion(_ input: Operations.CreateSuggestion.Input) async throws -> Operations.CreateSuggestion.Output {
        let request = try await requests.suggestion(input.body)
        switch try await api.submit(request, wait: input.query.wait, idempotencyKey: RequestBodyCapture.idempotencyKey,
                                    resultName: "suggestions.json") {
        case .accepted(let job, let location):
            return .accepted(.init(headers: .init(location: location), body: .json(job)))
        case .succeeded(let data):
            return .ok(.init(body: .json(try Self.decoded(data, name: "suggestions.json"))))
        }
    }

    func getSuggestion(_ input: Operations.GetSuggestion.Input) async throws -> Operations.GetSuggestion.Output {
        .ok(.init(body: .json(JobAPI.job(try await api.record(input.path.id, kind: .suggestion)))))
    }

    func deleteSuggestion(_ input: Operations.DeleteSuggestion.Input) async throws -> Operations.DeleteSuggestion.Output {
        switch try await api.delete(input.path.id, kind: .suggestion) {
        case .cancelled(let job): .accepted(.init(body: .json(job)))
        case .erased: .noContent(.init())
        }
    }

    func getSuggestionEvents(_ input: Operations.GetSuggestionEvents.Input) async throws
        -> Operations.GetSuggestionEvents.Output
    {
        .ok(.init(body: .textEventStream(try await api.events(input.path.id, kind: .suggestion))))
    }

    func getSuggestionResult(_ input: Operations.GetSuggestionResult.Input) async throws
        -> Operations.GetSuggestionResult.Output
    {
        .ok(.init(body: .json(try await api.jsonOutput(input.path.id, kind: .suggestion, name: "suggestions.json",
                                                       as: Components.Schemas.FileContent.self))))
    }

    // MARK: - Helpers

    /// A plan's or recruitment's file, in the media type its name says.
    private func file(_ id: String, kind: JobKind, name: String) async throws -> Operations.GetPlanFile.Output.Ok.Body {
        let data = try await api.output(id, kind: kind, name: name)
        if name.hasSuffix(".json") { return .json(try Self.decoded(data, name: name)) }
        if name.hasSuffix(".svg") { return .imageSvgXml(HTTPBody(data)) }
        return .csv(HTTPBody(data))
    }

    static func decoded<Value: Decodable>(_ data: Data, name: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw APIProblem(kind: .internal, detail: "\(name) is not a JSON object (please report it)")
        }
    }
}

extension Operations.GetRecruitmentFile.Output.Ok.Body {
    /// The plan's file body as the recruitment's (both routes answer the same three media types).
    init(_ body: Operations.GetPlanFile.Output.Ok.Body) {
        switch body {
        case .csv(let data): self = .csv(data)
        case .json(let content): self = .json(content)
        case .imageSvgXml(let data): self = .imageSvgXml(data)
        }
    }
}
