import Foundation
import Hummingbird
import MentorMatch
import MentorMatchWorkspace

extension WorkspaceRoutes {
    /// `/`, `/sign-in`, `/sign-out`. The sign-in form's CSRF token is a pre-session cookie (`mm_csrf`) repeated in
    /// the form (double submit): a page of another site cannot read the cookie, so cannot fill in the field.
    func registerSignIn(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let state = requestState(of: request)
            return WorkspaceResponses.redirect(to: state.session == nil ? "/sign-in" : "/programmes", state: state)
        }
        router.get("/sign-in") { request, _ in
            let state = requestState(of: request)
            if state.session != nil { return WorkspaceResponses.redirect(to: "/programmes", state: state) }
            return signInPage(state: state, status: .ok, message: nil)
        }
        router.post("/sign-in") { request, _ in
            var state = requestState(of: request)
            var request = request
            return await WorkspaceResponses.guarding(state) {
                let form = try await WorkspaceForms.urlEncoded(&request, maxBytes: 64 * 1024)
                guard let expected = state.preSessionCSRF, WorkspaceForms.csrfMatches(form["csrf"], expected) else {
                    throw PageError.forbidden
                }
                let outcome = Result { () throws(WorkspaceError) in
                    try workspace.signIn(name: form["username"] ?? "", password: form["password"] ?? "", address: "").token
                }
                switch outcome {
                case .success(let token):
                    state.setCookies.append(cookie(Self.sessionCookie, token, state: state))
                    state.setCookies.append(cookie(Self.csrfCookie, "", state: state, maxAge: 0))
                    return WorkspaceResponses.redirect(to: "/programmes", state: state)
                case .failure(.wrongPassword):
                    return signInPage(state: state, status: .unauthorized, message: state.text(.wrongPassword))
                case .failure(.throttled(let minutes)):
                    return signInPage(state: state, status: .tooManyRequests, message: state.text(.throttled, "\(minutes)"))
                case .failure(let error):
                    throw error
                }
            }
        }
        router.post("/sign-out") { request, _ in
            var state = requestState(of: request)
            var request = request
            return await WorkspaceResponses.guarding(state) {
                let form = try await WorkspaceForms.urlEncoded(&request, maxBytes: 64 * 1024)
                guard let session = state.session, let token = state.sessionToken else {
                    return WorkspaceResponses.redirect(to: "/sign-in", state: state)
                }
                guard WorkspaceForms.csrfMatches(form["csrf"], session.csrf) else { throw PageError.forbidden }
                workspace.signOut(token: token)
                state.setCookies.append(cookie(Self.sessionCookie, "", state: state, maxAge: 0))
                return WorkspaceResponses.redirect(to: "/sign-in", state: state)
            }
        }
    }

    func signInPage(state: RequestState, status: HTTPResponse.Status, message: String?) -> Response {
        var state = state
        state.session = nil
        let csrf = state.preSessionCSRF.flatMap { $0.count == 64 ? $0 : nil } ?? Workspace.randomToken()
        if csrf != state.preSessionCSRF { state.setCookies.append(cookie(Self.csrfCookie, csrf, state: state)) }
        let error: HTML = message.map { "<p class=\"error\" id=\"sign-in-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let body: HTML = """
            \(error)
            <form method="post" action="/sign-in" id="sign-in-form">
            <input type="hidden" name="csrf" value="\(csrf)">
            <label for="username">\(state.text(.username))</label>
            <input type="text" id="username" name="username" autocomplete="username" required>
            <label for="password">\(state.text(.password))</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <p><button type="submit" id="sign-in">\(state.text(.signInButton))</button></p>
            </form>
            """
        return WorkspaceResponses.html(
            WorkspaceLayout.page(title: state.text(.signInTitle), state: state, programme: nil, nav: nil, body: body),
            status: status, state: state)
    }

    /// `/programmes`: the account's programmes and the form that creates one.
    func registerProgrammes(on router: Router<BasicRequestContext>) {
        router.get("/programmes") { request, _ in
            await signedIn(request) { state, session in
                let programmes = try workspace.programmes(for: session.account)
                let notice = request.uri.queryParameters.get("deleted") != nil ? state.text(.deleted) : nil
                return programmesPage(state: state, session: session, programmes: programmes, notice: notice)
            }
        }
        router.post("/programmes") { request, _ in
            await signedIn(request) { state, session in
                var request = request
                let form = try await WorkspaceForms.urlEncoded(&request, maxBytes: 64 * 1024)
                guard WorkspaceForms.csrfMatches(form["csrf"], session.csrf) else { throw PageError.forbidden }
                let programme = try workspace.createProgramme(named: form["name"] ?? "", by: session.account)
                return WorkspaceResponses.redirect(to: "/programmes/\(programme.id)", state: state)
            }
        }
    }

    func programmesPage(state: RequestState, session: Session, programmes: [Programme], notice: String?) -> Response {
        let list: HTML = programmes.isEmpty
            ? "<p id=\"no-programmes\">\(state.text(.noProgrammes))</p>"
            : "<ul id=\"programmes\">\(programmes.map { programme -> HTML in "<li><a class=\"programme-link\" href=\"/programmes/\(programme.id)\">\(programme.name)</a></li>" })</ul>"
        let body: HTML = """
            \(list)
            <h2>\(state.text(.createProgramme))</h2>
            <form method="post" action="/programmes" id="create-programme">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label for="programme-name">\(state.text(.programmeName))</label>
            <p class="hint" id="programme-name-hint">\(state.text(.programmeNameHint))</p>
            <input type="text" id="programme-name" name="name" required maxlength="100" aria-describedby="programme-name-hint">
            <p><button type="submit" id="create-programme-button">\(state.text(.createButton))</button></p>
            </form>
            """
        return WorkspaceResponses.html(
            WorkspaceLayout.page(title: state.text(.programmesTitle), state: state, programme: nil, nav: nil, body: body,
                                 notice: notice),
            state: state)
    }
}
