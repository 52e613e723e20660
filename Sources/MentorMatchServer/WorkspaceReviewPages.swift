import Foundation
import Hummingbird
import MentorMatch
import MentorMatchJobs
import MentorMatchWorkspace

extension WorkspaceRoutes {
    /// Runs, the review page, decisions and publishing.
    func registerReview(on router: Router<BasicRequestContext>) {
        programmePOST(router, "runs") { page in
            _ = try await page.workspace.startRun(page.programme, by: page.session.account)
            return page.redirect(to: page.path("review"))
        }
        programmeGET(router, "review") { page in try await review(page) }
        programmePOST(router, "decisions") { page in
            let kind: DecisionKind?
            switch page.form["decision"] {
            case "approve": kind = .approve
            case "decline": kind = .decline
            case "clear": kind = nil
            default: throw PageError.badRequest(page.text(.errorTitle) + ": decision = approve | decline | clear")
            }
            try page.workspace.decide(kind, menteeID: page.form["mentee_id"] ?? "", mentorID: page.form["mentor_id"] ?? "",
                                      in: page.programme, by: page.session.account)
            return page.redirect(to: page.path("review"))
        }
        programmePOST(router, "publish") { page in
            let pairs = try await page.workspace.publish(page.programme, by: page.session.account)
            return page.redirect(to: page.path("review") + "?published=\(pairs.count)")
        }
    }

    func review(_ page: WorkspacePage) async throws -> Response {
        let title = page.text(.reviewTitle)
        guard let run = try page.workspace.latestRun(of: page.programme) else {
            return page.html(title: title, nav: .review, body: "<p id=\"no-run\">\(page.text(.noRun))</p>")
        }
        guard let record = await page.workspace.status(of: run) else { throw PageError.notFound }
        switch record.status {
        case .queued, .running:
            let body: HTML = "<p id=\"run-running\" role=\"status\">\(page.text(.running))</p>"
            return page.html(title: title, nav: .review, body: body, refreshSeconds: 2)
        case .failed, .cancelled:
            let failure = record.failure
            let issues: [HTML] = (failure?.issues ?? []).map { WorkspaceFormat.problemItem($0, page: page) }
            let body: HTML = """
                <p class="error" id="run-failed" role="alert">\(page.text(.runFailed, failure.map { WorkspaceFormat.failureHeadline($0, page: page) } ?? record.status.rawValue))</p>
                <ul id="input-problems">\(issues)</ul>
                <p><a href="\(page.path())">\(page.text(.navOverview))</a></p>
                """
            return page.html(title: title, nav: .review, body: body)
        case .succeeded:
            break
        }
        guard let result = await page.workspace.result(of: run, language: page.language) else { throw PageError.notFound }
        let decisions = try page.workspace.decisions(of: page.programme)
        let published = page.query("published").map { page.text(.published, $0) }
        let body = reviewBody(page, result: result, decisions: decisions)
        return page.html(title: title, nav: .review, body: body, notice: published)
    }

    func reviewBody(_ page: WorkspacePage, result: MatchingResult, decisions: [Decision]) -> HTML {
        let summary = result.summary
        let headline: HTML = """
            <div id="headline">
            <p>\(HTML.template(page.text(.headline), "<span id=\"served-count\">\(summary.served)</span>", "<span id=\"mentee-count\">\(summary.mentees)</span>"))</p>
            <ul>
            <li>\(HTML.template(page.text(.remoteServed), "<span id=\"remote-count\">\(summary.servedRemote)</span>", "<span id=\"remote-total\">\(summary.remoteMentees)</span>"))</li>
            <li>\(HTML.template(page.text(.mentorsUsed), "<span id=\"mentors-used\">\(summary.mentorsUsed)</span>"))</li>
            <li>\(HTML.template(page.text(.mentorsIdle), "<span id=\"mentors-idle\">\(summary.idleMentors)</span>"))</li>
            </ul>
            </div>
            """
        let decided = Dictionary(decisions.map { ("\($0.menteeID) \($0.mentorID)", $0) }, uniquingKeysWith: { first, _ in first })
        let alternatives = Dictionary(result.alternatives.map { ($0.menteeID, $0.alternatives) }, uniquingKeysWith: { first, _ in first })
        let pairRows: [HTML] = result.pairs.map { pair in
            let decision = decided["\(pair.menteeID) \(pair.mentorID)"]
            let score = pair.score
            let parts: HTML = """
                <ul class="parts"><li>\(page.text(.partTravel)) \(decimal(score.travel, page))</li><li>\(page.text(.partInterests)) \(decimal(score.interests, page))</li><li>\(page.text(.partGender)) \(decimal(score.genderPreference, page))</li><li>\(page.text(.partPriority)) \(decimal(score.priority, page))</li><li>\(page.text(.partWaiting)) \(decimal(score.waiting, page))</li></ul>
                """
            let next = (alternatives[pair.menteeID] ?? []).filter { $0.mentorID != pair.mentorID }
            let nextHTML: HTML = next.isEmpty ? "\(page.text(.none))"
                : "<ul class=\"next-best\">\(next.map { alternative -> HTML in "<li>\(alternative.mentorID) (\(km(alternative.distanceKm, page)), \(decimal(alternative.score, page)))</li>" })</ul>"
            return """
                <tr class="pair" data-mentee="\(pair.menteeID)" data-mentor="\(pair.mentorID)">
                <td>\(pair.menteeID)</td><td>\(pair.mentorID)</td><td>\(km(pair.distanceKm, page))</td>
                <td>\(decimal(score.total, page))</td><td>\(parts)</td><td>\(nextHTML)</td>
                \(decisionCell(page, decision))
                <td class="actions">\(decisionForms(page, menteeID: pair.menteeID, mentorID: pair.mentorID, decision: decision))</td>
                </tr>
                """
        }
        let declined = decisions.filter { $0.kind == .decline }
        let declinedSection: HTML = declined.isEmpty ? .empty : """
            <h2>\(page.text(.declinedPairsTitle))</h2>
            <table id="declined"><thead><tr><th scope="col">\(page.text(.menteeColumn))</th><th scope="col">\(page.text(.mentorColumn))</th><th scope="col">\(page.text(.decisionColumn))</th><th scope="col"></th></tr></thead><tbody>
            \(declined.map { decision -> HTML in "<tr class=\"declined\" data-mentee=\"\(decision.menteeID)\" data-mentor=\"\(decision.mentorID)\"><td>\(decision.menteeID)</td><td>\(decision.mentorID)</td>\(decisionCell(page, decision))<td>\(decisionForms(page, menteeID: decision.menteeID, mentorID: decision.mentorID, decision: decision))</td></tr>" })
            </tbody></table>
            """
        let unmatchedRows: [HTML] = result.unmatched.map { person in
            let unblock: [HTML] = person.relaxations.map { relaxation in
                let count = page.language == .lv
                    ? Latvian.counted(relaxation.candidates, "kandidāts", "kandidāti")
                    : relaxation.candidates == 1 ? "1 candidate" : "\(relaxation.candidates) candidates"
                return "<li>\(page.text(.relaxation, relaxation.rule.name(page.language), count))</li>"
            }
            return """
                <tr class="unmatched" data-mentee="\(person.menteeID)"><td>\(person.menteeID)</td><td class="reason">\(person.reason)</td>
                <td><ul class="unblock">\(unblock)</ul><a class="what-if" href="\(page.path("what-if"))?mentee=\(person.menteeID)">\(page.text(.whatIf))</a></td></tr>
                """
        }
        let unmatched: HTML = result.unmatched.isEmpty ? "<p id=\"all-served\">\(page.text(.allServed))</p>" : """
            <table id="unmatched"><thead><tr><th scope="col">\(page.text(.menteeColumn))</th><th scope="col">\(page.text(.reasonColumn))</th><th scope="col">\(page.text(.unblockColumn))</th></tr></thead>
            <tbody>\(unmatchedRows)</tbody></table>
            """
        let publishedAt: HTML = page.programme.publishedAt.map { "<p id=\"published-at\">\(page.text(.publishedAt, WorkspaceFormat.time($0)))</p>" } ?? .empty
        return """
            \(headline)
            \(changesSection(page, result: result))
            <h2>\(page.text(.pairsTitle))</h2>
            <table id="pairs"><thead><tr><th scope="col">\(page.text(.menteeColumn))</th><th scope="col">\(page.text(.mentorColumn))</th><th scope="col">\(page.text(.distanceColumn))</th><th scope="col">\(page.text(.scoreColumn))</th><th scope="col">\(page.text(.partsColumn))</th><th scope="col">\(page.text(.nextBestColumn))</th><th scope="col">\(page.text(.decisionColumn))</th><th scope="col"></th></tr></thead>
            <tbody>\(pairRows)</tbody></table>
            \(declinedSection)
            <h2>\(page.text(.unmatchedTitle))</h2>
            \(unmatched)
            \(publishedAt)
            <form method="post" action="\(page.path("runs"))" class="inline" id="rerun-form">\(page.csrfInput)<button type="submit" id="rerun" class="secondary">\(page.text(.rerunButton))</button></form>
            <form method="post" action="\(page.path("publish"))" class="inline" id="publish-form">\(page.csrfInput)<button type="submit" id="publish">\(page.text(.publishButton))</button></form>
            """
    }

    func changesSection(_ page: WorkspacePage, result: MatchingResult) -> HTML {
        let continuity = result.continuity
        guard continuity.currentPairs > 0 else { return .empty }
        func label(_ kind: PairChange.Kind) -> String {
            switch kind {
            case .kept: page.text(.kept)
            case .new: page.text(.new)
            case .ended: page.text(.ended)
            case .released: page.text(.released)
            case .broken: page.text(.broken)
            case .moved: page.text(.moved)
            }
        }
        let counts: [(String, PairChange.Kind, Int)] = [
            ("kept-count", .kept, continuity.kept), ("broken-count", .broken, continuity.broken),
            ("new-count", .new, continuity.new), ("ended-count", .ended, continuity.ended),
            ("released-count", .released, continuity.released), ("moved-count", .moved, continuity.moved),
        ]
        let countItems: [HTML] = counts.map { id, kind, count in "<li>\(label(kind)): <span id=\"\(id)\">\(count)</span></li>" }
        let rows: [HTML] = result.changes.map { change in
            "<tr class=\"change change-\(change.change.rawValue)\" data-mentee=\"\(change.menteeID)\" data-mentor=\"\(change.mentorID)\"><td>\(label(change.change))</td><td>\(change.menteeID)</td><td>\(change.mentorID)</td><td>\(change.reason)</td></tr>"
        }
        return """
            <section id="changes">
            <h2>\(page.text(.changesTitle))</h2>
            <ul class="change-counts">\(countItems)</ul>
            <table><thead><tr><th scope="col">\(page.text(.changeColumn))</th><th scope="col">\(page.text(.menteeColumn))</th><th scope="col">\(page.text(.mentorColumn))</th><th scope="col">\(page.text(.reasonColumn))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            </section>
            """
    }

    func decisionCell(_ page: WorkspacePage, _ decision: Decision?) -> HTML {
        guard let decision else { return "<td></td>" }
        let text = decision.kind == .approve
            ? page.text(.approvedBy, decision.account, WorkspaceFormat.time(decision.at))
            : page.text(.declinedBy, decision.account, WorkspaceFormat.time(decision.at))
        return "<td class=\"decision decision-\(decision.kind.rawValue)\">\(text)</td>"
    }

    func decisionForms(_ page: WorkspacePage, menteeID: String, mentorID: String, decision: Decision?) -> HTML {
        func form(_ value: String, _ label: TextKey, _ cssClass: String) -> HTML {
            """
            <form method="post" action="\(page.path("decisions"))" class="inline">\(page.csrfInput)<input type="hidden" name="mentee_id" value="\(menteeID)"><input type="hidden" name="mentor_id" value="\(mentorID)"><input type="hidden" name="decision" value="\(value)"><button type="submit" class="\(cssClass)" aria-label="\(page.text(label)): \(menteeID)–\(mentorID)">\(page.text(label))</button></form>
            """
        }
        switch decision?.kind {
        case nil: return form("approve", .approve, "approve") + form("decline", .decline, "decline")
        case .approve?: return form("clear", .clear, "clear secondary") + form("decline", .decline, "decline")
        case .decline?: return form("clear", .clear, "clear secondary")
        }
    }

    func decimal(_ value: Double, _ page: WorkspacePage) -> String {
        let text = WorkspaceFormat.fixed(value, 2)
        return page.language == .lv ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    func km(_ value: Double, _ page: WorkspacePage) -> String {
        let text = WorkspaceFormat.fixed(value, 1) + " km"
        return page.language == .lv ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
