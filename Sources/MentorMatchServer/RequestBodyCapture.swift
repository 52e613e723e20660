import Foundation
import Hummingbird
import OpenAPIRuntime

/// An OpenAPI middleware that keeps a JSON body's bytes for the handler, so the job stores exactly what the client
/// sent (the OpenAPI layer decodes its own copy to check it against the schema), and answers 400 to a body that is not
/// JSON at all (the OpenAPI layer's decoding error would not tell it from a field of the wrong type).
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
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw RequestBodyProblem.malformed
        }
        return try await Self.$json.withValue(data) {
            try await next(request, HTTPBody(data), metadata)
        }
    }
}
