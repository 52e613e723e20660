import ArgumentParser
import Foundation
import MentorMatch

@main
struct MentorMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentormatch",
        abstract: "Optimal, explained pairings of mentors and young people.",
        discussion: ExitStatus.helpText,
        version: "mentormatch \(MentorMatchVersion.current)",
        subcommands: [
            MatchCommand.self, ValidateCommand.self, ExplainCommand.self, GenerateCommand.self, PlanCommand.self,
            RecruitCommand.self, ScheduleCommand.self, ServeCommand.self, SuggestCommand.self, WorkerCommand.self,
        ]
    )

    /// Runs the command, giving usage errors the documented code 2 instead of the parser's 64.
    static func main() {
        CrashSignals.install()
        do {
            var command = try parseAsRoot()
            if !(command is any HandlesItsOwnSignals) { OutputSignals.install() }
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// A command that shuts down on SIGINT and SIGTERM in its own way (`serve` drains its jobs), so the output-set
/// handlers, which exit at once, are not installed for it.
protocol HandlesItsOwnSignals {}

/// The input files every command that matches reads: the three CSV files, or one JSON document.
struct InputOptions: ParsableArguments {
    @Option(help: "Mentors CSV or .xlsx workbook: id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km")
    var mentors: String?
    @Option(help: "Young people CSV or .xlsx workbook: id,age,gender,place,availability,needs,languages")
    var mentees: String?
    @Option(help: "Places CSV or .xlsx workbook: place,lat,lon,remote")
    var places: String?
    @Option(help: "A JSON input document with mentors, mentees, places (and optional pair_rules, policy), instead of the three CSV files.")
    var input: String?
    @Option(help: "Policy file (.yaml, .yml or .json); defaults are the programmes' rules (with --input: replaces the document's policy).")
    var policy: String?
    @Option(help: "Locked and forbidden pairs CSV: mentor_id,mentee_id,rule (lock or forbid).")
    var locks: String?
    @Option(help: "Pairs meeting now: mentor_id,mentee_id (optional since, until); last month's pairs.csv as it is. The policy's continuity section says what happens to them (default: keep).")
    var current: String?
    @Option(help: "Suggestions not yet confirmed (a pairs.csv): among equally good answers, the run keeps the most of them.")
    var previous: String?

    func validate() throws {
        let csv = [mentors, mentees, places]
        if input != nil {
            guard csv.allSatisfy({ $0 == nil }) else {
                throw ValidationError("give either --input (a JSON document) or --mentors, --mentees and --places, not both")
            }
        } else if csv.contains(where: { $0 == nil }) {
            throw ValidationError("give --mentors, --mentees and --places (CSV files), or --input with a JSON document")
        }
    }

    var files: InputFiles {
        if let input {
            return InputFiles(document: input, locks: locks, policy: policy, current: current, previous: previous)
        }
        return InputFiles(
            mentors: mentors ?? "", mentees: mentees ?? "", places: places ?? "", locks: locks, policy: policy,
            current: current, previous: previous
        )
    }
}

/// Prints what the input had that deserves a look but did not stop the run (a place in another letter case).
func printWarnings(_ loaded: LoadedInput, language: ReportLanguage = .en) {
    for warning in loaded.warnings {
        let text = language == .lv && warning.latvian != nil
            ? "brīdinājums: \(warning.described(latvian: true))" : "warning: \(warning.description)"
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

extension MentorMatcher.SolverChoice: ExpressibleByArgument {}

/// Seconds since `start`.
func seconds(since start: Date) -> Double { Date().timeIntervalSince(start) }

/// "1 place", "3 places".
func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
