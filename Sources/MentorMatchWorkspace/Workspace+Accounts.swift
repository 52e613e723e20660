import Foundation
import GRDB
import HummingbirdBcrypt

extension Workspace {
    static func createAccount(
        in database: DatabasePool, name raw: String, password: String, cost: UInt8
    ) throws(WorkspaceError) -> Account {
        let name = try checkedName(raw)
        guard password.count >= minimumPasswordLength else { throw .weakPassword }
        let hash = Bcrypt.hash(password, cost: cost)
        do {
            return try database.write { db in
                if try Int.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) != nil {
                    throw WorkspaceError.accountExists(name)
                }
                try db.execute(sql: "INSERT INTO account (name, password_hash, created_at) VALUES (?, ?, ?)",
                               arguments: [name, hash, Date()])
                return Account(id: db.lastInsertedRowID, name: name)
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    /// Creates an account (bcrypt hash of the password).
    public func createAccount(name: String, password: String) throws(WorkspaceError) -> Account {
        let account = try Self.createAccount(in: database, name: name, password: password, cost: configuration.bcryptCost)
        logger.info("account created")
        return account
    }

    /// Signs in: the new session's token (for the cookie; only its hash is stored) and the session.
    ///
    /// After ``Configuration/throttleFailures`` failures for the name or from the address within the window, every
    /// attempt is refused with ``WorkspaceError/throttled(minutes:)`` until the oldest of them leaves the window, even
    /// with the right password; a successful sign-in clears the name's and the address's failures.
    public func signIn(name raw: String, password: String, address: String) throws(WorkspaceError) -> (token: String, session: Session) {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        // The address counts when the server knows it (empty: behind a proxy that does not say).
        let keys = ["name:" + name.lowercased()] + (address.isEmpty ? [] : ["address:" + address])
        let now = Date()
        let windowStart = now.addingTimeInterval(-configuration.throttleWindowSeconds)
        let oldest: Date? = try read { db in
            for key in keys {
                let times = try Date.fetchAll(
                    db, sql: "SELECT at FROM sign_in_failure WHERE key = ? AND at > ? ORDER BY at",
                    arguments: [key, windowStart])
                if times.count >= configuration.throttleFailures { return times.first }
            }
            return nil
        }
        if let oldest {
            let seconds = oldest.addingTimeInterval(configuration.throttleWindowSeconds).timeIntervalSince(now)
            logger.notice("sign-in throttled")
            throw .throttled(minutes: max(1, Int(rounding: seconds / 60, .up, clampedTo: 1...1440) ?? 15))
        }
        let stored: (id: Int64, name: String, hash: String)? = try read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, name, password_hash FROM account WHERE name = ?", arguments: [name])
            else { return nil }
            let id: Int64 = row["id"]
            let accountName: String = row["name"]
            let hash: String = row["password_hash"]
            return (id, accountName, hash)
        }
        // An unknown name costs the same bcrypt work as a wrong password, so names cannot be probed by timing.
        let verified = Bcrypt.verify(password, hash: stored?.hash ?? dummyHash) && stored != nil
        guard verified, let stored else {
            try write { db in
                for key in keys {
                    try db.execute(sql: "INSERT INTO sign_in_failure (key, at) VALUES (?, ?)", arguments: [key, now])
                }
                try db.execute(sql: "DELETE FROM sign_in_failure WHERE at <= ?", arguments: [windowStart])
            }
            logger.info("sign-in failed")
            throw .wrongPassword
        }
        let id = stored.id
        let token = Self.randomToken()
        let session = Session(account: Account(id: id, name: stored.name), csrf: Self.randomToken())
        try write { db in
            for key in keys { try db.execute(sql: "DELETE FROM sign_in_failure WHERE key = ?", arguments: [key]) }
            try db.execute(
                sql: "INSERT INTO session (token_hash, account_id, csrf, last_seen) VALUES (?, ?, ?, ?)",
                arguments: [Self.sha256(token), id, session.csrf, now])
            try db.execute(sql: "DELETE FROM session WHERE last_seen < ?",
                           arguments: [now.addingTimeInterval(-configuration.sessionIdleSeconds)])
        }
        logger.info("signed in")
        return (token, session)
    }

    /// The session of a cookie's token, if it is signed in and was used within the idle time (which it renews).
    public func session(token: String) -> Session? {
        guard !token.isEmpty else { return nil }
        let hash = Self.sha256(token)
        let now = Date()
        let limit = now.addingTimeInterval(-configuration.sessionIdleSeconds)
        return try? write { db -> Session? in
            guard let row = try Row.fetchOne(
                db, sql: """
                    SELECT session.csrf, session.last_seen, account.id, account.name FROM session
                    JOIN account ON account.id = session.account_id WHERE session.token_hash = ?
                    """, arguments: [hash])
            else { return nil }
            let lastSeen: Date = row["last_seen"]
            guard lastSeen >= limit else {
                try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [hash])
                return nil
            }
            try db.execute(sql: "UPDATE session SET last_seen = ? WHERE token_hash = ?", arguments: [now, hash])
            return Session(account: Account(id: row["id"], name: row["name"]), csrf: row["csrf"])
        }
    }

    /// Ends the session of the token.
    public func signOut(token: String) {
        _ = try? write { db in
            try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Self.sha256(token)])
        }
        logger.info("signed out")
    }

    /// Every account's name (for adding members).
    func accountID(named name: String) throws(WorkspaceError) -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE name = ?",
                               arguments: [name.trimmingCharacters(in: .whitespacesAndNewlines)])
        }
    }
}
