import Crypto
import Foundation
import GRDB
import HummingbirdBcrypt
import Logging
import MentorMatch
import MentorMatchJobs

/// The coordinators' workspace: accounts, sessions, programmes and their data, runs, decisions, published pairs and
/// the audit log, in `workspace.sqlite`; matchings run as jobs of a ``JobService`` (in worker processes).
///
/// Every programme action takes the signed-in account and answers ``WorkspaceError/notFound`` for a programme the
/// account is not a member of, exactly as for one that does not exist.
///
/// Logs carry actions and counts only: never a name, an id of a person, a place or a reason.
public final class Workspace: Sendable {
    public struct Configuration: Sendable {
        /// The folder of `workspace.sqlite`.
        public var dataDirectory: URL
        /// bcrypt's cost (2^cost rounds); 12 in production, lower in tests.
        public var bcryptCost: UInt8
        /// A session unused this long is signed out.
        public var sessionIdleSeconds: Double
        /// Failed sign-ins allowed per name and per address within ``throttleWindowSeconds``.
        public var throttleFailures: Int
        public var throttleWindowSeconds: Double

        public init(dataDirectory: URL, bcryptCost: UInt8 = 12, sessionIdleSeconds: Double = 12 * 3600,
                    throttleFailures: Int = 5, throttleWindowSeconds: Double = 15 * 60)
        {
            self.dataDirectory = dataDirectory
            self.bcryptCost = bcryptCost
            self.sessionIdleSeconds = sessionIdleSeconds
            self.throttleFailures = throttleFailures
            self.throttleWindowSeconds = throttleWindowSeconds
        }
    }

    public static let minimumPasswordLength = 10

    public let configuration: Configuration
    let database: DatabasePool
    /// The job service of the workspace's runs (its own, so that no `/v1` client can see them).
    public let jobs: JobService
    let logger: Logger
    /// A hash of a random password: checked when the name is unknown, so that it takes a wrong password's time.
    let dummyHash: String

    public init(configuration: Configuration, jobs: JobService, logger: Logger) throws {
        self.configuration = configuration
        self.jobs = jobs
        self.logger = logger
        dummyHash = Bcrypt.hash(Self.randomToken(bytes: 16), cost: configuration.bcryptCost)
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: configuration.dataDirectory.path)
        database = try WorkspaceStore.open(
            path: configuration.dataDirectory.appendingPathComponent("workspace.sqlite").path)
    }

    /// Opens only the store, for `mentormatch serve --create-user` (no job service runs).
    public static func createAccount(
        dataDirectory: URL, name: String, password: String, bcryptCost: UInt8 = 12
    ) throws(WorkspaceError) -> Account {
        let database: DatabasePool
        do {
            try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
            database = try WorkspaceStore.open(path: dataDirectory.appendingPathComponent("workspace.sqlite").path)
        } catch {
            throw .storage("\(error)")
        }
        return try createAccount(in: database, name: name, password: password, cost: bcryptCost)
    }

    // MARK: - Helpers

    /// 32 random bytes as hex, from the system's cryptographic generator.
    public static func randomToken(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Equal strings compared in a time that does not depend on where they differ.
    public static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        var difference: UInt8 = left.count == right.count ? 0 : 1
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }

    static func checkedName(_ raw: String) throws(WorkspaceError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count), !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else { throw .invalidName(String(name.prefix(100))) }
        return name
    }

    func write<T>(_ body: (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try database.write(body)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            logger.error("the workspace store could not be written")
            throw .storage("\(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try database.read(body)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            logger.error("the workspace store could not be read")
            throw .storage("\(error)")
        }
    }

    static func audit(_ db: Database, programme: String, account: String, _ action: AuditAction, _ object: String) throws {
        try db.execute(
            sql: "INSERT INTO audit (programme_id, account, action, object, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [programme, account, action.rawValue, object, Date()])
    }
}
