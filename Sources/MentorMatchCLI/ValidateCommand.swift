import ArgumentParser
import Foundation
import MentorMatch

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the input files without solving; report every problem at once."
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher()
            let loaded = try matcher.load(input.files)
            printWarnings(loaded)
            let preparation = try matcher.prepare(loaded)
            let graph = preparation.graph
            let withoutCandidates = graph.candidatesOfMentee.filter(\.isEmpty).count
            print(
                "OK: \(counted(preparation.input.mentors.count, "mentor")), "
                    + "\(counted(preparation.input.mentees.count, "young person", plural: "young people")), "
                    + "\(counted(preparation.input.places.count, "place")), \(counted(preparation.input.pairRules.count, "pair rule")); "
                    + "\(counted(graph.candidates.count, "candidate pair")); "
                    + "\(counted(withoutCandidates, "young person", plural: "young people")) without any candidate."
            )
        } catch {
            throw fail(error)
        }
    }
}
