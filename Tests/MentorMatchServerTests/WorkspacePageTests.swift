import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MentorMatch
import MentorMatchJobs
@testable import MentorMatchServer
import MentorMatchWorkspace
import Testing

private let password = "garā parole 123"

/// Waits on the review page until the run is no longer running.
private func reviewWhenDone(_ browser: inout Browser, _ path: String) async throws -> Browser.Page {
    try await whenDone(&browser, path, runningID: "run-running")
}

/// The `data-mentee`/`data-mentor` of every `tr.pair` of a review page.
private func pairs(in html: String) -> [(mentee: String, mentor: String)] {
    html.components(separatedBy: "<tr class=\"pair\" data-mentee=\"").dropFirst().compactMap { chunk in
        let mentee = String(chunk.prefix { $0 != "\"" })
        guard let range = chunk.range(of: "data-mentor=\"") else { return nil }
        return (mentee, String(chunk[range.upperBound...].prefix { $0 != "\"" }))
    }
}

/// Signs in a new account "anna" and creates the programme "Ogre 2024": its id.
private func newProgramme(_ browser: inout Browser, _ workspace: Workspace) async throws -> String {
    _ = try workspace.createAccount(name: "anna", password: password)
    _ = try await browser.signIn("anna", password)
    _ = try await browser.get("/programmes")
    return try programmeID(try await browser.post("/programmes", ["name": "Ogre 2024"]).location)
}

/// The Ogre mentors' header and rows, to write into workbooks.
private func ogreMentorRows() throws -> (header: [String], rows: [[String]]) {
    let csv = String(decoding: try scenario("ogre-2024/mentors.csv"), as: UTF8.self)
    var rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    return (rows.removeFirst(), rows)
}

/// Uploads the mentors given as `mentori.xlsx` with the Ogre young people and places, from the overview.
private func uploadOgre(_ browser: inout Browser, _ base: String, mentors: Data) async throws -> Browser.Page {
    _ = try await browser.get(base)
    return try await browser.upload(base + "/uploads", files: [
        ("mentors", "mentori.xlsx", mentors),
        ("mentees", "mentees.csv", try scenario("ogre-2024/mentees.csv")),
        ("places", "places.csv", try scenario("ogre-2024/places.csv")),
    ])
}

private func programmeID(_ location: String?) throws -> String {
    let location = try #require(location)
    #expect(location.hasPrefix("/programmes/"))
    return String(location.dropFirst("/programmes/".count))
}

@Suite("Workspace pages: sign-in, sessions, CSRF")
struct WorkspaceSignInTests {
    @Test("sign in and out; a wrong password is refused; the cookie is HttpOnly and SameSite=Strict")
    func signInOut() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            _ = try workspace.createAccount(name: "anna", password: password)
            var browser = Browser(client)
            #expect(try await browser.get("/").location == "/sign-in")
            let form = try await browser.get("/sign-in")
            #expect(form.status == .ok && form.text.contains("<html lang=\"lv\">") && form.text.contains("id=\"lang-switch\""))
            #expect(browser.cookies["mm_csrf"] == browser.csrf)
            let wrong = try await browser.post("/sign-in", ["username": "anna", "password": "nav tā"])
            #expect(wrong.status == .unauthorized && wrong.text.contains("id=\"sign-in-error\""))
            let right = try await browser.post("/sign-in", ["username": "anna", "password": password])
            #expect(right.status == .seeOther && right.location == "/programmes")
            let cookie = try #require(right.headers[values: .setCookie].first { $0.hasPrefix("mm_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            let list = try await browser.get("/programmes")
            #expect(list.status == .ok && list.text.contains("id=\"create-programme\""))
            #expect(try await browser.post("/sign-out").location == "/sign-in")
            #expect(try await browser.get("/programmes").location == "/sign-in")
        }
    }

    @Test("behind a TLS proxy (X-Forwarded-Proto: https) the session cookie is Secure")
    func secureCookie() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            _ = try workspace.createAccount(name: "anna", password: password)
            var browser = Browser(client)
            _ = try await browser.get("/sign-in")
            var headers = HTTPFields()
            headers[.cookie] = "mm_csrf=\(browser.csrf ?? "")"
            headers[.contentType] = "application/x-www-form-urlencoded"
            if let proto = HTTPField.Name("X-Forwarded-Proto") { headers[proto] = "https" }
            let body = "csrf=\(browser.csrf ?? "")&username=anna&password=\(Browser.encoded(password))"
            let response = try await client.execute(uri: "/sign-in", method: .post, headers: headers,
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("mm_session=") })
            #expect(cookie.contains("; Secure"))
        }
    }

    @Test("what a coordinator types is escaped on every page: a programme named like markup stays text")
    func escaping() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            _ = try workspace.createAccount(name: "anna", password: password)
            var browser = Browser(client)
            _ = try await browser.signIn("anna", password)
            _ = try await browser.get("/programmes")
            let id = try programmeID(try await browser.post("/programmes", ["name": "<script>alert('x')</script> & co"]).location)
            for path in ["/programmes", "/programmes/\(id)", "/programmes/\(id)/review"] {
                let page = try await browser.get(path)
                #expect(!page.text.contains("<script>alert"), "\(path)")
                #expect(page.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), "\(path)")
            }
        }
    }

    @Test("after five wrong passwords the sixth attempt is answered 429, even with the right password")
    func throttle() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            _ = try workspace.createAccount(name: "anna", password: password)
            var browser = Browser(client)
            for _ in 0..<5 { #expect(try await browser.signIn("anna", "nepareiza parole").status == .unauthorized) }
            let held = try await browser.signIn("anna", password)
            #expect(held.status == .tooManyRequests && held.text.contains("15"))
        }
    }

    @Test("a form posted without its CSRF token, or with another, is refused with a 403 page")
    func csrf() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            _ = try workspace.createAccount(name: "anna", password: password)
            var browser = Browser(client)
            _ = try await browser.get("/sign-in")
            #expect(try await browser.post("/sign-in", ["username": "anna", "password": password], csrf: false).status == .forbidden)
            _ = try await browser.signIn("anna", password)
            _ = try await browser.get("/programmes")
            let refused = try await browser.post("/programmes", ["name": "Ogre 2024"], csrf: false)
            #expect(refused.status == .forbidden && refused.text.contains("<html lang=\"lv\">"))
            #expect(try await browser.post("/programmes", ["name": "Ogre 2024", "csrf": String(repeating: "0", count: 64)],
                                           csrf: false).status == .forbidden)
            let session = try #require(workspace.session(token: browser.cookies["mm_session"] ?? ""))
            #expect(try workspace.programmes(for: session.account).isEmpty)
            #expect(try await browser.post("/programmes", ["name": "Ogre 2024"]).status == .seeOther)
        }
    }

    @Test("the language switch sets mm_lang; pages are in English until switched back")
    func language() async throws {
        try await WorkspaceServerHarness().run { client, _, _, _ in
            var browser = Browser(client)
            let english = try await browser.get("/sign-in?lang=en")
            #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("User name"))
            #expect(browser.cookies["mm_lang"] == "en")
            #expect(try await browser.get("/sign-in").text.contains("<html lang=\"en\">"))
            #expect(try await browser.get("/sign-in?lang=lv").text.contains("Lietotājvārds"))
        }
    }
}

@Suite("Workspace pages: a programme from upload to next month")
struct WorkspaceProgrammePageTests {
    @Test("upload the Ogre CSVs, run, review 30 of 35, decide, re-run, publish, next month, export, audit, delete")
    func ogre() async throws {
        try await WorkspaceServerHarness().run { client, workspace, logs, dataDirectory in
            _ = try workspace.createAccount(name: "anna", password: password)
            _ = try workspace.createAccount(name: "berta", password: "otra garā parole")
            var anna = Browser(client)
            _ = try await anna.signIn("anna", password)
            _ = try await anna.get("/programmes")
            let id = try programmeID(try await anna.post("/programmes", ["name": "Ogre 2024"]).location)
            let base = "/programmes/\(id)"
            let overview = try await anna.get(base)
            #expect(overview.text.contains("id=\"upload-form\"") && !overview.text.contains("id=\"run-matching\""))

            let uploaded = try await anna.upload(base + "/uploads", files: [
                ("mentors", "mentors.csv", try scenario("ogre-2024/mentors.csv")),
                ("mentees", "mentees.csv", try scenario("ogre-2024/mentees.csv")),
                ("places", "places.csv", try scenario("ogre-2024/places.csv")),
            ])
            #expect(uploaded.status == .ok && uploaded.text.contains("id=\"no-problems\""))
            #expect(uploaded.text.contains("id=\"run-matching\""))
            #expect(try await anna.post(base + "/runs").location == base + "/review")
            var review = try await reviewWhenDone(&anna, base + "/review")
            #expect(element("served-count", in: review.text) == "30")
            #expect(element("mentee-count", in: review.text) == "35")
            #expect(review.text.contains("tr class=\"unmatched\""))
            #expect(review.text.contains("class=\"what-if\""))
            let suggested = pairs(in: review.text)
            #expect(suggested.count == 30)
            let declined = suggested[0], approved = suggested[1]

            // Another account sees none of it: 404 for pages, downloads, forms; the job is not in /v1.
            var berta = Browser(client)
            _ = try await berta.signIn("berta", "otra garā parole")
            _ = try await berta.get("/programmes")
            for path in ["", "/review", "/policy", "/audit", "/members", "/export", "/export/pairs.csv", "/export/result.xlsx"] {
                #expect(try await berta.get(base + path).status == .notFound, "\(path)")
            }
            #expect(try await berta.post(base + "/decisions", ["mentee_id": declined.mentee, "mentor_id": declined.mentor,
                                                                 "decision": "decline"]).status == .notFound)
            #expect(try await berta.post(base + "/delete").status == .notFound)
            let session = try #require(workspace.session(token: anna.cookies["mm_session"] ?? ""))
            let programme = try workspace.programme(id, for: session.account)
            let run = try #require(try workspace.latestRun(of: programme))
            #expect(try await client.execute(uri: "/v1/matchings/\(run.jobID)", method: .get).status == .notFound)

            _ = try await anna.get(base + "/review")
            #expect(try await anna.post(base + "/decisions", ["mentee_id": declined.mentee, "mentor_id": declined.mentor,
                                                               "decision": "decline"]).status == .seeOther)
            _ = try await anna.post(base + "/decisions", ["mentee_id": approved.mentee, "mentor_id": approved.mentor,
                                                          "decision": "approve"])
            let decided = try await anna.get(base + "/review")
            #expect(decided.text.contains("td class=\"decision decision-approve\">Apstiprināja anna"))
            _ = try await anna.post(base + "/runs")
            review = try await reviewWhenDone(&anna, base + "/review")
            let rerun = pairs(in: review.text)
            #expect(!rerun.contains { $0 == declined })
            #expect(rerun.contains { $0 == approved })
            #expect(review.text.contains("id=\"declined\""))

            let published = try await anna.post(base + "/publish")
            #expect(published.location?.hasPrefix(base + "/review?published=") == true)
            #expect(try await anna.get(try #require(published.location)).text.contains("id=\"notice\""))

            // Next month: the new waiting list and mentors; the published pairs are kept.
            _ = try await anna.get(base)
            _ = try await anna.upload(base + "/uploads", files: [
                ("mentors", "mentors.csv", try scenario("ogre-2024/next-month/mentors.csv")),
                ("mentees", "mentees.csv", try scenario("ogre-2024/next-month/mentees.csv")),
            ])
            _ = try await anna.post(base + "/runs")
            review = try await reviewWhenDone(&anna, base + "/review")
            #expect(review.text.contains("id=\"changes\""))
            #expect(element("broken-count", in: review.text) == "0")
            #expect(Int(element("kept-count", in: review.text) ?? "") ?? 0 > 0)
            #expect(Int(element("new-count", in: review.text) ?? "") ?? 0 > 0)
            #expect(review.text.contains("class=\"change change-kept\""))

            let exports = try await anna.get(base + "/export")
            #expect(exports.text.contains("id=\"export-changes-csv\""))
            let csv = try await anna.get(base + "/export/pairs.csv")
            #expect(csv.status == .ok && csv.text.hasPrefix("mentor_id,mentee_id"))
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(try await anna.get(base + "/export/changes.csv").text.contains("kept"))
            #expect(try await anna.get(base + "/export/result.xlsx").status == .ok)

            let audit = try await anna.get(base + "/audit")
            for action in ["created", "uploaded", "ran", "approved", "declined", "published", "downloaded"] {
                #expect(audit.text.contains("data-action=\"\(action)\""), "\(action)")
            }
            #expect(!audit.text.contains("Suntaži"))

            _ = try await anna.get(base + "/members")
            #expect(try await anna.post(base + "/delete").location == "/programmes?deleted=1")
            #expect(try await anna.get(base).status == .notFound)
            #expect(try await anna.get(base + "/export/pairs.csv").status == .notFound)
            let jobsFolder = APIServer.workspaceDirectory(JobService.Configuration(
                dataDirectory: dataDirectory, workerExecutable: URL(fileURLWithPath: "/"))).appendingPathComponent("jobs")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: jobsFolder.path)) ?? []).isEmpty)

            // No person's id, place or reason reached the logs.
            let text = logs.text
            for secret in [declined.mentee, declined.mentor, approved.mentee, "Y0001", "Suntaži", "Ogre 2024", "anna"] {
                #expect(!text.contains(secret), "the logs name \(secret)")
            }
        }
    }

    @Test("a workbook's problem is shown at its cell, and the invalid row can be set aside")
    func workbookProblem() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            var anna = Browser(client)
            let id = try await newProgramme(&anna, workspace)
            let base = "/programmes/\(id)"
            var (header, rows) = try ogreMentorRows()
            rows[2][4] = "7"
            let workbook = try WorkbookWriter.workbook([WorkbookWriter.Table(name: "Mentori", header: header, rows: rows)],
                                                       output: "mentors.xlsx")
            let page = try await uploadOgre(&anna, base, mentors: workbook)
            #expect(page.text.contains("id=\"input-problems\""))
            #expect(page.text.contains("<li class=\"input-problem\"><span class=\"where\">Mentori!E4 (capacity)</span>"))
            // The page is in Latvian, and so is the problem, with the same figures; in English the same facts.
            #expect(page.text.contains("capacity 7 pārsniedz maksimumu 3. <span class=\"fix\">Labojums: ierakstiet capacity 1, 2 vai 3"),
                    "\(page.text)")
            #expect(!page.text.contains("is above the maximum"))
            let english = try await anna.get(base + "?lang=en")
            #expect(english.text.contains("capacity 7 is above the maximum of 3. <span class=\"fix\">Fix: set capacity to 1, 2 or 3"),
                    "\(english.text)")
            _ = try await anna.get(base + "?lang=lv")
            #expect(page.text.contains("id=\"set-aside-rows\"") && page.text.contains("data-key=\"M003\""))
            #expect(!page.text.contains("id=\"run-matching\""))
            _ = try await anna.post(base + "/set-aside", ["set_aside": "on"])
            let after = try await anna.get(base)
            #expect(after.text.contains("id=\"set-aside-on\"") && after.text.contains("id=\"run-matching\""))
        }
    }

    @Test("a workbook with several sheets: the one chosen is read, by the check and by the run's worker")
    func sheetChoice() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            var anna = Browser(client)
            let id = try await newProgramme(&anna, workspace)
            let base = "/programmes/\(id)"
            let (header, rows) = try ogreMentorRows()
            var january = rows
            january[2][4] = "7"
            let february = rows.filter { $0[0] != "M003" }
            let workbook = try WorkbookWriter.workbook([
                WorkbookWriter.Table(name: "Janvāris", header: header, rows: january),
                WorkbookWriter.Table(name: "Februāris", header: header, rows: february),
            ], output: "mentors.xlsx")
            let first = try await uploadOgre(&anna, base, mentors: workbook)
            // The first sheet with the columns is read until another is chosen.
            #expect(first.text.contains("Janvāris!E4 (capacity)"))
            #expect(first.text.contains("id=\"choose-mentors-sheet\"") && first.text.contains("<option value=\"Februāris\">"))
            #expect(try await anna.post(base + "/sheets", ["mentors_sheet": "Februāris"]).status == .seeOther)
            let chosen = try await anna.get(base)
            #expect(chosen.text.contains("id=\"no-problems\"") && chosen.text.contains("13 mentori"))
            #expect(chosen.text.contains("<option value=\"Februāris\" selected>"))
            _ = try await anna.post(base + "/runs")
            let review = try await reviewWhenDone(&anna, base + "/review")
            #expect(element("mentee-count", in: review.text) == "35")
            #expect(!review.text.contains("data-mentor=\"M003\""))
            #expect(try await anna.post(base + "/sheets", ["mentors_sheet": "Marts"]).status == .unprocessableContent)
        }
    }

    @Test("the policy form shows the programme defaults with a hint per field and stores a change")
    func policy() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            var anna = Browser(client)
            let id = try await newProgramme(&anna, workspace)
            let form = try await anna.get("/programmes/\(id)/policy")
            #expect(form.text.contains("id=\"policy-form\""))
            #expect(form.text.contains("name=\"session_minutes\" value=\"60\""))
            #expect(form.text.components(separatedBy: "class=\"hint\"").count - 1 >= 6)
            let saved = try await anna.post("/programmes/\(id)/policy", [
                "max_travel_km": "30", "min_age_gap": "2", "session_minutes": "45", "remote_preference": "",
                "time_limit_seconds": "60", "require_shared_language": "on",
            ])
            #expect(saved.text.contains("id=\"notice\"") && saved.text.contains("name=\"max_travel_km\" value=\"30\""))
            let bad = try await anna.post("/programmes/\(id)/policy", ["session_minutes": "soon"])
            #expect(bad.text.contains("id=\"policy-error\"") && bad.text.contains("soon") && bad.text.contains("nav skaitlis"), "\(bad.text)")
            // A value the form reads but the policy's rules refuse is said in the page's language too.
            let short = try await anna.post("/programmes/\(id)/policy", ["session_minutes": "5"])
            #expect(short.text.contains("meeting_minutes 5 nav robežās 15–600"), "\(short.text)")
        }
    }
}
