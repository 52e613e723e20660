import Foundation
import MentorMatchCore

/// A pair that satisfies every hard rule, with its distance and fit.
public struct Candidate: Sendable, Hashable {
    public var mentorIndex: Int
    public var menteeIndex: Int
    public var distanceKm: Double
    public var fit: FitScore
    /// The coordinator locked this pair.
    public var isLocked: Bool
}

/// All candidate pairs of an input under a policy, grouped by mentee.
///
/// Mentors and mentees are addressed by their index in the input; the engine sorts the input by id first, so the
/// graph — and everything solved from it — does not depend on the order of rows in the files.
public struct CandidateGraph: Sendable {
    public internal(set) var rules: CompatibilityRules
    /// Every candidate, ordered by mentee, then mentor.
    public let candidates: [Candidate]
    /// `candidatesOfMentee[j]` lists indices into `candidates`.
    public let candidatesOfMentee: [[Int]]
    /// `candidatesOfMentor[m]` lists indices into `candidates`.
    public let candidatesOfMentor: [[Int]]

    /// Builds the graph from the mentors near each young person, on all cores.
    ///
    /// Spatial grids of the mentors' points, one per band of travel limits, yield the mentors who could be in
    /// range; the cheap rules (age, gender, language, specialisation, a latitude bound) go before
    /// the distance and the weekly windows. The result equals checking every mentor against every young person.
    /// - Complexity: O(mentees × mentors nearby) rule checks.
    public init(rules: CompatibilityRules) {
        self.rules = rules
        let input = rules.input
        let scorer = FitScorer(input: input, policy: rules.policy)
        let locked = CompatibilityRules.indexPairs(of: .lock, in: input)
        // One grid per band of travel limits, with cells as wide as the band's largest limit: a young person is
        // looked up against nearby mentors who could reach them, not against everyone within the longest reach.
        let bands = Dictionary(grouping: input.mentors.indices) { Self.travelBand(rules.travelLimitKm(mentorIndex: $0)) }
        let grids = bands.keys.sorted().map { band in
            let members = bands[band]!
            return (members: members, grid: SpatialGrid(points: members.map { rules.mentorPoints[$0] },
                                                         radiusKm: members.map { rules.travelLimitKm(mentorIndex: $0) }.max()!))
        }
        let menteeCount = input.mentees.count
        let chunkCount = min(menteeCount, ProcessInfo.processInfo.activeProcessorCount * 8)
        let chunks = ConcurrentChunks.map(count: chunkCount) { chunk -> [Candidate] in
            var found: [Candidate] = []
            var nearby: [Int] = []
            for menteeIndex in (chunk * menteeCount / chunkCount)..<((chunk + 1) * menteeCount / chunkCount) {
                nearby.removeAll(keepingCapacity: true)
                for band in grids {
                    band.grid.forEachIndex(near: rules.menteePoints[menteeIndex]) { nearby.append(band.members[$0]) }
                }
                nearby.sort()
                for mentorIndex in nearby {
                    guard let distance = rules.candidateDistance(mentorIndex: mentorIndex, menteeIndex: menteeIndex)
                    else { continue }
                    let fit = scorer.score(
                        mentor: input.mentors[mentorIndex], mentee: input.mentees[menteeIndex], distanceKm: distance,
                        travelLimitKm: rules.travelLimitKm(mentorIndex: mentorIndex)
                    )
                    found.append(
                        Candidate(
                            mentorIndex: mentorIndex, menteeIndex: menteeIndex, distanceKm: distance, fit: fit,
                            isLocked: !locked.isEmpty
                                && locked.contains(CompatibilityRules.pairKey(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
                        )
                    )
                }
            }
            return found
        }
        let candidates = Array(chunks.joined())
        var ofMentee = [[Int]](repeating: [], count: menteeCount)
        var ofMentor = [[Int]](repeating: [], count: input.mentors.count)
        for (index, candidate) in candidates.enumerated() {
            ofMentee[candidate.menteeIndex].append(index)
            ofMentor[candidate.mentorIndex].append(index)
        }
        self.candidates = candidates
        candidatesOfMentee = ofMentee
        candidatesOfMentor = ofMentor
    }

    /// The sum over young people of their best candidate's fit points: the most the fit tier can reach.
    public var largestFitTotal: Int {
        candidatesOfMentee.reduce(0) { total, candidates in
            total + (candidates.map { self.candidates[$0].fit.points }.max() ?? 0)
        }
    }

    /// Travel limits in bands of 5 km (limits vary per mentor, most between 10 and 40 km).
    static func travelBand(_ limitKm: Double) -> Int { Int((limitKm / 5).rounded(.up)) }

    /// A mentor's capacity under the policy.
    public func capacity(mentorIndex: Int) -> Int {
        rules.policy.capacity(of: rules.input.mentors[mentorIndex])
    }
}
