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
    /// `candidatesOfMentee[j]` lists indices into `candidates`: a range, as candidates are ordered by mentee.
    public let candidatesOfMentee: CandidateLists
    /// `candidatesOfMentor[m]` lists indices into `candidates`, in mentee order.
    public let candidatesOfMentor: CandidateLists

    /// Builds the graph from the mentors near each young person, on all cores.
    ///
    /// Spatial grids of the mentors' points, one per band of travel limits, yield the mentors who could be in
    /// range; the cheap rules (age, gender, language, specialisation, a latitude bound) go before
    /// the distance and the weekly windows. The result equals checking every mentor against every young person.
    /// - Complexity: O(mentees × mentors nearby) rule checks.
    public init(rules: CompatibilityRules) {
        self.init(rules: rules, scorer: IndexedFitScorer(input: rules.input, policy: rules.policy))
    }

    /// ``init(rules:)`` with the fit scorer of the rules' people and policy made beforehand (beside the rules, on
    /// another core).
    init(rules: CompatibilityRules, scorer: IndexedFitScorer) {
        self.rules = rules
        let input = rules.input
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
        // Young people in order of where they live: the mentors near one are still in cache for the next, and
        // neighbours at the same point share one lookup of nearby mentors.
        let order = Self.spatialOrder(rules.menteePoints)
        let chunkCount = min(menteeCount, ProcessInfo.processInfo.activeProcessorCount * 8)
        var chunks = ConcurrentChunks.map(count: chunkCount) { chunk -> (found: [Candidate], counts: [Int]) in
            var found: [Candidate] = []
            let slice = order[(chunk * menteeCount / chunkCount)..<((chunk + 1) * menteeCount / chunkCount)]
            var counts: [Int] = []
            counts.reserveCapacity(slice.count)
            var nearby: [Int] = []
            var nearbyPoint: Coordinate?
            for menteeIndex in slice {
                let point = rules.menteePoints[menteeIndex]
                if point != nearbyPoint {
                    nearby.removeAll(keepingCapacity: true)
                    for band in grids { band.grid.forEachIndex(near: point) { nearby.append(band.members[$0]) } }
                    nearby.sort()
                    nearbyPoint = point
                }
                let before = found.count
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
                counts.append(found.count - before)
            }
            return (found, counts)
        }
        // Each young person's candidates put at their place in mentee order; each chunk freed once copied, so that
        // the candidates are not held twice.
        var starts = [Int](repeating: 0, count: menteeCount + 1)
        for chunk in chunks.indices {
            let first = chunk * menteeCount / chunkCount
            for (offset, count) in chunks[chunk].counts.enumerated() { starts[order[first + offset] + 1] = count }
        }
        for menteeIndex in 0..<menteeCount { starts[menteeIndex + 1] += starts[menteeIndex] }
        let candidates = [Candidate](unsafeUninitializedCapacity: starts[menteeCount]) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            for chunk in chunks.indices {
                let first = chunk * menteeCount / chunkCount
                var position = 0
                chunks[chunk].found.withUnsafeBufferPointer { found in
                    for (offset, count) in chunks[chunk].counts.enumerated() {
                        let start = starts[order[first + offset]]
                        for index in 0..<count { (base + start + index).initialize(to: found[position + index]) }
                        position += count
                    }
                }
                chunks[chunk] = ([], [])
            }
            initialized = starts[menteeCount]
        }
        self.candidates = candidates
        candidatesOfMentee = CandidateLists(ranges: starts)
        candidatesOfMentor = CandidateLists(grouping: candidates.lazy.map(\.mentorIndex), count: input.mentors.count)
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

    /// The indices of `points` by cells of about 10 km, row by row, then by index within a cell.
    static func spatialOrder(_ points: [Coordinate]) -> [Int] {
        let cells = points.map { point in
            (row: Int(rounding: point.latitude * 10, .down, clampedTo: Int(Int32.min)...Int(Int32.max)) ?? 0,
             column: Int(rounding: point.longitude * 5, .down, clampedTo: Int(Int32.min)...Int(Int32.max)) ?? 0)
        }
        return points.indices.sorted { (cells[$0].row, cells[$0].column, $0) < (cells[$1].row, cells[$1].column, $1) }
    }

    /// Travel limits in bands of 5 km (limits vary per mentor, most between 10 and 40 km).
    static func travelBand(_ limitKm: Double) -> Int { Int(rounding: limitKm / 5, .up, clampedTo: 0...Int.max) ?? 0 }

    /// A mentor's capacity under the policy.
    public func capacity(mentorIndex: Int) -> Int {
        rules.policy.capacity(of: rules.input.mentors[mentorIndex])
    }
}

/// The candidates of each person, as indices into ``CandidateGraph/candidates``, in one flat array rather than an
/// array per person: a national graph holds millions of candidates.
public struct CandidateLists: RandomAccessCollection, Sendable {
    /// Person p's list is at positions `starts[p]..<starts[p + 1]` of `members`.
    private let starts: [Int]
    /// `nil` where each list is the range of its positions itself.
    private let members: [UInt32]?

    /// The lists of people whose candidates are consecutive: person p's are `starts[p]..<starts[p + 1]`.
    init(ranges starts: [Int]) {
        self.starts = starts
        members = nil
    }

    /// The lists of each candidate's person `owners[c]`, each in candidate order.
    init(grouping owners: some Collection<Int>, count: Int) {
        let starts = Self.starts(counting: owners, count: count)
        var next = starts
        // Indices of candidates held in memory fit in 32 bits.
        var members = [UInt32](repeating: 0, count: owners.count)
        for (candidate, owner) in owners.enumerated() {
            members[next[owner]] = UInt32(truncatingIfNeeded: candidate)
            next[owner] += 1
        }
        self.starts = starts
        self.members = members
    }

    private static func starts(counting owners: some Collection<Int>, count: Int) -> [Int] {
        var starts = [Int](repeating: 0, count: count + 1)
        for owner in owners { starts[owner + 1] += 1 }
        for person in 0..<count { starts[person + 1] += starts[person] }
        return starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(person: Int) -> CandidateIndices {
        CandidateIndices(positions: starts[person]..<starts[person + 1], members: members)
    }
}

/// One person's candidates in ``CandidateLists``.
public struct CandidateIndices: RandomAccessCollection, Sendable {
    private let positions: Range<Int>
    private let members: [UInt32]?

    fileprivate init(positions: Range<Int>, members: [UInt32]?) {
        self.positions = positions
        self.members = members
    }

    public var startIndex: Int { positions.lowerBound }
    public var endIndex: Int { positions.upperBound }

    public subscript(position: Int) -> Int {
        guard let members else { return position }
        return Int(members[position])
    }
}
