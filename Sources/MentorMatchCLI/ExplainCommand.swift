import ArgumentParser
import Foundation
import MentorMatch

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Match, then show one young person's full picture: every mentor checked, the fit, the alternatives."
    )

    @OptionGroup var input: InputOptions
    @Option(help: "The young person's id.")
    var mentee: String
    @Option(help: "What to print: a readable table, or JSON for programs.")
    var format: OutputFormat = .table

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher()
            let preparation = try matcher.prepare(try matcher.load(input.files))
            let result = try matcher.solve(preparation)
            guard let explanation = preparation.explain(menteeID: mentee, in: result) else {
                throw MentorMatchError.invalidInput(
                    InputError(issues: [
                        InputIssue(
                            source: input.mentees, field: "id", problem: "no young person has id '\(mentee)'",
                            fix: "use an id from the id column of \(input.mentees)"
                        )
                    ])
                )
            }
            switch format {
            case .table: print(TerminalReport.render(explanation), terminator: "")
            case .json:
                let json = try MentorMatchError.formatting { () throws(FormatError) in
                    try ResultFiles.json(explanation, output: "the explanation")
                }
                FileHandle.standardOutput.write(json)
            }
        } catch {
            throw fail(error)
        }
    }
}
