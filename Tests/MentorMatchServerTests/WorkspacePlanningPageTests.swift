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


/// Signs in, creates Ogre 2024 from the bundled CSV files and matches it; `publish` publishes the pairing.
private func ogreProgramme(_ browser: inout Browser, _ workspace: Workspace, publish: Bool) async throws -> String {
    _ = try workspace.createAccount(name: "anna", password: password)
    _ = try await browser.signIn("anna", password)
    _ = try await browser.get("/programmes")
    let created = try await browser.post("/programmes", ["name": "Ogre 2024"])
    let location = try #require(created.location)
    let pid = String(location.dropFirst("/programmes/".count))
    _ = try await browser.get(location)
    _ = try await browser.upload("\(location)/uploads", files: try ["mentors", "mentees", "places"].map {
        ($0, "\($0).csv", try scenario("ogre-2024/\($0).csv"))
    })
    #expect(try await browser.post("\(location)/runs").location == "\(location)/review")
    let review = try await whenDone(&browser, "\(location)/review", runningID: "run-running")
    #expect(element("served-count", in: review.text) == "30")
    if publish { #expect(try await browser.post("\(location)/publish").status == .seeOther) }
    return pid
}

@Suite("Workspace pages: map, calendar, what-if")
struct WorkspacePlanningPageTests {
    @Test("the map page inlines the programme's SVG map with a title per place, in Latvian and in English")
    func map() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            var browser = Browser(client)
            _ = try workspace.createAccount(name: "juris", password: password)
            let pid = try await ogreProgramme(&browser, workspace, publish: false)
            let page = try await browser.get("/programmes/\(pid)/map")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"lv\">") && page.text.contains("<h1>Karte</h1>"))
            let figure = try #require(page.text.components(separatedBy: "<figure id=\"map\">").last)
            #expect(figure.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(figure.contains("<title id=\"map-title\">Ogre 2024</title>"))
            // Every place with people has its hover title; Ogre's lists its mentors by id.
            #expect(figure.components(separatedBy: "<g class=\"place").count - 1 >= 15)
            #expect(figure.contains("M001"))
            #expect(!figure.contains("<script") && !figure.contains("href=\"http"))
            let english = try await browser.get("/programmes/\(pid)/map?lang=en")
            #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("<h1>Map</h1>"))
            #expect(english.text.contains("Hover over a place"))

            // Another account sees nothing of it.
            var other = Browser(client)
            _ = try await other.signIn("juris", password)
            #expect(try await other.get("/programmes/\(pid)/map").status == .notFound)
        }
    }

    @Test("before a run the map page says to run the matching")
    func mapBeforeRun() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            _ = try workspace.createAccount(name: "anna", password: password)
            var browser = Browser(client)
            _ = try await browser.signIn("anna", password)
            _ = try await browser.get("/programmes")
            let location = try #require(try await browser.post("/programmes", ["name": "Tukša"]).location)
            let page = try await browser.get("\(location)/map")
            #expect(page.status == .ok && page.text.contains("id=\"no-map\"") && !page.text.contains("<svg"))
        }
    }

    @Test("the calendar plans the published pairs: seven months, sessions per month, shortfalls, one pair's .ics and the zip")
    func calendar() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            var browser = Browser(client)
            _ = try workspace.createAccount(name: "juris", password: password)
            let pid = try await ogreProgramme(&browser, workspace, publish: false)
            let path = "/programmes/\(pid)/calendar"
            let before = try await browser.get(path)
            #expect(before.text.contains("id=\"calendar-needs-publish\"") && !before.text.contains("id=\"calendar-form\""))
            #expect(try await browser.post("/programmes/\(pid)/publish").status == .seeOther)
            let form = try await browser.get(path)
            #expect(form.text.contains("id=\"calendar-form\""))
            for field in ["start", "months", "sessions_per_month", "session_minutes", "hours_per_month", "supervisor_slots"] {
                #expect(form.text.contains("<label for=\"\(field)\">"), "\(field) has no label")
            }

            let wrong = try await browser.upload(path, files: [], fields: ["start": "1. marts", "months": "6"])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("id=\"calendar-error\""))
            #expect(wrong.text.contains("2024-03-01") && wrong.text.contains("nav datums"))

            let planned = try await browser.upload(
                path, files: [("supervisor_slots", "supervision-slots.csv", try scenario("ogre-2024/supervision-slots.csv"))],
                fields: ["start": "2024-03-01", "months": "7", "sessions_per_month": "2", "session_minutes": "60"])
            #expect(planned.status == .seeOther && planned.location == path)
            let page = try await whenDone(&browser, path, runningID: "schedule-running")
            #expect(page.status == .ok)
            let months = page.text.components(separatedBy: "<tr class=\"month\"><td>").dropFirst().map { $0.prefix(7) }
            #expect(months == ["2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"])
            #expect(page.text.contains("id=\"shortfalls\""))
            #expect(!page.text.contains("no common window:") && !page.text.contains("mentor fully booked:"),
                    "a shortfall's reason on the Latvian page is in Latvian")
            // 30 pairs, each its own calendar; every mentor with pairs has one.
            #expect(page.text.components(separatedBy: "class=\"ics-pair\"").count - 1 == 30)
            #expect(page.text.components(separatedBy: "class=\"ics-mentor\"").count - 1 == 14)
            let pairLink = try #require(page.text.components(separatedBy: "class=\"ics-pair\" href=\"").dropFirst().first?
                .prefix { $0 != "\"" })
            let ics = try await browser.get(String(pairLink))
            #expect(ics.status == .ok && ics.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(ics.text.hasPrefix("BEGIN:VCALENDAR") && ics.text.contains("BEGIN:VEVENT"))
            #expect(ics.text.contains("DTSTART;TZID=Europe/Riga:202403"))
            let zip = try await browser.get("\(path)/calendars.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(try await browser.get("\(path)/../../secret.ics").status == .notFound)
            #expect(try await browser.get("\(path)/sessions.json").status == .notFound)

            let english = try await browser.get(path + "?lang=en")
            #expect(english.text.contains("Meetings per month") && english.text.contains("<html lang=\"en\">"))
            let audit = try await browser.get("/programmes/\(pid)/audit")
            #expect(audit.text.contains("calendar"))

            var other = Browser(client)
            _ = try await other.signIn("juris", password)
            #expect(try await other.get(path).status == .notFound)
            #expect(try await other.get(String(pairLink)).status == .notFound)
            #expect(try await other.get("\(path)/calendars.zip").status == .notFound)
        }
    }

    @Test("what-if from the unmatched list: one recruit in Mazozoli who speaks lv and ru, with the curve chart")
    func whatIf() async throws {
        try await WorkspaceServerHarness().run { client, workspace, _, _ in
            var browser = Browser(client)
            let pid = try await ogreProgramme(&browser, workspace, publish: false)
            let review = try await browser.get("/programmes/\(pid)/review")
            #expect(review.text.contains("/programmes/\(pid)/what-if?mentee=Y0023"))
            let path = "/programmes/\(pid)/what-if"
            let form = try await browser.get(path + "?mentee=Y0023")
            #expect(form.status == .ok && form.text.contains("id=\"what-if-form\"") && form.text.contains("id=\"what-if-mentee\""))
            #expect(form.text.contains("ru"), "the page shows why Y0023 is unmatched")

            let missing = try await browser.upload(path, files: [], fields: ["mentee": "Y0023", "max_recruits": "5"])
            #expect(missing.status == .unprocessableContent && missing.text.contains("id=\"what-if-error\""))

            let asked = try await browser.upload(
                path, files: [("profiles", "profiles.csv", try scenario("ogre-2024/profiles.csv"))],
                fields: ["mentee": "Y0023", "target": "remote_parishes", "max_recruits": "5", "training_cost": "150"])
            #expect(asked.status == .seeOther && asked.location == path + "?mentee=Y0023")
            let english = try await whenDone(&browser, path + "?mentee=Y0023&lang=en", runningID: "what-if-running")
            let answer = try #require(english.text.components(separatedBy: "id=\"what-if-answer\"").last)
            #expect(answer.contains("Y0023: one recruit in Mazozoli who speaks lv and ru would serve"))
            #expect(answer.contains("Checked with the matching engine"))
            #expect(english.text.contains("<figure id=\"curve\"><svg"))
            // The curve of the README: 30, 31, 32, 33, 34, then flat.
            let served = english.text.components(separatedBy: "<tr><td>").dropFirst().map { row in
                row.components(separatedBy: "</td><td>").dropFirst().first.map { String($0) } ?? ""
            }
            #expect(served == ["30", "31", "32", "33", "34", "34"])
            let latvian = try await browser.get(path + "?mentee=Y0023&lang=lv")
            #expect(latvian.text.contains("viens jauns mentors vietā Mazozoli, kas runā lv un ru"))
        }
    }
}
