// libFuzzer targets for every reader of outside input and for the whole engine (issue 14: no input can crash or hang
// it). One binary, the target chosen by MENTORMATCH_FUZZ_TARGET; built only by `make fuzz`/`make fuzz-ci` with
// MENTORMATCH_FUZZ set (see Tests/Fuzz/README.md). A crash, a trap, a timeout or running out of memory is a finding;
// so is an input the readers accept but the independent checkers find broken after matching and scheduling.
import Foundation
import MentorMatch
import GLPKBackend
import MentorMatchTestSupport
import Scheduling

#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The targets by name, each taking one input's bytes.
let targets: [String: (Data) -> Void] = [
    "csv": FuzzTargets.peopleAndPlaces,
    "xlsx": FuzzTargets.workbook,
    "schedule-csv": FuzzTargets.scheduleReaders,
    "availability": FuzzTargets.availability,
    "policy": FuzzTargets.policy,
    "scenario": FuzzTargets.scenario,
    "input-json": FuzzTargets.inputDocument,
    "engine": FuzzTargets.engine,
]

guard let name = ProcessInfo.processInfo.environment["MENTORMATCH_FUZZ_TARGET"], let chosen = targets[name] else {
    FileHandle.standardError.write(Data(
        "set MENTORMATCH_FUZZ_TARGET to one of: \(targets.keys.sorted().joined(separator: ", "))\n".utf8))
    exit(2)
}
nonisolated(unsafe) let target = chosen

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { bytes, count in
    target(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
})

/// Each target reads the bytes the way the tool reads a file and, where the readers accept them, goes on to what
/// follows; any trap ends the process, which libFuzzer reports with the input.
enum FuzzTargets {
    /// A finding that is not a crash of its own: the checkers disagree with a result.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz finding: \(message)\n".utf8))
        abort()
    }

    /// Every table of people and places, with each row's decoding and the validator over what reads.
    static func peopleAndPlaces(_ data: Data) {
        let mentors = MentorsCSV.read(data, source: "mentors.csv")
        let mentees = MenteesCSV.read(data, source: "mentees.csv")
        let places = PlacesCSV.read(data, source: "places.csv")
        let input = MatchingInput(mentors: mentors.records, mentees: mentees.records, places: places.records)
        _ = InputValidator.issues(in: input, policy: Policy())
        for issue in mentors.issues + mentees.issues + places.issues { _ = issue.description }
    }

    /// An `.xlsx` workbook (a ZIP package), read as the tables of people and places; bytes that are no package go
    /// to the CSV readers, which `csv` fuzzes.
    static func workbook(_ data: Data) {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return }
        let mentors = MentorsCSV.read(data, source: "mentors.xlsx")
        let mentees = MenteesCSV.read(data, source: "mentees.xlsx")
        let places = PlacesCSV.read(data, source: "places.xlsx")
        for issue in mentors.issues + mentees.issues + places.issues { _ = issue.description }
    }

    /// Pairs, locks, unavailable dates and supervisor slots.
    static func scheduleReaders(_ data: Data) {
        _ = PairRulesCSV.read(data, source: "locks.csv")
        _ = PairsCSV.read(data, source: "pairs.csv")
        _ = UnavailableCSV.read(data, source: "unavailable.csv")
        _ = SupervisorSlotsCSV.read(data, source: "slots.csv")
    }

    static func availability(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard let availability = try? WeeklyAvailability(parsing: text) else { return }
        let again = try? WeeklyAvailability(parsing: availability.description)
        if again != availability { fail("availability '\(availability.description)' does not read back as itself") }
    }

    /// A policy file as YAML and as JSON, then its range checks.
    static func policy(_ data: Data) {
        for source in ["policy.yaml", "policy.json"] {
            guard let policy = try? PolicyFile.decode(data, source: source) else { continue }
            _ = InputValidator.issues(in: policy, source: source)
        }
    }

    /// A scenario file beside small base files, then its budget: a scenario that loads must stay small enough to plan.
    static func scenario(_ data: Data) {
        let path = Workspace.shared.directory.appendingPathComponent("plan.yaml").path
        _ = FileManager.default.createFile(atPath: path, contents: data)
        _ = try? ScenarioFile.load(path: path)
    }

    static func inputDocument(_ data: Data) {
        guard let document = try? InputDocument.decode(data, source: "input.json") else { return }
        _ = InputValidator.issues(in: document.input, policy: document.policy)
    }

    /// Mentors, young people and places (and a policy), separated by lines of `--`: read, checked, and when valid
    /// and tiny, matched and scheduled for a month, with both results re-verified by the independent checkers.
    static func engine(_ data: Data) {
        let parts = String(decoding: data, as: UTF8.self).components(separatedBy: "\n--\n").map { Data($0.utf8) }
        guard parts.count >= 3 else { return }
        let mentors = MentorsCSV.read(parts[0], source: "mentors.csv")
        let mentees = MenteesCSV.read(parts[1], source: "mentees.csv")
        let places = PlacesCSV.read(parts[2], source: "places.csv")
        var policy = Policy()
        if parts.count > 3 {
            guard let read = try? PolicyFile.decode(parts[3], source: "policy.yaml") else { return }
            policy = read
        }
        policy.timeLimitSeconds = min(policy.timeLimitSeconds, 2)
        let input = MatchingInput(mentors: mentors.records, mentees: mentees.records, places: places.records)
        guard mentors.issues.isEmpty, mentees.issues.isEmpty, places.issues.isEmpty,
            input.mentors.count <= 6, input.mentees.count <= 8,
            InputValidator.issues(in: input, policy: policy).isEmpty
        else { return }
        guard let result = try? MentorMatcher().match(input, policy: policy) else { return }
        let violations = SolutionChecker(input: input, policy: policy).violations(of: result)
        if !violations.isEmpty { fail("matching: \(violations)") }
        guard let start = LocalDate(iso: "2024-03-01"),
            let calendar = ProgrammeCalendar(start: start, months: 1, rules: policy.schedule)
        else { return }
        let request = ScheduleRequest(
            mentors: input.mentors, mentees: input.mentees, places: input.places,
            pairs: result.pairs.map { PairToSchedule(mentorID: $0.mentorID, menteeID: $0.menteeID) }, calendar: calendar,
            timeLimitSeconds: 2)
        guard let schedule = try? SessionScheduler(solver: GLPKSolver()).schedule(request) else { return }
        let breaches = ScheduleChecker(request: request, daysOff: Set(calendar.daysOff.keys)).violations(of: schedule)
        if !breaches.isEmpty { fail("schedule: \(breaches)") }
    }
}

/// A folder of this process for the scenario target, with one-line base files for a scenario to name.
final class Workspace: Sendable {
    static let shared = Workspace()
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentormatch-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = [
            "mentors.csv": "id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km\n"
                + "M1,30,female,Ogre,3,Mon 16:00-20:00,,lv,30\n",
            "mentees.csv": "id,age,gender,place,availability,needs,languages\nY1,15,male,Ogre,Mon 16:00-20:00,,lv\n",
            "places.csv": "place,lat,lon,remote\nOgre,56.8162,24.61401,no\nSuntaži,56.90676,24.92363,yes\n",
            "profiles.csv": "age,gender,place,capacity,availability,specialisations,languages,max_travel_km\n"
                + "30,female,Suntaži,2,Mon-Fri 17:00-20:00,,lv,25\n",
        ]
        for (name, text) in files {
            _ = FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: Data(text.utf8))
        }
    }
}
