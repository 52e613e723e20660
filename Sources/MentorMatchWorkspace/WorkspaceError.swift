import Foundation

/// Why a workspace action was refused, in words a coordinator (or the operator, for `--create-user`) can act on.
public enum WorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such programme, run or file, or not one the account may see (the same answer, so ids cannot be probed).
    case notFound
    /// A user or programme name that is empty, too long or has control characters.
    case invalidName(String)
    case accountExists(String)
    case unknownAccount(String)
    /// A password shorter than ``Workspace/minimumPasswordLength``.
    case weakPassword
    /// Sign-in refused: wrong name or password.
    case wrongPassword
    /// Too many failed sign-ins for the name or from the address; try again after the minutes given.
    case throttled(minutes: Int)
    /// The files cannot be matched yet (missing, or with problems not set aside).
    case dataNotReady
    /// No finished run to review, publish or export.
    case noFinishedRun
    /// The calendar plans the published pairs, and none are published yet.
    case nothingPublished
    /// The job service refused the run (queue full, shutting down).
    case jobRefused(String)
    /// A form value that cannot be used: the field and why.
    case invalidField(field: String, problem: String)
    /// The store failed (disk full, file not writable).
    case storage(String)

    public var description: String {
        switch self {
        case .notFound: "not found"
        case .invalidName(let name): "the name '\(name)' cannot be used: give 1 to 100 characters, without line breaks"
        case .accountExists(let name): "an account named '\(name)' exists already; choose another name"
        case .unknownAccount(let name): "there is no account named '\(name)'; create it with mentormatch serve --create-user"
        case .weakPassword: "the password is too short: give at least \(Workspace.minimumPasswordLength) characters"
        case .wrongPassword: "the user name or the password is wrong"
        case .throttled(let minutes): "too many failed sign-ins; try again in \(minutes) minutes"
        case .dataNotReady: "upload the mentors, the young people and the places, and fix or set aside their problems"
        case .noFinishedRun: "there is no finished run; run the matching first"
        case .nothingPublished: "no pairing is published yet; publish one on the review page, then plan its calendar"
        case .jobRefused(let why): "the matching could not be started: \(why)"
        case .invalidField(let field, let problem): "\(field): \(problem)"
        case .storage(let why): "the workspace store failed: \(why); check the data folder's space and permissions"
        }
    }
}
