import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization

/// An OpenAPI middleware that answers a stored JSON file (a job's `result.json`) with its bytes as they are, instead
/// of decoding them into the generated free-form type and encoding that again: the generated `additionalProperties`
/// container bridges every value through dynamic casts, which made that round trip the server's largest cost under
/// load. The handler calls ``pass(_:)`` and answers an empty placeholder of the type; this puts the file in its place.
struct StoredJSONResponse: ServerMiddleware {
    final class Slot: Sendable {
        let data = Mutex<Data?>(nil)
    }

    @TaskLocal static var slot: Slot?

    /// Makes `data` the response's body; the handler's own body is a placeholder then.
    static func pass(_ data: Data) throws {
        guard let slot else {
            throw APIProblem(kind: .internal, detail: "the stored JSON could not be passed on (please report it)")
        }
        slot.data.withLock { $0 = data }
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let slot = Slot()
        var (response, responseBody) = try await Self.$slot.withValue(slot) { try await next(request, body, metadata) }
        guard let data = slot.data.withLock({ $0 }) else { return (response, responseBody) }
        if response.headerFields[.contentLength] != nil { response.headerFields[.contentLength] = String(data.count) }
        return (response, HTTPBody(data))
    }
}
