import Foundation
import HTTPTypes
import Hummingbird
import MentorMatch
import MentorMatchWorkspace

/// The coordinators' workspace in the browser: server-rendered pages over ``Workspace``, on the server's router
/// beside the API (never under `/v1`, never behind its bearer token: a session cookie and a CSRF token per form
/// instead). The names of routes, fields and element ids are fixed in WORKSPACE-DESIGN.md.
///
/// ## How to add a page
/// A page of a programme is one function registered in ``register(on:)``:
/// ```swift
/// programmeGET(router, "map") { page in
///     page.html(title: page.text(.navMap), nav: .map, body: "<svg …>\(…)</svg>")
/// }
/// programmePOST(router, "calendar") { page, form in … page.redirect(to: page.path("calendar")) }
/// ```
/// ``programmeGET(_:_:_:)`` signs the request in (or redirects to the sign-in page), picks the language, finds the
/// programme among the account's (404 page otherwise) and hands a ``WorkspacePage``; ``programmePOST(_:_:_:)``
/// also reads the form and checks its CSRF token (403 page otherwise). Build markup with ``HTML`` literals (values
/// are escaped) and labels with ``WorkspacePage/text(_:_:)`` (add keys to `TextKey` and both tables of
/// `WorkspaceText`). Add the page to the nav in ``WorkspaceLayout/NavItem``.
struct WorkspaceRoutes: Sendable {
    let workspace: Workspace
    let maxBodyBytes: Int

    static let sessionCookie = "mm_session"
    static let csrfCookie = "mm_csrf"
    static let languageCookie = "mm_lang"
    /// Set by a TLS-terminating proxy: the session cookie is then `Secure`.
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")

    func register(on router: Router<BasicRequestContext>) {
        registerSignIn(on: router)
        registerProgrammes(on: router)
        registerData(on: router)
        registerReview(on: router)
        registerAdministration(on: router)
        registerPlanning(on: router)
        router.get("/assets/workspace.css") { _, _ in WorkspaceAssets.response(WorkspaceAssets.css, type: "text/css; charset=utf-8") }
        router.get("/assets/workspace.js") { _, _ in
            WorkspaceAssets.response(WorkspaceAssets.javascript, type: "text/javascript; charset=utf-8")
        }
    }

    // MARK: - The request's state

    /// What every page needs of a request: language, session, cookies.
    func requestState(of request: Request) -> RequestState {
        let cookies = request.cookies
        var state = RequestState(
            language: cookies[Self.languageCookie].flatMap { ReportLanguage(rawValue: $0.value) } ?? .lv,
            path: request.uri.path,
            secure: Self.forwardedProto.flatMap { request.headers[$0] }?.lowercased() == "https")
        if let asked = request.uri.queryParameters.get("lang").flatMap(ReportLanguage.init(rawValue:)) {
            state.language = asked
            state.setCookies.append(cookie(Self.languageCookie, asked.rawValue, state: state, maxAge: 365 * 86_400))
        }
        state.sessionToken = cookies[Self.sessionCookie]?.value
        state.session = state.sessionToken.flatMap { workspace.session(token: $0) }
        state.preSessionCSRF = cookies[Self.csrfCookie]?.value
        return state
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure behind TLS.
    func cookie(_ name: String, _ value: String, state: RequestState, maxAge: Int? = nil) -> String {
        var text = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if state.secure { text += "; Secure" }
        return text
    }

    /// Runs a signed-in page: the sign-in page for a request without a session.
    func signedIn(
        _ request: Request, _ body: (RequestState, Session) async throws -> Response
    ) async -> Response {
        let state = requestState(of: request)
        guard let session = state.session else {
            return WorkspaceResponses.redirect(to: "/sign-in", state: state)
        }
        return await WorkspaceResponses.guarding(state) { try await body(state, session) }
    }

    /// Registers `GET /programmes/{pid}/<path>` (or the overview for an empty path).
    func programmeGET(
        _ router: Router<BasicRequestContext>, _ path: String,
        _ body: @escaping @Sendable (WorkspacePage) async throws -> Response
    ) {
        let workspace = self.workspace
        router.get(RouterPath("/programmes/:pid" + (path.isEmpty ? "" : "/" + path))) { request, context in
            await signedIn(request) { state, session in
                let programme = try workspace.programme(context.parameters.get("pid") ?? "", for: session.account)
                return try await body(WorkspacePage(
                    request: request, state: state, session: session, programme: programme, workspace: workspace, form: [:]))
            }
        }
    }

    /// Registers `POST /programmes/{pid}/<path>` with a URL-encoded form whose `csrf` must be the session's.
    func programmePOST(
        _ router: Router<BasicRequestContext>, _ path: String,
        _ body: @escaping @Sendable (WorkspacePage) async throws -> Response
    ) {
        let workspace = self.workspace
        let maxBodyBytes = self.maxBodyBytes
        router.post(RouterPath("/programmes/:pid/" + path)) { request, context in
            await signedIn(request) { state, session in
                var request = request
                let form = try await WorkspaceForms.urlEncoded(&request, maxBytes: maxBodyBytes)
                guard WorkspaceForms.csrfMatches(form["csrf"], session.csrf) else { throw PageError.forbidden }
                let programme = try workspace.programme(context.parameters.get("pid") ?? "", for: session.account)
                return try await body(WorkspacePage(
                    request: request, state: state, session: session, programme: programme, workspace: workspace, form: form))
            }
        }
    }

    /// Registers `POST /programmes/{pid}/<path>` with a `multipart/form-data` form whose `csrf` must be the session's:
    /// its fields become the page's form, its files are handed on.
    func programmeMultipartPOST(
        _ router: Router<BasicRequestContext>, _ path: String,
        _ body: @escaping @Sendable (WorkspacePage, [WorkspaceForms.Part]) async throws -> Response
    ) {
        let workspace = self.workspace
        let maxBodyBytes = self.maxBodyBytes
        router.post(RouterPath("/programmes/:pid/" + path)) { request, context in
            await signedIn(request) { state, session in
                var request = request
                let parts = try await WorkspaceForms.multipart(&request, maxBytes: maxBodyBytes)
                let fields = Dictionary(parts.filter { $0.fileName == nil }.map { ($0.name, String(decoding: $0.data, as: UTF8.self)) },
                                        uniquingKeysWith: { first, _ in first })
                guard WorkspaceForms.csrfMatches(fields["csrf"], session.csrf) else { throw PageError.forbidden }
                let programme = try workspace.programme(context.parameters.get("pid") ?? "", for: session.account)
                let page = WorkspacePage(request: request, state: state, session: session, programme: programme,
                                         workspace: workspace, form: fields)
                return try await body(page, parts.filter { $0.fileName != nil })
            }
        }
    }
}

/// What a page knows of its request.
struct RequestState: Sendable {
    var language: ReportLanguage
    var path: String
    var secure: Bool
    var sessionToken: String?
    var session: Session?
    var preSessionCSRF: String?
    /// `Set-Cookie` values the response carries.
    var setCookies: [String] = []

    func text(_ key: TextKey, _ arguments: String...) -> String {
        arguments.enumerated().reduce(WorkspaceText.text(key, language)) { text, argument in
            text.replacingOccurrences(of: "{\(argument.offset)}", with: argument.element)
        }
    }
}

/// A signed-in request for one of the account's programmes.
struct WorkspacePage: Sendable {
    let request: Request
    let state: RequestState
    let session: Session
    let programme: Programme
    let workspace: Workspace
    /// The URL-encoded form of a POST (empty for a GET).
    let form: [String: String]

    var language: ReportLanguage { state.language }

    func text(_ key: TextKey, _ arguments: String...) -> String {
        arguments.enumerated().reduce(WorkspaceText.text(key, state.language)) { text, argument in
            text.replacingOccurrences(of: "{\(argument.offset)}", with: argument.element)
        }
    }

    /// `/programmes/{pid}/<page>`.
    func path(_ page: String = "") -> String { "/programmes/\(programme.id)" + (page.isEmpty ? "" : "/" + page) }

    /// A query parameter of the request.
    func query(_ name: String) -> String? { request.uri.queryParameters.get(name) }

    /// A page in the layout, with the programme's nav.
    func html(title: String, nav: WorkspaceLayout.NavItem?, body: HTML, status: HTTPResponse.Status = .ok,
              refreshSeconds: Int? = nil, notice: String? = nil) -> Response
    {
        WorkspaceResponses.html(
            WorkspaceLayout.page(title: title, state: state, programme: programme, nav: nav, body: body,
                                 refreshSeconds: refreshSeconds, notice: notice),
            status: status, state: state)
    }

    /// 303 to a path of the server.
    func redirect(to path: String) -> Response { WorkspaceResponses.redirect(to: path, state: state) }

    /// A download: `Content-Disposition: attachment`.
    func download(_ data: Data, name: String, type: String) -> Response {
        WorkspaceResponses.download(data, name: name, type: type, state: state)
    }

    /// The hidden CSRF input every form carries.
    var csrfInput: HTML { "<input type=\"hidden\" name=\"csrf\" value=\"\(session.csrf)\">" }
}

/// Why a page answers with an error page.
enum PageError: Error {
    case notFound
    case forbidden
    case badRequest(String)
}
