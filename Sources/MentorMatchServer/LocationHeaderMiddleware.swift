import Foundation
import Hummingbird
import OpenAPIRuntime

/// The generated code writes every header value as a URI component, so `Location: /v1/matchings/ID` would leave as
/// `%2Fv1%2Fmatchings%2FID`; this OpenAPI middleware puts the path back as it is. The path holds only the
/// collection and a job id (letters, digits and dashes), so nothing needs escaping.
struct LocationHeaderMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, metadata)
        if let location = response.headerFields[.location], let path = location.removingPercentEncoding {
            response.headerFields[.location] = path
        }
        return (response, responseBody)
    }
}
