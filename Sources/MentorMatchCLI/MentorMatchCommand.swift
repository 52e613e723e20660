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
            RecruitCommand.self, ScheduleCommand.self,
        ]
    )

    /// Runs the command, giving usage errors the documented code 2 instead of the parser's 64.
    static func main() {
        OutputSignals.install()
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

    var files: InputFiles {
        InputFiles(mentors: mentors, mentees: mentees, places: places, locks: locks, policy: policy)
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
