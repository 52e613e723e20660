import Hummingbird

/// With `--token-file`, every `/v1` route needs `Authorization: Bearer <token>`. The comparison takes the same time
/// whatever the first differing byte, so the token cannot be guessed byte by byte from response times.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.uri.path.hasPrefix("/v1/") || request.uri.path == "/v1" else {
            return try await next(request, context)
        }
        let presented = request.headers[.authorization].flatMap(Self.bearerToken(in:))
        guard let presented, Self.constantTimeEqual(Array(presented.utf8), token) else {
            throw APIProblem(
                kind: .unauthorized,
                detail: presented == nil
                    ? "send the token of the server's --token-file as Authorization: Bearer <token>"
                    : "the bearer token is not the server's; check the token file it was started with",
                headers: [.wwwAuthenticate: #"Bearer realm="mentormatch""#]
            )
        }
        return try await next(request, context)
    }

    static func bearerToken(in authorization: String) -> Substring? {
        let scheme = "bearer "
        guard authorization.count > scheme.count, authorization.prefix(scheme.count).lowercased() == scheme else {
            return nil
        }
        return authorization.dropFirst(scheme.count).drop { $0 == " " }
    }

    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count) | (lhs.count == rhs.count ? 0 : 1)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
