import Benchmark
import Foundation
import LEMONBackend
import MentorMatch
import SyntheticPopulation

/// The stages of a run on 10,000 generated young people (seed 2024) at two densities: 4,000 mentors (the
/// generator's default, about 50 candidate mentors per young person, 0.5 million pairs) and 8,000 (about 100,
/// 1 million pairs). Reading the CSV files, candidate generation, building the flow network, solving (with
/// explanations), rendering the CSV files and encoding `result.json`.
/// Whole runs at every size, against other solvers, are `Benchmarks/compare.sh`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxIterations: 10)
    let youngPeople = 10_000
    for (density, mentors) in [(50, 4_000), (100, 8_000)] {
        stageBenchmarks(name: "10k density \(density)", youngPeople: youngPeople, mentors: mentors)
    }
}

/// One benchmark per stage of a run on a generated population.
func stageBenchmarks(name: String, youngPeople: Int, mentors: Int) {
    let input = PopulationGenerator(seed: 2024).generateScaled(mentees: youngPeople, mentors: mentors)
    let policy = PopulationPreset.ogre2024.suggestedPolicy
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("mentormatch-benchmark-\(getpid())-\(mentors)")
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

    Benchmark("reading \(name)") { benchmark in
        blackHole(try InputLoader.load(files))
    }
    Benchmark("candidates \(name)") { benchmark in
        blackHole(CandidateGraph(rules: CompatibilityRules(input: preparation.input, policy: policy)))
    }
    Benchmark("model building \(name)") { benchmark in
        blackHole(preparation.flowNetwork())
    }
    Benchmark("solving \(name)") { benchmark in
        blackHole(try matcher.solve(preparation))
    }
    Benchmark("CSV files \(name)") { benchmark in
        blackHole(ResultFiles.csvFiles(result))
    }
    Benchmark("result.json \(name)") { benchmark in
        blackHole(try ResultFiles.json(result))
    }
}
