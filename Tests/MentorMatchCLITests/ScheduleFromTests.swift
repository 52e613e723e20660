import Foundation
import Testing

/// `schedule --from`: Ogre's March schedule re-planned from 1 April for month two (three referrals, M008 gone,
/// M010–Y0005 ended, M010–Y0036 new).
@Suite("mentormatch schedule --from: a running programme")
struct ScheduleFromTests {
    static func inputs(_ folder: String) -> [String] {
        let directory = Scenario.ogre.directory.appendingPathComponent(folder).path
        return ["--mentors", "\(directory)/mentors.csv", "--mentees", "\(directory)/mentees.csv",
                "--places", Scenario.ogre.path("places.csv"), "--policy", "\(directory)/policy.yaml"]
    }

    /// March matched and scheduled with `plan` into `schedule`.
    static func scheduleMarch(_ plan: [String], in directory: URL) async throws {
        let march = try await CLI.run(["match"] + inputs(".") + ["--out", "march"], in: directory)
        try #require(march.exitCode == 0, "\(march)")
        let first = try await CLI.run(["schedule"] + inputs(".") + ["--pairs", "march/pairs.csv"] + plan, in: directory)
        try #require(first.exitCode == 0, "\(first)")
    }

    /// April matched with March's pairs as the current ones, and the schedule re-planned from 1 April with `plan`.
    static func replanApril(_ plan: [String], in directory: URL) async throws -> CLIRun {
        let april = try await CLI.run(
            ["match"] + inputs("next-month") + ["--current", "march/pairs.csv", "--out", "april"], in: directory)
        try #require(april.exitCode == 0, "\(april)")
        let run = try await CLI.run(
            ["schedule"] + inputs("next-month") + ["--pairs", "april/pairs.csv", "--from", "2024-04-01"] + plan,
            in: directory)
        try #require(run.exitCode == 0, "\(run)")
        return run
    }

    @Test("sessions before the date and every session of an unchanged pair stay; only the new pair gets new ones")
    func monthTwo() async throws {
        try await withTemporaryDirectory("schedule-from") { directory in
            let plan = ["--start", "2024-03-01", "--end", "2024-09-30", "--out", "schedule"]
            try await Self.scheduleMarch(plan, in: directory.url)
            let before = try CSVFile(try directory.read("schedule/sessions.csv"), source: "sessions.csv").rows
            var calendars: [String: Data] = [:]
            for name in directory.entries("schedule/calendars") { calendars[name] = try directory.read("schedule/calendars/\(name)") }

            let replanned = try await Self.replanApril(plan, in: directory.url)
            #expect(replanned.stdout.hasPrefix("Scheduled 396 sessions (396.0 h) for 31 pairs"), "\(replanned)")
            let after = try CSVFile(try directory.read("schedule/sessions.csv"), source: "sessions.csv").rows

            // March is kept as it was, the pairs that are gone included.
            #expect(before.filter { $0[2] < "2024-04" } == after.filter { $0[2] < "2024-04" })
            let gone: Set<String> = ["M008|Y0025", "M008|Y0029", "M010|Y0005"]
            #expect(!after.contains { gone.contains("\($0[0])|\($0[1])") && $0[2] >= "2024-04" })
            // Every other pair keeps every session; the new pair has sessions from April only.
            #expect(before.filter { !gone.contains("\($0[0])|\($0[1])") } == after.filter { !($0[0] == "M010" && $0[1] == "Y0036") }
                .filter { !gone.contains("\($0[0])|\($0[1])") })
            let new = after.filter { $0[0] == "M010" && $0[1] == "Y0036" }
            #expect(new.count == 12 && new.allSatisfy { $0[2] >= "2024-04-01" }, "\(new)")
            // The calendars of the 27 unchanged pairs are byte for byte the same: same UID, SEQUENCE and DTSTAMP.
            let changes = try CSVFile(try directory.read("april/changes.csv"), source: "changes.csv").rows
            let kept = changes.filter { $0[2] == "kept" }
            #expect(kept.count == 27)
            for pair in kept {
                let name = "pair-\(pair[0])-\(pair[1]).ics"
                #expect(try directory.read("schedule/calendars/\(name)") == calendars[name], "\(name) changed")
            }
            #expect(directory.entries("schedule/calendars").contains("pair-M010-Y0036.ics"))
            let ended = String(decoding: try directory.read("schedule/calendars/pair-M010-Y0005.ics"), as: UTF8.self)
            #expect(ended.contains("STATUS:CANCELLED"))
        }
    }

    @Test("shortfalls.csv stays complete: earlier months' shortfalls, those of pairs that are gone included, and every one of an unchanged pair")
    func shortfallsCarried() async throws {
        try await withTemporaryDirectory("schedule-from") { directory in
            // Y0001 (M001's) is away all of March and May, Y0025 (M008's, who leaves in April) all of March.
            let days = (1...31).map { String(format: "%02d", $0) }
            let away = days.map { "Y0001,2024-03-\($0)" } + days.map { "Y0001,2024-05-\($0)" } + days.map { "Y0025,2024-03-\($0)" }
            try directory.write((["person_id,date"] + away).joined(separator: "\n") + "\n", to: "unavailable.csv")
            let plan = ["--unavailable", "unavailable.csv", "--start", "2024-03-01", "--end", "2024-09-30", "--out", "schedule"]
            try await Self.scheduleMarch(plan, in: directory.url)
            let before = try CSVFile(try directory.read("schedule/shortfalls.csv"), source: "shortfalls.csv").rows
            #expect(before.map { [$0[0], $0[1], $0[2], $0[4]] } == [
                ["M001", "Y0001", "2024-03", "0"], ["M001", "Y0001", "2024-05", "0"], ["M008", "Y0025", "2024-03", "0"],
            ], "\(before)")

            let run = try await Self.replanApril(plan, in: directory.url)
            #expect(try CSVFile(try directory.read("schedule/shortfalls.csv"), source: "shortfalls.csv").rows == before)
            #expect(run.stdout.contains("; 3 shortfalls;"), "\(run)")
            let document = try jsonObject(try directory.read("schedule/sessions.json"))
            let months = try #require(document["months"] as? [[String: Any]])
            #expect(months.map { $0["shortfalls"] as? Int } == [2, 0, 1, 0, 0, 0, 0])
        }
    }

    @Test("--from without an earlier sessions.json in --out, or outside the programme, is refused")
    func refused() async throws {
        try await withTemporaryDirectory("schedule-from") { directory in
            try directory.write("mentor_id,mentee_id\nM001,Y0001\n", to: "pairs.csv")
            let plan = ["--pairs", "pairs.csv", "--start", "2024-03-01", "--months", "2", "--out", "schedule"]
            let missing = try await CLI.run(["schedule"] + Self.inputs(".") + plan + ["--from", "2024-04-01"], in: directory.url)
            #expect(missing.exitCode == 1, "\(missing)")
            #expect(missing.stderr.contains("sessions.json"), "\(missing)")
            let first = try await CLI.run(["schedule"] + Self.inputs(".") + plan, in: directory.url)
            try #require(first.exitCode == 0, "\(first)")
            let outside = try await CLI.run(["schedule"] + Self.inputs(".") + plan + ["--from", "2024-06-01"], in: directory.url)
            #expect(outside.exitCode == 1, "\(outside)")
            #expect(outside.stderr.contains("2024-06-01 is outside the programme 2024-03-01 – 2024-04-30"), "\(outside)")
        }
    }
}
