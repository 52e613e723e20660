import GLPKBackend
import LEMONBackend
import Matching
import MentorMatchCore
import MentorMatchTestSupport
import Planning

/// Small recruitment instances from the matching's random instances: the first mentors stay, the others become
/// profiles with 0–2 available and a whole-euro cost. Side constraints are dropped (the programme leaves them out).
struct RecruitmentInstance {
    var input: MatchingInput
    var policy: Policy
    var profiles: [RecruitProfile]

    static let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex())

    init(seed: UInt64) {
        let instance = RandomInstance.small(seed: seed)
        var random = SplitMix64(seed: seed ^ 0xA5A5)
        policy = instance.policy
        policy.sideConstraints = SideConstraints()
        input = instance.input
        let kept = (input.mentors.count + 1) / 2
        profiles = input.mentors.dropFirst(kept).prefix(3).map { mentor in
            RecruitProfile(mentor: mentor, available: random.int(in: 0...2), cost: Double(random.int(in: 0...3)))
        }
        input.mentors = Array(input.mentors.prefix(kept))
        let keptIDs = Set(input.mentors.map(\.id))
        input.pairRules.removeAll { !keptIDs.contains($0.mentorID) }
    }

    var programme: RecruitmentProgramme {
        RecruitmentProgramme(input: input, policy: policy, profiles: profiles, solver: GLPKSolver(),
            flowSolver: LEMONNetworkSimplex())
    }

    /// Every choice of recruits within availability.
    var choices: [[Int]] {
        profiles.reduce([[]]) { partial, profile in
            partial.flatMap { prefix in (0...(profile.available ?? 0)).map { prefix + [$0] } }
        }
    }

    /// Served and served from remote places when the real engine matches current mentors plus these recruits.
    func matched(_ recruits: [Int]) throws -> (served: Int, remote: Int) {
        var augmented = input
        for (index, count) in recruits.enumerated() {
            augmented.mentors += profiles[index].recruits(count: count, idPrefix: "r\(index)-")
        }
        let summary = try Self.engine.match(augmented, policy: policy).summary
        return (summary.served, summary.servedRemote)
    }

    func cost(_ recruits: [Int]) -> Double {
        zip(recruits, profiles).reduce(0) { $0 + Double($1.0) * ($1.1.cost ?? 0) }
    }
}
