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
            printWarnings(loaded, language: language.language)
            let explanation = try matcher.explanation(of: mentee, loaded)
            switch format {
            case .table: print(TerminalLayout.fitted(TerminalReport.render(explanation, language.language)), terminator: "")
            case .json:
                let json = try MentorMatchError.formatting { () throws(FormatError) in
                    try ResultFiles.json(explanation.worded(in: language.language), output: "the explanation")
                }
                FileHandle.standardOutput.write(json)
            }
        } catch {
            throw fail(error, language: language.language)
        }
    }
}
