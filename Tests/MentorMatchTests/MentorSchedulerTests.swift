import Foundation
import MentorMatch
import Testing

/// `MentorScheduler` matching on the fly (no `--pairs`) under `matching_needs_room`.
@Suite("MentorScheduler")
struct MentorSchedulerTests {
    /// One mentor (capacity 3) with one two-hour window a week, and three young people who fit it.
    static let files: [String: String] = [
        "places.csv": "place,lat,lon,remote\nOgre,56.8162,24.61401,no\n",
        "mentors.csv": """
            id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km
            M01,34,female,Ogre,3,Mon 16:00-18:00,,lv,25

            """,
        "mentees.csv": """
            id,age,gender,place,availability,needs,languages
            Y01,15,male,Ogre,Mon 16:00-18:00,,lv
            Y02,16,female,Ogre,Mon 16:00-18:00,,lv
            Y03,17,male,Ogre,Mon 16:00-18:00,,lv

            """,
        "policy.yaml": "schedule:\n  matching_needs_room: true\n",
    ]

    /// The pairs the scheduler matched and scheduled (or reported short) with `adjustments`.
    static func pairs(with adjustments: ScheduleAdjustments) throws -> Set<String> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scheduler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let setup = ScheduleSetup(
            input: InputFiles(mentors: path("mentors.csv"), mentees: path("mentees.csv"), places: path("places.csv"),
                              policy: path("policy.yaml")),
            pairs: nil, start: try #require(LocalDate(iso: "2024-03-01")), length: .months(1), adjustments: adjustments)
        let result = try MentorScheduler().schedule(setup)
        return Set(result.sessions.map { "\($0.mentorID)-\($0.menteeID)" } + result.shortfalls.map { "\($0.mentorID)-\($0.menteeID)" })
    }

    @Test("the policy's own settings: two sessions a month leave room for all three")
    func policySettings() throws {
        #expect(try Self.pairs(with: ScheduleAdjustments()).count == 3)
    }

    @Test("--sessions-per-month, --session-minutes and --hours-per-month shrink the room the matching sees", arguments: [
        (ScheduleAdjustments(sessionsPerMonth: 8), 1),  // 4 weeks × 2 sessions ÷ 8
        (ScheduleAdjustments(sessionMinutes: 120), 2),  // 4 weeks × 1 session ÷ 2
        (ScheduleAdjustments(hoursPerMonth: 8), 1),  // 8 sessions of an hour a month
    ] as [(ScheduleAdjustments, Int)])
    func overrides(_ adjustments: ScheduleAdjustments, pairs: Int) throws {
        #expect(try Self.pairs(with: adjustments).count == pairs)
    }
}
