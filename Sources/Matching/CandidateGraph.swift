import Foundation
import MentorMatchCore

/// A pair that satisfies every hard rule, with its distance and fit points.
///
/// 24 bytes: a graph holds millions. The fit's parts are scored again (``CandidateGraph/fit(of:)``) for the few
/// pairs and alternatives that are written.
public struct Candidate: Sendable, Hashable {
    private let mentor: UInt32
    private let mentee: UInt32
    public let distanceKm: Double
    private let points: Int32
    /// The coordinator locked this pair.
    public let isLocked: Bool

    public var mentorIndex: Int { Int(mentor) }
    public var menteeIndex: Int { Int(mentee) }
    /// ``FitScore/points``: the integer the optimiser maximises.
    public var fitPoints: Int { Int(points) }

    init(mentorIndex: Int, menteeIndex: Int, distanceKm: Double, fitPoints: Int, isLocked: Bool) {
        // Indices of people held in memory, and points in 0…1000, fit easily.
        mentor = UInt32(truncatingIfNeeded: mentorIndex)
        mentee = UInt32(truncatingIfNeeded: menteeIndex)
        self.distanceKm = distanceKm
        points = Int32(truncatingIfNeeded: fitPoints)
        self.isLocked = isLocked
    }
}

/// All candidate pairs of an input under a policy, grouped by mentee.
///
/// Mentors and mentees are addressed by their index in the input; the engine sorts the input by id first, so the
/// graph — and everything solved from it — does not depend on the order of rows in the files.
public struct CandidateGraph: Sendable {
    /// Only the policy's side constraints change after the graph is built (`withSideConstraints`): nothing the
    /// candidates or their fit depend on.
    public internal(set) var rules: CompatibilityRules
    let scorer: IndexedFitScorer
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
        let scorer = IndexedFitScorer(input: input, policy: rules.policy)
        self.scorer = scorer
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
                        mentorIndex: mentorIndex, menteeIndex: menteeIndex, distanceKm: distance,
                        travelLimitKm: rules.travelLimitKm(mentorIndex: mentorIndex)
                    )
                    found.append(
                        Candidate(
                            mentorIndex: mentorIndex, menteeIndex: menteeIndex, distanceKm: distance, fitPoints: fit.points,
                            isLocked: !locked.isEmpty
                                && locked.contains(CompatibilityRules.pairKey(mentorIndex: mentorIndex, menteeIndex: menteeIndex))
                        )
                    )
                }
            }
            return found
        }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { candidates += chunk }
        // Counted first, so that every list is allocated once at its size.
        var menteeCounts = [Int](repeating: 0, count: menteeCount)
        var mentorCounts = [Int](repeating: 0, count: input.mentors.count)
        for candidate in candidates {
            menteeCounts[candidate.menteeIndex] += 1
            mentorCounts[candidate.mentorIndex] += 1
        }
        var ofMentee = menteeCounts.map { count -> [Int] in
            var list: [Int] = []
            list.reserveCapacity(count)
            return list
        }
        var ofMentor = mentorCounts.map { count -> [Int] in
            var list: [Int] = []
            list.reserveCapacity(count)
            return list
        }
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
            total + (candidates.map { self.candidates[$0].fitPoints }.max() ?? 0)
        }
    }

    /// The candidate's fit with every part, scored again from the input (equal to the points it was built with).
    public func fit(of candidate: Candidate) -> FitScore {
        scorer.score(
            mentorIndex: candidate.mentorIndex, menteeIndex: candidate.menteeIndex, distanceKm: candidate.distanceKm,
            travelLimitKm: rules.travelLimitKm(mentorIndex: candidate.mentorIndex)
        )
    }

    /// Travel limits in bands of 5 km (limits vary per mentor, most between 10 and 40 km).
    static func travelBand(_ limitKm: Double) -> Int { Int(rounding: limitKm / 5, .up, clampedTo: 0...Int.max) ?? 0 }

    /// A mentor's capacity under the policy.
    public func capacity(mentorIndex: Int) -> Int {
        rules.policy.capacity(of: rules.input.mentors[mentorIndex])
    }
}
