import Foundation
import Hummingbird
import MentorMatch
import MentorMatchWorkspace

extension WorkspaceRoutes {
    /// The downloads of the newest run, which every one is recorded in the audit log.
    static let exports: [(name: String, type: String, label: TextKey)] = [
        ("pairs.csv", "text/csv; charset=utf-8", .exportPairs),
        ("unmatched.csv", "text/csv; charset=utf-8", .exportUnmatched),
        ("changes.csv", "text/csv; charset=utf-8", .exportChanges),
        ("result.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .exportWorkbook),
    ]

    /// Exports, the audit log, members and deleting.
    func registerAdministration(on router: Router<BasicRequestContext>) {
        programmeGET(router, "export") { page in
            let run = try page.workspace.latestRun(of: page.programme)
            var links: [HTML] = []
            if let run {
                for export in Self.exports where await page.workspace.file(export.name, of: run) != nil {
                    let id = export.name.replacingOccurrences(of: ".", with: "-")
                    links.append("<li><a id=\"export-\(id)\" href=\"\(page.path("export/" + export.name))\">\(page.text(export.label))</a></li>")
                }
            }
            let body: HTML = links.isEmpty ? "<p id=\"no-run\">\(page.text(.noRun))</p>" : "<ul id=\"exports\">\(links)</ul>"
            return page.html(title: page.text(.exportsTitle), nav: .exports, body: body)
        }
        for export in Self.exports {
            programmeGET(router, "export/" + export.name) { page in
                guard let run = try page.workspace.latestRun(of: page.programme),
                    let data = await page.workspace.file(export.name, of: run)
                else { throw PageError.notFound }
                try page.workspace.recordDownload(export.name, of: page.programme, by: page.session.account)
                return page.download(data, name: export.name, type: export.type)
            }
        }
        programmeGET(router, "audit") { page in
            let rows: [HTML] = try page.workspace.auditLog(of: page.programme).map { entry in
                "<tr class=\"audit-row\" data-action=\"\(entry.action.rawValue)\"><td>\(WorkspaceFormat.time(entry.at))</td><td>\(entry.account)</td><td>\(page.text(entry.action.label))</td><td>\(entry.object)</td></tr>"
            }
            let body: HTML = """
                <table id="audit"><thead><tr><th scope="col">\(page.text(.whenColumn))</th><th scope="col">\(page.text(.whoColumn))</th><th scope="col">\(page.text(.actionColumn))</th><th scope="col">\(page.text(.objectColumn))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
            return page.html(title: page.text(.auditTitle), nav: .audit, body: body)
        }
        programmeGET(router, "members") { page in try membersPage(page, notice: nil) }
        programmePOST(router, "members") { page in
            try page.workspace.addMember(named: page.form["username"] ?? "", to: page.programme, by: page.session.account)
            return try membersPage(page, notice: page.text(.memberAdded))
        }
        programmePOST(router, "delete") { page in
            try await page.workspace.delete(page.programme, by: page.session.account)
            return page.redirect(to: "/programmes?deleted=1")
        }
    }

    func membersPage(_ page: WorkspacePage, notice: String?) throws -> Response {
        let members: [HTML] = try page.workspace.members(of: page.programme).map { "<li class=\"member\">\($0)</li>" }
        let body: HTML = """
            <ul id="members">\(members)</ul>
            <h2>\(page.text(.addMember))</h2>
            <form method="post" action="\(page.path("members"))" id="add-member">\(page.csrfInput)
            <label for="member-username">\(page.text(.username))</label>
            <input type="text" id="member-username" name="username" required maxlength="100">
            <p><button type="submit" id="add-member-button">\(page.text(.addButton))</button></p>
            </form>
            <h2>\(page.text(.deleteTitle))</h2>
            <p class="hint">\(page.text(.deleteHint))</p>
            <form method="post" action="\(page.path("delete"))" id="delete-form">\(page.csrfInput)
            <p><input type="checkbox" id="delete-confirm" name="confirm" required> <label for="delete-confirm" class="inline-label">\(page.text(.deleteConfirm))</label></p>
            <button type="submit" id="delete-programme" class="decline">\(page.text(.deleteButton))</button>
            </form>
            """
        return page.html(title: page.text(.membersTitle), nav: .members, body: body, notice: notice)
    }
}
