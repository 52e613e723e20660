import MentorMatchCore

/// What a run does with each pair meeting now and each earlier suggestion, decided before solving.
///
/// A current pair is *eligible* while its `until` is not before the reference date, both people are in the input,
/// it breaks no hard rule, the coordinator has not forbidden it or locked the young person elsewhere, and the mentor's
/// capacity holds it next to the coordinator's locks (the longest-running pairs first). Other pairs are `ended` or
/// `released`, each with its reason. Under `keep` the eligible pairs are held like locks; under `minimal_change`
/// each eligible pair's arc earns a bonus on a tier of its own (served, then kept pairs, then the rest).
public struct ContinuityPlan: Sendable {
    /// What became of one current pair before solving.
    public enum Standing: Sendable, Hashable {
        case eligible
        /// The pair's `until` is before the reference date.
        case ended(ChangeReason)
        case released(ChangeReason)
    }

    public struct Entry: Sendable, Hashable {
        public var pair: CurrentPair
        public var standing: Standing
    }

    public let mode: ContinuityPolicy.Mode
    public let maxChanges: Int?
    /// One entry per current pair, in input order.
    public let entries: [Entry]
    /// Pair keys (`mentorIndex << 32 | menteeIndex`, sorted input) of the eligible current pairs.
    let eligiblePairs: Set<Int>
    /// Pair keys of the previous suggestions whose people are both in the input.
    let previousPairs: Set<Int>
    /// Pair keys of the coordinator's own locks (under `keep`, the graph also locks the eligible current pairs).
    let coordinatorLocks: Set<Int>

    /// Current pairs held as locks (keep mode): the locks the candidate graph is built with.
    var heldPairRules: [PairRule] {
        guard mode == .keep else { return [] }
        return entries.filter { $0.standing == .eligible }.map {
            PairRule(mentorID: $0.pair.mentorID, menteeID: $0.pair.menteeID, kind: .lock)
        }
    }

    /// Eligible current pairs earn a bonus tier (minimal_change).
    var ranksCurrentPairs: Bool { mode == .minimalChange && !eligiblePairs.isEmpty }
    var ranksPreviousSuggestions: Bool { !previousPairs.isEmpty }
    /// `max_changes` couples every part of the graph (one count over all of them).
    var couplesParts: Bool { ranksCurrentPairs && maxChanges != nil }
    /// The fewest current pairs an answer must keep under `max_changes`.
    var minimumKept: Int? { maxChanges.map { max(0, eligiblePairs.count - $0) } }

    /// Decides every current pair against the rules of the sorted input.
    init(input: MatchingInput, policy: Policy, rules: CompatibilityRules) {
        mode = policy.continuity.mode
        coordinatorLocks = CompatibilityRules.indexPairs(of: .lock, in: input)
        maxChanges = policy.continuity.mode == .minimalChange ? policy.continuity.maxChanges : nil
        // Only for the pairs of earlier months: hashing every id is a national run's tenth of a second.
        let pairsOfEarlierMonths = !input.previousSuggestions.isEmpty || !input.currentPairs.isEmpty
        let (mentorIndex, menteeIndex) = pairsOfEarlierMonths ? (input.mentorIndexByID, input.menteeIndexByID) : ([:], [:])
        previousPairs = Set(input.previousSuggestions.compactMap { pair in
            guard let mentor = mentorIndex[pair.mentorID], let mentee = menteeIndex[pair.menteeID] else { return nil }
            return CompatibilityRules.pairKey(mentorIndex: mentor, menteeIndex: mentee)
        })
        guard mode != .none else {
            entries = input.currentPairs.map {
                Entry(pair: $0, standing: .released(.continuityNone))
            }
            eligiblePairs = []
            return
        }
        let referenceDate = input.referenceDate(policy: policy)
        var lockedMentorOfMentee: [String: String] = [:]
        for rule in input.pairRules where rule.kind == .lock { lockedMentorOfMentee[rule.menteeID] = rule.mentorID }
        // A lock repeated in the file takes one place.
        let placesTaken = Dictionary(grouping: lockedMentorOfMentee.values, by: { $0 }).mapValues(\.count)
        let wording = RuleWording(rules: rules)
        var standings = input.currentPairs.map { pair -> Standing in
            // A pair whose period is over has ended, whether or not its people are still in the files.
            if let until = pair.until, let referenceDate, until < referenceDate {
                return .ended(.periodEnded(until: until, referenceDate: referenceDate))
            }
            guard let mentor = mentorIndex[pair.mentorID] else {
                return .released(.mentorLeft(mentorID: pair.mentorID))
            }
            guard let mentee = menteeIndex[pair.menteeID] else {
                return .released(.menteeLeft(menteeID: pair.menteeID))
            }
            if let lockedMentor = lockedMentorOfMentee[pair.menteeID], lockedMentor != pair.mentorID {
                return .released(.lockedElsewhere(menteeID: pair.menteeID, lockedMentorID: lockedMentor))
            }
            let assessment = rules.assess(mentorIndex: mentor, menteeIndex: mentee)
            guard assessment.isCandidate else {
                return .released(.breaksRules(zip(assessment.failedRules, wording.facts(of: assessment)).map {
                    ChangeReason.BrokenRule(rule: $0, fact: $1)
                }))
            }
            return .eligible
        }
        // A mentor's capacity holds the coordinator's locks first, then the longest-running current pairs.
        let byMentor = Dictionary(grouping: standings.indices.filter { standings[$0] == .eligible }) {
            input.currentPairs[$0].mentorID
        }
        for (mentorID, indices) in byMentor {
            let alreadyLocked = indices.filter { lockedMentorOfMentee[input.currentPairs[$0].menteeID] == mentorID }
            let capacity = mentorIndex[mentorID].map { policy.capacity(of: input.mentors[$0]) } ?? 0
            var room = capacity - placesTaken[mentorID, default: 0] + alreadyLocked.count
            let ordered = indices.sorted { left, right in
                let a = input.currentPairs[left], b = input.currentPairs[right]
                let aLocked = alreadyLocked.contains(left), bLocked = alreadyLocked.contains(right)
                if aLocked != bLocked { return aLocked }
                return (a.since?.daysSinceEpoch ?? Int.min, a.menteeID) < (b.since?.daysSinceEpoch ?? Int.min, b.menteeID)
            }
            for index in ordered {
                if room > 0 {
                    room -= 1
                } else {
                    standings[index] = .released(.capacityFull(mentorID: mentorID, capacity: capacity))
                }
            }
        }
        entries = zip(input.currentPairs, standings).map { Entry(pair: $0, standing: $1) }
        eligiblePairs = Set(entries.compactMap { entry in
            guard entry.standing == .eligible, let mentor = mentorIndex[entry.pair.mentorID],
                let mentee = menteeIndex[entry.pair.menteeID]
            else { return nil }
            return CompatibilityRules.pairKey(mentorIndex: mentor, menteeIndex: mentee)
        })
    }

    /// Whether a candidate is an eligible current pair.
    func isCurrent(_ candidate: Candidate) -> Bool {
        !eligiblePairs.isEmpty
            && eligiblePairs.contains(CompatibilityRules.pairKey(mentorIndex: candidate.mentorIndex, menteeIndex: candidate.menteeIndex))
    }

    /// Whether the coordinator locked a candidate (rather than `keep` holding it as a current pair).
    func isCoordinatorLock(_ candidate: Candidate) -> Bool {
        candidate.isLocked && !coordinatorLocks.isEmpty
            && coordinatorLocks.contains(CompatibilityRules.pairKey(mentorIndex: candidate.mentorIndex, menteeIndex: candidate.menteeIndex))
    }

    /// Whether a candidate was suggested by the previous run.
    func isPrevious(_ candidate: Candidate) -> Bool {
        !previousPairs.isEmpty
            && previousPairs.contains(CompatibilityRules.pairKey(mentorIndex: candidate.mentorIndex, menteeIndex: candidate.menteeIndex))
    }
}
