import Foundation
import MentorMatch
import SyntheticPopulation
import Testing

/// `result.json` (and every other JSON file) comes from MentorMatch's own encoder: it must hold the very bytes
/// Foundation's `JSONEncoder` writes in the project's style, on real results.
@Suite("Result JSON")
struct ResultJSONTests {
    private func foundationBytes(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    @Test("the bundled programmes' results encode as Foundation encodes them", arguments: PopulationPreset.allCases)
    func presets(preset: PopulationPreset) throws {
        let input = PopulationGenerator(seed: 2024).generate(preset)
        let matcher = MentorMatcher()
        let preparation = try matcher.prepare(input, policy: preset.suggestedPolicy)
        var result = try matcher.solve(preparation)
        result.timings.reading = 0.123_456_789
        #expect(try ResultFiles.json(result) == (try foundationBytes(result)))
        let someone = try #require(input.mentees.first)
        let explanation = try #require(preparation.explain(menteeID: someone.id, in: result))
        #expect(try ResultFiles.json(explanation) == (try foundationBytes(explanation)))
    }

    @Test("random populations' results encode as Foundation encodes them", arguments: [1, 7, 99] as [UInt64])
    func randomPopulations(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let mentees = random.int(in: 50...600)
        let input = PopulationGenerator(seed: seed).generateScaled(mentees: mentees, mentors: random.int(in: 5...mentees))
        let result = try MentorMatcher().match(input, policy: Policy())
        #expect(try ResultFiles.json(result) == (try foundationBytes(result)))
    }
}
