// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "MentorMatch",
    platforms: [.macOS(.v14)],
    // MARK: - Public API
    products: [
        .library(name: "MentorMatch", targets: ["MentorMatch"]),
        .executable(name: "mentormatch", targets: ["MentorMatchCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `.xlsx` workbooks: writing the ZIP package (reading is the formats module's own), and the XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.17.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        // `make docs`: the DocC catalogue of the MentorMatch library (a command plugin; `swift test` does not run it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The HTTP API (issue 12): the server, its generated OpenAPI layer, metrics and lifecycle.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // The coordinators' workspace (issue 13): bcrypt password hashes, SHA-256 of session tokens.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Bit sets of mentors, for explaining young people without a candidate in column passes.
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // MARK: - Implementation, lowest layer first
        /// Domain values: people, places, weekly windows, the policy, input issues. No dependencies.
        .target(name: "MentorMatchCore"),
        /// A solver-neutral linear programme, its validation, a CPLEX LP writer and the solver protocol.
        .target(name: "LinearProgramming"),
        /// A solver-neutral minimum-cost flow network, its validation, a DIMACS writer and the flow solver protocol.
        .target(name: "NetworkFlow"),
        /// LEMON 1.3.1's network simplex (C++ headers from Debian's liblemon-dev) behind a C function that catches every
        /// exception. LEMON_ONLY_TEMPLATES makes the headers self-contained (no liblemon to link); with
        /// LEMON_DISABLE_ASSERTS no LEMON assertion can abort the process (the input is validated in Swift).
        .target(
            name: "CLEMON",
            cxxSettings: [.define("LEMON_ONLY_TEMPLATES"), .define("LEMON_DISABLE_ASSERTS")],
            linkerSettings: [.linkedLibrary("m")]
        ),
        /// The LEMON backend: the only Swift module that sees LEMON.
        .target(name: "LEMONBackend", dependencies: ["NetworkFlow", "CLEMON"]),
        /// GLPK 5.0 from Debian's libglpk-dev (no pkg-config file; the module map links `glpk`).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        /// C code that runs a whole GLPK solve behind a setjmp guard, so a GLPK error returns instead of aborting.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        /// The GLPK backend: the only Swift module that sees GLPK.
        .target(name: "GLPKBackend", dependencies: ["LinearProgramming", "CGLPK", "CGLPKGuard"]),
        /// Candidates, the matching programme, lexicographic objectives and explanations.
        .target(name: "Matching", dependencies: [
            "MentorMatchCore", "LinearProgramming", "NetworkFlow",
            .product(name: "BitCollections", package: "swift-collections"),
        ]),
        /// What-if planning: scenario variants, the recruitment covering programme, applicant selection, simulation.
        .target(name: "Planning", dependencies: ["MentorMatchCore", "LinearProgramming", "NetworkFlow", "Matching"]),
        /// Meeting calendars: Latvian days off, per-mentor session programmes, supervision groups, shortfall reasons.
        .target(name: "Scheduling", dependencies: ["MentorMatchCore", "LinearProgramming"]),
        /// zlib from Debian's zlib1g-dev, for the workbooks' own ZIP reading and writing (inflate, deflate, CRC-32).
        /// Not named `CZlib`: ZIPFoundation's module of zlib has that name.
        .systemLibrary(name: "CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        /// CSV, `.xlsx`, JSON and YAML input; CSV, JSON and `.xlsx` output; atomic writes. Workbooks are read by the
        /// module's own ZIP reader (every offset checked, inflate bounded) and written by its own ZIP writer (every
        /// part deflated by zlib, all parts on all cores).
        .target(
            name: "MentorMatchFormats",
            dependencies: [
                "MentorMatchCore", "NetworkFlow", "Matching", "Planning", "Scheduling", "CSystemZlib",
                .product(name: "Yams", package: "Yams"), .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            // The JSON Schemas of the input document and the JSON outputs: published next to the code that reads and
            // writes them, checked by `make test` (Tests/SchemaCheck), not compiled.
            exclude: ["Schemas"]
        ),
        /// The library facade for integrators: load, match, explain, plan, schedule.
        .target(
            name: "MentorMatch",
            dependencies: [
                "MentorMatchCore", "LinearProgramming", "NetworkFlow", "GLPKBackend", "LEMONBackend", "Matching",
                "MentorMatchFormats", "Planning", "Scheduling",
            ]
        ),
        /// Synthetic, pseudonymous populations calibrated to the programmes, and the Latvian gazetteer they draw
        /// places from (a CSV derived from the shared reference data, compiled into the code).
        .target(
            name: "SyntheticPopulation",
            dependencies: ["MentorMatchCore"],
            exclude: ["Resources/derive_gazetteer.py"],
            resources: [.embedInCode("Resources/gazetteer.csv")]
        ),
        /// The server's jobs: a durable SQLite store (GRDB), the job runner of each kind through the facade, and the
        /// supervised pool of `mentormatch worker` processes that run them.
        .target(
            name: "MentorMatchJobs",
            dependencies: [
                "MentorMatch", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        /// The coordinators' workspace: accounts, sessions, programmes, uploads, runs through the job service, decisions,
        /// published pairs and the audit log, in its own SQLite store. No HTTP.
        .target(
            name: "MentorMatchWorkspace",
            dependencies: [
                "MentorMatch", "MentorMatchJobs", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// The HTTP API's contract: `openapi.yaml` and the Swift that swift-openapi-generator generated from it
        /// (committed; regenerate with Tests/APIConformance/generate.sh after editing the document).
        .target(
            name: "MentorMatchAPI",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["openapi-generator-config.yaml", "Generated/openapi.yaml.sha256"],
            resources: [.embedInCode("openapi.yaml")]
        ),
        /// `mentormatch serve`: the Hummingbird server that translates HTTP to jobs, and back.
        .target(
            name: "MentorMatchServer",
            dependencies: [
                "MentorMatch", "MentorMatchAPI", "MentorMatchJobs", "MentorMatchWorkspace",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        /// The thin `mentormatch` command.
        .executableTarget(
            name: "MentorMatchCLI",
            dependencies: [
                "MentorMatch", "MentorMatchJobs", "MentorMatchServer", "MentorMatchWorkspace", "SyntheticPopulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: - Test support
        /// Independent checker, brute force, reference min-cost flow, random instances, mock solver.
        .target(
            name: "MentorMatchTestSupport",
            dependencies: ["MentorMatchCore", "LinearProgramming", "NetworkFlow", "Matching", "Scheduling"]
        ),

        // MARK: - Tests (mirroring Sources)
        .testTarget(name: "MentorMatchCoreTests", dependencies: ["MentorMatchCore"]),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming", "MentorMatchTestSupport"]
        ),
        .testTarget(name: "NetworkFlowTests", dependencies: ["NetworkFlow"]),
        .testTarget(
            name: "LEMONBackendTests",
            dependencies: [
                "LEMONBackend", "NetworkFlow", "LinearProgramming", "GLPKBackend",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "GLPKBackendTests",
            dependencies: ["GLPKBackend", "LinearProgramming", "MentorMatchTestSupport"]
        ),
        .testTarget(
            name: "MatchingTests",
            dependencies: [
                "Matching", "MentorMatchCore", "LinearProgramming", "NetworkFlow", "GLPKBackend", "LEMONBackend",
                "MentorMatchTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: [
                "Planning", "Matching", "MentorMatchCore", "GLPKBackend", "LEMONBackend",
                "MentorMatchTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "SchedulingTests",
            dependencies: [
                "Scheduling", "MentorMatchCore", "LinearProgramming", "GLPKBackend", "MentorMatchTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MentorMatchFormatsTests",
            dependencies: [
                "MentorMatchFormats", "MentorMatchCore", "Planning", "Scheduling", "CSystemZlib", "Matching",
                "MentorMatchTestSupport", "GLPKBackend", "LEMONBackend",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "MentorMatchTests",
            dependencies: ["MentorMatch", "MentorMatchTestSupport", "SyntheticPopulation"]
        ),
        .testTarget(name: "SyntheticPopulationTests", dependencies: ["SyntheticPopulation", "MentorMatchCore"]),
        .testTarget(
            name: "MentorMatchJobsTests",
            dependencies: [
                "MentorMatchJobs", "MentorMatch", "MentorMatchTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "MentorMatchWorkspaceTests",
            dependencies: [
                "MentorMatchWorkspace", "MentorMatch", "MentorMatchJobs", "MentorMatchTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MentorMatchServerTests",
            dependencies: [
                "MentorMatchServer", "MentorMatch", "MentorMatchJobs", "MentorMatchWorkspace", "SyntheticPopulation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MentorMatchCLITests",
            dependencies: ["MentorMatch", "MentorMatchTestSupport"]
        ),
    ],
    cxxLanguageStandard: .cxx17
)

// Benchmarks (package-benchmark) build only when asked for, so that `swift test` stays fast:
// `MENTORMATCH_BENCHMARKS=1 swift package benchmark` (see Benchmarks/README.md).
if ProcessInfo.processInfo.environment["MENTORMATCH_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])
    )
    package.targets.append(
        .executableTarget(
            name: "MentorMatchBenchmarks",
            dependencies: [
                "MentorMatch", "SyntheticPopulation", "LEMONBackend", .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MentorMatchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}

// libFuzzer targets build only when asked for, into their own scratch path (.build-fuzz), so that `swift test` never
// sees them: `make fuzz` sets MENTORMATCH_FUZZ to the toolchain's libFuzzer runtime without a main (the target's main
// calls LLVMFuzzerRunDriver) and instruments the project's own modules with -sanitize=fuzzer (see Tests/Fuzz/README.md).
if let fuzzerRuntime = ProcessInfo.processInfo.environment["MENTORMATCH_FUZZ"] {
    let instrumented: Set<String> = [
        "MentorMatchCore", "LinearProgramming", "NetworkFlow", "LEMONBackend", "GLPKBackend", "Matching", "Planning",
        "Scheduling", "MentorMatchFormats", "MentorMatch", "MentorMatchTestSupport",
    ]
    for target in package.targets where instrumented.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"])]
    }
    package.targets.append(
        .executableTarget(
            name: "MentorMatchFuzz",
            dependencies: ["MentorMatch", "MentorMatchTestSupport", "Scheduling", "GLPKBackend"],
            path: "Tests/Fuzz/MentorMatchFuzz",
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags([fuzzerRuntime, "-lstdc++"])]
        )
    )
}
