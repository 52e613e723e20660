import Foundation
import Hummingbird
import MentorMatch
import MentorMatchAPI

/// An answer that is not a success: an RFC 9457 `application/problem+json` document. Handlers and middleware throw
/// it; ``ProblemMiddleware`` writes it, so every error of the server has this one shape.
struct APIProblem: Error, Sendable, HTTPResponseError {
    /// The kinds of problem, each with its status and the URI that names it in `type`.
    enum Kind: String, Sendable {
        case malformedBody = "malformed-body"
        case badParameter = "bad-parameter"
        case unauthorized
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case idempotencyConflict = "idempotency-conflict"
        case notFinished = "not-finished"
        case bodyTooLarge = "body-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case notAcceptable = "not-acceptable"
        case invalidInput = "invalid-input"
        case queueFull = "queue-full"
        case unavailable
        case storeFailed = "store-failed"
        case `internal`

        var status: HTTPResponse.Status {
            switch self {
            case .malformedBody, .badParameter: .badRequest
            case .unauthorized: .unauthorized
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .idempotencyConflict, .notFinished: .conflict
            case .bodyTooLarge: .contentTooLarge
            case .unsupportedMediaType: .unsupportedMediaType
            case .notAcceptable: .notAcceptable
            case .invalidInput: .unprocessableContent
            case .queueFull: .tooManyRequests
            case .unavailable: .serviceUnavailable
            case .storeFailed, .internal: .internalServerError
            }
        }

        var title: String {
            switch self {
            case .malformedBody: "The request body cannot be read"
            case .badParameter: "A parameter is out of range"
            case .unauthorized: "A bearer token is needed"
            case .notFound: "Not found"
            case .methodNotAllowed: "Method not allowed"
            case .idempotencyConflict: "The Idempotency-Key was used with another body"
            case .notFinished: "The job has not succeeded"
            case .bodyTooLarge: "The request body is too large"
            case .unsupportedMediaType: "Unsupported media type"
            case .notAcceptable: "No acceptable response type"
            case .invalidInput: "The input has problems"
            case .queueFull: "The job queue is full"
            case .unavailable: "The server is not accepting jobs"
            case .storeFailed: "The job could not be stored"
            case .internal: "Internal server error"
            }
        }
    }

    var kind: Kind
    var detail: String
    var issues: [InputIssue]? = nil
    /// Extra header fields: `Retry-After`, `Allow`, `WWW-Authenticate`.
    var headers: HTTPFields = [:]

    var status: HTTPResponse.Status { kind.status }

    /// The problem document, with its `issues` when the input is at fault.
    var document: Components.Schemas.Problem {
        Components.Schemas.Problem(
            _type: "https://mentormatch.lv/problems/\(kind.rawValue)", title: kind.title, status: Int(status.code),
            detail: detail, issues: issues.map { $0.map(Components.Schemas.Issue.init) }
        )
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(document)
        var fields = headers
        fields[.contentType] = "application/problem+json"
        fields[.contentLength] = String(body.count)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIProblem {
    static func jobNotFound(_ id: String) -> APIProblem {
        APIProblem(kind: .notFound, detail: "there is no job \(id) (it may have been erased); submit it again")
    }

    static func invalidInput(_ issues: [InputIssue]) -> APIProblem {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return APIProblem(kind: .invalidInput, detail: "\(count) in the input; each is listed in issues with its fix",
                          issues: issues)
    }
}

/// The API's shape of an issue: the library's ``InputIssue`` (with its Latvian wording) plus `record`, the JSON record
/// its path points into.
extension Components.Schemas.Issue {
    init(_ issue: InputIssue) {
        self.init(source: issue.source, line: issue.line, record: Self.record(ofPath: issue.field),
                  field: issue.field, problem: issue.problem, fix: issue.fix, cell: issue.cell,
                  latvian: issue.latvian.map { LatvianPayload(problem: $0.problem, fix: $0.fix) })
    }

    /// `mentors[3]` of `mentors[3].capacity`; nil for a CSV column or a whole-document problem.
    static func record(ofPath field: String?) -> String? {
        guard let field, let bracket = field.firstIndex(of: "]") else { return nil }
        return String(field[...bracket])
    }
}
