import Foundation
import MentorMatch
@testable import MentorMatchJobs
import Testing
import ZIPFoundation

/// Each kind of job writes the files its `mentormatch` command writes, on the bundled Ogre 2024 scenario.
@Suite("Job runner", .serialized)
struct JobRunnerTests {
    private func run(_ request: JobRequest) async throws -> (ServiceFixture, JobRecord) {
        let fixture = try await ServiceFixture.started(workers: 1)
        let (submitted, _) = try await fixture.service.submit(request, idempotencyKey: nil)
        let record = try await fixture.finished(submitted.id, timeout: .seconds(300))
        return (fixture, record)
    }

    private func cliOutput(_ arguments: [String]) async throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try await CLIRun.run(arguments + ["--out", out.path])
        return out
    }

    private func expectSame(_ names: [String], job: JobRecord, in fixture: ServiceFixture, as cli: URL) async throws {
        for name in names {
            let served = try #require(await fixture.service.output(job.id, name: name), "\(name) was not written")
            #expect(served == (try Data(contentsOf: cli.appendingPathComponent(name))), "\(name) differs from the CLI's")
        }
    }

    @Test("A schedule job writes sessions, shortfalls and the calendars as mentormatch schedule, and calendars.zip")
    func schedule() async throws {
        let request = JobRequest(kind: .schedule, parts: try Inputs.ogreParts(), options: ["start": "2024-03-01", "months": "6"])
        let (fixture, record) = try await run(request)
        defer { Task { await fixture.stop() } }
        #expect(record.status == .succeeded, "\(String(describing: record.failure))")
        let cli = try await cliOutput(["schedule"] + CLIRun.ogreInput + ["--start", "2024-03-01", "--months", "6"])
        defer { try? FileManager.default.removeItem(at: cli) }
        try await expectSame(["sessions.csv", "shortfalls.csv"], job: record, in: fixture, as: cli)
        let json = try #require(await fixture.service.output(record.id, name: "sessions.json"))
        #expect(try withoutTimes(json) == withoutTimes(try Data(contentsOf: cli.appendingPathComponent("sessions.json"))))

        let cliCalendars = try FileManager.default.contentsOfDirectory(atPath: cli.appendingPathComponent("calendars").path).sorted()
        #expect(!cliCalendars.isEmpty)
        let served = record.outputNames.filter { $0.hasPrefix("calendars/") }
        #expect(served == cliCalendars.map { "calendars/\($0)" })
        let zip = try #require(await fixture.service.output(record.id, name: "calendars.zip"))
        let archive = try Archive(data: zip, accessMode: .read)
        var zipped: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            zipped[entry.path] = data
        }
        #expect(zipped.keys.sorted() == served)
        for name in served { #expect(zipped[name] == (await fixture.service.output(record.id, name: name))) }
    }

    @Test("A schedule job without its programme's length fails naming the option")
    func scheduleOptions() async throws {
        let (fixture, record) = try await run(JobRequest(kind: .schedule, parts: try Inputs.ogreParts(), options: ["start": "2024-03-01"]))
        defer { Task { await fixture.stop() } }
        #expect(record.failure?.kind == .invalidInput)
        #expect(record.failure?.issues.first.map { $0.source == "options" && $0.field == "months" } == true)
    }

    @Test("A plan job writes the files of mentormatch plan")
    func plan() async throws {
        var parts = ["scenario": try Data(contentsOf: Inputs.ogre.appendingPathComponent("plan.yaml"))]
        for name in ["mentors.csv", "mentees.csv", "places.csv", "policy.yaml", "profiles.csv", "applicants.csv"] {
            parts[name] = try Data(contentsOf: Inputs.ogre.appendingPathComponent(name))
        }
        let (fixture, record) = try await run(JobRequest(kind: .plan, parts: parts))
        defer { Task { await fixture.stop() } }
        #expect(record.status == .succeeded, "\(String(describing: record.failure))")
        let cli = try await cliOutput(["plan", Inputs.ogre.appendingPathComponent("plan.yaml").path])
        defer { try? FileManager.default.removeItem(at: cli) }
        let written = try FileManager.default.contentsOfDirectory(atPath: cli.path).sorted()
        #expect(record.outputNames == written)
        try await expectSame(written.filter { $0 != "plan.json" && $0 != "variants.csv" }, job: record, in: fixture, as: cli)
        // variants.csv ends with the seconds each variant took.
        func withoutSeconds(_ data: Data?) -> [String] {
            String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
        }
        #expect(withoutSeconds(await fixture.service.output(record.id, name: "variants.csv"))
            == withoutSeconds(try Data(contentsOf: cli.appendingPathComponent("variants.csv"))))
        let json = try #require(await fixture.service.output(record.id, name: "plan.json"))
        #expect(try withoutTimes(json) == withoutTimes(try Data(contentsOf: cli.appendingPathComponent("plan.json"))))
    }

    @Test("A suggestion job writes the JSON of mentormatch suggest")
    func suggestion() async throws {
        let (fixture, record) = try await run(JobRequest(kind: .suggestion, parts: try Inputs.ogreParts(), options: ["mentee": "Y0021"]))
        defer { Task { await fixture.stop() } }
        #expect(record.status == .succeeded, "\(String(describing: record.failure))")
        let cli = try await CLIRun.run(["suggest"] + CLIRun.ogreInput + ["--mentee", "Y0021", "--format", "json"])
        #expect(await fixture.service.output(record.id, name: "suggestions.json") == cli)
    }

    @Test("Recruitment jobs write the files of mentormatch recruit, for profiles and for applicants")
    func recruitment() async throws {
        var parts = try Inputs.ogreParts()
        parts["profiles"] = try Data(contentsOf: Inputs.ogre.appendingPathComponent("profiles.csv"))
        let options = ["remote_parishes": "true", "max_recruits": "10", "title": "ogre-2024"]
        let (fixture, record) = try await run(JobRequest(kind: .recruitment, parts: parts, options: options))
        defer { Task { await fixture.stop() } }
        #expect(record.status == .succeeded, "\(String(describing: record.failure))")
        let cli = try await cliOutput(
            ["recruit"] + CLIRun.ogreInput + ["--profiles", Inputs.ogre.appendingPathComponent("profiles.csv").path,
                                              "--remote-parishes", "--max-recruits", "10"])
        defer { try? FileManager.default.removeItem(at: cli) }
        let written = try FileManager.default.contentsOfDirectory(atPath: cli.path).sorted()
        #expect(record.outputNames == written)
        try await expectSame(written.filter { !$0.hasSuffix(".json") }, job: record, in: fixture, as: cli)

        var applicants = try Inputs.ogreParts()
        applicants["applicants"] = try Data(contentsOf: Inputs.ogre.appendingPathComponent("applicants.csv"))
        let (submitted, _) = try await fixture.service.submit(
            JobRequest(kind: .recruitment, parts: applicants, options: ["accept": "14", "title": "ogre-2024"]), idempotencyKey: nil)
        let selection = try await fixture.finished(submitted.id, timeout: .seconds(300))
        #expect(selection.status == .succeeded, "\(String(describing: selection.failure))")
        let cliSelection = try await cliOutput(
            ["recruit"] + CLIRun.ogreInput + ["--applicants", Inputs.ogre.appendingPathComponent("applicants.csv").path, "--accept", "14"])
        defer { try? FileManager.default.removeItem(at: cliSelection) }
        try await expectSame(["selection.csv", "recruits.csv"], job: selection, in: fixture, as: cliSelection)

        let (outOfRange, _) = try await fixture.service.submit(
            JobRequest(kind: .recruitment, parts: parts, options: ["target": "1.5"]), idempotencyKey: nil)
        let refused = try await fixture.finished(outOfRange.id)
        #expect(refused.failure?.issues.first?.field == "target")
    }
}
