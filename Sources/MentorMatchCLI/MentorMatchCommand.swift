import ArgumentParser
import Foundation
import MentorMatch

@main
struct MentorMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentormatch",
        abstract: "Optimal, explained pairings of mentors and young people.",
        discussion: ExitStatus.helpText,
        subcommands: [
            MatchCommand.self, ValidateCommand.self, ExplainCommand.self, GenerateCommand.self, PlanCommand.self,
            RecruitCommand.self, ScheduleCommand.self, SuggestCommand.self,
        ]
    )

    /// Runs the command, giving usage errors the documented code 2 instead of the parser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
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

/// The input files every command that matches reads.
struct InputOptions: ParsableArguments {
    @Option(help: "Mentors CSV: id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km")
    var mentors: String
    @Option(help: "Young people CSV: id,age,gender,place,availability,needs,languages")
    var mentees: String
    @Option(help: "Places CSV: place,lat,lon,remote")
    var places: String
    @Option(help: "Policy file (.yaml, .yml or .json); defaults are the programmes' rules.")
    var policy: String?
    @Option(help: "Locked and forbidden pairs CSV: mentor_id,mentee_id,rule (lock or forbid).")
    var locks: String?
    @Option(help: "Pairs meeting now: mentor_id,mentee_id (optional since, until); last month's pairs.csv as it is. The policy's continuity section says what happens to them (default: keep).")
    var current: String?
    @Option(help: "Suggestions not yet confirmed (a pairs.csv): among equally good answers, the run keeps the most of them.")
    var previous: String?

    var files: InputFiles {
        InputFiles(
            mentors: mentors, mentees: mentees, places: places, locks: locks, policy: policy, current: current,
            previous: previous
        )
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

extension MentorMatcher.SolverChoice: ExpressibleByArgument {}

/// The error for a `--mentee` id that is not in the young people's file.
func unknownMentee(_ id: String, in file: String) -> MentorMatchError {
    .invalidInput(InputError(issues: [
        InputIssue(source: file, field: "id", problem: "no young person has id '\(id)'",
                   fix: "use an id from the id column of \(file)")
    ]))
}

/// Seconds since `start`.
func seconds(since start: Date) -> Double { Date().timeIntervalSince(start) }

/// "1 place", "3 places".
func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
