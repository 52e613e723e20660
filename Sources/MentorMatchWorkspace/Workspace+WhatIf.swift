import Foundation
import GRDB
import MentorMatch
import MentorMatchJobs

/// The what-if question of the review's unmatched list: which recruits, of the kinds of volunteer the programme
/// could find (a profiles file with the columns of `mentors.csv` without `id`, plus `available` and `cost`), would
/// serve more young people; the curve of served against recruits from 0 to `maxRecruits`.
public struct WhatIfQuestion: Sendable, Hashable {
    public var profiles: Data
    public var maxRecruits: Int
    /// Ask for the fewest recruits that serve every young person from a remote parish who fits some mentor or
    /// profile (otherwise only the curve).
    public var remoteParishes: Bool
    public var trainingCost: Double

    public init(profiles: Data, maxRecruits: Int, remoteParishes: Bool, trainingCost: Double) {
        self.profiles = profiles
        self.maxRecruits = maxRecruits
        self.remoteParishes = remoteParishes
        self.trainingCost = trainingCost
    }
}

/// A what-if question asked: a recruitment job.
public struct WhatIfRun: Sendable, Hashable {
    public var id: String
    public var jobID: String
    /// The young person whose row the question was asked from.
    public var menteeID: String
    public var account: String
    public var createdAt: Date
}

/// What the page shows of a recruitment answer (`recruit.json`).
public struct WhatIfAnswer: Sendable, Hashable, Decodable {
    public var profiles: [RecruitProfile]
    public var curve: [RecruitmentPlan]
    public var recommended: RecruitmentPlan
    public var reachable: Int
    public var mentees: Int
    public var rematchedServed: Int

    enum CodingKeys: String, CodingKey {
        case profiles, curve, recommended, reachable, mentees
        case rematchedServed = "rematched_served"
    }

    /// The smallest plan of the curve in which a recruit serves `menteeID`, with its number of recruits.
    public func firstPlan(serving menteeID: String) -> (recruits: Int, plan: RecruitmentPlan)? {
        curve.enumerated().first { $0.element.servedByProfile.contains { $0.contains(menteeID) } }
            .map { ($0.offset, $0.element) }
    }
}

extension Workspace {
    /// Asks the what-if question on the programme's files and policy, as a recruitment job in a worker process.
    public func askWhatIf(
        _ question: WhatIfQuestion, about menteeID: String, in programme: Programme, by account: Account
    ) async throws(WorkspaceError) -> WhatIfRun {
        guard menteeID.count <= 100, !menteeID.contains(where: \.isNewline) else {
            throw .invalidField(field: "mentee", problem: Self.idAsShown)
        }
        let files = try currentFiles(programme)
        guard let contents = try contents(files, programme: programme, current: []) else { throw .dataNotReady }
        var parts: [String: Data] = [
            "mentors": contents.mentors.data, "mentees": contents.mentees.data, "places": contents.places.data,
            "profiles": question.profiles,
        ]
        parts["policy"] = contents.policy?.data
        var options = ["max_recruits": "\(question.maxRecruits)", "training_cost": "\(question.trainingCost)",
                       "title": programme.name]
        if question.remoteParishes { options["remote_parishes"] = "true" }
        let record: JobRecord
        do {
            record = try await jobs.submit(JobRequest(kind: .recruitment, parts: parts, options: options), idempotencyKey: nil).0
        } catch {
            throw .jobRefused(Self.describe(error))
        }
        let run = WhatIfRun(id: Self.randomToken(bytes: 8), jobID: record.id, menteeID: menteeID, account: account.name,
                            createdAt: Date())
        try write { db in
            try db.execute(
                sql: "INSERT INTO what_if_run (id, programme_id, job_id, mentee_id, account, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [run.id, programme.id, run.jobID, run.menteeID, run.account, run.createdAt])
            try Self.audit(db, programme: programme.id, account: account.name, .whatIfAsked, "what-if \(run.id)")
        }
        logger.info("what-if asked", metadata: ["max_recruits": "\(question.maxRecruits)"])
        return run
    }

    /// The newest what-if question of the programme.
    public func latestWhatIf(of programme: Programme) throws(WorkspaceError) -> WhatIfRun? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM what_if_run WHERE programme_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
                             arguments: [programme.id]).map {
                WhatIfRun(id: $0["id"], jobID: $0["job_id"], menteeID: $0["mentee_id"], account: $0["account"],
                          createdAt: $0["created_at"])
            }
        }
    }

    public func status(of whatIf: WhatIfRun) async -> JobRecord? { await jobs.job(whatIf.jobID) }

    /// The finished question's answer.
    public func answer(of whatIf: WhatIfRun) async -> WhatIfAnswer? {
        guard let data = await jobs.output(whatIf.jobID, name: "recruit.json") else { return nil }
        return try? JSONDecoder().decode(WhatIfAnswer.self, from: data)
    }

    /// Why the newest run left the young person unmatched, in `language`; nil when it did not (or there is no run).
    public func unmatchedReason(of menteeID: String, in programme: Programme, language: ReportLanguage) async throws(WorkspaceError)
        -> String?
    {
        guard let run = try latestRun(of: programme), let result = await result(of: run, language: language) else { return nil }
        return result.unmatched.first { $0.menteeID == menteeID }?.reason
    }

    /// The map of a finished run over the programme's current files (``ProgrammeMap``), headed by the programme's
    /// name, in `language`; nil while the run has no result or the files no longer load.
    public func mapSVG(of run: Run, in programme: Programme, language: ReportLanguage) async throws(WorkspaceError) -> String? {
        guard let result = await result(of: run, language: language) else { return nil }
        let files = try currentFiles(programme)
        guard let contents = try contents(files, programme: programme, current: []),
              let loaded = try? InputLoader.load(contents, skippingInvalidRows: programme.skipsInvalidRows)
        else { return nil }
        return ProgrammeMap.svg(loaded.input, result: result, title: programme.name, language: language)
    }
}
