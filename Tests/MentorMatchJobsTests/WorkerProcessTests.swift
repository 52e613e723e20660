import Foundation
import MentorMatch
@testable import MentorMatchJobs
import Testing

/// A job that is cancelled, runs too long, is killed or needs too much memory takes only its own worker with it.
@Suite("Worker isolation", .serialized)
struct WorkerProcessTests {
    @Test("Cancelling a running job kills its worker; the job is cancelled and the pool replaces the worker")
    func cancelRunningJob() async throws {
        let fixture = try await ServiceFixture.started(workers: 1)
        defer { Task { await fixture.stop() } }
        let (slow, _) = try await fixture.service.submit(try await Inputs.generated(mentees: 2000), idempotencyKey: nil)
        _ = try await fixture.waitFor(slow.id) { $0.stage == .solve || $0.stage == .candidates }
        #expect(await fixture.service.remove(slow.id) == .cancelled)
        let record = try #require(await fixture.service.job(slow.id))
        #expect(record.status == .cancelled)
        #expect(record.finishedAt != nil)
        try await fixture.waitForWorkers(1)
        let (next, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        #expect(try await fixture.finished(next.id).status == .succeeded)
        #expect(await fixture.service.job(slow.id)?.status == .cancelled)
    }

    @Test("A worker killed with SIGKILL mid-job: the other job succeeds, the killed one runs again and succeeds")
    func killedWorker() async throws {
        let fixture = try await ServiceFixture.started(workers: 2)
        defer { Task { await fixture.stop() } }
        let (victim, _) = try await fixture.service.submit(try await Inputs.generated(mentees: 2000), idempotencyKey: nil)
        let (other, _) = try await fixture.service.submit(try await Inputs.generated(mentees: 300), idempotencyKey: nil)
        _ = try await fixture.waitFor(victim.id) { $0.stage == .solve || $0.stage == .candidates }
        let pids = fixture.workerProcessIDs(runningJob: victim.id)
        try #require(pids.count == 1, "the victim's worker was not found")
        kill(pids[0], SIGKILL)
        let otherRecord = try await fixture.finished(other.id)
        #expect(otherRecord.status == .succeeded)
        #expect(otherRecord.attempts == 1)
        let victimRecord = try await fixture.finished(victim.id)
        #expect(victimRecord.status == .succeeded, "\(String(describing: victimRecord.failure))")
        #expect(victimRecord.attempts == 2)
        try await fixture.waitForWorkers(2)
    }

    @Test("A worker dying of SIGILL (how a Swift trap ends a process) fails its job, not retried; the pool recovers")
    func trappedWorker() async throws {
        let fixture = try await ServiceFixture.started(workers: 2)
        defer { Task { await fixture.stop() } }
        let (trapped, _) = try await fixture.service.submit(try await Inputs.generated(mentees: 2000), idempotencyKey: nil)
        let (other, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        _ = try await fixture.waitFor(trapped.id) { $0.stage == .solve || $0.stage == .candidates }
        let pids = fixture.workerProcessIDs(runningJob: trapped.id)
        try #require(pids.count == 1, "the worker was not found")
        kill(pids[0], SIGILL)
        let record = try await fixture.finished(trapped.id)
        #expect(record.status == .failed)
        #expect(record.failure?.kind == .workerCrashed)
        #expect(record.failure?.message.contains("signal \(SIGILL)") == true)
        #expect(record.attempts == 1)
        #expect(try await fixture.finished(other.id).status == .succeeded)
        try await fixture.waitForWorkers(2)
    }

    @Test("A job over the policy's time limit fails with the limit named")
    func timeLimit() async throws {
        let fixture = try await ServiceFixture.started(workers: 1)
        defer { Task { await fixture.stop() } }
        let (slow, _) = try await fixture.service.submit(
            try await Inputs.generated(mentees: 2000, timeLimitSeconds: 1), idempotencyKey: nil)
        let record = try await fixture.finished(slow.id)
        #expect(record.status == .failed)
        #expect(record.failure?.kind == .timeLimit)
        #expect(record.failure?.message.contains("time limit of 1 s") == true)
        try await fixture.waitForWorkers(1)
    }

    @Test("A job over the memory limit fails with 'memory limit' while another job succeeds; the pool survives")
    func memoryLimit() async throws {
        // 512 MB of address space: a worker matching Ogre needs about 300 MB; reading a document of 150,000 young
        // people needs far more.
        let fixture = try await ServiceFixture.started(workers: 2, memoryLimitBytes: 512 << 20)
        defer { Task { await fixture.stop() } }
        let (huge, _) = try await fixture.service.submit(
            JobRequest(kind: .matching, parts: ["document": try Self.largeDocument(mentees: 150_000)]), idempotencyKey: nil)
        let (ogre, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        let hugeRecord = try await fixture.finished(huge.id)
        #expect(hugeRecord.status == .failed)
        #expect(hugeRecord.failure?.kind == .memoryLimit)
        #expect(hugeRecord.failure?.message.contains("memory limit") == true)
        #expect(try await fixture.finished(ogre.id).status == .succeeded)
        try await fixture.waitForWorkers(2)
        let (after, _) = try await fixture.service.submit(try Inputs.ogreMatching(), idempotencyKey: nil)
        #expect(try await fixture.finished(after.id).status == .succeeded)
    }

    @Test("A worker's death is put down to memory when the runtime says so or its address space neared the limit")
    func memoryDeathIsTold() {
        let limit = 512 << 20
        let segfault = WorkerExit(signal: SIGSEGV, status: nil, stderrTail: "", peakVirtualBytes: 500 << 20)
        #expect(segfault.ranOutOfMemory(limitBytes: limit))
        var small = segfault
        small.peakVirtualBytes = 300 << 20
        #expect(!small.ranOutOfMemory(limitBytes: limit))
        small.stderrTail = "Fatal error: failed to allocate 8000032 bytes of memory with alignment 8"
        #expect(small.ranOutOfMemory(limitBytes: limit))
    }

    /// An input document of Ogre's places and mentors and `mentees` young people spread over its places.
    private static func largeDocument(mentees: Int) throws -> Data {
        let loaded = try MentorMatcher().load(InputFiles(
            mentors: Inputs.ogre.appendingPathComponent("mentors.csv").path,
            mentees: Inputs.ogre.appendingPathComponent("mentees.csv").path,
            places: Inputs.ogre.appendingPathComponent("places.csv").path))
        let places = loaded.input.places.map { place -> [String: Any] in
            ["place": place.name, "lat": place.coordinate.latitude, "lon": place.coordinate.longitude, "remote": place.isRemote]
        }
        let mentors = loaded.input.mentors.map { mentor -> [String: Any] in
            ["id": mentor.id, "age": mentor.age, "gender": "female", "place": mentor.location.place, "capacity": mentor.capacity,
             "availability": "Mon 16:00-20:00", "languages": ["lv"], "max_travel_km": 25]
        }
        let people = (0..<mentees).map { index -> [String: Any] in
            ["id": "Y\(100_000 + index)", "age": 13 + index % 12, "gender": index.isMultiple(of: 2) ? "female" : "male",
             "place": loaded.input.places[index % loaded.input.places.count].name, "availability": "Mon 17:00-19:00", "languages": ["lv"]]
        }
        return try JSONSerialization.data(withJSONObject: ["mentors": mentors, "mentees": people, "places": places])
    }
}
