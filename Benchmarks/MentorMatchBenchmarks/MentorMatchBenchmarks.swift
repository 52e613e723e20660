import Benchmark
import Foundation
import LEMONBackend
import MentorMatch
import SyntheticPopulation

/// The stages of a run on 10,000 generated young people (seed 2024) at two densities: 4,000 mentors (the
/// generator's default, about 50 candidate mentors per young person, 0.5 million pairs) and 8,000 (about 100,
/// 1 million pairs). Reading the CSV files, candidate generation, building the flow network, solving (with
/// explanations), making every result file (CSV files, map, workbook, `result.json`) and `result.json` alone.
/// Then `schedule`, `plan` and `recruit` at national size (``nationalBenchmarks()``).
/// Whole runs at every size, against other solvers, are `Benchmarks/compare.sh`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxIterations: 10)
    let youngPeople = 10_000
    for (density, mentors) in [(50, 4_000), (100, 8_000)] {
        stageBenchmarks(name: "10k density \(density)", youngPeople: youngPeople, mentors: mentors)
    }
    nationalBenchmarks()
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
    Benchmark("result files \(name)") { benchmark in
        blackHole(try ResultFiles.matchFiles(result, input: preparation.input))
    }
    Benchmark("result.json \(name)") { benchmark in
        blackHole(try ResultFiles.json(result))
    }
}

/// Beyond matching, on the population `mentormatch generate --mentees 10000 --mentors 4000 --seed 2024` writes (its
/// default policy): `schedule` of the matched pairs over six months from 1 March 2024, the calendar and session files
/// of that schedule, `plan` with 20 variants, and `recruit` with 40 profiles (the fewest recruits for an 89 % coverage
/// target, 90 % being out of reach at 10,000, and the curve up to all 200 recruits) at 1,000 and at 10,000 young
/// people. Each takes seconds to minutes, so each runs once, without a warm-up.
func nationalBenchmarks() {
    let once = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)
    let policy = Policy()
    let input = PopulationGenerator(seed: 2024).generateScaled(mentees: 10_000, mentors: 4_000)
    let matcher = MentorMatcher()
    let pairs = try! matcher.solve(matcher.prepare(input, policy: policy)).pairs
        .map { PairToSchedule(mentorID: $0.mentorID, menteeID: $0.menteeID) }
    let calendar = ProgrammeCalendar(start: LocalDate(year: 2024, month: 3, day: 1)!, months: 6, rules: policy.schedule)!
    let request = ScheduleRequest(
        mentors: input.mentors, mentees: input.mentees, places: input.places, pairs: pairs, calendar: calendar,
        timeLimitSeconds: policy.timeLimitSeconds)
    let scheduler = MentorScheduler().scheduler
    Benchmark("schedule 4,000 mentors 6 months", configuration: once) { benchmark in
        blackHole(try scheduler.schedule(request))
    }
    // The schedule is made in the benchmark's setup, which runs only when this benchmark is chosen.
    Benchmark(
        "schedule files 4,000 mentors 6 months", configuration: once,
        closure: { benchmark, schedule in
            blackHole(ScheduleCalendars.files(schedule, programmeID: "benchmark", previous: [:], generated: Date()))
            blackHole(Result { () throws(FormatError) in try ScheduleFiles.all(schedule) })
        },
        setup: { try scheduler.schedule(request) })

    // Twenty what-ifs a planner compares: travel limits, fewer mentors, mentors with more room.
    var variants = [ScenarioVariant(name: "base", policy: policy)]
    for kilometres in stride(from: 5, through: 45, by: 5) {
        var tighter = policy
        tighter.maximumTravelKm = Double(kilometres)
        variants.append(ScenarioVariant(name: "travel-\(kilometres)km", policy: tighter))
    }
    for share in 1...5 {
        var fewer = ScenarioVariant(name: "without-\(share * 5)-percent", policy: policy)
        fewer.removedMentorIDs = input.mentors.enumerated().filter { $0.offset % 20 < share }.map(\.element.id)
        variants.append(fewer)
    }
    for share in 1...5 {
        var roomier = ScenarioVariant(name: "capacity-3-for-\(share * 10)-percent", policy: policy)
        roomier.capacities = Dictionary(uniqueKeysWithValues: input.mentors.enumerated()
            .filter { $0.offset % 10 < share }.map { ($0.element.id, 3) })
        variants.append(roomier)
    }
    let scenario = Scenario(name: "national", base: input, policy: policy, cost: CostModel(), variants: variants)
    let planner = Planner(matcher: matcher)
    Benchmark("plan 10k 20 variants", configuration: once) { benchmark in
        blackHole(try planner.plan(scenario, simulate: false))
    }

    for youngPeople in [1_000, 10_000] {
        let base = youngPeople == input.mentees.count ? input
            : PopulationGenerator(seed: 2024).generateScaled(
                mentees: youngPeople, mentors: PopulationGenerator.defaultMentorCount(forMentees: youngPeople))
        // Forty kinds of recruit, copied from mentors spread over the population, five of each available.
        let step = max(1, base.mentors.count / 40)
        let profiles = stride(from: 0, to: base.mentors.count, by: step).prefix(40).map {
            RecruitProfile(mentor: base.mentors[$0], available: 5)
        }
        Benchmark("recruit \(youngPeople / 1_000)k 40 profiles", configuration: once) { benchmark in
            let programme = RecruitmentProgramme(input: base, policy: policy, profiles: profiles, solver: planner.solver,
                flowSolver: planner.flowSolver)
            blackHole(try programme.answer(maxRecruits: 200, target: .share(0.89), engine: matcher.engine))
        }
    }
}
