import Foundation
import Hummingbird
import Logging
import OpenAPIRuntime

/// Turns every error into one `application/problem+json` answer: the server's own problems as they are, the
/// OpenAPI layer's request errors (a wrong content type, a missing part, a body that is not JSON or does not fit the
/// schema) as 400, 415 or 422, an undeclared method on a declared path as 405 with `Allow`, and anything else as
/// 500 with a message that names no input.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let document: APIDocument
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return try problem(for: error, path: request.uri.path).response(from: request, context: context)
        }
    }

    func problem(for error: any Error, path: String) -> APIProblem {
        if let problem = error as? APIProblem { return problem }
        if let serverError = error as? ServerError { return problem(for: serverError) }
        if let httpError = error as? HTTPError {
            if httpError.status == .notFound, let methods = document.declaredMethods(forPath: path) {
                return APIProblem(kind: .methodNotAllowed,
                                  detail: "this path answers \(methods.joined(separator: ", ")); see /docs",
                                  headers: [.allow: methods.joined(separator: ", ")])
            }
            if httpError.status == .notFound {
                return APIProblem(kind: .notFound, detail: "no such route; the routes are listed at /docs")
            }
            return APIProblem(kind: .badParameter, detail: httpError.body ?? "the request cannot be read")
        }
        logger.error("unexpected error", metadata: ["error_type": "\(type(of: error))"])
        return APIProblem(kind: .internal, detail: "the server failed; the log has the request id")
    }

    private func problem(for serverError: ServerError) -> APIProblem {
        let underlying = serverError.underlyingError
        if let problem = underlying as? APIProblem { return problem }
        if let decodingError = underlying as? DecodingError {
            // A route without a body can only fail on a parameter, such as `?lang=de`.
            if serverError.request.method == .get || serverError.request.method == .delete {
                return APIProblem(kind: .badParameter, detail: "a parameter has a value this route does not take (\(Self.reason(decodingError))); see /docs")
            }
            return RequestBodyProblem.problem(for: decodingError)
        }
        switch serverError.httpStatus {
        case .unsupportedMediaType:
            return APIProblem(kind: .unsupportedMediaType,
                              detail: "send application/json (the input document) or multipart/form-data (the CSV files); see /docs")
        case .notAcceptable:
            return APIProblem(kind: .notAcceptable, detail: "the Accept header allows none of this route's media types; see /docs")
        case .badRequest:
            // The OpenAPI runtime's own descriptions name only parameters and parts of the API, never a value.
            return APIProblem(kind: .badParameter, detail: serverError.causeDescription)
        case .notFound:
            return APIProblem(kind: .notFound, detail: "no such route; the routes are listed at /docs")
        default:
            // No operation input: the request itself could not be read (a multipart body with a part missing,
            // repeated or unknown, or not multipart at all). The runtime's description names the parts only.
            if serverError.operationInput == nil {
                return APIProblem(kind: .badParameter, detail: "the request body cannot be read: \(underlying)")
            }
            logger.error("request failed", metadata: [
                "operation": "\(serverError.operationID)", "error_type": "\(type(of: underlying))",
            ])
            return APIProblem(kind: .internal, detail: "the server failed; the log has the request id")
        }
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            context.debugDescription
        case .keyNotFound(let key, _):
            "\(key.stringValue) is missing"
        @unknown default:
            "it cannot be read"
        }
    }
}
