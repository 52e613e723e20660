import Foundation
import MentorMatch
@testable import MentorMatchJobs
import Testing

@Suite("Job service", .serialized)
struct JobServiceTests {
    @Test("A matching job succeeds with the files mentormatch match writes, stage by stage, and logs no personal data")
    func matchingSucceedsLikeTheCLI() async throws {
        let fixture = try await ServiceFixture.started()
        let (submitted, created) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        #expect(created)
        #expect(submitted.status == .queued)
        let updates = await fixture.service.updates(submitted.id)
        var seen: [JobRecord] = []
        for await record in updates { seen.append(record) }
        let record = try await fixture.finished(submitted.id)
        #expect(record.status == .succeeded, "\(String(describing: record.failure))")
        #expect(record.attempts == 1)
        #expect(record.outputNames == [
            "alternatives.csv", "lv/map.svg", "lv/result.xlsx", "map.svg", "pairs.csv", "result.json", "result.xlsx",
            "unmatched.csv",
        ])
        #expect(seen.last?.status == .succeeded)
        let stages = seen.compactMap(\.stage).reduce(into: [JobStage]()) { if $0.last != $1 { $0.append($1) } }
        #expect(stages == [.reading, .candidates, .model, .solve, .explanations, .writing])
        #expect(seen.contains { $0.progress.candidatePairs == 133 })
        // Ogre's people are one part: the solve reports it unsolved, then solved.
        let parts = seen.compactMap { record in record.progress.partsTotal.map { (record.progress.partsSolved, $0) } }
        #expect(parts.first.map { $0 == (0, 1) } == true && parts.last.map { $0 == (1, 1) } == true, "\(parts)")

        let cli = try await CLIRun.ogreMatch()
        defer { try? FileManager.default.removeItem(at: cli) }
        for name in ["pairs.csv", "unmatched.csv", "alternatives.csv", "map.svg", "result.xlsx"] {
            let served = try #require(await fixture.service.output(submitted.id, name: name))
            #expect(served == (try Data(contentsOf: cli.appendingPathComponent(name))), "\(name) differs from the CLI's")
        }
        let latvian = try await CLIRun.ogreMatch(language: "lv")
        defer { try? FileManager.default.removeItem(at: latvian) }
        for name in ["map.svg", "result.xlsx"] {
            let served = try #require(await fixture.service.output(submitted.id, name: "lv/\(name)"))
            #expect(served == (try Data(contentsOf: latvian.appendingPathComponent(name))), "lv/\(name) differs from --lang lv")
            #expect(served != (try Data(contentsOf: cli.appendingPathComponent(name))), "lv/\(name) is not in Latvian")
        }
        let json = try #require(await fixture.service.output(submitted.id, name: "result.json"))
        #expect(try withoutTimes(json) == withoutTimes(try Data(contentsOf: cli.appendingPathComponent("result.json"))))
        #expect(await fixture.service.output(submitted.id, name: "../jobs.sqlite") == nil)

        // The explain picture of one young person, as `mentormatch explain --format json` prints it.
        let explanation = try #require(try await fixture.service.explain(submitted.id, menteeID: "Y0021"))
        let cliExplanation = try await CLIRun.run(["explain"] + CLIRun.ogreInput + ["--mentee", "Y0021", "--format", "json"])
        #expect(explanation == cliExplanation)
        await #expect(throws: JobExplainError.unknownMentee) { try await fixture.service.explain(submitted.id, menteeID: "Y9999") }

        await fixture.stop(removingData: false)
        try assertNoPersonalData(in: fixture.logs.text)
        try? FileManager.default.removeItem(at: fixture.directory)
    }

    /// Every id and place of the Ogre input, looked for in the logs.
    private func assertNoPersonalData(in logs: String) throws {
        #expect(logs.contains("job finished"), "the logs were not recorded")
        var words: Set<String> = []
        for file in ["mentors.csv", "mentees.csv", "places.csv"] {
            let text = try String(contentsOf: Inputs.ogre.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                if let first = line.split(separator: ",").first { words.insert(String(first)) }
            }
        }
        for word in words { #expect(!logs.contains(word), "the logs name \(word)") }
    }

    @Test("Invalid input fails the job with every issue, as validate reports them")
    func invalidInputFails() async throws {
        let fixture = try await ServiceFixture.started(workers: 1)
        defer { Task { await fixture.stop() } }
        var parts = try Inputs.ogreParts()
        let mentors = String(decoding: try #require(parts["mentors"]), as: UTF8.self)
        // M001's capacity (the fifth column of line 2) becomes 7, above the programmes' 3.
        var lines = mentors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[4] = "7"
        lines[1] = cells.joined(separator: ",")
        parts["mentors"] = Data(lines.joined(separator: "\n").utf8)
        let request = JobRequest(kind: .matching, parts: parts)

        let (submitted, _) = try await fixture.service.submit(request, idempotencyKey: nil)
        let record = try await fixture.finished(submitted.id)
        #expect(record.status == .failed)
        let failure = try #require(record.failure)
        #expect(failure.kind == .invalidInput)
        let issue = try #require(failure.issues.first)
        #expect(issue.source == "mentors" && issue.line == 2 && issue.field == "capacity", "\(failure.issues)")
        #expect(record.outputNames.isEmpty)

        #expect(await fixture.service.validate(request) == failure.issues)
        #expect(await fixture.service.validate(try Inputs.ogreMatching()).isEmpty)
    }

    @Test("A validated submission is checked and solved in one worker run; invalid input stores nothing; behind a queue it waits")
    func validatedSubmission() async throws {
        let fixture = try await ServiceFixture.started(workers: 1)
        defer { Task { await fixture.stop() } }
        let request = try Inputs.ogreMatching()
        guard case .accepted(let accepted, created: true) = try await fixture.service.submitValidated(
            request, idempotencyKey: "form-7")
        else {
            Issue.record("a valid submission was not accepted")
            return
        }
        // Committed before the answer, and already past its check in the worker that solves it.
        #expect(accepted.status == .running && accepted.attempts == 1)
        let record = try await fixture.finished(accepted.id)
        #expect(record.status == .succeeded && record.attempts == 1, "\(String(describing: record.failure))")
        let cli = try await CLIRun.ogreMatch()
        defer { try? FileManager.default.removeItem(at: cli) }
        #expect(await fixture.service.output(accepted.id, name: "pairs.csv")
            == (try Data(contentsOf: cli.appendingPathComponent("pairs.csv"))))
        #expect(try await fixture.service.submitValidated(request, idempotencyKey: "form-7")
            == .accepted(record, created: false))

        var parts = try Inputs.ogreParts()
        parts["places"] = Data("place,lat,lon\nOgre,91,24.6\n".utf8)
        let invalid = JobRequest(kind: .matching, parts: parts)
        let issues = await fixture.service.validate(invalid)
        #expect(!issues.isEmpty)
        #expect(try await fixture.service.submitValidated(invalid, idempotencyKey: nil) == .invalid(issues))
        #expect(await fixture.service.statistics().jobsByStatus == [.succeeded: 1])
        let folders = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.appendingPathComponent("jobs").path)
        #expect(folders == [accepted.id], "an invalid submission left a folder")

        // With a job queued, a validated submission is committed as queued behind it, and its worker moves on.
        let (slow, _) = try await fixture.service.submit(try await Inputs.generated(mentees: 2000), idempotencyKey: nil)
        _ = try await fixture.waitFor(slow.id) { $0.status == .running }
        let (queued, _) = try await fixture.service.submit(request, idempotencyKey: nil)
        guard case .accepted(let behind, created: true) = try await fixture.service.submitValidated(request, idempotencyKey: nil)
        else {
            Issue.record("a valid submission behind a queue was not accepted")
            return
        }
        #expect(behind.status == .queued && behind.attempts == 0)
        #expect(try await fixture.finished(queued.id).status == .succeeded)
        #expect(try await fixture.finished(behind.id).status == .succeeded)
        #expect(try await fixture.finished(behind.id).attempts == 1)
    }

    @Test("The same idempotency key and request return the job; another request with the key is a conflict")
    func idempotency() async throws {
        let fixture = try await ServiceFixture.started(workers: 1)
        defer { Task { await fixture.stop() } }
        let request = try Inputs.ogreMatching()
        let (first, created) = try await fixture.service.submit(request, idempotencyKey: "form-42")
        let (again, createdAgain) = try await fixture.service.submit(request, idempotencyKey: "form-42")
        #expect(created && !createdAgain)
        #expect(again.id == first.id)
        var other = request
        other.options["skip_invalid"] = "true"
        await #expect(throws: JobSubmissionError.idempotencyConflict) {
            try await fixture.service.submit(other, idempotencyKey: "form-42")
        }
        var changed = request
        changed.parts["places"]?.append(contentsOf: Data("\n".utf8))
        await #expect(throws: JobSubmissionError.idempotencyConflict) {
            try await fixture.service.submit(changed, idempotencyKey: "form-42")
        }
        let (unkeyed, unkeyedCreated) = try await fixture.service.submit(request, idempotencyKey: nil)
        #expect(unkeyedCreated && unkeyed.id != first.id)
        var unknown = request
        unknown.parts["../escape"] = Data()
        await #expect(throws: JobSubmissionError.unknownPart("../escape")) {
            try await fixture.service.submit(unknown, idempotencyKey: nil)
        }
        #expect(try await fixture.finished(first.id).status == .succeeded)
    }

    @Test("A full queue refuses a job with a Retry-After estimate, and accepts again once there is room")
    func queueFull() async throws {
        let fixture = try await ServiceFixture.started(workers: 1, queueLimit: 1)
        defer { Task { await fixture.stop() } }
        let slow = try await Inputs.generated(mentees: 2000)
        let (running, _) = try await fixture.service.submit(slow, idempotencyKey: nil)
        _ = try await fixture.waitFor(running.id) { $0.status == .running }
        let (queued, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        let third = try Inputs.ogreMatching()
        do throws(JobSubmissionError) {
            _ = try await fixture.service.submit(third, idempotencyKey: nil)
            Issue.record("a third job was accepted into a queue of one")
        } catch {
            guard case .queueFull(let retryAfter) = error else { throw error }
            #expect(retryAfter >= 1)
        }
        #expect(await fixture.service.statistics().queueDepth == 1)
        #expect(await fixture.service.remove(running.id) == .cancelled)
        #expect(try await fixture.finished(queued.id).status == .succeeded)
        let (later, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        #expect(try await fixture.finished(later.id).status == .succeeded)
    }

    @Test("A job left running by a dead server runs again at start and succeeds; one out of attempts fails")
    func restartRecovery() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("MentorMatchJobsTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // The state a server killed during two solves leaves: records `running`, no input copies for the workers.
        let store = try JobStore(path: directory.appendingPathComponent("jobs.sqlite").path.creatingParent())
        let parts = try Inputs.ogreParts()
        func leaveRunning(attempts: Int) throws -> String {
            let id = UUID().uuidString.lowercased()
            try store.insert(JobStore.StoredJob(
                record: JobRecord(id: id, kind: .matching, status: .running, stage: .solve, createdAt: Date(),
                                  startedAt: Date(), attempts: attempts),
                options: [:], partNames: parts.keys.sorted(), idempotencyKey: nil), parts: parts)
            return id
        }
        let interrupted = try leaveRunning(attempts: 1)
        let exhausted = try leaveRunning(attempts: 3)

        let fixture = try await ServiceFixture.started(directory: directory)
        let record = try await fixture.finished(interrupted)
        #expect(record.status == .succeeded)
        #expect(record.attempts == 2)
        let cli = try await CLIRun.ogreMatch()
        defer { try? FileManager.default.removeItem(at: cli) }
        #expect(await fixture.service.output(interrupted, name: "pairs.csv")
            == (try Data(contentsOf: cli.appendingPathComponent("pairs.csv"))))
        let failed = try #require(await fixture.service.job(exhausted))
        #expect(failed.status == .failed)
        #expect(failed.failure?.kind == .attemptsExhausted)
        #expect(failed.failure?.message.contains("started 3 times") == true)
        await fixture.stop(removingData: false)
    }

    @Test("Shutdown refuses new jobs, stops what outlives the grace and leaves it queued; the next start runs it")
    func shutdownAndRestart() async throws {
        let fixture = try await ServiceFixture.started(workers: 1)
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let (slow, _) = try await fixture.service.submit(try await Inputs.generated(mentees: 2000), idempotencyKey: nil)
        _ = try await fixture.waitFor(slow.id) { $0.status == .running }
        let (waiting, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        await fixture.service.shutdown()
        #expect(await fixture.service.isReady == false)
        let late = try Inputs.ogreMatching()
        await #expect(throws: JobSubmissionError.shuttingDown) { try await fixture.service.submit(late, idempotencyKey: nil) }
        let stopped = try #require(await fixture.service.job(slow.id))
        #expect(stopped.status == .queued)
        #expect(stopped.attempts == 0)
        #expect(await fixture.service.statistics().jobsByStatus[.queued] == 2)

        let restarted = try await ServiceFixture.started(workers: 1, directory: fixture.directory)
        let record = try await restarted.finished(slow.id)
        #expect(record.status == .succeeded)
        #expect(record.attempts == 1)
        #expect(try await restarted.finished(waiting.id).status == .succeeded)
        #expect(await restarted.service.statistics().jobsByStatus[.succeeded] == 2)
        await restarted.stop(removingData: false)
    }

    @Test("Finished jobs and their files are deleted after keep-days; younger ones stay")
    func retention() async throws {
        let fixture = try await ServiceFixture.started(workers: 1, keepDays: 30)
        defer { Task { await fixture.stop() } }
        let (submitted, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        #expect(try await fixture.finished(submitted.id).status == .succeeded)
        await fixture.service.deleteExpiredJobs(asOf: Date().addingTimeInterval(29 * 86_400))
        #expect(await fixture.service.job(submitted.id) != nil)
        await fixture.service.deleteExpiredJobs(asOf: Date().addingTimeInterval(31 * 86_400))
        #expect(await fixture.service.job(submitted.id) == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.jobFolder(submitted.id).path))
    }

    @Test("Removing a finished job erases its input, output and record")
    func erase() async throws {
        let fixture = try await ServiceFixture.started(workers: 1)
        defer { Task { await fixture.stop() } }
        let (submitted, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: "erase-me")
        #expect(try await fixture.finished(submitted.id).status == .succeeded)
        #expect(FileManager.default.fileExists(atPath: fixture.jobFolder(submitted.id).appendingPathComponent("input/mentees").path))
        #expect(await fixture.service.remove(submitted.id) == .erased)
        #expect(await fixture.service.job(submitted.id) == nil)
        #expect(await fixture.service.output(submitted.id, name: "pairs.csv") == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.jobFolder(submitted.id).path))
        #expect(await fixture.service.remove(submitted.id) == .notFound)
        // The key is free again: the erased job is not returned.
        let (fresh, created) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: "erase-me")
        #expect(created && fresh.id != submitted.id)
    }
}

extension String {
    /// The path, after creating its parent folder.
    fileprivate func creatingParent() throws -> String {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: self).deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
