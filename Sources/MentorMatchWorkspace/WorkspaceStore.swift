import Foundation
import GRDB

/// The workspace's SQLite store (`workspace.sqlite` in the server's data folder): WAL, full synchronous commits,
/// foreign keys, and `secure_delete` so that an erased programme's bytes are overwritten in the file, not left in
/// free pages. Its schema is versioned by GRDB's migrator.
enum WorkspaceStore {
    static func open(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: workspace") { db in
            try db.create(table: "account") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique()
                table.column("password_hash", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
            // Only the SHA-256 of a session token is stored: a copy of the file signs nobody in.
            try db.create(table: "session") { table in
                table.column("token_hash", .text).primaryKey()
                table.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                table.column("csrf", .text).notNull()
                table.column("last_seen", .datetime).notNull()
            }
            try db.create(table: "sign_in_failure") { table in
                table.column("key", .text).notNull().indexed()
                table.column("at", .datetime).notNull()
            }
            try db.create(table: "programme") { table in
                table.column("id", .text).primaryKey()
                table.column("name", .text).notNull()
                table.column("created_at", .datetime).notNull()
                table.column("policy", .text)
                table.column("skip_invalid", .boolean).notNull().defaults(to: false)
                table.column("published_run_id", .text)
                table.column("published_at", .datetime)
            }
            try db.create(table: "member") { table in
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade)
                table.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                table.primaryKey(["programme_id", "account_id"])
            }
            try db.create(table: "upload") { table in
                table.column("id", .text).primaryKey()
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade).indexed()
                table.column("kind", .text).notNull()
                table.column("file_name", .text).notNull()
                // The sheet chosen of a workbook with several (nil: the sheet found by its columns).
                table.column("sheet", .text)
                table.column("data", .blob).notNull()
                table.column("account", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
            try db.create(table: "run") { table in
                table.column("id", .text).primaryKey()
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade).indexed()
                table.column("job_id", .text).notNull()
                table.column("account", .text).notNull()
                table.column("created_at", .datetime).notNull()
                table.column("with_current", .boolean).notNull()
            }
            try db.create(table: "decision") { table in
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade)
                table.column("mentee_id", .text).notNull()
                table.column("mentor_id", .text).notNull()
                table.column("decision", .text).notNull()
                table.column("account", .text).notNull()
                table.column("at", .datetime).notNull()
                table.primaryKey(["programme_id", "mentee_id", "mentor_id"])
            }
            try db.create(table: "current_pair") { table in
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade)
                table.column("mentor_id", .text).notNull()
                table.column("mentee_id", .text).notNull()
                table.column("since", .text)
                table.primaryKey(["programme_id", "mentee_id"])
            }
            try db.create(table: "audit") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade).indexed()
                table.column("account", .text).notNull()
                table.column("action", .text).notNull()
                table.column("object", .text).notNull()
                table.column("at", .datetime).notNull()
            }
        }
        // The map, calendar and what-if pages: the schedule and recruitment jobs of a programme.
        migrator.registerMigration("v2: calendars and what-if questions") { db in
            try db.create(table: "calendar_run") { table in
                table.column("id", .text).primaryKey()
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade).indexed()
                table.column("job_id", .text).notNull()
                table.column("account", .text).notNull()
                table.column("created_at", .datetime).notNull()
                table.column("start", .text).notNull()
                table.column("months", .integer).notNull()
                table.column("pairs_left_out", .integer).notNull()
            }
            try db.create(table: "what_if_run") { table in
                table.column("id", .text).primaryKey()
                table.column("programme_id", .text).notNull().references("programme", onDelete: .cascade).indexed()
                table.column("job_id", .text).notNull()
                table.column("mentee_id", .text).notNull()
                table.column("account", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
        }
        return migrator
    }
}
