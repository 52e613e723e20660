import Foundation
import Testing

/// `schedule --pairs` checks every pair as a lock is checked: hard rules, forbids, one mentor per young person and
/// the mentor's capacity, with the messages of a lock; exit 1 and nothing written.
@Suite("mentormatch schedule --pairs: pairs the matching could make")
struct SchedulePairsCheckTests {
    func schedule(_ pairs: String, in directory: TemporaryDirectory) async throws -> CLIRun {
        try directory.write(pairs, to: "pairs.csv")
        return try await CLI.run(
            ["schedule"] + Scenario.ogre.inputArguments
                + ["--pairs", "pairs.csv", "--start", "2024-03-01", "--months", "1", "--out", "out"],
            in: directory.url
        )
    }

    @Test("four pairs for a mentor of capacity 3 are refused with the line of the fourth")
    func overCapacity() async throws {
        try await withTemporaryDirectory("schedule-pairs") { directory in
            let run = try await schedule("mentor_id,mentee_id\nM001,Y0001\nM001,Y0004\nM001,Y0035\nM001,Y0013\n", in: directory)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("pairs.csv, line 5, column mentor_id: M001 has more locked young people than its capacity of 3"), "\(run)")
            #expect(!directory.entries(".").contains("out"))
        }
    }

    @Test("a pair 33 km apart with no shared language is refused with the rules it breaks")
    func breaksRules() async throws {
        try await withTemporaryDirectory("schedule-pairs") { directory in
            let run = try await schedule("mentor_id,mentee_id\nM001,Y0001\nM002,Y0023\n", in: directory)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("pairs.csv, line 3, column rule: M002–Y0023 breaks travel, language"), "\(run)")
            #expect(!directory.entries(".").contains("out"))
        }
    }

    @Test("every problem of every kind at once: a mentor over capacity, a pair too far apart, a pair with no shared language")
    func everyProblemAtOnce() async throws {
        try await withTemporaryDirectory("schedule-pairs") { directory in
            let run = try await schedule(
                "mentor_id,mentee_id\nM001,Y0001\nM001,Y0004\nM001,Y0035\nM001,Y0013\nM014,Y0003\nM002,Y0002\n", in: directory)
            #expect(run.exitCode == 1, "\(run)")
            let fix = "Fix: remove the lock, or change the policy or the people's data so the pair is allowed"
            #expect(run.stderr == """
                error: 4 problems in the input:
                  - pairs.csv, line 5, column mentor_id: M001 has more locked young people than its capacity of 3. Fix: remove a lock for M001, or raise the mentor's capacity (or the policy's max_capacity)
                  - pairs.csv, line 5, column rule: M001–Y0013 breaks age_gap (aged 22, needs to be at least 23). \(fix)
                  - pairs.csv, line 6, column rule: M014–Y0003 breaks travel (35.4 km away, limit 10 km). \(fix)
                  - pairs.csv, line 7, column rule: M002–Y0002 breaks language (speaks lv, not ru). \(fix)

                """, "\(run)")
            #expect(!directory.entries(".").contains("out"))
        }
    }
}
