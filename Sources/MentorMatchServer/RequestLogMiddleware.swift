import Foundation
import Hummingbird
import Logging

/// One log line per request: its id, method, route template, status, sizes and time. Never the URI (a young
/// person's id can be in it), a query, a header or a body, so no personal data reaches the logs.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        var metadata: Logger.Metadata = [
            "request_id": "\(context.id)",
            "method": "\(request.method.rawValue)",
            "route": "\(context.endpointPath ?? "unmatched")",
            "status": "\(response.status.code)",
            "duration_ms": "\(Self.milliseconds(ContinuousClock.now - started))",
        ]
        if let length = request.headers[.contentLength] { metadata["request_bytes"] = "\(length)" }
        if let length = response.body.contentLength { metadata["response_bytes"] = "\(length)" }
        logger.info("request", metadata: metadata)
        return response
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
