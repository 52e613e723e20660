import LinearProgramming
import Testing

@testable import GLPKBackend

/// The mapping of GLPK's return codes and statuses, including outcomes too rare to provoke reliably.
@Suite struct GLPKRunReportTests {
    private func report(
        integer: Bool = true, simplex: GLPKReturnCode = .success, simplexStatus: GLPKSolutionStatus = .optimal,
        branchAndCut: GLPKRunReport.BranchAndCut? = nil
    ) -> Solution {
        GLPKRunReport(
            hasIntegerColumns: integer, simplexReturnCode: simplex, simplexStatus: simplexStatus,
            relaxationObjective: 10.5, branchAndCut: branchAndCut, columnValues: [1, 0], rowDuals: [0.5]
        ).solution(solverName: "GLPK")
    }

    @Test func timeLimitWithAnIncumbentIsAResultWithTheRelaxationAsBound() {
        let solution = report(branchAndCut: .init(returnCode: .timeLimit, status: .feasible, objective: 9))
        #expect(solution.termination == .timeLimit)
        #expect(solution.values == [1, 0])
        #expect(solution.objectiveValue == 9)
        #expect(solution.bestBound == 10.5)
    }

    @Test func timeLimitWithoutAnIncumbentHasNoPoint() {
        let solution = report(branchAndCut: .init(returnCode: .timeLimit, status: .undefined, objective: 0))
        #expect(solution.termination == .timeLimit)
        #expect(!solution.hasFeasiblePoint)
        #expect(solution.objectiveValue == nil)
        #expect(solution.bestBound == 10.5)
    }

    @Test func reachingTheRelativeGapCountsAsOptimal() {
        let solution = report(branchAndCut: .init(returnCode: .relativeGapReached, status: .feasible, objective: 10))
        #expect(solution.termination == .optimal)
        #expect(solution.objectiveValue == 10)
        #expect(solution.bestBound == 10.5)
    }

    @Test func relaxationStoppedByTheTimeLimitGivesNoIntegerPoint() {
        let solution = report(simplex: .timeLimit, simplexStatus: .feasible)
        #expect(solution.termination == .timeLimit)
        #expect(!solution.hasFeasiblePoint)
    }

    @Test func linearTimeLimitKeepsTheFeasibleBasis() {
        let solution = report(integer: false, simplex: .timeLimit, simplexStatus: .feasible)
        #expect(solution.termination == .timeLimit)
        #expect(solution.values == [1, 0])
        #expect(solution.bestBound == nil)
    }

    @Test(arguments: [GLPKReturnCode.solverFailed, .singularMatrix, .iterationLimit, .unknown(99)])
    func otherSimplexCodesAreSolverFailures(code: GLPKReturnCode) {
        let solution = report(integer: false, simplex: code, simplexStatus: .undefined)
        #expect(solution.termination == .solverFailure)
        #expect(!solution.hasFeasiblePoint)
        #expect(solution.detail.contains("\(code)"))
    }

    @Test func emptyIntegerColumnIsInfeasible() {
        let solution = GLPKRunReport(
            hasIntegerColumns: true, emptyIntegerColumn: 3, simplexReturnCode: .success, simplexStatus: .undefined,
            relaxationObjective: 0, columnValues: [], rowDuals: []
        ).solution(solverName: "GLPK")
        #expect(solution.termination == .infeasible)
        #expect(solution.detail.contains("variable 3"))
    }

    @Test func codesAndStatusesAreNamed() {
        #expect(GLPKReturnCode(0) == .success)
        #expect(GLPKReturnCode(0x09) == .timeLimit)
        #expect(GLPKReturnCode(0x0E) == .relativeGapReached)
        #expect(GLPKReturnCode(0x42) == .unknown(0x42))
        #expect(GLPKSolutionStatus(5) == .optimal)
        #expect(GLPKSolutionStatus(4) == .noFeasibleSolution)
    }

    @Test(
        arguments: [
            (nil, -1), (0.001, 1), (1.5, 1500), (0, 0), (-2, 0), (Double.nan, 0), (1e12, -1),
        ] as [(Double?, Int32)])
    func timeLimitsBecomeWholeMilliseconds(seconds: Double?, milliseconds: Int32) {
        #expect(SolveOptions(timeLimitSeconds: seconds).glpkSettings.time_limit_ms == milliseconds)
    }

    @Test func negativeOrNaNGapBecomesZero() {
        #expect(SolveOptions(relativeGap: -0.1).glpkSettings.mip_gap == 0)
        #expect(SolveOptions(relativeGap: .nan).glpkSettings.mip_gap == 0)
        #expect(SolveOptions(relativeGap: 0.01).glpkSettings.mip_gap == 0.01)
    }
}
