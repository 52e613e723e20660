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
            let preparation = try matcher.prepare(try matcher.load(input.files))
            let graph = preparation.graph
            let withoutCandidates = graph.candidatesOfMentee.filter(\.isEmpty).count
            print(
                "OK: \(preparation.input.mentors.count) mentors, \(preparation.input.mentees.count) young people, "
                    + "\(preparation.input.places.count) places, \(preparation.input.pairRules.count) pair rules; "
                    + "\(graph.candidates.count) candidate pairs; \(withoutCandidates) young people have no candidate."
            )
        } catch {
            throw fail(error)
        }
    }
}
