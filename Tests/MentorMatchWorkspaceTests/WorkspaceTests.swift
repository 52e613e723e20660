import Foundation
import GRDB
import Logging
import MentorMatch
import MentorMatchJobs
import MentorMatchTestSupport
@testable import MentorMatchWorkspace
import Testing

/// A workspace over a real job service (worker processes of the built `mentormatch`) in a temporary folder.
struct WorkspaceHarness {
    var throttleFailures = 5
    var sessionIdleSeconds = 3600.0

    func run<Value>(_ body: (Workspace, URL) async throws -> Value) async throws -> Value {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("MentorMatchWorkspaceTests-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try BuiltBinary.mentormatch.get()
        let jobs = try JobService(
            configuration: JobService.Configuration(dataDirectory: folder, workers: 1, workerExecutable: binary,
                                                    shutdownGrace: .seconds(2)),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try await jobs.start()
        let workspace = try Workspace(
            configuration: Workspace.Configuration(dataDirectory: folder, bcryptCost: 4, sessionIdleSeconds: sessionIdleSeconds,
                                                   throttleFailures: throttleFailures),
            jobs: jobs, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let value: Value
        do {
            value = try await body(workspace, folder)
        } catch {
            await jobs.shutdown()
            throw error
        }
        await jobs.shutdown()
        return value
    }

    static func scenario(_ path: String) throws -> Data {
        try Data(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("Scenarios").appendingPathComponent(path))
    }

    static func ogreFiles(month: String = "") throws -> [UploadedFile] {
        let prefix = month.isEmpty ? "ogre-2024/" : "ogre-2024/\(month)/"
        return [
            UploadedFile(kind: .mentors, fileName: "mentors.csv", data: try scenario(prefix + "mentors.csv")),
            UploadedFile(kind: .mentees, fileName: "mentees.csv", data: try scenario(prefix + "mentees.csv")),
            UploadedFile(kind: .places, fileName: "places.csv", data: try scenario("ogre-2024/places.csv")),
        ]
    }

    /// Waits for the run's job to finish.
    static func finished(_ run: Run, in workspace: Workspace) async throws -> JobRecord {
        for _ in 0..<600 {
            if let record = await workspace.status(of: run), record.status.isFinal { return record }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WorkspaceTestError.timeout
    }
}

enum WorkspaceTestError: Error { case timeout }

@Suite("Workspace accounts and sessions")
struct WorkspaceAccountTests {
    @Test("an account signs in with its password only; the session ends at sign-out")
    func signIn() async throws {
        try await WorkspaceHarness().run { workspace, _ in
            let account = try workspace.createAccount(name: "koordinatore", password: "garā parole 123")
            #expect(throws: WorkspaceError.accountExists("koordinatore")) {
                try workspace.createAccount(name: "koordinatore", password: "cita parole 456")
            }
            #expect(throws: WorkspaceError.weakPassword) { try workspace.createAccount(name: "cits", password: "īsa") }
            #expect(throws: WorkspaceError.wrongPassword) {
                try workspace.signIn(name: "koordinatore", password: "nepareiza parole", address: "")
            }
            #expect(throws: WorkspaceError.wrongPassword) {
                try workspace.signIn(name: "nav tāda", password: "garā parole 123", address: "")
            }
            let (token, session) = try workspace.signIn(name: "koordinatore", password: "garā parole 123", address: "")
            #expect(session.account == account)
            #expect(token.count == 64 && session.csrf.count == 64 && token != session.csrf)
            #expect(workspace.session(token: token) == session)
            #expect(workspace.session(token: String(token.reversed())) == nil)
            workspace.signOut(token: token)
            #expect(workspace.session(token: token) == nil)
        }
    }

    @Test("only the SHA-256 of a session token and the bcrypt hash of a password are stored")
    func storedSecrets() async throws {
        try await WorkspaceHarness().run { workspace, folder in
            _ = try workspace.createAccount(name: "anna", password: "garā parole 123")
            let (token, _) = try workspace.signIn(name: "anna", password: "garā parole 123", address: "")
            let database = try DatabaseQueue(path: folder.appendingPathComponent("workspace.sqlite").path)
            let stored = try await database.read { db in
                (try String.fetchAll(db, sql: "SELECT token_hash FROM session"),
                 try String.fetchAll(db, sql: "SELECT password_hash FROM account"))
            }
            #expect(stored.0 == [Workspace.sha256(token)])
            #expect(stored.1.count == 1 && stored.1[0].hasPrefix("$2") && !stored.1[0].contains("garā"))
        }
    }

    @Test("after five failures the name is throttled, even with the right password, until the window passes")
    func throttle() async throws {
        try await WorkspaceHarness().run { workspace, _ in
            _ = try workspace.createAccount(name: "anna", password: "garā parole 123")
            for _ in 0..<5 {
                #expect(throws: WorkspaceError.wrongPassword) {
                    try workspace.signIn(name: "anna", password: "nepareizi!!", address: "")
                }
            }
            #expect(throws: WorkspaceError.throttled(minutes: 15)) {
                try workspace.signIn(name: "anna", password: "garā parole 123", address: "")
            }
            // Another name from nowhere in particular is not held back.
            _ = try workspace.createAccount(name: "berta", password: "garā parole 456")
            _ = try workspace.signIn(name: "berta", password: "garā parole 456", address: "")
        }
    }

    @Test("a session unused for longer than the idle time is signed out")
    func idleSession() async throws {
        try await WorkspaceHarness(sessionIdleSeconds: 0.5).run { workspace, _ in
            _ = try workspace.createAccount(name: "anna", password: "garā parole 123")
            let (token, _) = try workspace.signIn(name: "anna", password: "garā parole 123", address: "")
            #expect(workspace.session(token: token) != nil)
            try await Task.sleep(for: .seconds(1))
            #expect(workspace.session(token: token) == nil)
        }
    }
}

@Suite("Workspace programmes")
struct WorkspaceProgrammeTests {
    @Test("a programme is found only by its members; members can be added")
    func access() async throws {
        try await WorkspaceHarness().run { workspace, _ in
            let anna = try workspace.createAccount(name: "anna", password: "garā parole 123")
            let berta = try workspace.createAccount(name: "berta", password: "garā parole 456")
            let programme = try workspace.createProgramme(named: "Ogre 2024", by: anna)
            #expect(try workspace.programmes(for: anna).map(\.id) == [programme.id])
            #expect(try workspace.programmes(for: berta).isEmpty)
            #expect(throws: WorkspaceError.notFound) { try workspace.programme(programme.id, for: berta) }
            #expect(throws: WorkspaceError.unknownAccount("cilda")) {
                try workspace.addMember(named: "cilda", to: programme, by: anna)
            }
            try workspace.addMember(named: "berta", to: programme, by: anna)
            #expect(try workspace.programme(programme.id, for: berta).name == "Ogre 2024")
            #expect(try workspace.members(of: programme) == ["anna", "berta"])
        }
    }

    @Test("a workbook's problem is shown at its cell; invalid rows can be set aside and are listed")
    func workbookProblems() async throws {
        try await WorkspaceHarness().run { workspace, _ in
            let anna = try workspace.createAccount(name: "anna", password: "garā parole 123")
            let programme = try workspace.createProgramme(named: "Ogre 2024", by: anna)
            // The Ogre mentors as a workbook whose sheet "Mentori" gives M003 a capacity of 7.
            let csv = String(decoding: try WorkspaceHarness.scenario("ogre-2024/mentors.csv"), as: UTF8.self)
            var rows = csv.split(separator: "\n").map { line in line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = rows.removeFirst()
            let capacity = try #require(header.firstIndex(of: "capacity"))
            #expect(rows[2][0] == "M003")
            rows[2][capacity] = "7"
            let workbook = try WorkbookWriter.workbook([WorkbookWriter.Table(name: "Mentori", header: header, rows: rows)],
                                                       output: "mentors.xlsx")
            var files = try WorkspaceHarness.ogreFiles()
            files[0] = UploadedFile(kind: .mentors, fileName: "mentors.xlsx", data: workbook)
            let check = try workspace.upload(files, to: programme, by: anna)
            let column = String(UnicodeScalar(UInt8(65 + capacity)))
            #expect(check.issues.count == 1)
            #expect(check.issues.first?.cell == "Mentori!\(column)4")
            #expect(check.issues.first?.problem.contains("7") == true)
            #expect(check.canSetAside && check.rejected.map(\.key) == ["M003"])
            #expect(!check.canRun(settingAside: false) && check.canRun(settingAside: true))
            await #expect(throws: WorkspaceError.dataNotReady) { _ = try await workspace.startRun(programme, by: anna) }
            try workspace.setAside(true, in: programme, by: anna)
            let setAside = try workspace.programme(programme.id, for: anna)
            let run = try await workspace.startRun(setAside, by: anna)
            #expect(try await WorkspaceHarness.finished(run, in: workspace).status == .succeeded)
            let result = try #require(await workspace.result(of: run, language: .en))
            #expect(result.summary.mentors == 13)
            #expect(await workspace.file("rejected.csv", of: run) != nil)
        }
    }

    @Test("decisions are kept across runs, publish makes current pairs, next month keeps them, delete erases all")
    func lifecycle() async throws {
        try await WorkspaceHarness().run { workspace, folder in
            let anna = try workspace.createAccount(name: "anna", password: "garā parole 123")
            let programme = try workspace.createProgramme(named: "Ogre 2024", by: anna)
            let check = try workspace.upload(try WorkspaceHarness.ogreFiles(), to: programme, by: anna)
            #expect(check.issues.isEmpty && check.mentors == 14 && check.mentees == 35)
            let first = try await workspace.startRun(programme, by: anna)
            #expect(try await WorkspaceHarness.finished(first, in: workspace).status == .succeeded)
            let result = try #require(await workspace.result(of: first, language: .lv))
            #expect(result.summary.served == 30 && result.summary.mentees == 35)
            // Latvian reasons (the run asked its worker for them), English ones in result.json.
            let english = try #require(await workspace.result(of: first, language: .en))
            #expect(result.unmatched.map(\.reason) != english.unmatched.map(\.reason))

            let declined = result.pairs[0], approved = result.pairs[1]
            try workspace.decide(.decline, menteeID: declined.menteeID, mentorID: declined.mentorID, in: programme, by: anna)
            try workspace.decide(.approve, menteeID: approved.menteeID, mentorID: approved.mentorID, in: programme, by: anna)
            let second = try await workspace.startRun(programme, by: anna)
            #expect(try await WorkspaceHarness.finished(second, in: workspace).status == .succeeded)
            let rerun = try #require(await workspace.result(of: second, language: .en))
            #expect(!rerun.pairs.contains { $0.menteeID == declined.menteeID && $0.mentorID == declined.mentorID })
            #expect(rerun.pairs.contains { $0.menteeID == approved.menteeID && $0.mentorID == approved.mentorID && $0.locked })
            let decisions = try workspace.decisions(of: programme)
            #expect(decisions.count == 2 && decisions.allSatisfy { $0.account == "anna" })

            let published = try await workspace.publish(programme, by: anna)
            #expect(published.count == rerun.pairs.count)
            #expect(try workspace.publishedPairs(of: programme).count == published.count)

            _ = try workspace.upload(try WorkspaceHarness.ogreFiles(month: "next-month").filter { $0.kind != .places },
                                     to: programme, by: anna)
            let next = try await workspace.startRun(try workspace.programme(programme.id, for: anna), by: anna)
            #expect(next.withCurrentPairs)
            #expect(try await WorkspaceHarness.finished(next, in: workspace).status == .succeeded)
            let month = try #require(await workspace.result(of: next, language: .en))
            #expect(month.continuity.currentPairs == published.count)
            #expect(month.continuity.broken == 0)
            #expect(month.continuity.kept > 0 && month.continuity.new > 0)
            #expect(!month.changes.isEmpty)
            #expect(await workspace.file("changes.csv", of: next) != nil)

            let actions = Set(try workspace.auditLog(of: programme).map(\.action))
            #expect(actions.isSuperset(of: [.created, .uploaded, .ran, .approved, .declined, .published]))

            let jobFolders = [first, second, next].map { folder.appendingPathComponent("jobs/\($0.jobID)").path }
            #expect(jobFolders.allSatisfy { FileManager.default.fileExists(atPath: $0) })
            try await workspace.delete(programme, by: anna)
            #expect(throws: WorkspaceError.notFound) { try workspace.programme(programme.id, for: anna) }
            #expect(jobFolders.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
            for run in [first, second, next] { #expect(await workspace.status(of: run) == nil) }
            let database = try DatabaseQueue(path: folder.appendingPathComponent("workspace.sqlite").path)
            let left = try await database.read { db in
                try ["programme", "member", "upload", "run", "decision", "current_pair", "audit"].map {
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
                }
            }
            #expect(left == [0, 0, 0, 0, 0, 0, 0])
            // secure_delete overwrote the erased rows: no mentee id is left anywhere in the file.
            let bytes = try Data(contentsOf: folder.appendingPathComponent("workspace.sqlite"))
            #expect(bytes.range(of: Data("Y0001".utf8)) == nil)
        }
    }
}

@Suite("Workspace texts")
struct WorkspaceTextTests {
    @Test("every key has a Latvian and an English text, and they differ where words are")
    func complete() {
        for key in TextKey.allCases {
            #expect(WorkspaceText.latvian[key] != nil, "no Latvian text for \(key.rawValue)")
            #expect(WorkspaceText.english[key] != nil, "no English text for \(key.rawValue)")
        }
        #expect(WorkspaceText.text(.headline, .lv, "30", "35") == "Savienoti 30 no 35 jauniešiem")
        #expect(WorkspaceText.text(.headline, .en, "30", "35") == "30 of 35 young people matched")
    }
}
