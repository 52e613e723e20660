import Foundation
import Hummingbird
import MentorMatchAPI
import OpenAPIRuntime

/// An OpenAPI middleware that keeps a JSON body's bytes for the handler, so the job stores exactly what the client
/// sent (the OpenAPI layer decodes its own copy to check it against the schema). When that decoding fails, a body
/// that is JSON but does not fit the schema is an invalid input: /v1/validate answers `valid: false` with the issue,
/// a submission 422.
struct RequestBodyCapture: ServerMiddleware {
    @TaskLocal static var json: Data?
    let maxBodyBytes: Int

    static func currentJSON() throws -> Data {
        guard let json else {
            throw APIProblem(kind: .internal, detail: "the JSON body was not kept (please report it)")
        }
        return json
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body, let contentType = request.headerFields[.contentType],
              contentType.lowercased().hasPrefix("application/json")
        else {
            return try await next(request, body, metadata)
        }
        let data = try await Data(collecting: body, upTo: maxBodyBytes)
        do {
            return try await Self.$json.withValue(data) {
                try await next(request, HTTPBody(data), metadata)
            }
        } catch let error as ServerError {
            guard operationID == Operations.ValidateInput.id, let decodingError = error.underlyingError as? DecodingError,
                  !RequestBodyProblem.isMalformedJSON(decodingError)
            else { throw error }
            let report = Components.Schemas.ValidationReport(
                valid: false, issues: [Components.Schemas.Issue(RequestBodyProblem.issue(for: decodingError))]
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let answer = try encoder.encode(report)
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json; charset=utf-8"]),
                    HTTPBody(answer))
        }
    }
}
