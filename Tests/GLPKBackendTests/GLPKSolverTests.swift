import LinearProgramming
import MentorMatchTestSupport
import Testing

@testable import GLPKBackend

@Suite struct GLPKSolverTests {
    let solver = GLPKSolver()

    @Test func passesTheConformanceSuite() {
        #expect(SolverConformance.failures(of: solver) == [])
    }

    @Test func nameCarriesTheLibraryVersion() {
        #expect(solver.name == "GLPK 5.0")
    }

    @Test func linearOptimumComesWithPointBoundAndDuals() throws {
        let solution = try solver.solve(SolverConformance.textbookLP.program)
        #expect(solution.termination == .optimal)
        #expect(solution.values == [4, 0])
        #expect(solution.bestBound == 12)
        // Only x + y ≤ 4 binds; raising its right-hand side by 1 gains 3.
        #expect(solution.constraintDuals == [3, 0])
        #expect(solution.detail.contains("primal simplex"))
    }

    @Test func integerOptimumRunsBranchAndCut() throws {
        let solution = try solver.solve(SolverConformance.knapsack.program)
        #expect(solution.termination == .optimal)
        #expect(solution.values == [1, 1, 0, 0])
        #expect(solution.detail.contains("branch-and-cut: success, optimal"))
    }

    @Test func cuttingPlanesReachTheSameOptimum() throws {
        let program = Self.hardKnapsack(items: 14, dimensions: 3)
        let plain = try solver.solve(program)
        let cut = try solver.solve(program, options: SolveOptions(cuttingPlanes: true))
        #expect(plain.termination == .optimal && cut.termination == .optimal)
        #expect(cut.objectiveValue == plain.objectiveValue)
        #expect(FeasibilityChecker.violations(of: cut.values, in: program) == [])
    }

    @Test func invalidModelIsRejectedWithEveryProblemBeforeGLPK() {
        var program = LinearProgram(sense: .minimize)
        let x = program.addVariable(name: "x", lowerBound: 2, upperBound: 1)
        program.addConstraint(name: "nan", terms: [Term(x, .nan)], lowerBound: 0)
        program.addConstraint(name: "twice", terms: [Term(x, 1), Term(x, 2)], upperBound: 3)
        program.addConstraint(name: "dangling", terms: [Term(VariableID(7), 1)], upperBound: 3)
        #expect {
            try solver.solve(program)
        } throws: { error in
            guard case SolverError.invalidModel(let issues) = error else { return false }
            return issues.map(\.location) == [
                "variable 0 'x'", "constraint 0 'nan'", "constraint 1 'twice'", "constraint 2 'dangling'",
            ]
        }
    }

    @Test func glpkErrorBecomesBackendFailureAndTheThreadSolvesAgain() throws {
        #expect {
            try solver.solveWithProvokedGLPKError()
        } throws: { error in
            guard case SolverError.backendFailure(let message) = error else { return false }
            return message.contains("duplicate indices not allowed")
        }
        // Same thread, no suspension in between: GLPK's environment was freed and is rebuilt.
        #expect(try solver.solve(SolverConformance.knapsack.program).objectiveValue == 23)
    }

    @Test func concurrentSolvesOnSeveralThreadsAgree() async {
        let cases = SolverConformance.cases
        let failures = await withTaskGroup(of: [String].self) { group in
            for round in 0..<24 {
                group.addTask {
                    // Errors recovered on one thread must not disturb solves on others.
                    if round % 6 == 0 { _ = try? GLPKSolver().solveWithProvokedGLPKError() }
                    return SolverConformance.failures(of: GLPKSolver(), cases: [cases[round % cases.count]])
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures == [])
    }

    @Test(arguments: [0.001, 0.05])
    func timeLimitEndsAHardIntegerProgrammeWithAUsableResult(seconds: Double) throws {
        let program = Self.hardKnapsack(items: 70, dimensions: 5)
        let clock = ContinuousClock()
        let start = clock.now
        let solution = try solver.solve(program, options: SolveOptions(timeLimitSeconds: seconds))
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5), "GLPK ran \(elapsed) under a limit of \(seconds) s")
        #expect([.optimal, .timeLimit].contains(solution.termination), "\(solution.detail)")
        if solution.hasFeasiblePoint {
            #expect(FeasibilityChecker.violations(of: solution.values, in: program) == [])
            if let objective = solution.objectiveValue, let bound = solution.bestBound {
                #expect(objective <= bound + 1e-6)
            }
        }
    }

    @Test func lpTextRoundTripPassesTheConformanceSuite() {
        #expect(SolverConformance.failures(of: LPTextRoundTrip()) == [])
    }

    @Test func unreadableLPTextIsAnInvalidModelAtItsLine() {
        #expect {
            try solver.solve(lpText: "Maximize\n obj: x +\nSubject To\nEnd\n")
        } throws: { error in
            guard case SolverError.invalidModel(let issues) = error else { return false }
            return issues.count == 1 && issues[0].location.hasPrefix("LP text line ")
        }
    }

    // MARK: - Helpers

    /// Writes each programme with ``CPLEXLPWriter`` and solves the text with GLPK's reader, dropping helper columns.
    struct LPTextRoundTrip: LinearProgramSolver {
        var name: String { "GLPK via CPLEX LP text" }

        func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> Solution {
            var solution = try GLPKSolver().solve(lpText: CPLEXLPWriter.text(for: program), options: options)
            if solution.hasFeasiblePoint { solution.values = Array(solution.values.prefix(program.variables.count)) }
            solution.constraintDuals = solution.constraintDuals.map { Array($0.prefix(program.constraints.count)) }
            return solution
        }
    }

    /// A multi-dimensional 0-1 knapsack with correlated weights: incumbents come fast, proving optimality does not.
    static func hardKnapsack(items: Int, dimensions: Int) -> LinearProgram {
        var generator = SplitMix64(seed: 2024)
        var program = LinearProgram(name: "hard_knapsack", sense: .maximize)
        let weights = (0..<dimensions).map { _ in (0..<items).map { _ in Double(generator.next() % 900 + 100) } }
        let take = (0..<items).map { item in
            let value = weights.reduce(0) { $0 + $1[item] } / Double(dimensions) + Double(generator.next() % 50)
            return program.addVariable(name: "take_\(item)", upperBound: 1, isInteger: true, objective: value)
        }
        for (dimension, row) in weights.enumerated() {
            program.addConstraint(
                name: "capacity_\(dimension)", terms: take.indices.map { Term(take[$0], row[$0]) },
                upperBound: row.reduce(0, +) / 2)
        }
        return program
    }
}

/// A small deterministic generator, so the hard instance is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
