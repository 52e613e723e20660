import Benchmark
import Foundation
import LEMONBackend
import MentorMatch
import SyntheticPopulation

/// The stages of a run on 10,000 generated young people and 4,000 mentors (seed 2024): reading the CSV files,
/// candidate generation, building the flow network, solving (with explanations), and rendering the result files.
/// Whole runs at every size, against other solvers, are `Benchmarks/compare.sh`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxIterations: 10)
    let youngPeople = 10_000
    let input = PopulationGenerator(seed: 2024).generateScaled(
        mentees: youngPeople, mentors: PopulationGenerator.defaultMentorCount(forMentees: youngPeople)
    )
    let policy = PopulationPreset.ogre2024.suggestedPolicy
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentormatch-benchmark-\(getpid())")
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let files = InputFiles(
        mentors: directory.appendingPathComponent("mentors.csv").path,
        mentees: directory.appendingPathComponent("mentees.csv").path,
        places: directory.appendingPathComponent("places.csv").path
    )
    try! Data(MentorsCSV.text(input.mentors).utf8).write(to: URL(fileURLWithPath: files.mentors))
    try! Data(MenteesCSV.text(input.mentees).utf8).write(to: URL(fileURLWithPath: files.mentees))
    try! Data(PlacesCSV.text(input.places).utf8).write(to: URL(fileURLWithPath: files.places))
    let matcher = MentorMatcher()
    let preparation = try! matcher.prepare(input, policy: policy)
    let result = try! matcher.solve(preparation)

    Benchmark("reading 10k") { benchmark in
        blackHole(try InputLoader.load(files))
    }
    Benchmark("candidates 10k") { benchmark in
        blackHole(CandidateGraph(rules: CompatibilityRules(input: preparation.input, policy: policy)))
    }
    Benchmark("model building 10k") { benchmark in
        blackHole(preparation.flowNetwork())
    }
    Benchmark("solving 10k") { benchmark in
        blackHole(try matcher.solve(preparation))
    }
    Benchmark("writing 10k") { benchmark in
        blackHole(ResultFiles.all(result))
    }
}
