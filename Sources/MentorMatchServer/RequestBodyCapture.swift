import Foundation
import HTTPTypes
import Hummingbird
import MentorMatch
import OpenAPIRuntime

/// An OpenAPI middleware that keeps a JSON body's bytes for the handler, so the job stores exactly what the client
/// sent (the OpenAPI layer decodes its own copy to check it against the schema), and answers 400 to a body that is not
/// JSON at all (the OpenAPI layer's decoding error would not tell it from a field of the wrong type).
///
/// It also keeps the `Idempotency-Key` header as sent: the generated code reads header values as URI components
/// (`+` would become a space, `%41` an `A`), and the key is compared byte for byte.
struct RequestBodyCapture: ServerMiddleware {
    @TaskLocal static var json: Data?
    @TaskLocal static var idempotencyKey: String?
    static let idempotencyKeyField = HTTPField.Name("Idempotency-Key")
    let maxBodyBytes: Int

    static func currentJSON() throws -> Data {
        guard let json else {
            throw APIProblem(kind: .internal, detail: "the JSON body was not kept (please report it)")
        }
        return json
    }

    /// The JSON path of the first null, outside a policy's own keys. The API's schemas allow no null (the generated
    /// decoder would read one as a missing optional value, so it is refused here).
    static func nullPath(in value: Any, path: String = "") -> String? {
        switch value {
        case is NSNull:
            return path.isEmpty ? "(the body)" : path
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let value = object[key], !(key == "policy" && value is [String: Any]),
                   let found = nullPath(in: value, path: child)
                {
                    return found
                }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = nullPath(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let key = Self.idempotencyKeyField.flatMap { request.headerFields[$0] }
        return try await Self.$idempotencyKey.withValue(key) {
            try await keepingJSON(request, body: body, metadata: metadata, next: next)
        }
    }

    private func keepingJSON(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body, let contentType = request.headerFields[.contentType],
              contentType.lowercased().hasPrefix("application/json")
        else {
            return try await next(request, body, metadata)
        }
        let data = try await Data(collecting: body, upTo: maxBodyBytes)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw RequestBodyProblem.malformed
        }
        if let path = Self.nullPath(in: object) {
            throw APIProblem.invalidInput([InputIssue(source: "request body", field: path, problem: "the value is null",
                                                      fix: "leave the key out, or give it a value")])
        }
        return try await Self.$json.withValue(data) {
            try await next(request, HTTPBody(data), metadata)
        }
    }
}
