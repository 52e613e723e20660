import ArgumentParser
import Foundation
import MentorMatch
import SyntheticPopulation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic, pseudonymous input files: a calibrated programme preset, or any size.",
        discussion: "Presets: \(PopulationPreset.allCases.map(\.rawValue).joined(separator: ", ")). The same seed gives the same files."
    )

    @Option(help: "A programme preset (ogre-2024, liepaja-2022, zemgale-rethink).")
    var preset: String?
    @Option(help: "Without a preset: how many young people.")
    var mentees: Int?
    @Option(help: "Without a preset: how many mentors (default: one per 2.5 young people).")
    var mentors: Int?
    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1
    @Option(help: "Directory for mentors.csv, mentees.csv, places.csv and policy.yaml.")
    var out: String

    func validate() throws {
        if preset != nil && (mentees != nil || mentors != nil) {
            throw ValidationError("give either --preset or --mentees/--mentors, not both")
        }
        if let preset, PopulationPreset(rawValue: preset) == nil {
            throw ValidationError("unknown preset '\(preset)'; use one of \(PopulationPreset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if preset == nil && mentees == nil {
            throw ValidationError("give --preset NAME, or --mentees N for a population of any size")
        }
        // A million people is ten times the largest benchmark; more would only fill the disk.
        let people = 0...1_000_000
        if let mentees, !people.contains(mentees) { throw ValidationError("--mentees must be a count from 0 to 1,000,000") }
        if let mentors, !people.contains(mentors) { throw ValidationError("--mentors must be a count from 0 to 1,000,000") }
    }

    func run() throws {
        let generator = PopulationGenerator(seed: seed)
        let population: MatchingInput
        var policy = Policy()
        if let name = preset, let preset = PopulationPreset(rawValue: name) {
            population = generator.generate(preset)
            policy = preset.suggestedPolicy
        } else {
            let menteeCount = mentees ?? 0
            population = generator.generateScaled(
                mentees: menteeCount, mentors: mentors ?? PopulationGenerator.defaultMentorCount(forMentees: menteeCount)
            )
        }
        do throws(MentorMatchError) {
            try write(
                [
                    "mentors.csv": Data(MentorsCSV.text(population.mentors).utf8),
                    "mentees.csv": Data(MenteesCSV.text(population.mentees).utf8),
                    "places.csv": Data(PlacesCSV.text(population.places).utf8),
                    "policy.yaml": Data(PolicyFile.yamlText(policy).utf8),
                ],
                to: URL(fileURLWithPath: out), owned: CommandOutput.generate
            )
        } catch {
            throw fail(error)
        }
        print("Wrote \(counted(population.mentors.count, "mentor")), \(counted(population.mentees.count, "young person", plural: "young people")) and \(counted(population.places.count, "place")) to \(out)")
    }
}
