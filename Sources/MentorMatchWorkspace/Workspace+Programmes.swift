import Foundation
import GRDB
import MentorMatch
import MentorMatchJobs

extension Workspace {
    static func programme(_ row: Row) -> Programme {
        Programme(id: row["id"], name: row["name"], createdAt: row["created_at"], skipsInvalidRows: row["skip_invalid"],
                  publishedRunID: row["published_run_id"], publishedAt: row["published_at"])
    }

    /// The programmes the account is a member of, by name.
    public func programmes(for account: Account) throws(WorkspaceError) -> [Programme] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT programme.* FROM programme JOIN member ON member.programme_id = programme.id
                WHERE member.account_id = ? ORDER BY programme.name, programme.created_at
                """, arguments: [account.id]).map(Self.programme)
        }
    }

    /// Creates a programme with the account as its first member.
    public func createProgramme(named raw: String, by account: Account) throws(WorkspaceError) -> Programme {
        let name = try Self.checkedName(raw)
        let id = Self.randomToken(bytes: 8)
        let programme = try write { db in
            try db.execute(sql: "INSERT INTO programme (id, name, created_at) VALUES (?, ?, ?)", arguments: [id, name, Date()])
            try db.execute(sql: "INSERT INTO member (programme_id, account_id) VALUES (?, ?)", arguments: [id, account.id])
            try Self.audit(db, programme: id, account: account.name, .created, id)
            return try Row.fetchOne(db, sql: "SELECT * FROM programme WHERE id = ?", arguments: [id]).map(Self.programme)
        }
        guard let programme else { throw .storage("the new programme could not be read back") }
        logger.info("programme created")
        return programme
    }

    /// The programme, when the account is one of its members; ``WorkspaceError/notFound`` otherwise.
    public func programme(_ id: String, for account: Account) throws(WorkspaceError) -> Programme {
        let found = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT programme.* FROM programme JOIN member ON member.programme_id = programme.id
                WHERE programme.id = ? AND member.account_id = ?
                """, arguments: [id, account.id]).map(Self.programme)
        }
        guard let found else { throw .notFound }
        return found
    }

    /// The names of the programme's members.
    public func members(of programme: Programme) throws(WorkspaceError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT account.name FROM account JOIN member ON member.account_id = account.id
                WHERE member.programme_id = ? ORDER BY account.name
                """, arguments: [programme.id])
        }
    }

    /// Adds an existing account to the programme.
    public func addMember(named name: String, to programme: Programme, by account: Account) throws(WorkspaceError) {
        guard let id = try accountID(named: name) else { throw .unknownAccount(String(name.prefix(100))) }
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO member (programme_id, account_id) VALUES (?, ?)",
                           arguments: [programme.id, id])
            try Self.audit(db, programme: programme.id, account: account.name, .memberAdded, "account \(id)")
        }
        logger.info("member added")
    }

    /// Erases the programme: its rows (uploads, runs, decisions, pairs, audit, members) and its jobs with their
    /// files. `secure_delete` overwrites the freed pages of the store.
    public func delete(_ programme: Programme, by account: Account) async throws(WorkspaceError) {
        let jobIDs = try read { db in
            try String.fetchAll(db, sql: """
                SELECT job_id FROM run WHERE programme_id = ? UNION ALL SELECT job_id FROM calendar_run WHERE programme_id = ?
                UNION ALL SELECT job_id FROM what_if_run WHERE programme_id = ?
                """, arguments: [programme.id, programme.id, programme.id])
        }
        for id in jobIDs { await eraseJob(id) }
        try write { db in
            try db.execute(sql: "DELETE FROM programme WHERE id = ?", arguments: [programme.id])
        }
        checkpoint()
        logger.info("programme deleted", metadata: ["jobs": "\(jobIDs.count)"])
    }

    /// Moves the log's pages into the file and empties the log, so that erased rows are not left in it.
    func checkpoint() {
        _ = try? database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Cancels a running job, then erases it with its files.
    func eraseJob(_ id: String) async {
        for _ in 0..<50 {
            switch await jobs.remove(id) {
            case .erased, .notFound: return
            case .cancelled: try? await Task.sleep(for: .milliseconds(100))
            }
        }
        logger.error("a cancelled job could not be erased")
    }

    /// The programme's audit log, newest first.
    public func auditLog(of programme: Programme) throws(WorkspaceError) -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE programme_id = ? ORDER BY id DESC",
                             arguments: [programme.id]).compactMap { row in
                AuditAction(rawValue: row["action"]).map {
                    AuditEntry(account: row["account"], action: $0, object: row["object"], at: row["at"])
                }
            }
        }
    }

    /// Records a download in the audit log.
    public func recordDownload(_ name: String, of programme: Programme, by account: Account) throws(WorkspaceError) {
        try write { db in try Self.audit(db, programme: programme.id, account: account.name, .downloaded, name) }
    }

    /// Records an action of the pages built on the workspace (such as a calendar planned) in the audit log.
    public func record(_ action: AuditAction, object: String, of programme: Programme, by account: Account)
        throws(WorkspaceError)
    {
        try write { db in try Self.audit(db, programme: programme.id, account: account.name, action, object) }
    }

    // MARK: - Policy

    /// The programme's policy: the programme defaults, with the policy form's settings.
    public func policy(of programme: Programme) throws(WorkspaceError) -> Policy {
        let text: String? = try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT policy FROM programme WHERE id = ?", arguments: [programme.id])
            else { return nil }
            let policy: String? = row["policy"]
            return policy
        }
        guard let text else { return Policy() }
        do {
            return try PolicyFile.decode(Data(text.utf8), source: "policy.yaml")
        } catch {
            throw .storage("the stored policy cannot be read (\(error))")
        }
    }

    /// Stores the policy form's settings over the programme defaults.
    public func setPolicy(_ settings: PolicySettings, of programme: Programme, by account: Account) throws(WorkspaceError) {
        let policy = settings.applied(to: try self.policy(of: programme))
        if let issue = InputValidator.issues(in: policy, source: "policy").first {
            let english = issue.wording(latvian: false), latvian = issue.wording(latvian: true)
            throw .invalidField(field: issue.field ?? "policy",
                                problem: Phrase("\(english.problem); \(english.fix)", lv: "\(latvian.problem); \(latvian.fix)"))
        }
        let text = PolicyFile.yamlText(policy)
        try write { db in
            try db.execute(sql: "UPDATE programme SET policy = ? WHERE id = ?", arguments: [text, programme.id])
            try Self.audit(db, programme: programme.id, account: account.name, .policyChanged, programme.id)
        }
    }
}
