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
    @OptionGroup var language: LanguageOption

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher()
            let loaded = try matcher.load(input.files)
            printWarnings(loaded)
            let preparation = try matcher.prepare(loaded)
            let result = try matcher.solve(preparation)
            guard let explanation = preparation.explain(menteeID: mentee, in: result) else {
                throw MentorMatchError.invalidInput(
                    InputError(issues: [
                        InputIssue(
                            source: loaded.sourceMap.mentees.described, field: "id",
                            problem: "no young person has id '\(mentee)'",
                            fix: "use an id of \(loaded.sourceMap.mentees.described)"
                        )
                    ])
                )
            }
            switch format {
            case .table: print(TerminalLayout.fitted(TerminalReport.render(explanation, language.language)), terminator: "")
            case .json:
                let json = try MentorMatchError.formatting { () throws(FormatError) in
                    try ResultFiles.json(explanation.worded(in: language.language), output: "the explanation")
                }
                FileHandle.standardOutput.write(json)
            }
        } catch {
            throw fail(error)
        }
    }
}
