import ArgumentParser
import Foundation
import MentorMatch

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the input files without solving; report every problem at once."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher()
            let loaded = try matcher.load(input.files)
            printWarnings(loaded, language: language.language)
            let preparation = try matcher.prepare(loaded)
            let graph = preparation.graph
            let withoutCandidates = graph.candidatesOfMentee.filter(\.isEmpty).count
            let input = preparation.input
            switch language.language {
            case .en:
                print(
                    "OK: \(counted(input.mentors.count, "mentor")), "
                        + "\(counted(input.mentees.count, "young person", plural: "young people")), "
                        + "\(counted(input.places.count, "place")), \(counted(input.pairRules.count, "pair rule")); "
                        + "\(counted(graph.candidates.count, "candidate pair")); "
                        + "\(counted(withoutCandidates, "young person", plural: "young people")) without any candidate."
                )
            case .lv:
                print(
                    "Kārtībā: \(Latvian.counted(input.mentors.count, "mentors", "mentori")), "
                        + "\(Latvian.counted(input.mentees.count, "jaunietis", "jaunieši")), "
                        + "\(Latvian.counted(input.places.count, "vieta", "vietas")), "
                        + "\(Latvian.counted(input.pairRules.count, "pāra noteikums", "pāru noteikumi")); "
                        + "\(Latvian.counted(graph.candidates.count, "kandidātu pāris", "kandidātu pāri")); "
                        + "\(Latvian.counted(withoutCandidates, "jaunietis", "jaunieši")) bez neviena kandidāta."
                )
            }
        } catch {
            throw fail(error, language: language.language)
        }
    }
}
