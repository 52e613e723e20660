import Foundation
import GRDB
import MentorMatch
import MentorMatchJobs

extension Workspace {
    static func run(_ row: Row) -> Run {
        Run(id: row["id"], jobID: row["job_id"], account: row["account"], createdAt: row["created_at"],
            withCurrentPairs: row["with_current"])
    }

    /// Starts a matching of the programme's files with its policy, its decisions (approve: lock, decline: forbid)
    /// and, once a pairing was published, its current pairs (`continuity: keep`), as a job in a worker process.
    ///
    /// Decisions about people no longer in the files are kept but not sent (they apply again if the people return).
    public func startRun(_ programme: Programme, by account: Account) async throws(WorkspaceError) -> Run {
        let files = try currentFiles(programme)
        let check = try check(programme)
        guard check.canRun(settingAside: programme.skipsInvalidRows) else { throw .dataNotReady }
        let current = try publishedPairs(of: programme)
        guard let plain = try contents(files, programme: programme, current: []),
            let loaded = try? WorkbookSheets.reading(Self.sheetChoices(files), { () throws(InputError) in
                try InputLoader.load(plain, skippingInvalidRows: programme.skipsInvalidRows)
            })
        else { throw .dataNotReady }
        let mentorIDs = Set(loaded.input.mentors.map(\.id)), menteeIDs = Set(loaded.input.mentees.map(\.id))
        let decisions = try decisions(of: programme).filter { mentorIDs.contains($0.mentorID) && menteeIDs.contains($0.menteeID) }
        guard let contents = try contents(files, programme: programme, current: current, locks: decisions) else {
            throw .dataNotReady
        }
        var parts: [String: Data] = [
            "mentors": contents.mentors.data, "mentees": contents.mentees.data, "places": contents.places.data,
        ]
        parts["policy"] = contents.policy?.data
        parts["locks"] = contents.locks?.data
        parts["current"] = contents.current?.data
        var options = ["lang": "lv"]
        if programme.skipsInvalidRows { options["skip_invalid"] = "true" }
        for (kind, file) in files { options["\(kind.rawValue)_sheet"] = file.0.sheet }
        let record: JobRecord
        do throws(JobSubmissionError) {
            record = try await jobs.submit(JobRequest(kind: .matching, parts: parts, options: options), idempotencyKey: nil).0
        } catch {
            throw .jobRefused(Self.describe(error))
        }
        let run = Run(id: Self.randomToken(bytes: 8), jobID: record.id, account: account.name, createdAt: Date(),
                      withCurrentPairs: !current.isEmpty)
        try write { db in
            try db.execute(
                sql: "INSERT INTO run (id, programme_id, job_id, account, created_at, with_current) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [run.id, programme.id, run.jobID, run.account, run.createdAt, run.withCurrentPairs])
            try Self.audit(db, programme: programme.id, account: account.name, .ran, "run \(run.id)")
        }
        logger.info("run started", metadata: ["decisions": "\(decisions.count)", "current_pairs": "\(current.count)"])
        return run
    }

    /// A person's id that is not in the run, as a form field's problem.
    static let idAsShown = Phrase("give the id as the review page shows it", lv: "ierakstiet id tā, kā to rāda pārskatīšanas lapa")

    static func describe(_ error: JobSubmissionError) -> Phrase {
        switch error {
        case .queueFull(let seconds):
            Phrase("the server is busy; try again in \(seconds) s", lv: "serveris ir aizņemts; mēģiniet vēlreiz pēc \(seconds) s")
        case .shuttingDown:
            Phrase("the server is stopping; try again once it is back", lv: "serveris apstājas; mēģiniet vēlreiz, kad tas atkal darbojas")
        case .idempotencyConflict: Phrase("the request was sent twice; try again", lv: "pieprasījums nosūtīts divreiz; mēģiniet vēlreiz")
        case .unknownPart(let name):
            Phrase("the run's input has a part '\(name)' the matching does not read (a bug)",
                   lv: "atlases ievadē ir daļa '\(name)', ko atlase nelasa (kļūda programmā)")
        case .storeFailed(let why): Phrase(why, lv: "krātuve kļūdījās: \(why)")
        }
    }

    /// The programme's runs, newest first.
    public func runs(of programme: Programme) throws(WorkspaceError) -> [Run] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run WHERE programme_id = ? ORDER BY created_at DESC, rowid DESC",
                             arguments: [programme.id]).map(Self.run)
        }
    }

    /// The newest run, which the review page shows.
    public func latestRun(of programme: Programme) throws(WorkspaceError) -> Run? { try runs(of: programme).first }

    /// The job of a run: its status, stage and failure.
    public func status(of run: Run) async -> JobRecord? { await jobs.job(run.jobID) }

    /// A result file of a finished run (`pairs.csv`, `unmatched.csv`, `changes.csv`, `result.xlsx`, `map.svg`, …).
    public func file(_ name: String, of run: Run) async -> Data? { await jobs.output(run.jobID, name: name) }

    /// The run's result, its reasons worded in `language`.
    public func result(of run: Run, language: ReportLanguage) async -> MatchingResult? {
        var data: Data?
        if language != .en { data = await file("result.\(language.rawValue).json", of: run) }
        if data == nil { data = await file("result.json", of: run) }
        guard let data else { return nil }
        return try? JSONDecoder().decode(MatchingResult.self, from: data)
    }

    // MARK: - Decisions

    /// Records approve (lock), decline (forbid) or clear (`nil`) of a pair, with who and when. Approving a pair
    /// clears another approval of the same young person (one mentor each).
    public func decide(
        _ kind: DecisionKind?, menteeID: String, mentorID: String, in programme: Programme, by account: Account
    ) throws(WorkspaceError) {
        for (field, value) in [("mentee_id", menteeID), ("mentor_id", mentorID)]
        where value.isEmpty || value.count > 100 || value.contains(",") || value.contains("\n") {
            throw .invalidField(field: field, problem: Self.idAsShown)
        }
        try write { db in
            if kind == .approve {
                try db.execute(sql: "DELETE FROM decision WHERE programme_id = ? AND mentee_id = ? AND decision = 'approve'",
                               arguments: [programme.id, menteeID])
            }
            try db.execute(sql: "DELETE FROM decision WHERE programme_id = ? AND mentee_id = ? AND mentor_id = ?",
                           arguments: [programme.id, menteeID, mentorID])
            if let kind {
                try db.execute(
                    sql: "INSERT INTO decision (programme_id, mentee_id, mentor_id, decision, account, at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [programme.id, menteeID, mentorID, kind.rawValue, account.name, Date()])
            }
            let action: AuditAction = switch kind {
            case .approve: .approved
            case .decline: .declined
            case nil: .cleared
            }
            try Self.audit(db, programme: programme.id, account: account.name, action, "\(menteeID)–\(mentorID)")
        }
    }

    /// Every decision of the programme.
    public func decisions(of programme: Programme) throws(WorkspaceError) -> [Decision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM decision WHERE programme_id = ? ORDER BY mentee_id, mentor_id",
                             arguments: [programme.id]).compactMap { row in
                DecisionKind(rawValue: row["decision"]).map {
                    Decision(menteeID: row["mentee_id"], mentorID: row["mentor_id"], kind: $0, account: row["account"],
                             at: row["at"])
                }
            }
        }
    }

    // MARK: - Publishing

    /// Today in Latvia, as `2024-03-01`.
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Riga") ?? TimeZone(secondsFromGMT: 7200) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }

    /// The programme's current pairs (the last published pairing).
    public func publishedPairs(of programme: Programme) throws(WorkspaceError) -> [PublishedPair] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM current_pair WHERE programme_id = ? ORDER BY mentor_id, mentee_id",
                             arguments: [programme.id]).map {
                PublishedPair(mentorID: $0["mentor_id"], menteeID: $0["mentee_id"], since: $0["since"])
            }
        }
    }

    /// Makes the newest run's pairs the programme's current pairs: a kept pair keeps the day it started, a new
    /// one starts today (`since`).
    @discardableResult
    public func publish(_ programme: Programme, by account: Account) async throws(WorkspaceError) -> [PublishedPair] {
        guard let run = try latestRun(of: programme), let result = await result(of: run, language: .en) else {
            throw .noFinishedRun
        }
        let earlier = Dictionary(try publishedPairs(of: programme).map { ("\($0.mentorID) \($0.menteeID)", $0.since) },
                                 uniquingKeysWith: { first, _ in first })
        let today = Self.today()
        let pairs = result.pairs.map { pair in
            PublishedPair(mentorID: pair.mentorID, menteeID: pair.menteeID,
                          since: earlier["\(pair.mentorID) \(pair.menteeID)"].flatMap { $0 } ?? today)
        }
        try write { db in
            try db.execute(sql: "DELETE FROM current_pair WHERE programme_id = ?", arguments: [programme.id])
            for pair in pairs {
                try db.execute(sql: "INSERT INTO current_pair (programme_id, mentor_id, mentee_id, since) VALUES (?, ?, ?, ?)",
                               arguments: [programme.id, pair.mentorID, pair.menteeID, pair.since])
            }
            try db.execute(sql: "UPDATE programme SET published_run_id = ?, published_at = ? WHERE id = ?",
                           arguments: [run.id, Date(), programme.id])
            try Self.audit(db, programme: programme.id, account: account.name, .published, "run \(run.id)")
        }
        logger.info("pairing published", metadata: ["pairs": "\(pairs.count)"])
        return pairs
    }
}
