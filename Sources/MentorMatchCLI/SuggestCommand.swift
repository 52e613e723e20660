import ArgumentParser
import Foundation
import MentorMatch

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "List the ranked ways to fit one young person in: a mentor with a free place, or the shortest chain of moves of unconfirmed suggestions that makes room.",
        discussion: "Everyone else is matched first, as match would; their pairs are the unconfirmed suggestions. Locked pairs and the current pairs the continuity rules keep never move. When no place can be freed, the ways in which a less well fitting suggestion gives way are listed last."
    )

    @OptionGroup var input: InputOptions
    @Option(help: "The young person's id.")
    var mentee: String
    @Option(help: "What to print: a readable list, or JSON for programs.")
    var format: OutputFormat = .table
    @OptionGroup var language: LanguageOption

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher()
            let loaded = try matcher.load(input.files)
            guard let suggestions = try matcher.suggestions(for: mentee, loaded) else {
                throw MentorMatchError.unknownMentee(mentee, in: loaded.sourceMap.mentees.described)
            }
            switch format {
            case .table: print(TerminalReport.render(suggestions, language.language), terminator: "")
            case .json:
                let json = try MentorMatchError.formatting { () throws(FormatError) in
                    try ResultFiles.json(suggestions, output: "the suggestions")
                }
                FileHandle.standardOutput.write(json)
            }
        } catch {
            throw fail(error, language: language.language)
        }
    }
}
