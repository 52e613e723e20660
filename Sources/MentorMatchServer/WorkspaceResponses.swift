import Foundation
import HTTPTypes
import Hummingbird
import MentorMatch
import MentorMatchWorkspace

/// The workspace's responses: HTML pages with the security headers, redirects, downloads, and the error pages.
enum WorkspaceResponses {
    /// No external anything: the pages load only the server's own CSS and JS.
    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy",
         "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("Cache-Control", "no-store"),
    ]

    static func headers(_ state: RequestState, type: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = type
        for (name, value) in securityHeaders {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        for cookie in state.setCookies { fields.append(HTTPField(name: .setCookie, value: cookie)) }
        return fields
    }

    static func html(_ page: HTML, status: HTTPResponse.Status = .ok, state: RequestState) -> Response {
        Response(status: status, headers: headers(state, type: "text/html; charset=utf-8"),
                 body: ResponseBody(byteBuffer: ByteBuffer(string: page.description)))
    }

    static func redirect(to path: String, state: RequestState) -> Response {
        var fields = headers(state, type: "text/plain; charset=utf-8")
        fields[.location] = path
        return Response(status: .seeOther, headers: fields)
    }

    static func download(_ data: Data, name: String, type: String, state: RequestState) -> Response {
        var fields = headers(state, type: type)
        fields[.contentDisposition] = "attachment; filename=\"\(name.filter { $0.isLetter || $0.isNumber || "._-".contains($0) })\""
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs a page, answering its errors with error pages (HTML, never problem+json).
    static func guarding(_ state: RequestState, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as WorkspaceError {
            return page(for: error, state: state)
        } catch let error as PageError {
            switch error {
            case .notFound: return errorPage(.notFound, state.text(.notFoundTitle), state.text(.notFound), state: state)
            case .forbidden: return errorPage(.forbidden, state.text(.forbiddenTitle), state.text(.forbidden), state: state)
            case .badRequest(let why): return errorPage(.badRequest, state.text(.errorTitle), why, state: state)
            }
        } catch {
            return errorPage(.badRequest, state.text(.errorTitle), "\(error)", state: state)
        }
    }

    static func page(for error: WorkspaceError, state: RequestState) -> Response {
        switch error {
        case .notFound: errorPage(.notFound, state.text(.notFoundTitle), state.text(.notFound), state: state)
        case .throttled(let minutes):
            errorPage(.tooManyRequests, state.text(.tooManyTitle), state.text(.throttled, "\(minutes)"), state: state)
        case .jobRefused: errorPage(.serviceUnavailable, state.text(.busyTitle), error.message(state.language), state: state)
        case .storage: errorPage(.internalServerError, state.text(.errorTitle), error.message(state.language), state: state)
        default: errorPage(.unprocessableContent, state.text(.errorTitle), error.message(state.language), state: state)
        }
    }

    static func errorPage(_ status: HTTPResponse.Status, _ title: String, _ message: String, state: RequestState) -> Response {
        let body: HTML = """
            <p class="error" id="error-message">\(message)</p>
            <p><a href="/programmes">\(state.text(.backToProgrammes))</a></p>
            """
        return html(WorkspaceLayout.page(title: title, state: state, programme: nil, nav: nil, body: body), status: status,
                    state: state)
    }
}

/// Forms as browsers send them.
enum WorkspaceForms {
    /// An `application/x-www-form-urlencoded` body (or the query of a GET).
    static func urlEncoded(_ request: inout Request, maxBytes: Int) async throws -> [String: String] {
        let buffer = try await request.collectBody(upTo: maxBytes)
        return decode(String(buffer: buffer))
    }

    static func decode(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first.map(decoded), fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return fields
    }

    /// Whether a form's `csrf` is the expected token (in constant time).
    static func csrfMatches(_ presented: String?, _ expected: String) -> Bool {
        guard let presented, !expected.isEmpty else { return false }
        return Workspace.constantTimeEqual(presented, expected)
    }

    /// One part of a `multipart/form-data` body.
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var data: Data
    }

    /// The parts of a `multipart/form-data` body (RFC 7578), by the boundary of its content type.
    static func multipart(_ request: inout Request, maxBytes: Int) async throws -> [Part] {
        guard let type = request.headers[.contentType], let boundary = boundary(of: type) else {
            throw PageError.badRequest("the form was not sent as multipart/form-data; use the page's upload form")
        }
        let buffer = try await request.collectBody(upTo: maxBytes)
        return parts(Data(buffer.readableBytesView), boundary: boundary)
    }

    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    static func parts(_ body: Data, boundary: String) -> [Part] {
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = [UInt8](body)
        var result: [Part] = []
        var positions: [Int] = []
        var searchStart = 0
        while let range = find(Array(delimiter), in: bytes, from: searchStart) {
            positions.append(range)
            searchStart = range + delimiter.count
        }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // The line break after the delimiter.
            if partStart + 1 < bytes.count, bytes[partStart] == 13, bytes[partStart + 1] == 10 { partStart += 2 }
            var partEnd = end
            if partEnd >= 2, bytes[partEnd - 2] == 13, bytes[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart <= partEnd, let headerEnd = find([13, 10, 13, 10], in: bytes, from: partStart),
                headerEnd <= partEnd
            else { continue }
            let headers = String(decoding: bytes[partStart..<headerEnd], as: UTF8.self)
            let data = Data(bytes[(headerEnd + 4)..<max(headerEnd + 4, partEnd)])
            guard let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }) else { continue }
            guard let name = parameter("name", in: disposition) else { continue }
            result.append(Part(name: name, fileName: parameter("filename", in: disposition), data: data))
        }
        return result
    }

    private static func parameter(_ name: String, in header: Substring) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = String(pair[1])
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension [WorkspaceForms.Part] {
    /// The bytes of the first part named `name` that holds something; nil when the field was left empty.
    func data(named name: String) -> Data? { first { $0.name == name && !$0.data.isEmpty }?.data }
}
