import Foundation
import MentorMatch

/// A coordinator's account.
public struct Account: Sendable, Hashable {
    public var id: Int64
    public var name: String
}

/// A signed-in account and the CSRF token every form of its session carries.
public struct Session: Sendable, Hashable {
    public var account: Account
    public var csrf: String
}

/// A programme ("Ogre 2024"): its data, policy, runs, decisions and published pairs.
public struct Programme: Sendable, Hashable {
    public var id: String
    public var name: String
    public var createdAt: Date
    /// Invalid rows are set aside (listed, not used) when it runs.
    public var skipsInvalidRows: Bool
    public var publishedRunID: String?
    public var publishedAt: Date?
}

/// The files a programme reads.
public enum DataKind: String, Sendable, Hashable, CaseIterable {
    case mentors, mentees, places
}

/// One uploaded file.
public struct UploadedFile: Sendable, Hashable {
    public var kind: DataKind
    public var fileName: String
    public var data: Data
    /// The sheet to read of a workbook with several; nil: the sheet that has the kind's columns.
    public var sheet: String?

    public init(kind: DataKind, fileName: String, data: Data, sheet: String? = nil) {
        self.kind = kind
        self.fileName = fileName
        self.data = data
        self.sheet = sheet
    }
}

/// A stored upload, without its bytes.
public struct UploadInfo: Sendable, Hashable {
    public var id: String
    public var kind: DataKind
    public var fileName: String
    public var account: String
    public var createdAt: Date
    /// The sheet chosen of a workbook, if one was.
    public var sheet: String?
    /// The sheets of a workbook; nil for a CSV file.
    public var sheetNames: [String]?
}

/// What the programme's current files hold, and what is wrong with them.
public struct DataCheck: Sendable, Hashable {
    /// The latest file of each kind.
    public var files: [DataKind: UploadInfo]
    /// Every problem of the files as they are (empty when they can be matched).
    public var issues: [InputIssue]
    /// The rows that would be set aside; empty when the problems are not of single rows.
    public var rejected: [RejectedRow]
    /// Whether the problems are all of single rows, so that the rows can be set aside and the rest matched.
    public var canSetAside: Bool
    public var mentors: Int
    public var mentees: Int
    public var places: Int
    /// The kinds not uploaded yet.
    public var missing: [DataKind] { DataKind.allCases.filter { files[$0] == nil } }
    /// Whether a run can start (every file there, and no problem left, or the invalid rows set aside).
    public func canRun(settingAside: Bool) -> Bool {
        missing.isEmpty && (issues.isEmpty || (settingAside && canSetAside))
    }
}

/// A coordinator's decision on a suggested pair.
public enum DecisionKind: String, Sendable, Hashable, CaseIterable {
    /// The pair must be made (a lock).
    case approve
    /// The pair must never be made (forbid).
    case decline
}

/// A recorded decision: who made it and when.
public struct Decision: Sendable, Hashable {
    public var menteeID: String
    public var mentorID: String
    public var kind: DecisionKind
    public var account: String
    public var at: Date
}

/// A matching run of a programme.
public struct Run: Sendable, Hashable {
    public var id: String
    public var jobID: String
    public var account: String
    public var createdAt: Date
    /// The run was matched against the published pairs (`continuity: keep`).
    public var withCurrentPairs: Bool
}

/// A published pair: the programme's current pairs.
public struct PublishedPair: Sendable, Hashable {
    public var mentorID: String
    public var menteeID: String
    public var since: String?
}

/// One line of a programme's audit log: ids only, never a name of a person.
public struct AuditEntry: Sendable, Hashable {
    public var account: String
    public var action: AuditAction
    public var object: String
    public var at: Date
}

/// What the audit log records.
public enum AuditAction: String, Sendable, Hashable, CaseIterable {
    case created, uploaded, ran, approved, declined, cleared, published, downloaded, policyChanged = "policy_changed"
    case setAside = "set_aside", calendarPlanned = "calendar_planned", memberAdded = "member_added", deleted
    case whatIfAsked = "what_if_asked"
}

/// The policy form's fields, over the programme defaults.
public struct PolicySettings: Sendable, Hashable {
    /// The programme-wide travel limit in km (each mentor's own limit applies too); nil: none.
    public var maxTravelKm: Double?
    /// The mentor is older than the young person by at least this many years.
    public var minAgeGap: Int
    /// The meeting length in minutes a pair's weekly windows must share.
    public var sessionMinutes: Int
    /// At least this share (0–1) of those matched are from remote parishes; nil: no such side constraint.
    public var minRemoteShare: Double?
    public var requireSharedLanguage: Bool
    public var timeLimitSeconds: Double

    public init(_ policy: Policy) {
        maxTravelKm = policy.maximumTravelKm
        minAgeGap = policy.minimumAgeGap
        sessionMinutes = policy.meetingMinutes
        minRemoteShare = policy.sideConstraints.minimumRemoteShare
        requireSharedLanguage = policy.requireSharedLanguage
        timeLimitSeconds = policy.timeLimitSeconds
    }

    /// `policy` with these settings.
    public func applied(to policy: Policy) -> Policy {
        var policy = policy
        policy.maximumTravelKm = maxTravelKm
        policy.minimumAgeGap = minAgeGap
        policy.meetingMinutes = sessionMinutes
        policy.sideConstraints.minimumRemoteShare = minRemoteShare
        policy.requireSharedLanguage = requireSharedLanguage
        policy.timeLimitSeconds = timeLimitSeconds
        return policy
    }
}
