import Foundation
import HTTPTypes
import Hummingbird
import MentorMatch
import MentorMatchJobs
import MentorMatchWorkspace

/// The map, the calendar and the what-if pages of a programme, and the calendar's downloads.
extension WorkspaceRoutes {
    func registerPlanning(on router: Router<BasicRequestContext>) {
        programmeGET(router, "map") { page in try await mapPage(page) }
        programmeGET(router, "calendar") { page in try await calendarPage(page, error: nil) }
        programmeMultipartPOST(router, "calendar") { page, files in
            do {
                let settings = try calendarSettings(page.form, supervisorSlots: files.data(named: "supervisor_slots"))
                _ = try await page.workspace.planCalendar(settings, of: page.programme, by: page.session.account)
            } catch let error as WorkspaceError {
                return try await calendarPage(page, error: error.message(page.language))
            }
            return page.redirect(to: page.path("calendar"))
        }
        let workspace = self.workspace
        router.get("/programmes/:pid/calendar/:file") { request, context in
            await signedIn(request) { state, session in
                let programme = try workspace.programme(context.parameters.get("pid") ?? "", for: session.account)
                let name = context.parameters.get("file") ?? ""
                guard let calendar = try workspace.latestCalendar(of: programme),
                      let data = await workspace.calendarFile(name, of: calendar)
                else { throw PageError.notFound }
                try workspace.recordDownload(name, of: programme, by: session.account)
                return WorkspaceResponses.download(
                    data, name: name, type: name.hasSuffix(".zip") ? "application/zip" : "text/calendar; charset=utf-8", state: state)
            }
        }
        programmeGET(router, "what-if") { page in try await whatIfPage(page, error: nil) }
        programmeMultipartPOST(router, "what-if") { page, files in
            let mentee = page.form["mentee"] ?? ""
            do {
                let question = try whatIfQuestion(page.form, profiles: files.data(named: "profiles"))
                _ = try await page.workspace.askWhatIf(question, about: mentee, in: page.programme, by: page.session.account)
            } catch let error as WorkspaceError {
                return try await whatIfPage(page, error: error.message(page.language))
            }
            return page.redirect(to: page.path("what-if") + "?mentee=" + (mentee.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
    }

    /// The first day of next month in Latvia: the calendar form's default start.
    static func nextMonthStart(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Riga") ?? calendar.timeZone
        let next = calendar.date(byAdding: .month, value: 1, to: now) ?? now
        let parts = calendar.dateComponents([.year, .month], from: next)
        return String(format: "%04d-%02d-01", parts.year ?? 2024, parts.month ?? 1)
    }

    // MARK: - Map

    func mapPage(_ page: WorkspacePage) async throws -> Response {
        let words = PlanningWords(page.language)
        let title = page.text(.navMap)
        guard let run = try page.workspace.latestRun(of: page.programme),
              let svg = try await page.workspace.mapSVG(of: run, in: page.programme, language: page.language)
        else {
            return page.html(title: title, nav: .map, body: "<p id=\"no-map\">\(words.noMap)</p>")
        }
        return page.html(title: title, nav: .map, body: """
            <p class="hint">\(words.mapHint)</p>
            <figure id="map">\(HTML.generated(svg))</figure>
            """)
    }

    // MARK: - Calendar

    func calendarSettings(_ fields: [String: String], supervisorSlots: Data?) throws(WorkspaceError) -> CalendarSettings {
        func whole(_ name: String, _ range: ClosedRange<Int>) throws(WorkspaceError) -> Int? {
            let text = (fields[name] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw .invalidField(field: name, problem: WorkspaceFields.wholeNumber(in: range))
            }
            return value
        }
        let hoursText = (fields["hours_per_month"] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        var hours: Double?
        if !hoursText.isEmpty {
            guard let value = Double(hoursText), value.isFinite, (0.5...200).contains(value) else {
                throw .invalidField(field: "hours_per_month", problem: Phrase("give the hours a month from 0.5 to 200, such as 20",
                                                                             lv: "ierakstiet stundas mēnesī no 0,5 līdz 200, piemēram, 20"))
            }
            hours = value
        }
        guard let months = try whole("months", 1...36) else {
            throw .invalidField(field: "months", problem: Phrase("give the programme's length in months, such as 6",
                                                                 lv: "ierakstiet programmas ilgumu mēnešos, piemēram, 6"))
        }
        return CalendarSettings(
            start: (fields["start"] ?? "").trimmingCharacters(in: .whitespaces), months: months,
            sessionsPerMonth: try whole("sessions_per_month", 1...31), sessionMinutes: try whole("session_minutes", 15...480),
            hoursPerMonth: hours, supervisorSlots: supervisorSlots.flatMap { $0.isEmpty ? nil : $0 })
    }

    func calendarPage(_ page: WorkspacePage, error: String?) async throws -> Response {
        let words = PlanningWords(page.language)
        let title = page.text(.navCalendar)
        let calendar = try page.workspace.latestCalendar(of: page.programme)
        func show(_ body: HTML, refresh: Int? = nil) -> Response {
            page.html(title: title, nav: .calendar, body: body, status: error == nil ? .ok : .unprocessableContent,
                      refreshSeconds: refresh)
        }
        let record: JobRecord? = if let calendar { await page.workspace.status(of: calendar) } else { nil }
        let published = try !page.workspace.publishedPairs(of: page.programme).isEmpty
        let start = page.form["start"] ?? calendar?.start ?? Self.nextMonthStart()
        let months = page.form["months"] ?? calendar.map { "\($0.months)" } ?? "6"
        func field(_ name: String, _ label: String, _ hint: String, _ value: String, type: String = "number",
                   extra: HTML = .empty) -> HTML {
            """
            <label for="\(name)">\(label)</label>
            <input type="\(type)" id="\(name)" name="\(name)" value="\(value)" aria-describedby="\(name)-hint"\(extra)>
            <p class="hint" id="\(name)-hint">\(hint)</p>
            """
        }
        let form: HTML = """
            <form method="post" action="\(page.path("calendar"))" enctype="multipart/form-data" id="calendar-form">
            \(page.csrfInput)
            \(field("start", words.start, words.startHint, start, type: "date", extra: " required"))
            \(field("months", words.months, words.monthsHint, months, extra: " min=\"1\" max=\"36\" required"))
            \(field("sessions_per_month", words.sessionsPerMonth, words.sessionsPerMonthHint, page.form["sessions_per_month"] ?? "", extra: " min=\"1\" max=\"31\""))
            \(field("session_minutes", words.sessionMinutes, words.sessionMinutesHint, page.form["session_minutes"] ?? "", extra: " min=\"15\" max=\"480\""))
            \(field("hours_per_month", words.hoursPerMonth, words.hoursPerMonthHint, page.form["hours_per_month"] ?? "", extra: " min=\"0.5\" max=\"200\" step=\"0.5\""))
            <label for="supervisor_slots">\(words.supervisorSlots)</label>
            <input type="file" id="supervisor_slots" name="supervisor_slots" accept=".csv,text/csv" aria-describedby="supervisor_slots-hint">
            <p class="hint" id="supervisor_slots-hint">\(words.supervisorSlotsHint)</p>
            <p><button type="submit" id="plan-calendar">\(words.planButton)</button></p>
            </form>
            """
        let problem: HTML = error.map { "<p class=\"error\" id=\"calendar-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let intro: HTML = published ? "<p>\(words.calendarIntro)</p>" : "<p id=\"calendar-needs-publish\">\(words.publishFirst) <a href=\"\(page.path("review"))\">\(page.text(.navReview))</a></p>"
        guard let calendar, let record else {
            return show(problem + intro + (published ? form : .empty))
        }
        switch record.status {
        case .queued, .running:
            return show("""
                \(problem)<p id="schedule-running" role="status">\(words.planning)</p>
                """, refresh: 2)
        case .failed, .cancelled:
            let why = WorkspaceFormat.failureText(record.failure, page: page)
            return show("""
                \(problem)<p class="error" id="schedule-failed" role="alert">\(words.planFailed) \(why)</p>\(intro)\(form)
                """)
        case .succeeded:
            break
        }
        guard let summary = await page.workspace.summary(of: calendar) else { throw PageError.notFound }
        let monthRows: [HTML] = summary.months.map { month in
            """
            <tr class="month"><td>\(month.month)</td><td>\(month.sessions)</td><td>\(PlanningWords.number(month.hours))</td>\
            <td>\(month.shortfalls)</td><td>\(month.supervisionGroups)</td></tr>
            """
        }
        let shortfallRows: [HTML] = summary.shortfalls.map { shortfall in
            """
            <tr class="shortfall" data-mentor="\(shortfall.mentorID)" data-mentee="\(shortfall.menteeID)"><td>\(shortfall.month)</td>\
            <td>\(shortfall.mentorID)–\(shortfall.menteeID)</td><td>\(shortfall.scheduled) / \(shortfall.required)</td>\
            <td>\(words.shortfallKind(shortfall.kind))</td><td>\(page.language == .lv ? shortfall.reasonLatvian ?? shortfall.reason : shortfall.reason)</td></tr>
            """
        }
        let shortfalls: HTML = summary.shortfalls.isEmpty
            ? "<section id=\"shortfalls\"><h2>\(words.shortfallsTitle)</h2><p>\(words.noShortfalls)</p></section>"
            : """
            <section id="shortfalls"><h2>\(words.shortfallsTitle)</h2>
            <table><thead><tr><th scope="col">\(words.month)</th><th scope="col">\(words.pair)</th><th scope="col">\(words.scheduledOfRequired)</th>\
            <th scope="col">\(words.kind)</th><th scope="col">\(words.reason)</th></tr></thead><tbody>\(shortfallRows)</tbody></table></section>
            """
        let mentorLinks: [HTML] = summary.mentorFiles.map {
            "<li><a class=\"ics-mentor\" href=\"\(page.path("calendar/" + $0))\" download>\($0)</a></li>"
        }
        let pairLinks: [HTML] = summary.pairFiles.map {
            "<li><a class=\"ics-pair\" href=\"\(page.path("calendar/" + $0))\" download>\($0)</a></li>"
        }
        let leftOut: HTML = calendar.pairsLeftOut > 0 ? "<p class=\"hint\" id=\"pairs-left-out\">\(words.pairsLeftOut(calendar.pairsLeftOut))</p>" : .empty
        return show("""
            \(problem)<p id="calendar-summary">\(words.planned(calendar.start, calendar.months, summary.months.reduce(0) { $0 + $1.sessions }))</p>
            \(leftOut)
            <section><h2>\(words.sessionsTitle)</h2>
            <table id="sessions"><thead><tr><th scope="col">\(words.month)</th><th scope="col">\(words.sessionsColumn)</th>\
            <th scope="col">\(words.hoursColumn)</th><th scope="col">\(words.shortfallsColumn)</th><th scope="col">\(words.supervisionColumn)</th></tr></thead>
            <tbody>\(monthRows)</tbody></table></section>
            \(shortfalls)
            <section id="calendar-files"><h2>\(words.downloadsTitle)</h2>
            <p><a id="calendars-zip" href="\(page.path("calendar/calendars.zip"))" download>calendars.zip</a> – \(words.zipHint)</p>
            <details><summary>\(words.mentorCalendars) (\(summary.mentorFiles.count))</summary><ul>\(mentorLinks)</ul></details>
            <details><summary>\(words.pairCalendars) (\(summary.pairFiles.count))</summary><ul>\(pairLinks)</ul></details>
            </section>
            <section><h2>\(words.planAgain)</h2>\(form)</section>
            """)
    }

    // MARK: - What-if

    func whatIfQuestion(_ fields: [String: String], profiles: Data?) throws(WorkspaceError) -> WhatIfQuestion {
        guard let profiles, !profiles.isEmpty else {
            throw .invalidField(field: "profiles", problem: Phrase(
                "choose the file of the kinds of volunteer you could find (profiles.csv)",
                lv: "izvēlieties failu ar brīvprātīgo veidiem, kurus varētu atrast (profiles.csv)"))
        }
        let maxText = (fields["max_recruits"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let maxRecruits = Int(maxText), (1...50).contains(maxRecruits) else {
            throw .invalidField(field: "max_recruits", problem: Phrase("give the most recruits to look at, 1 to 50, such as 5",
                                                                       lv: "ierakstiet lielāko jauno mentoru skaitu, ko apsvērt, no 1 līdz 50, piemēram, 5"))
        }
        let costText = (fields["training_cost"] ?? "").trimmingCharacters(in: .whitespaces)
        let cost = costText.isEmpty ? 0 : Double(costText.replacingOccurrences(of: ",", with: "."))
        guard let cost, cost.isFinite, (0...100_000).contains(cost) else {
            throw .invalidField(field: "training_cost", problem: Phrase("give the training cost per recruit in EUR, 0 to 100000",
                                                                        lv: "ierakstiet apmācības izmaksas vienam jaunam mentoram eiro, no 0 līdz 100000"))
        }
        return WhatIfQuestion(profiles: profiles, maxRecruits: maxRecruits, remoteParishes: fields["target"] == "remote_parishes",
                              trainingCost: cost)
    }

    func whatIfPage(_ page: WorkspacePage, error: String?) async throws -> Response {
        let words = PlanningWords(page.language)
        let mentee = page.query("mentee") ?? page.form["mentee"] ?? ""
        let title = words.whatIfTitle
        let asked = try page.workspace.latestWhatIf(of: page.programme)
        func show(_ body: HTML, refresh: Int? = nil) -> Response {
            page.html(title: title, nav: .review, body: body, status: error == nil ? .ok : .unprocessableContent,
                      refreshSeconds: refresh)
        }
        let record: JobRecord? = if let asked { await page.workspace.status(of: asked) } else { nil }
        let unmatched = try await page.workspace.unmatchedReason(of: mentee, in: page.programme, language: page.language)
        let about: HTML = mentee.isEmpty ? .empty : """
            <p id="what-if-mentee">\(words.about(mentee))\(unmatched.map { " – " + $0 } ?? "")</p>
            """
        let remoteChecked: HTML = page.form["target"] == "curve" ? .empty : " checked"
        let curveChecked: HTML = page.form["target"] == "curve" ? " checked" : .empty
        let form: HTML = """
            <form method="post" action="\(page.path("what-if"))" enctype="multipart/form-data" id="what-if-form">
            \(page.csrfInput)<input type="hidden" name="mentee" value="\(mentee)">
            <label for="profiles">\(words.profiles)</label>
            <input type="file" id="profiles" name="profiles" accept=".csv,text/csv" required aria-describedby="profiles-hint">
            <p class="hint" id="profiles-hint">\(words.profilesHint)</p>
            <fieldset><legend>\(words.target)</legend>
            <input type="radio" id="target-remote" name="target" value="remote_parishes"\(remoteChecked)><label class="inline-label" for="target-remote">\(words.targetRemote)</label><br>
            <input type="radio" id="target-curve" name="target" value="curve"\(curveChecked)><label class="inline-label" for="target-curve">\(words.targetCurve)</label>
            </fieldset>
            <label for="max_recruits">\(words.maxRecruits)</label>
            <input type="number" id="max_recruits" name="max_recruits" min="1" max="50" value="\(page.form["max_recruits"] ?? "5")" aria-describedby="max_recruits-hint">
            <p class="hint" id="max_recruits-hint">\(words.maxRecruitsHint)</p>
            <label for="training_cost">\(words.trainingCost)</label>
            <input type="number" id="training_cost" name="training_cost" min="0" step="1" value="\(page.form["training_cost"] ?? "150")" aria-describedby="training_cost-hint">
            <p class="hint" id="training_cost-hint">\(words.trainingCostHint)</p>
            <p><button type="submit" id="ask-what-if">\(words.askButton)</button></p>
            </form>
            """
        let problem: HTML = error.map { "<p class=\"error\" id=\"what-if-error\" role=\"alert\">\($0)</p>" } ?? .empty
        guard let asked, let record else {
            return show(problem + about + "<p>\(words.whatIfIntro)</p>" + form)
        }
        switch record.status {
        case .queued, .running:
            return show("""
                \(problem)\(about)<p id="what-if-running" role="status">\(words.asking)</p>
                """, refresh: 2)
        case .failed, .cancelled:
            let why = WorkspaceFormat.failureText(record.failure, page: page)
            return show("""
                \(problem)\(about)<p class="error" id="what-if-failed" role="alert">\(words.askFailed) \(why)</p>\(form)
                """)
        case .succeeded:
            break
        }
        guard let answer = await page.workspace.answer(of: asked) else { throw PageError.notFound }
        let focus = mentee.isEmpty ? asked.menteeID : mentee
        let lines: [HTML] = words.sentences(answer, mentee: focus).map { "<li>\($0)</li>" }
        let curveRows: [HTML] = answer.curve.enumerated().map { recruits, plan in
            "<tr><td>\(recruits)</td><td>\(plan.served)</td><td>\(plan.servedRemote)</td><td>\(PlanningWords.number(plan.cost))</td></tr>"
        }
        return show("""
            \(problem)\(about)
            <section id="what-if-answer"><h2>\(words.answerTitle)</h2><ul>\(lines)</ul></section>
            <section><h2>\(words.curveTitle)</h2>
            <figure id="curve">\(HTML.generated(PlanCharts.servedVersusRecruits(answer.curve, mentees: answer.mentees, title: words.curveChartTitle(page.programme.name), language: page.language)))</figure>
            <table id="curve-table"><thead><tr><th scope="col">\(words.recruitsColumn)</th><th scope="col">\(words.servedColumn)</th>\
            <th scope="col">\(words.remoteColumn)</th><th scope="col">\(words.costColumn)</th></tr></thead><tbody>\(curveRows)</tbody></table>
            </section>
            <section><h2>\(words.askAgain)</h2>\(form)</section>
            """)
    }
}
