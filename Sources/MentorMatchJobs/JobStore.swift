import Foundation
import GRDB

/// The SQLite store of jobs, in WAL mode, its schema versioned by GRDB's migrator.
///
/// Durability: every commit survives the process being killed (SIGKILL, a trap: the write-ahead log is in the
/// operating system's hands once a commit returns). A job's insertion (its record and input) is also synced to disk
/// before it returns (`synchronous = FULL`), so it survives a power cut too. Later changes of state (running,
/// succeeded, failed) are committed with `synchronous = NORMAL`: a power cut may undo the last of them, which leaves
/// the job queued or running, and it is run again at the next start; the next FULL commit syncs them as well.
///
/// Records are what the service must not lose: a job's kind, input parts, options, status, attempts, failure and
/// output names.
/// Stage and progress of a running job live in memory only; the last stage reached is stored when the job finishes.
final class JobStore: Sendable {
    private let database: DatabasePool

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: jobs") { db in
            try db.create(table: "job") { table in
                table.column("id", .text).primaryKey()
                table.column("kind", .text).notNull()
                table.column("status", .text).notNull().indexed()
                table.column("stage", .text)
                table.column("progress", .text).notNull()
                table.column("created_at", .datetime).notNull()
                table.column("started_at", .datetime)
                table.column("finished_at", .datetime)
                table.column("attempts", .integer).notNull()
                table.column("failure", .text)
                table.column("options", .text).notNull()
                table.column("part_names", .text).notNull()
                table.column("output_names", .text).notNull()
                // Unique: one job per key. The request itself is compared with the stored input (see JobService).
                table.column("idempotency_key", .text).unique()
            }
            // The request's parts, committed with the job in one transaction (one sync of the log, where files
            // would need one per part and folder); the workers read copies written into the job's folder.
            try db.create(table: "job_part") { table in
                table.column("job_id", .text).notNull().references("job", onDelete: .cascade)
                table.column("name", .text).notNull()
                table.column("data", .blob).notNull()
                table.primaryKey(["job_id", "name"])
            }
        }
        return migrator
    }

    /// A stored job: its record and what the runner needs.
    struct StoredJob: Sendable, Hashable {
        var record: JobRecord
        var options: [String: String]
        var partNames: [String]
        var idempotencyKey: String?
    }

    /// Commits the job and its input parts together, synced to disk before it returns.
    func insert(_ job: StoredJob, parts: [String: Data]) throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            try db.inTransaction { try self.insertRows(job, parts: parts, db); return .commit }
        }
    }

    private func insertRows(_ job: StoredJob, parts: [String: Data], _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO job (id, kind, status, stage, progress, created_at, started_at, finished_at, attempts,
                                 failure, options, part_names, output_names, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                job.record.id, job.record.kind.rawValue, job.record.status.rawValue, job.record.stage?.rawValue,
                try Self.text(job.record.progress), job.record.createdAt, job.record.startedAt, job.record.finishedAt,
                job.record.attempts, try job.record.failure.map(Self.text), try Self.text(job.options),
                try Self.text(job.partNames), try Self.text(job.record.outputNames), job.idempotencyKey,
            ])
        for (name, data) in parts {
            try db.execute(sql: "INSERT INTO job_part (job_id, name, data) VALUES (?, ?, ?)",
                           arguments: [job.record.id, name, data])
        }
    }

    /// The input parts of a job, as submitted.
    func parts(of id: String) throws -> [String: Data] {
        try database.read { db in
            var parts: [String: Data] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, data FROM job_part WHERE job_id = ?", arguments: [id]) {
                parts[row["name"]] = row["data"]
            }
            return parts
        }
    }

    /// Stores the record's status, stage, progress, times, attempts, failure and outputs.
    func update(_ record: JobRecord) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE job SET status = ?, stage = ?, progress = ?, started_at = ?, finished_at = ?, attempts = ?,
                                   failure = ?, output_names = ?
                    WHERE id = ?
                    """,
                arguments: [
                    record.status.rawValue, record.stage?.rawValue, try Self.text(record.progress), record.startedAt,
                    record.finishedAt, record.attempts, try record.failure.map(Self.text), try Self.text(record.outputNames),
                    record.id,
                ])
        }
    }

    func job(id: String) throws -> StoredJob? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM job WHERE id = ?", arguments: [id]).map(Self.storedJob)
        }
    }

    func job(idempotencyKey: String) throws -> StoredJob? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM job WHERE idempotency_key = ?", arguments: [idempotencyKey])
                .map(Self.storedJob)
        }
    }

    /// Jobs with one of these statuses, oldest first.
    func jobs(withStatus statuses: [JobStatus]) throws -> [StoredJob] {
        try database.read { db in
            let marks = statuses.map { _ in "?" }.joined(separator: ", ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM job WHERE status IN (\(marks)) ORDER BY created_at, rowid",
                arguments: StatementArguments(statuses.map(\.rawValue))
            ).map(Self.storedJob)
        }
    }

    /// Ids of finished jobs that finished before `date`.
    func finishedJobIDs(before date: Date) throws -> [String] {
        try database.read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM job WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_at < ?",
                arguments: [date])
        }
    }

    func allIDs() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM job")) }
    }

    func countsByStatus() throws -> [JobStatus: Int] {
        try database.read { db in
            var counts: [JobStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS count FROM job GROUP BY status") {
                if let status = JobStatus(rawValue: row["status"]) { counts[status] = row["count"] }
            }
            return counts
        }
    }

    func delete(id: String) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM job WHERE id = ?", arguments: [id]) }
    }

    private static func storedJob(_ row: Row) throws -> StoredJob {
        let kindText: String = row["kind"]
        let statusText: String = row["status"]
        guard let kind = JobKind(rawValue: kindText), let status = JobStatus(rawValue: statusText) else {
            throw JobStoreError.unreadableRow("kind '\(kindText)' or status '\(statusText)' is unknown")
        }
        let stageText: String? = row["stage"]
        let failureText: String? = row["failure"]
        let record = JobRecord(
            id: row["id"], kind: kind, status: status, stage: stageText.flatMap(JobStage.init(rawValue:)),
            progress: try value(row["progress"]), createdAt: row["created_at"], startedAt: row["started_at"],
            finishedAt: row["finished_at"], attempts: row["attempts"], failure: try failureText.map(value),
            outputNames: try value(row["output_names"]))
        return StoredJob(
            record: record, options: try value(row["options"]), partNames: try value(row["part_names"]),
            idempotencyKey: row["idempotency_key"])
    }

    private static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func value<Value: Decodable>(_ text: String) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }
}

enum JobStoreError: Error, CustomStringConvertible {
    case unreadableRow(String)

    var description: String {
        switch self {
        case .unreadableRow(let problem): "a job in the store cannot be read (\(problem)); the store was written by a newer MentorMatch"
        }
    }
}
