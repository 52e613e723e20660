import LinearProgramming
import MentorMatchTestSupport
import Testing

@Suite struct MockSolverTests {
    private let optimum = Solution(termination: .optimal, values: [4, 0], objectiveValue: 12, bestBound: 12)

    @Test func answersInOrderAndRecordsEveryCall() throws {
        let solver = MockSolver(answers: [.success(optimum), .failure(.backendFailure("scripted"))])
        let program = SolverConformance.textbookLP.program
        #expect(try solver.solve(program, options: SolveOptions(timeLimitSeconds: 3)) == optimum)
        #expect(throws: SolverError.backendFailure("scripted")) { try solver.solve(program) }
        #expect(throws: SolverError.backendFailure("MockSolver: no scripted answer left for call 3")) {
            try solver.solve(program)
        }
        #expect(solver.calls.map(\.program) == [program, program, program])
        #expect(solver.calls.map(\.options.timeLimitSeconds) == [3, nil, nil])
    }

    @Test func handlerAnswersConcurrentCalls() async {
        let solver = MockSolver { program, _ in
            Solution(termination: .optimal, values: [], objectiveValue: program.objectiveConstant, bestBound: nil)
        }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    var program = LinearProgram(sense: .minimize)
                    program.objectiveConstant = Double(index)
                    _ = try? solver.solve(program)
                }
            }
        }
        #expect(solver.calls.map(\.program.objectiveConstant).sorted() == (0..<50).map(Double.init))
    }
}

@Suite struct SolverConformanceTests {
    @Test func reportsEveryCaseAWrongSolverGetsWrong() {
        let alwaysZero = MockSolver { _, _ in
            Solution(termination: .optimal, values: [], objectiveValue: 0, bestBound: 0)
        }
        let failures = SolverConformance.failures(of: alwaysZero)
        for conformanceCase in SolverConformance.cases {
            #expect(failures.contains { $0.hasPrefix("Mock, \(conformanceCase.name): ") }, "\(conformanceCase.name)")
        }
    }

    @Test func everyCaseProgrammeIsValidExceptTheInvalidOne() {
        for conformanceCase in SolverConformance.cases {
            let isValid = ModelValidator.issues(in: conformanceCase.program).isEmpty
            #expect(isValid == (conformanceCase.expectation != .invalidModel), "\(conformanceCase.name)")
        }
    }
}

@Suite struct FeasibilityCheckerTests {
    @Test func acceptsAFeasiblePointAndNamesEveryViolation() {
        let program = SolverConformance.knapsack.program
        #expect(FeasibilityChecker.violations(of: [1, 1, 0, 0], in: program) == [])
        #expect(
            FeasibilityChecker.violations(of: [1, 1, 1, 0.5], in: program) == [
                "integer variable 'take_3' = 0.5", "row 'capacity' = 15.5 > 10.0",
            ])
        #expect(FeasibilityChecker.violations(of: [1], in: program) == ["1 values for 4 variables"])
    }
}
