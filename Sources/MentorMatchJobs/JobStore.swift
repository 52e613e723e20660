import Foundation
import GRDB

/// The SQLite store of jobs (WAL mode), versioned by GRDB's migrator.
final class JobStore: Sendable {
    let database: DatabasePool

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        database = try DatabasePool(path: path, configuration: configuration)
    }
}
