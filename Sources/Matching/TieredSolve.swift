import Foundation
import LinearProgramming
import MentorMatchCore

/// The optimum of each tier, as integers.
public struct TierValues: Sendable, Hashable, Codable, Comparable {
    public var served: Int
    public var remoteServed: Int
    public var mentorsUsed: Int
    public var fitPoints: Int

    public init(served: Int, remoteServed: Int, mentorsUsed: Int, fitPoints: Int) {
        self.served = served
        self.remoteServed = remoteServed
        self.mentorsUsed = mentorsUsed
        self.fitPoints = fitPoints
    }

    public static func < (lhs: TierValues, rhs: TierValues) -> Bool {
        (lhs.served, lhs.remoteServed, lhs.mentorsUsed, lhs.fitPoints)
            < (rhs.served, rhs.remoteServed, rhs.mentorsUsed, rhs.fitPoints)
    }

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case fitPoints = "fit_points"
        case mentorsUsed = "mentors_used"
        case remoteServed = "remote_served"
        case served
    }
}

/// Weights that separate the tiers over the whole graph, and so over any part of it: flows weighted with them add up
/// across parts to the whole network's objective.
struct TierScales {
    /// R + 1, R the remote young people with a candidate: one more young person served outweighs every remote one.
    let served: Int64
    /// F + 1, F the largest possible fit total: one more mentor used outweighs every fit point.
    let mentorsUsed: Int64
    /// U + 1, U the mentors with a candidate: one more current pair kept outweighs every mentor used.
    let keptCurrentOverMentors: Int64
    /// (P + 1)(F + 1), P the previous suggestions: one more current pair kept outweighs every previous suggestion
    /// and fit point together; a previous suggestion kept weighs F + 1 (`mentorsUsed`), more than every fit point.
    let keptCurrentOverPrevious: Int64

    init(graph: CandidateGraph, previousSuggestions: Int = 0) {
        let remote = graph.candidatesOfMentee.indices.count {
            !graph.candidatesOfMentee[$0].isEmpty && graph.rules.isRemote(menteeIndex: $0)
        }
        served = Int64(remote + 1)
        mentorsUsed = Int64(graph.largestFitTotal + 1)
        keptCurrentOverMentors = Int64(graph.candidatesOfMentor.count { !$0.isEmpty } + 1)
        keptCurrentOverPrevious = Int64(previousSuggestions + 1) * mentorsUsed
    }
}

/// One solver call of a run.
public struct SolveStep: Sendable, Hashable, Codable {
    /// The tier maximised (`weighted` for a single weighted solve).
    public var objective: String
    public var termination: TerminationReason
    public var objectiveValue: Double?
    public var bound: Double?
    public var seconds: Double

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case bound
        case objective
        case objectiveValue = "objective_value"
        case seconds
        case termination
    }
}

/// What the solver did and proved.
public struct SolverReport: Sendable, Hashable, Codable {
    public var solver: String
    public var method: ObjectivePolicy.Method
    /// `optimal` when every step was proven optimal; else the first other reason.
    public var status: TerminationReason
    /// The objective of the last step (the fit tier under lexicographic).
    public var objective: Double
    /// The best bound of the last step; equal to `objective` when optimal.
    public var bound: Double
    public var isMixedInteger: Bool
    public var variables: Int
    public var constraints: Int
    public var nonZeros: Int
    public var steps: [SolveStep]

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case bound
        case constraints
        case method
        case isMixedInteger = "mixed_integer"
        case nonZeros = "non_zeros"
        case objective
        case solver
        case status
        case steps
        case variables
    }
}

/// Runs the matching programme under the policy's objective: tier by tier (lexicographic) or as one weighted sum.
struct TieredSolve {
    let solver: any LinearProgramSolver
    let timeLimitSeconds: Double

    struct Outcome {
        var values: [Double]
        var report: SolverReport
    }

    func run(_ model: MatchingProgram, fitPoints: [Int], objective: ObjectivePolicy) throws(MatchingError) -> Outcome {
        var model = model
        let started = Date()
        var steps: [SolveStep] = []
        var lastSolution: Solution?

        func solveStep(_ name: String, _ weights: [ObjectiveTier: Double]) throws(MatchingError) -> Solution {
            model.setObjective(weights, fitPoints: fitPoints)
            let remaining = timeLimitSeconds - Date().timeIntervalSince(started)
            let stepStart = Date()
            let solution: Solution
            do {
                solution = try solver.solve(model.program, options: SolveOptions(timeLimitSeconds: max(remaining, 0.001)))
            } catch {
                throw .solverFailed(error.description)
            }
            steps.append(
                SolveStep(
                    objective: name, termination: solution.termination, objectiveValue: solution.objectiveValue,
                    bound: solution.bestBound, seconds: Date().timeIntervalSince(stepStart)
                )
            )
            if solution.termination == .optimal || (solution.termination == .timeLimit && solution.hasFeasiblePoint) {
                return solution
            }
            if solution.termination == .infeasible { throw .sideConstraintsUnmet }
            throw .solverFailed("\(solver.name) stopped with status \(solution.termination.rawValue) while maximising \(name)")
        }

        switch objective.method {
        case .lexicographic:
            for tier in model.tiers {
                let solution = try solveStep(tier.rawValue, [tier: 1])
                lastSolution = solution
                // The fit tier is last and has no arc to hold; a step short of optimal ends the run with its point.
                guard solution.termination == .optimal, let tierTotal = model.variable(of: tier) else { break }
                // Integral optimum: round away the solver's tolerance so the next step holds exactly this value.
                model.hold(tierTotal, atLeast: (solution.objectiveValue ?? 0).rounded())
            }
        case .weighted:
            let weights = objective.tierWeights
            lastSolution = try solveStep(
                "weighted",
                [.served: weights.served, .remoteServed: weights.remoteServed, .mentorsUsed: weights.mentorsUsed, .fit: weights.fit / Double(FitScore.pointsPerUnit)]
            )
        }
        guard let final = lastSolution else { throw .solverFailed("\(solver.name) was given no objective to solve") }
        let status = steps.first(where: { $0.termination != .optimal })?.termination ?? .optimal
        let report = SolverReport(
            solver: solver.name, method: objective.method, status: status,
            objective: final.objectiveValue ?? 0, bound: final.bestBound ?? final.objectiveValue ?? 0,
            isMixedInteger: model.isMixedInteger, variables: model.program.variables.count,
            constraints: model.program.constraints.count, nonZeros: model.program.nonZeroCount, steps: steps
        )
        return Outcome(values: final.values, report: report)
    }
}
