import Synchronization

/// What a solve reports while it runs, so that a long national run can show how far it is (the API's job status).
public enum MatchingProgress: Sendable, Hashable {
    /// The flow networks or the linear programme are being built.
    case buildingModel
    /// Independent parts solved so far, of all the parts (the linear-programme path is one part).
    case solving(partsSolved: Int, partsTotal: Int)
    /// The pairs and every young person left unmatched are being explained.
    case explaining
}

/// Receives ``MatchingProgress`` from the threads that solve parts in parallel, one report at a time.
public typealias MatchingProgressHandler = @Sendable (MatchingProgress) -> Void

/// Counts solved parts across threads and reports at most about a hundred times (each whole percent, and the last),
/// in increasing order, so that tens of thousands of small parts do not flood whoever listens.
final class PartCounter: Sendable {
    private let total: Int
    private let report: MatchingProgressHandler
    private let solved = Mutex(0)

    init(total: Int, report: @escaping MatchingProgressHandler) {
        self.total = total
        self.report = report
        report(.solving(partsSolved: 0, partsTotal: total))
    }

    func partSolved() {
        solved.withLock { solved in
            solved += 1
            if solved == total || solved * 100 / total != (solved - 1) * 100 / total {
                report(.solving(partsSolved: solved, partsTotal: total))
            }
        }
    }
}
