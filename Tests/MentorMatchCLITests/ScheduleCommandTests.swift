import Foundation
import Testing

@Suite("mentormatch schedule")
struct ScheduleCommandTests {
    static let ogre = Scenario.ogre
    static let programme = ["--start", "2024-03-01", "--end", "2024-09-30"]

    @Test("Ogre 2024 with supervision: every file, the Ogre figures, and the same sessions when matched on the fly")
    func ogre() async throws {
        try await withTemporaryDirectory("schedule") { directory in
            let match = try await CLI.run(["match"] + Self.ogre.inputArguments + ["--out", "match"], in: directory.url)
            try #require(match.exitCode == 0, "\(match)")
            let slots = Self.ogre.path("supervision-slots.csv")
            let run = try await CLI.run(
                ["schedule"] + Self.ogre.inputArguments + ["--pairs", "match/pairs.csv", "--supervisor-slots", slots, "--out", "out"]
                    + Self.programme, in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(run.stdout.contains("Scheduled 420 sessions (420.0 h) for 30 pairs, 2024-03-01 – 2024-09-30"), "\(run)")
            #expect(run.stdout.contains("2024-03  60        60.0    0           0          3 groups, 12 mentors"), "\(run)")
            #expect(directory.entries("out") == ["calendars", "sessions.csv", "sessions.json", "shortfalls.csv"])
            let calendars = directory.entries("out/calendars")
            #expect(calendars.count == 45 && calendars.contains("supervisor.ics") && calendars.contains("mentor-M001.ics"))
            let sessions = try CSVFile(directory.read("out/sessions.csv"), source: "sessions.csv")
            #expect(sessions.header == ["mentor_id", "mentee_id", "start", "end", "place"])
            #expect(sessions.rows.count == 420)
            #expect(firstLine(try directory.read("out/shortfalls.csv")) == "mentor_id,mentee_id,month,required,scheduled,reason")
            let json = try jsonObject(directory.read("out/sessions.json"))
            #expect((json["sessions"] as? [Any])?.count == 420)

            let onTheFly = try await CLI.run(
                ["schedule"] + Self.ogre.inputArguments + ["--supervisor-slots", slots, "--out", "fly"] + Self.programme,
                in: directory.url)
            try #require(onTheFly.exitCode == 0, "\(onTheFly)")
            #expect(try directory.read("fly/sessions.csv") == directory.read("out/sessions.csv"))
        }
    }

    @Test("impossible calendars and bad dates: exit 1, every problem named, no files", arguments: [
        (["--start", "2024-03-01", "--end", "2024-02-01"], "--start/--end: the programme ends (2024-02-01) before it starts (2024-03-01)"),
        (["--start", "2024-03-01", "--months", "6", "--session-minutes", "300"],
         "pairs.csv, line 2: the session of 300 min is longer than any weekly window"),
        (["--start", "2024-03-01", "--months", "6", "--unavailable", "unavailable.csv"],
         "unavailable.csv, line 2, column date: 2024-12-01 is outside the programme (2024-03-01 – 2024-08-31)"),
        (["--start", "2024-03-01", "--months", "6", "--unavailable", "unavailable.csv"],
         "unavailable.csv, line 3, column person_id: no mentor or young person has id 'Y9999'"),
        (["--start", "2024-03-01", "--months", "6", "--session-minutes", "5"],
         "command line, column schedule.session_minutes: schedule.session_minutes 5 is outside 15–600"),
    ] as [([String], String)])
    func rejected(_ arguments: [String], message: String) async throws {
        try await withTemporaryDirectory("schedule") { directory in
            // Two of the pairs `match` makes for Ogre 2024.
            try directory.write("mentor_id,mentee_id\nM001,Y0001\nM001,Y0004\n", to: "pairs.csv")
            try directory.write("person_id,date\nY0001,2024-12-01\nY9999,2024-04-02\n", to: "unavailable.csv")
            let run = try await CLI.run(
                ["schedule"] + Self.ogre.inputArguments + ["--pairs", "pairs.csv", "--out", "out"] + arguments, in: directory.url)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains(message), "\(run)")
            #expect(!FileManager.default.fileExists(atPath: directory.path("out")), "a rejected run wrote files")
        }
    }

    @Test("--months and --end together, or neither, are usage errors (exit 2)", arguments: [
        ["--start", "2024-03-01"], ["--start", "2024-03-01", "--months", "6", "--end", "2024-08-31"], ["--start", "1 March"],
    ])
    func usage(_ arguments: [String]) async throws {
        try await withTemporaryDirectory("schedule") { directory in
            let run = try await CLI.run(["schedule"] + Self.ogre.inputArguments + ["--out", "out"] + arguments, in: directory.url)
            #expect(run.exitCode == 2, "\(run)")
            #expect(directory.entries(".") == [])
        }
    }
}
