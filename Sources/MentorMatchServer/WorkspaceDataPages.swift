import Foundation
import Hummingbird
import MentorMatch
import MentorMatchJobs
import MentorMatchWorkspace

extension WorkspaceRoutes {
    /// The overview (data, upload, run), the upload, setting rows aside and the policy form.
    func registerData(on router: Router<BasicRequestContext>) {
        programmeGET(router, "") { page in
            try overview(page, check: try page.workspace.check(page.programme), notice: nil)
        }
        programmeMultipartPOST(router, "uploads") { page, parts in
            let files = parts.compactMap { part -> UploadedFile? in
                guard let kind = DataKind(rawValue: part.name), let name = part.fileName, !part.data.isEmpty else { return nil }
                let sheet = page.form["\(kind.rawValue)_sheet"]?.trimmingCharacters(in: .whitespaces)
                return UploadedFile(kind: kind, fileName: name, data: part.data, sheet: sheet)
            }
            let check = try page.workspace.upload(files, to: page.programme, by: page.session.account)
            let updated = WorkspacePage(request: page.request, state: page.state, session: page.session,
                                        programme: try page.workspace.programme(page.programme.id, for: page.session.account),
                                        workspace: page.workspace, form: page.form)
            return try overview(updated, check: check, notice: nil)
        }
        programmePOST(router, "sheets") { page in
            for kind in DataKind.allCases {
                guard let sheet = page.form["\(kind.rawValue)_sheet"] else { continue }
                try page.workspace.chooseSheet(sheet.isEmpty ? nil : sheet, of: kind, in: page.programme, by: page.session.account)
            }
            return page.redirect(to: page.path())
        }
        programmePOST(router, "set-aside") { page in
            try page.workspace.setAside(page.form["set_aside"] == "on", in: page.programme, by: page.session.account)
            return page.redirect(to: page.path())
        }
        programmeGET(router, "policy") { page in try policyPage(page, notice: nil, error: nil) }
        programmePOST(router, "policy") { page in
            let settings: PolicySettings
            do throws(WorkspaceError) {
                settings = try policySettings(page.form, base: PolicySettings(try page.workspace.policy(of: page.programme)))
                try page.workspace.setPolicy(settings, of: page.programme, by: page.session.account)
            } catch {
                return try policyPage(page, notice: nil, error: error.message(page.language))
            }
            return try policyPage(page, notice: page.text(.policySaved), error: nil)
        }
    }

    func overview(_ page: WorkspacePage, check: DataCheck, notice: String?) throws -> Response {
        let kinds: [(DataKind, TextKey)] = [(.mentors, .mentorsFile), (.mentees, .menteesFile), (.places, .placesFile)]
        let summary: [HTML] = kinds.map { kind, label in
            let value: HTML = check.files[kind].map { file in
                "\(page.text(.uploadedBy, file.fileName, file.account, WorkspaceFormat.time(file.createdAt)))"
            } ?? "<em>\(page.text(.notUploaded))</em>"
            return "<tr id=\"data-\(kind.rawValue)\"><th scope=\"row\">\(page.text(label))</th><td>\(value)</td></tr>"
        }
        let counts = page.text(.counts, "\(check.mentors)", "\(check.mentees)", "\(check.places)")
        let inputs: [HTML] = kinds.map { kind, label in
            """
            <label for="file-\(kind.rawValue)">\(page.text(label))</label>
            <input type="file" id="file-\(kind.rawValue)" name="\(kind.rawValue)" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            <label for="\(kind.rawValue)_sheet" class="sheet-label">\(page.text(.sheetLabel))</label>
            <input type="text" id="\(kind.rawValue)_sheet" name="\(kind.rawValue)_sheet" maxlength="100">
            """
        }
        let problems = problemsSection(page, check: check)
        // A workbook with several sheets: choose the one to read (the one with the kind's columns by default).
        let selects: [HTML] = kinds.compactMap { kind, label in
            guard let file = check.files[kind], let names = file.sheetNames, names.count > 1 else { return nil }
            let automatic: HTML = file.sheet == nil ? " selected" : ""
            let options: [HTML] = names.map { name in
                let selected: HTML = file.sheet == name ? " selected" : ""
                return "<option value=\"\(name)\"\(selected)>\(name)</option>"
            }
            return """
                <label for="choose-\(kind.rawValue)-sheet">\(page.text(label)): \(page.text(.sheetLabel))</label>
                <select id="choose-\(kind.rawValue)-sheet" name="\(kind.rawValue)_sheet"><option value=""\(automatic)>\(page.text(.sheetAutomatic))</option>\(options)</select>
                """
        }
        let sheetForm: HTML = selects.isEmpty ? .empty : """
            <form method="post" action="\(page.path("sheets"))" id="sheet-form">\(page.csrfInput)\(selects)
            <p><button type="submit" id="choose-sheets">\(page.text(.saveButton))</button></p></form>
            """
        let canRun = check.canRun(settingAside: page.programme.skipsInvalidRows)
        let run: HTML = canRun
            ? """
              <form method="post" action="\(page.path("runs"))" id="run-form">\(page.csrfInput)<button type="submit" id="run-matching">\(page.text(.runButton))</button></form>
              """
            : "<p id=\"run-needs-data\">\(page.text(.runNeedsData))</p>"
        let body: HTML = """
            <h2>\(page.text(.dataTitle))</h2>
            <table id="data-summary">\(summary)</table>
            <p id="data-counts">\(counts)</p>
            \(sheetForm)
            \(problems)
            <h2>\(page.text(.uploadTitle))</h2>
            <form method="post" action="\(page.path("uploads"))" enctype="multipart/form-data" id="upload-form">
            \(page.csrfInput)
            <p class="hint">\(page.text(.uploadHint))</p>
            \(inputs)
            <p><button type="submit" id="upload">\(page.text(.uploadButton))</button></p>
            </form>
            <p><a href="\(page.path("policy"))" id="policy-link">\(page.text(.policyLink))</a></p>
            \(run)
            """
        return page.html(title: page.programme.name, nav: .overview, body: body, notice: notice)
    }

    func problemsSection(_ page: WorkspacePage, check: DataCheck) -> HTML {
        guard !check.issues.isEmpty else {
            return check.missing.isEmpty ? "<p id=\"no-problems\">\(page.text(.noProblems))</p>" : .empty
        }
        let items: [HTML] = check.issues.map { WorkspaceFormat.problemItem($0, page: page) }
        let setAside: HTML
        if check.canSetAside {
            let rows: [HTML] = check.rejected.map { row in
                "<li class=\"set-aside-row\" data-key=\"\(row.key)\">\(row.source), \(row.line): \(row.key)</li>"
            }
            let checked: HTML = page.programme.skipsInvalidRows ? " checked" : ""
            let status: HTML = page.programme.skipsInvalidRows ? "<p id=\"set-aside-on\">\(page.text(.setAsideOn))</p>" : .empty
            setAside = """
                <h3>\(page.text(.setAsideTitle))</h3>
                <ul id="set-aside-rows">\(rows)</ul>
                \(status)
                <form method="post" action="\(page.path("set-aside"))" id="set-aside-form">\(page.csrfInput)
                <input type="checkbox" id="set-aside" name="set_aside"\(checked)> <label for="set-aside" class="inline-label">\(page.text(.setAsideLabel))</label>
                <p><button type="submit" id="set-aside-continue">\(page.text(.setAsideButton))</button></p>
                </form>
                """
        } else {
            setAside = "<p id=\"set-aside-none\">\(page.text(.setAsideNone))</p>"
        }
        return """
            <h2>\(page.text(.problemsTitle))</h2>
            <ul id="input-problems" role="alert">\(items)</ul>
            \(setAside)
            """
    }

    // MARK: - Policy

    func policyPage(_ page: WorkspacePage, notice: String?, error: String?) throws -> Response {
        let settings = PolicySettings(try page.workspace.policy(of: page.programme))
        func field(_ name: String, _ label: TextKey, _ hint: TextKey, _ value: String, type: String = "number",
                   step: String = "any") -> HTML
        {
            """
            <label for="\(name)">\(page.text(label))</label>
            <p class="hint" id="\(name)-hint">\(page.text(hint))</p>
            <input type="\(type)" id="\(name)" name="\(name)" value="\(value)" step="\(step)" aria-describedby="\(name)-hint">
            """
        }
        let checked: HTML = settings.requireSharedLanguage ? " checked" : ""
        let errorHTML: HTML = error.map { "<p class=\"error\" id=\"policy-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let body: HTML = """
            \(errorHTML)
            <form method="post" action="\(page.path("policy"))" id="policy-form">
            \(page.csrfInput)
            \(field("max_travel_km", .maxTravelKm, .maxTravelKmHint, settings.maxTravelKm.map(WorkspaceFormat.number) ?? ""))
            \(field("min_age_gap", .minAgeGap, .minAgeGapHint, "\(settings.minAgeGap)", step: "1"))
            \(field("session_minutes", .sessionMinutes, .sessionMinutesHint, "\(settings.sessionMinutes)", step: "1"))
            \(field("remote_preference", .remotePreference, .remotePreferenceHint, settings.minRemoteShare.map(WorkspaceFormat.number) ?? ""))
            \(field("time_limit_seconds", .timeLimit, .timeLimitHint, WorkspaceFormat.number(settings.timeLimitSeconds)))
            <label for="require_shared_language"><input type="checkbox" id="require_shared_language" name="require_shared_language"\(checked)> \(page.text(.sharedLanguage))</label>
            <p class="hint">\(page.text(.sharedLanguageHint))</p>
            <p><button type="submit" id="save-policy">\(page.text(.saveButton))</button></p>
            </form>
            """
        return page.html(title: page.text(.policyTitle), nav: .policy, body: body, notice: notice)
    }

    /// The policy form's fields over `base`; an empty optional field clears it.
    func policySettings(_ form: [String: String], base: PolicySettings) throws(WorkspaceError) -> PolicySettings {
        var settings = base
        func number(_ name: String) throws(WorkspaceError) -> Double? {
            let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else {
                throw .invalidField(field: name, problem: Phrase("'\(text.prefix(20))' is not a number", lv: "'\(text.prefix(20))' nav skaitlis"))
            }
            return value
        }
        func whole(_ name: String, _ range: ClosedRange<Int>) throws(WorkspaceError) -> Int? {
            guard let value = try number(name) else { return nil }
            guard let whole = Int(rounding: value, .toNearestOrAwayFromZero, clampedTo: range), Double(whole) == value else {
                throw .invalidField(field: name, problem: WorkspaceFields.wholeNumber(in: range))
            }
            return whole
        }
        settings.maxTravelKm = try number("max_travel_km")
        if let gap = try whole("min_age_gap", 0...60) { settings.minAgeGap = gap }
        if let minutes = try whole("session_minutes", 1...1440) { settings.sessionMinutes = minutes }
        settings.minRemoteShare = try number("remote_preference")
        if let seconds = try number("time_limit_seconds") { settings.timeLimitSeconds = seconds }
        settings.requireSharedLanguage = form["require_shared_language"] == "on"
        return settings
    }
}

/// The problems of the forms' own fields, shared by the policy, calendar and what-if forms.
enum WorkspaceFields {
    static func wholeNumber(in range: ClosedRange<Int>) -> Phrase {
        Phrase("give a whole number from \(range.lowerBound) to \(range.upperBound)",
               lv: "ierakstiet veselu skaitli no \(range.lowerBound) līdz \(range.upperBound)")
    }
}

/// Numbers, times and issue locations as the pages write them.
enum WorkspaceFormat {
    /// Up to three decimals, without trailing zeros (`30`, `0.35`).
    static func number(_ value: Double) -> String {
        var text = DecimalText.fixed(value, decimals: 3)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { DecimalText.fixed(value, decimals: decimals) }

    /// `2024-03-01 14:05` in Latvian time.
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Riga") ?? TimeZone(secondsFromGMT: 7200) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `Mentori!D5 (capacity)` for a workbook, `mentors.csv, line 4, capacity` (`4. rinda`) for a CSV file.
    static func location(of issue: InputIssue, language: ReportLanguage) -> String {
        if let cell = issue.cell { return cell + (issue.field.map { " (\($0))" } ?? "") }
        var location = issue.source
        if let line = issue.line { location += language == .lv ? ", \(line). rinda" : ", line \(line)" }
        if let field = issue.field { location += ", \(field)" }
        return location
    }

    /// Why a job failed: its input problems in the page's language, or the job's own message (on a Latvian page
    /// after what its kind means in Latvian, as the message's details are written in English).
    static func failureText(_ failure: JobFailure?, page: WorkspacePage) -> String {
        guard let failure else { return "" }
        guard !failure.issues.isEmpty else {
            guard page.language == .lv else { return failure.message }
            return "\(latvianMeaning(of: failure.kind)). Sīkāk (angliski): \(failure.message)"
        }
        return failure.issues.map { issue in
            let wording = issue.wording(latvian: page.language == .lv)
            return "\(location(of: issue, language: page.language)): \(wording.problem). \(page.text(.fixLabel)) \(wording.fix)"
        }.joined(separator: "; ")
    }

    /// A failed run's line above its list of input problems: what went wrong, without repeating the list.
    static func failureHeadline(_ failure: JobFailure, page: WorkspacePage) -> String {
        guard !failure.issues.isEmpty else { return failureText(failure, page: page) }
        return page.language == .lv ? latvianMeaning(of: failure.kind) : "the input has problems"
    }

    private static func latvianMeaning(of kind: JobFailure.Kind) -> String {
        switch kind {
        case .invalidInput: "ievadē ir problēmas"
        case .solverFailed: "ievade ir derīga, bet atbildes nav (blakus nosacījumi, nesasniedzams mērķis vai risinātāja kļūme)"
        case .timeLimit: "darbs pārsniedza noteikumu laika robežu (time_limit_seconds) un tika apturēts"
        case .memoryLimit: "darbam vajadzēja vairāk atmiņas, nekā drīkst, un tas tika apturēts"
        case .workerCrashed: "apstrādes process apstājās darba laikā"
        case .attemptsExhausted: "darbs tika sākts vairākas reizes, bet netika pabeigts"
        case .internal: "MentorMatch iekšēja kļūda; ziņojiet par to administratoram"
        }
    }

    /// One input problem as a list item: where, what, and the fix, in the page's language.
    static func problemItem(_ issue: InputIssue, page: WorkspacePage) -> HTML {
        let wording = issue.wording(latvian: page.language == .lv)
        return "<li class=\"input-problem\"><span class=\"where\">\(location(of: issue, language: page.language))</span>: \(wording.problem). <span class=\"fix\">\(page.text(.fixLabel)) \(wording.fix)</span></li>"
    }
}
