import Foundation
import MentorMatch

/// A JSON body the OpenAPI layer could not decode into the schema's types (``RequestBodyCapture`` has already answered
/// 400 to one that is not JSON at all): an input issue naming the JSON path that does not fit, answered 422.
enum RequestBodyProblem {
    static let malformed = APIProblem(
        kind: .malformedBody, detail: "the body is not JSON; send one JSON object (the input document), see /docs"
    )

    static func problem(for error: DecodingError) -> APIProblem {
        .invalidInput([issue(for: error)])
    }

    static func issue(for error: DecodingError) -> InputIssue {
        let fix = "write it as the schema in /openapi.yaml (or /docs) says"
        switch error {
        case .typeMismatch(let type, let context):
            return InputIssue(source: "request body", field: path(context.codingPath),
                              problem: "the value is not \(described(type))", fix: fix)
        case .valueNotFound(let type, let context):
            return InputIssue(source: "request body", field: path(context.codingPath),
                              problem: "the value is null, not \(described(type))", fix: fix)
        case .keyNotFound(let key, let context):
            return InputIssue(source: "request body", field: path(context.codingPath + [key]),
                              problem: "this required field is missing", fix: "add it; " + fix)
        case .dataCorrupted(let context):
            return InputIssue(source: "request body", field: path(context.codingPath),
                              problem: context.debugDescription, fix: fix)
        @unknown default:
            return InputIssue(source: "request body", problem: "the body does not fit the schema", fix: fix)
        }
    }

    /// `mentors[3].capacity`, as the library names JSON paths.
    static func path(_ codingPath: [any CodingKey]) -> String? {
        guard !codingPath.isEmpty else { return nil }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func described(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text in quotes"
        default: "of the expected type"
        }
    }
}
