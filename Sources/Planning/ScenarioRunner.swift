import Foundation
import LinearProgramming
import Matching
import MentorMatchCore

/// Runs a scenario's variants through the matching engine, on all cores.
public struct ScenarioRunner: Sendable {
    public let engine: MatchingEngine

    public init(engine: MatchingEngine) {
        self.engine = engine
    }

    /// Every variant's outcome, in scenario order, with dominance marked.
    ///
    /// Variants run in parallel; each solve stays on one thread from start to end (GLPK's rule), and LEMON's flow
    /// solver keeps no shared state.
    /// - Throws: ``PlanningError/invalidInput(_:)`` with the problems of every variant that has any (sources are
    ///   named `variant 'name' mentors` and so on), else the first variant's matching failure.
    public func run(_ scenario: Scenario) throws(PlanningError) -> [VariantOutcome] {
        let engine = engine
        let results = ConcurrentChunks.map(count: scenario.variants.count) { index -> Result<VariantOutcome, PlanningError> in
            let variant = scenario.variants[index]
            let clock = Date()
            let input = variant.apply(to: scenario.base)
            let label = "variant '\(variant.name)'"
            let sources = SourceMap(
                mentors: RecordSource(name: "\(label) mentors"), mentees: RecordSource(name: "\(label) young people"),
                places: RecordSource(name: "\(label) places"), pairRules: RecordSource(name: "\(label) locks"),
                policy: "\(label) policy"
            )
            do throws(MatchingError) {
                let result = try engine.match(input, policy: variant.policy, sources: sources)
                return .success(VariantOutcome(
                    name: variant.name, input: input, policy: variant.policy, result: result,
                    recruits: variant.addedMentors.count, costModel: scenario.cost, seconds: Date().timeIntervalSince(clock)
                ))
            } catch .invalidInput(let error) {
                return .failure(.invalidInput(error))
            } catch {
                return .failure(.matchingFailed(variant: variant.name, error))
            }
        }
        var outcomes: [VariantOutcome] = []
        var issues: [InputIssue] = []
        var firstFailure: PlanningError?
        for result in results {
            switch result {
            case .success(let outcome): outcomes.append(outcome)
            case .failure(.invalidInput(let error)): issues += error.issues
            case .failure(let error): firstFailure = firstFailure ?? error
            }
        }
        if !issues.isEmpty { throw .invalidInput(InputError(issues: issues)) }
        if let firstFailure { throw firstFailure }
        Dominance.mark(&outcomes)
        return outcomes
    }
}
