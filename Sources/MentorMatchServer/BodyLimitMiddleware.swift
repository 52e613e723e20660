import Hummingbird

/// Caps request bodies at `maxBytes` while they are read: a `Content-Length` over the limit is refused before any
/// byte is read, and a streamed body fails as soon as it passes the limit. Nothing buffers a body whole before this
/// check (the OpenAPI transport collects bodies with no limit of its own).
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBytes {
            throw tooLarge
        }
        var request = request
        request.body = RequestBody(asyncSequence: LimitedBody(base: request.body, maxBytes: maxBytes, tooLarge: tooLarge))
        return try await next(request, context)
    }

    private var tooLarge: APIProblem {
        let megabyte = 1024 * 1024
        let limit = maxBytes >= megabyte && maxBytes % megabyte == 0 ? "\(maxBytes / megabyte) MB" : "\(maxBytes) bytes"
        return APIProblem(kind: .bodyTooLarge,
                          detail: "the body is over the server's limit of \(limit); split the input or start the server with a larger --max-body-mb")
    }
}

/// A request body that throws once more than `maxBytes` have passed.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let maxBytes: Int
    let tooLarge: APIProblem

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let maxBytes: Int
        let tooLarge: APIProblem
        var received = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let buffer = try await base.next() else { return nil }
            received += buffer.readableBytes
            if received > maxBytes { throw tooLarge }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), maxBytes: maxBytes, tooLarge: tooLarge)
    }
}
