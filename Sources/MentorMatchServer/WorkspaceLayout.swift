import Foundation
import Hummingbird
import MentorMatch
import MentorMatchWorkspace

/// The one layout of every workspace page: `<html lang>`, the skip link, the header with the account, the language
/// switch (`#lang-switch`), the programme's nav, the notice (`#notice`) and the `<h1>`.
enum WorkspaceLayout {
    /// The pages of a programme's nav, in order; a new page adds a case (its path and label).
    enum NavItem: String, CaseIterable, Sendable {
        case overview, policy, review, map, calendar, exports, audit, members

        var path: String {
            switch self {
            case .overview: ""
            case .exports: "export"
            default: rawValue
            }
        }

        var label: TextKey {
            switch self {
            case .overview: .navOverview
            case .policy: .navPolicy
            case .review: .navReview
            case .map: .navMap
            case .calendar: .navCalendar
            case .exports: .navExports
            case .audit: .navAudit
            case .members: .navMembers
            }
        }
    }

    static func page(
        title: String, state: RequestState, programme: Programme?, nav: NavItem?, body: HTML,
        refreshSeconds: Int? = nil, notice: String? = nil
    ) -> HTML {
        let other: ReportLanguage = state.language == .lv ? .en : .lv
        let refresh: HTML = refreshSeconds.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">" } ?? .empty
        let account: HTML = state.session.map { session in
            """
            <span class="account">\(state.text(.signedInAs, session.account.name))</span>
            <form method="post" action="/sign-out" class="inline"><input type="hidden" name="csrf" value="\(session.csrf)"><button type="submit" id="sign-out">\(state.text(.signOut))</button></form>
            """
        } ?? .empty
        let programmeNav: HTML = programme.map { programme in
            let items: [HTML] = NavItem.allCases.map { item in
                let href = "/programmes/\(programme.id)" + (item.path.isEmpty ? "" : "/" + item.path)
                let current: HTML = item == nav ? " aria-current=\"page\"" : ""
                return "<li><a href=\"\(href)\" id=\"nav-\(item.rawValue)\"\(current)>\(state.text(item.label))</a></li>"
            }
            return """
                <nav aria-label="\(programme.name)"><p class="programme-name">\(programme.name)</p><ul>\(items)</ul></nav>
                """
        } ?? .empty
        let noticeHTML: HTML = notice.map { "<p id=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        return """
            <!DOCTYPE html>
            <html lang="\(state.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(refresh)<title>\(title) – MentorMatch</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/workspace.css">
            <script src="/assets/workspace.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">\(state.text(.skipToContent))</a>
            <header>
            <a class="brand" href="/programmes">MentorMatch</a>
            <a href="/programmes" id="nav-programmes">\(state.text(.navProgrammes))</a>
            <a id="lang-switch" href="\(state.path)?lang=\(other.rawValue)" lang="\(other.rawValue)">\(state.text(.switchLanguage))</a>
            \(account)
            </header>
            \(programmeNav)
            <main id="main">
            <h1>\(title)</h1>
            \(noticeHTML)
            \(body)
            </main>
            </body>
            </html>
            """
    }
}

/// The stylesheet and the script, served by the server (the pages load nothing from elsewhere).
enum WorkspaceAssets {
    static func response(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Colours meet WCAG AA: body text #1a1a1a on #ffffff (17:1), links #0b4f8a (8:1), buttons white on #0b4f8a,
    /// errors #8a1111 on #fdecec (7:1); a visible focus ring on everything focusable.
    static let css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #ffffff; margin: 0; line-height: 1.45; }
        a { color: #0b4f8a; }
        a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid #b35900; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 8px; top: 8px; background: #ffffff; padding: 4px; }
        header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #eef3f8; border-bottom: 1px solid #c5d3e0; flex-wrap: wrap; }
        header .brand { font-weight: 700; text-decoration: none; }
        nav { padding: .3rem 1rem; border-bottom: 1px solid #c5d3e0; }
        nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; flex-wrap: wrap; }
        nav a[aria-current] { font-weight: 700; }
        .programme-name { margin: .2rem 0; font-weight: 600; }
        main { padding: 1rem; max-width: 75rem; }
        form.inline { display: inline; }
        label.inline-label { display: inline; font-weight: normal; margin: 0 0 0 .3rem; }
        fieldset { margin-top: .6rem; border: 1px solid #c5d3e0; }
        button { background: #0b4f8a; color: #ffffff; border: 0; padding: .4rem .8rem; border-radius: 3px; cursor: pointer; font: inherit; }
        button.decline { background: #8a1111; }
        button.secondary { background: #4a4a4a; }
        label { display: block; font-weight: 600; margin-top: .6rem; }
        input[type=text], input[type=password], input[type=number], input[type=date], input[type=file], select { font: inherit; padding: .25rem; }
        .hint { color: #3d3d3d; margin: .1rem 0 .4rem; font-size: .95em; }
        table { border-collapse: collapse; margin: .6rem 0; }
        th, td { border: 1px solid #c5d3e0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef3f8; }
        td ul { margin: 0; padding: 0; list-style: none; }
        ul.parts li { display: inline-block; margin-right: .6rem; white-space: nowrap; }
        ul.next-best li, td.actions { white-space: nowrap; }
        td.actions form + form { margin-left: .3rem; }
        .error, .input-problem { color: #8a1111; }
        #input-problems { background: #fdecec; padding: .6rem 1.6rem; }
        #notice { background: #e7f4ea; color: #13461f; padding: .5rem; }
        #headline { font-size: 1.2rem; }
        td.decision { font-size: .92em; }
        """

    /// Progressive enhancement only: the running review page polls instead of reloading the whole page, and the
    /// delete button asks once more. Every page works without it.
    static let javascript = """
        (function () {
          var running = document.getElementById('run-running');
          if (running) {
            var poll = function () {
              fetch(window.location.pathname, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
                .then(function (response) { return response.text(); })
                .then(function (text) {
                  if (text.indexOf('id="run-running"') < 0) { window.location.reload(); } else { setTimeout(poll, 1000); }
                })
                .catch(function () { setTimeout(poll, 3000); });
            };
            setTimeout(poll, 1000);
          }
        })();
        """
}
