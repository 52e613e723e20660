import ArgumentParser
import Foundation
import MentorMatch

/// The documented exit codes of `mentormatch`, and the one place a library error becomes one. A new code is a new
/// case here, in ``init(_:)`` and in the README's table.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// Bad input: every problem is listed.
    case invalidInput = 1
    /// The command line cannot be used: an unknown option, a missing value, or a solver that refuses the policy.
    case usage = 2
    /// No assignment possible (side constraints, solver failure), no schedule, or a planning target out of reach.
    case noAnswer = 3
    /// The output could not be produced or written; nothing partial was left behind.
    case outputFailed = 4
    /// MentorMatch broke one of its own invariants (sysexits' EX_SOFTWARE): a bug to report.
    case internalError = 70
    /// Stopped by SIGINT (Ctrl-C) or SIGTERM, as shells report those signals: the output folder keeps its old set.
    case interrupted = 130
    case terminated = 143

    init(_ error: MentorMatchError) {
        switch error {
        case .invalidInput: self = .invalidInput
        case .solverRefused: self = .usage
        case .matchingFailed, .schedulingFailed, .planningFailed: self = .noAnswer
        case .formatFailed, .outputFailed: self = .outputFailed
        case .internalError: self = .internalError
        }
    }

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The help text's line.
    static let helpText = """
        Exit codes: 0 success, 1 invalid input (every problem is listed), 2 usage error (a solver that refuses the \
        policy included), 3 no assignment possible (side constraints or solver) or target out of reach, 4 output \
        could not be produced or written, 70 internal error, 130 interrupted (SIGINT), 143 terminated (SIGTERM; \
        the output folder keeps its old files).
        """
}

/// Prints the error to standard error and returns the exit code ``ExitStatus`` gives it; input problems are listed in
/// Latvian with `--lang lv`.
func fail(_ error: MentorMatchError, language: ReportLanguage = .en) -> ExitCode {
    let text = if case .invalidInput(let inputError) = error, language == .lv {
        "kļūda: \(inputError.described(latvian: true))"
    } else {
        "error: \(error.description)"
    }
    FileHandle.standardError.write(Data("\(text)\n".utf8))
    return ExitStatus(error).exitCode
}
