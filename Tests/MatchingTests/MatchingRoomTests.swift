import GLPKBackend
import LEMONBackend
import Matching
import MentorMatchCore
import MentorMatchTestSupport
import Testing

/// `schedule.matching_needs_room`: the matching gives a mentor no more young people than their weekly windows can
/// hold sessions for.
struct MatchingRoomTests {
    /// One mentor (capacity 3) with a two-hour Monday window; three young people who share it.
    private let input = MatchingInput(
        mentors: [People.mentor("m1", capacity: 3)], mentees: ["y1", "y2", "y3"].map { People.mentee($0) }, places: People.places
    )

    @Test("off by default: capacity alone counts")
    func offByDefault() throws {
        let result = try MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex()).match(input, policy: Policy())
        #expect(result.pairs.count == 3)
    }

    /// Two 60-minute sessions fit each Monday: 8 in four weeks, room for two pairs at four sessions a month, for one
    /// pair at eight.
    @Test("on: no more pairs than the windows have room for, and the independent checker agrees",
          arguments: [(4, 2), (8, 1), (2, 3)] as [(Int, Int)])
    func limitedByRoom(sessionsPerMonth: Int, pairs: Int) throws {
        var policy = Policy()
        policy.schedule.matchingNeedsRoom = true
        policy.schedule.sessionsPerMonth = sessionsPerMonth
        let result = try MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex()).match(input, policy: policy)
        #expect(result.pairs.count == pairs)
        #expect(SolutionChecker(input: input, policy: policy).violations(of: result).isEmpty)
    }
}
