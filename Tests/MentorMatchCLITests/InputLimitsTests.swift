import Foundation
import Testing

/// One input pushed past a documented range (``InputLimits``), from the findings of issue 14 (each reproduced on one
/// mentor and one young person), and what the binary must do: the exit code, a message naming the field and what to
/// do, under a second of processor time, nothing written.
struct LimitCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    /// Files written next to the one-to-one input, by name.
    var files: [String: Data] = [:]
    var exitCode: Int32 = 1
    /// Fragments standard error must contain.
    var fragments: [String]
    /// Text standard error must not contain (personal data that landed in the wrong column).
    var absent: [String] = []
    /// The processor time allowed: a second, or more for a file of megabytes, which the debug build reads at about
    /// 10 MB a second (the release build in a tenth of that).
    var processorSeconds: Double

    var testDescription: String { name }

    init(_ name: String, _ arguments: [String], files: [String: String] = [:], bytes: [String: Data] = [:],
         exitCode: Int32 = 1, _ fragments: [String], absent: [String] = [], processorSeconds: Double = 1) {
        self.name = name
        self.arguments = arguments
        self.files = files.mapValues { Data($0.utf8) }.merging(bytes) { text, _ in text }
        self.exitCode = exitCode
        self.fragments = fragments
        self.absent = absent
        self.processorSeconds = processorSeconds
    }
}

/// One mentor and one young person in Ogre, who fit each other.
enum OneToOne {
    static let mentors = "id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km\nM1,30,female,Ogre,3,Mon 16:00-20:00,,lv,30\n"
    static let mentees = "id,age,gender,place,availability,needs,languages\nY1,15,male,Ogre,Mon 16:00-20:00,,lv\n"
    static let places = "place,lat,lon,remote\nOgre,56.8162,24.61401,no\n"
    static let input = ["--mentors", "mentors.csv", "--mentees", "mentees.csv", "--places", "places.csv"]
    static let base = "base: {mentors: mentors.csv, mentees: mentees.csv, places: places.csv}\n"

    static func write(into directory: TemporaryDirectory) throws {
        try directory.write(mentors, to: "mentors.csv")
        try directory.write(mentees, to: "mentees.csv")
        try directory.write(places, to: "places.csv")
    }

    static func plan(_ body: String) -> [String: String] { ["plan.yaml": base + body] }
}

@Suite("Every number has a range: issue 14's findings")
struct InputLimitsTests {
    static let schedule = ["schedule"] + OneToOne.input
    static let profiles201 = "age,gender,place,capacity,availability,specialisations,languages,max_travel_km\n"
        + String(repeating: "30,female,Ogre,2,Mon-Fri 17:00-20:00,,lv,25\n", count: 201)
    static let shiftedMentor = OneToOne.mentors.replacingOccurrences(
        of: "M1,30,female,Ogre,3,Mon 16:00-20:00,,lv,30", with: "M1,30,female,Ogre,Anna Bērziņa,Mon 16:00-20:00,,lv,30")

    static let cases: [LimitCase] = [
        LimitCase("schedule in the year 9999", schedule + ["--start", "9999-12-01", "--end", "9999-12-31", "--out", "out"],
                  exitCode: 2, ["--start", "9999-12-01", "1900–2200"]),
        LimitCase("schedule --months Int.max", schedule + ["--start", "2024-03-01", "--months", "9223372036854775807", "--out", "out"],
                  ["--months", "is outside 1–120", "Fix:"]),
        LimitCase("schedule --months 90000", schedule + ["--start", "2024-03-01", "--months", "90000", "--out", "out"],
                  ["--months", "90,000 months is outside 1–120"]),
        LimitCase("schedule over 175 years", schedule + ["--start", "2024-03-01", "--end", "2199-01-01", "--out", "out"],
                  ["longer than 120 months", "at most ten years"]),
        LimitCase("fit weights 1e308 under validate", ["validate"] + OneToOne.input + ["--policy", "policy.yaml"],
                  files: ["policy.yaml": "objective:\n  fit_weights: {travel: 1.0e+308, gender_preference: 1.0e+308}\n"],
                  ["policy.yaml, line 2, column objective.fit_weights.travel", "is outside 0–1000000", "Fix:"]),
        LimitCase("fit weights 1e308 under match", ["match"] + OneToOne.input + ["--policy", "policy.yaml", "--out", "out"],
                  files: ["policy.yaml": "objective:\n  fit_weights: {travel: 1.0e+308, gender_preference: 1.0e+308}\n"],
                  ["column objective.fit_weights.gender_preference"]),
        LimitCase("weighted tier weights 1e308 with GLPK",
                  ["match"] + OneToOne.input + ["--policy", "policy.yaml", "--solver", "glpk", "--out", "out"],
                  files: ["policy.yaml": "objective:\n  method: weighted\n  tier_weights: {served: 1.0e+308, remote_served: 1.0e+308, mentors_used: 1.0e+308, fit: 1.0e+308}\n"],
                  ["column objective.tier_weights.served", "only the weights' ratios matter"]),
        LimitCase("a 64-bit capacity in the policy", ["validate"] + OneToOne.input + ["--policy", "policy.yaml"],
                  files: ["policy.yaml": "max_capacity: 99999999999999999999\n"], ["policy.yaml", "max_capacity"]),
        LimitCase("plan cost 1e300", ["plan", "plan.yaml", "--out", "out"],
                  files: OneToOne.plan("cost: {paid_hourly_rate_eur: 1.0e+300}\nvariants:\n  - name: base\n"),
                  ["plan.yaml, line 2, column cost.paid_hourly_rate_eur", "outside the range 0–999999999"]),
        LimitCase("scale_demand 1e308", ["plan", "plan.yaml", "--out", "out"],
                  files: OneToOne.plan("variants:\n  - name: base\n    scale_demand: 1.0e+308\n"),
                  ["column variants[1].scale_demand", "outside the range 0–100"]),
        LimitCase("scale_demand NaN", ["plan", "plan.yaml", "--out", "out"],
                  files: OneToOne.plan("variants:\n  - name: base\n    scale_demand: .nan\n"),
                  ["column variants[1].scale_demand", "variants[1].scale_demand must be a number"]),
        LimitCase("travel speed 1e-300 km/h (a travel buffer of 10³⁰⁰ minutes)",
                  schedule + ["--policy", "policy.yaml", "--start", "2024-03-01", "--months", "1", "--out", "out"],
                  files: ["policy.yaml": "schedule:\n  travel_speed_kmh: 1.0e-300\n"],
                  ["policy.yaml, line 2, column schedule.travel_speed_kmh", "is outside 1–1000", "Fix:"]),
        LimitCase("add_mentors count 1e9", ["plan", "plan.yaml", "--out", "out"],
                  files: OneToOne.plan("variants:\n  - name: base\n    add_mentors:\n      - {profile: {place: Ogre, availability: weekends}, count: 1000000000}\n"),
                  ["column variants[1].add_mentors[1].count", "1,000,000,000 is outside the range 0–10,000"]),
        LimitCase("simulation max_extra_mentors 1e6", ["plan", "plan.yaml", "--out", "out", "--simulate"],
                  files: OneToOne.plan("simulation: {referrals_per_month: 3, max_extra_mentors: 1000000}\nvariants:\n  - name: base\n"),
                  ["column simulation.max_extra_mentors", "outside the range 0–1,000"]),
        LimitCase("simulation months 100000", ["plan", "plan.yaml", "--out", "out", "--simulate"],
                  files: OneToOne.plan("simulation: {referrals_per_month: 3, months: 100000}\nvariants:\n  - name: base\n"),
                  ["column simulation.months", "100,000 is outside the range 1–120"]),
        LimitCase("max_recruits 1e9", ["plan", "plan.yaml", "--out", "out"],
                  files: OneToOne.plan("recruitment: {profiles: profiles.csv, max_recruits: 1000000000}\nvariants:\n  - name: base\n")
                    .merging(["profiles.csv": "age,gender,place,capacity,availability,specialisations,languages,max_travel_km\n30,female,Ogre,2,Mon-Fri 17:00-20:00,,lv,25\n"]) { a, _ in a },
                  ["column recruitment.max_recruits", "1,000,000,000 is outside the range 0–1,000"]),
        LimitCase("recruit --max-recruits 1e9",
                  ["recruit"] + OneToOne.input + ["--profiles", "profiles.csv", "--max-recruits", "1000000000", "--out", "out"],
                  files: ["profiles.csv": "age,gender,place,capacity,availability,specialisations,languages,max_travel_km\n30,female,Ogre,2,Mon-Fri 17:00-20:00,,lv,25\n"],
                  exitCode: 2, ["--max-recruits must be a count from 0 to 1,000"]),
        LimitCase("201 recruitment profiles", ["plan", "plan.yaml", "--out", "out"],
                  files: OneToOne.plan("recruitment: {profiles: profiles.csv, max_recruits: 10}\nvariants:\n  - name: base\n")
                    .merging(["profiles.csv": profiles201]) { a, _ in a },
                  ["profiles.csv, column profiles", "the file has 201 profiles; at most 200 are allowed"]),
        LimitCase("a 10 MB id of š in locks.csv", ["validate"] + OneToOne.input + ["--locks", "locks.csv"],
                  files: ["locks.csv": "mentor_id,mentee_id,rule\nM1," + String(repeating: "š", count: 5_000_000) + ",lock\n"],
                  ["locks.csv, line 2, column mentee_id", "longer than 200 characters (10,000,000 bytes)"], absent: ["šššš"],
                  processorSeconds: 3),
        LimitCase("a free-text value shifted into capacity", ["validate"] + OneToOne.input,
                  files: ["mentors.csv": shiftedMentor],
                  ["mentors.csv, line 2, column capacity", "the value is not a whole number", "such as place"],
                  absent: ["Anna", "Bērziņa"]),
        LimitCase("a 1,000-character availability is quoted to 80 characters", ["validate"] + OneToOne.input,
                  files: ["mentees.csv": OneToOne.mentees.replacingOccurrences(of: "Mon 16:00-20:00", with: String(repeating: "x", count: 1_000))],
                  ["mentees.csv, line 2, column availability", String(repeating: "x", count: 80) + "…"],
                  absent: [String(repeating: "x", count: 81)]),
        LimitCase("a control character in an id", ["validate"] + OneToOne.input,
                  files: ["mentors.csv": OneToOne.mentors.replacingOccurrences(of: "M1,", with: "M\u{07}1,")],
                  ["mentors.csv, line 2, column id", "control character"]),
    ]

    @Test("exit code, a message naming the field, under a second, nothing written", arguments: cases)
    func refused(_ input: LimitCase) async throws {
        try await withTemporaryDirectory("limits") { directory in
            try OneToOne.write(into: directory)
            for (name, data) in input.files { try directory.write(data, to: name) }
            let before = directory.entries(".")
            let measured = try CLI.runMeasured(input.arguments, in: directory.url)
            let run = measured.run
            #expect(run.exitCode == input.exitCode, "\(measured)")
            for fragment in input.fragments {
                #expect(run.stderr.contains(fragment), "standard error lacks '\(fragment)'\n\(measured)")
            }
            for text in input.absent {
                #expect(!run.stderr.contains(text), "standard error quotes '\(text.prefix(20))…'")
            }
            #expect(run.stderrData.count < 4_000, "standard error has \(run.stderrData.count) bytes")
            #expect(measured.processorSeconds < input.processorSeconds, "\(measured)")
            #expect(directory.entries(".") == before, "the run wrote files")
        }
    }

    @Test("whole-day windows: a month's calendar is proven optimal, well inside the time limit")
    func wholeDayWindows() async throws {
        try await withTemporaryDirectory("whole-day") { directory in
            try OneToOne.write(into: directory)
            try directory.write(OneToOne.mentors.replacingOccurrences(of: "Mon 16:00-20:00", with: "Mon-Sun 00:00-24:00"), to: "mentors.csv")
            try directory.write("id,age,gender,place,availability,needs,languages\n"
                + (1...3).map { "Y\($0),1\($0 + 4),male,Ogre,Mon-Sun 00:00-24:00,,lv\n" }.joined(), to: "mentees.csv")
            let measured = try CLI.runMeasured(Self.schedule + ["--start", "2024-03-01", "--months", "1", "--out", "out"],
                                               in: directory.url, timeout: 60)
            try #require(measured.run.exitCode == 0, "\(measured)")
            #expect(measured.run.stdout.contains("1 mentor programme (1 proven optimal)"), "\(measured)")
            #expect(measured.run.stdout.contains("6 sessions"), "\(measured)")
            #expect(measured.processorSeconds < 20, "\(measured)")
        }
    }
}
