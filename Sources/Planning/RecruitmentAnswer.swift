import Foundation
import LinearProgramming
import Matching
import MentorMatchCore
import NetworkFlow

/// Everything the recruitment question answers: the recommended recruits, the curve of served against recruits,
/// each profile's marginal value, and the engine's re-match of the recommendation.
public struct RecruitmentAnswer: Sendable, Encodable {
    public var profiles: [RecruitProfile]
    /// The best plan for 0, 1, 2, … recruits.
    public var curve: [RecruitmentPlan]
    /// The fewest recruits reaching the target, or without a target the best plan at the largest number.
    public var recommended: RecruitmentPlan
    public var target: CoverageTarget?
    /// Young people who fit a current mentor or some profile; the others no recruit of these kinds can serve.
    public var reachable: Int
    public var mentees: Int
    public var marginalValues: [MarginalValue]
    /// Young people served when the real matching engine matches current mentors plus the recommended recruits.
    public var rematchedServed: Int
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case profiles, curve, recommended, target, reachable, mentees, seconds
        case marginalValues = "marginal_values"
        case rematchedServed = "rematched_served"
    }

    /// Sentences such as "recruit 2 in Suntaži with intellectual-disability training speaking lv".
    public var recommendationLines: [String] {
        profiles.indices.filter { recommended.recruits[$0] > 0 }.map { index in
            "recruit \(recommended.recruits[index]) \(profiles[index].summary), serving "
                + "\(recommended.servedByProfile[index].count)"
        }
    }
}

extension RecruitmentProgramme {
    /// Answers the recruitment question: with a target, the fewest recruits reaching it and the curve up to that
    /// number (or `maxRecruits`, if larger); without, the curve up to `maxRecruits` and its last plan.
    /// The recommendation is re-matched with `engine` as proof.
    public func answer(
        maxRecruits: Int?, target: CoverageTarget?, engine: MatchingEngine
    ) throws(PlanningError) -> RecruitmentAnswer {
        let clock = Date()
        // One search for all three questions: what its flows teach about the components serves each.
        var search = search
        var recommended: RecruitmentPlan?
        if let target { recommended = try fewestRecruits(for: target, &search) }
        let limit = max(maxRecruits ?? 0, recommended?.totalRecruits ?? 0)
        let curve = try curve(upTo: limit, &search)
        let chosen = recommended ?? curve.last!
        return RecruitmentAnswer(
            profiles: profiles, curve: curve, recommended: chosen, target: target,
            reachable: reachable.count(where: { $0 }), mentees: input.mentees.count,
            marginalValues: try marginalValues(&search), rematchedServed: try rematch(chosen, engine: engine).summary.served,
            seconds: Date().timeIntervalSince(clock)
        )
    }

    /// Current mentors plus the plan's recruits (ids `R1`, `R2`, … per profile), as the engine would see them.
    public func inputWithRecruits(_ plan: RecruitmentPlan) -> MatchingInput {
        var augmented = input
        for (index, count) in plan.recruits.enumerated() {
            augmented.mentors += profiles[index].recruits(count: count, idPrefix: "recruit-\(index + 1)-")
        }
        return augmented
    }

    /// Matches current mentors plus the plan's recruits with the real engine, under the policy without its side
    /// constraints, as the programme models it.
    public func rematch(_ plan: RecruitmentPlan, engine: MatchingEngine) throws(PlanningError) -> MatchingResult {
        var policy = policy
        policy.sideConstraints = SideConstraints()
        do {
            return try engine.match(inputWithRecruits(plan), policy: policy)
        } catch {
            throw .matchingFailed(variant: "current mentors with the recommended recruits", error)
        }
    }
}

/// Which applicants to accept, and why the others are not.
public struct ApplicantSelection: Sendable, Encodable {
    public struct Decision: Sendable, Hashable, Encodable {
        public var applicantID: String
        public var place: String
        public var livesRemote: Bool
        public var isExperienced: Bool
        public var accepted: Bool
        /// Young people the applicant serves in the plan.
        public var serves: [String]
        /// Why the applicant is or is not accepted: a requirement not met, others serving more, or what the seat buys.
        public var reason: String

        enum CodingKeys: String, CodingKey {
            case place, accepted, serves, reason
            case applicantID = "applicant_id"
            case livesRemote = "lives_remote"
            case isExperienced = "experienced"
        }
    }

    public var decisions: [Decision]
    /// The eligible applicants, as profiles of one person each, in the plan's order.
    public var profiles: [RecruitProfile]
    public var plan: RecruitmentPlan
    /// Served with the best 0, 1, 2, … of the eligible applicants.
    public var curve: [RecruitmentPlan]
    public var rematchedServed: Int
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case decisions, profiles, plan, curve, seconds
        case rematchedServed = "rematched_served"
    }
}

extension RecruitmentProgramme {
    /// Screens applicants against the mentor requirements, then accepts `accept` of the eligible ones (see
    /// ``selectApplicants(accept:)``), with the curve for 0…`accept` and the engine's re-match as proof.
    public static func selectApplicants(
        _ applicants: [Applicant], accept: Int, input: MatchingInput, policy: Policy,
        solver: any LinearProgramSolver, flowSolver: any MinCostFlowSolver, engine: MatchingEngine
    ) throws(PlanningError) -> ApplicantSelection {
        let clock = Date()
        let eligible = applicants.filter { $0.ineligibility(under: policy) == nil }
        let programme = RecruitmentProgramme(input: input, policy: policy, profiles: eligible.map(\.profile), solver: solver,
            flowSolver: flowSolver)
        let plan = try programme.selectApplicants(accept: accept)
        let curve = try programme.curve(upTo: min(accept, eligible.count))
        let remotePlaces = Set(input.places.filter(\.isRemote).map(\.name))
        var decisions: [ApplicantSelection.Decision] = []
        for applicant in applicants {
            let index = eligible.firstIndex(of: applicant)
            let accepted = index.map { plan.recruits[$0] > 0 } ?? false
            let serves = index.map { plan.servedByProfile[$0] } ?? []
            let reason = applicant.ineligibility(under: policy)
                ?? (!accepted ? "others serve more young people (or more from remote places) with the seats available"
                    : serves.isEmpty ? "fills a seat (remote parishes first, then experience); current mentors serve the rest"
                    : "serves \(serves.count) in the plan")
            decisions.append(ApplicantSelection.Decision(
                applicantID: applicant.mentor.id, place: applicant.mentor.location.place,
                livesRemote: remotePlaces.contains(applicant.mentor.location.place), isExperienced: applicant.isExperienced,
                accepted: accepted, serves: serves, reason: reason
            ))
        }
        return ApplicantSelection(
            decisions: decisions, profiles: programme.profiles, plan: plan, curve: curve,
            rematchedServed: try programme.rematch(plan, engine: engine).summary.served,
            seconds: Date().timeIntervalSince(clock)
        )
    }
}
