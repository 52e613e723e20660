import MentorMatchCore

/// Compares a result with the pairs meeting now: `changes.csv` and the continuity counts.
struct ContinuityReport {
    let graph: CandidateGraph
    let continuity: ContinuityPlan

    /// One change per current pair (kept, ended, released, broken, moved) and one per new pair, sorted by mentor id,
    /// then mentee id.
    func changes(chosen: [Int], mentorOfMentee: [Int?]) -> ([PairChange], ContinuitySummary) {
        let input = graph.rules.input
        var summary = ContinuitySummary(mode: continuity.mode.rawValue)
        summary.currentPairs = continuity.entries.count
        summary.previousSuggestions = input.previousSuggestions.count
        summary.previousKept = chosen.count { continuity.isPrevious(graph.candidates[$0]) }
        let menteeIndex = Dictionary(input.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func mentorID(ofMentee id: String) -> String? {
            menteeIndex[id].flatMap { mentorOfMentee[$0] }.map { input.mentors[graph.candidates[$0].mentorIndex].id }
        }
        var changes: [PairChange] = []
        var currentMentorOfMentee: [String: (mentorID: String, change: PairChange.Kind)] = [:]
        for entry in continuity.entries {
            let pair = entry.pair
            let change: PairChange.Kind
            let reason: String
            switch entry.standing {
            case .ended(let why): (change, reason) = (.ended, why)
            case .released(let why):
                // Under `none` nothing is held, but a pair the run makes again still goes on meeting.
                if continuity.mode == .none, mentorID(ofMentee: pair.menteeID) == pair.mentorID {
                    (change, reason) = (.kept, "matched again (continuity none: current pairs are not held)")
                } else {
                    (change, reason) = (.released, why)
                }
            case .eligible:
                let assigned = mentorID(ofMentee: pair.menteeID)
                if assigned == pair.mentorID {
                    (change, reason) = (.kept, continuity.mode == .keep ? "kept as it is (continuity keep)" : "kept")
                } else {
                    // Served is ranked above kept pairs, and the run is optimal: fewer breaks would serve fewer.
                    let why = "no answer serving as many young people keeps more current pairs"
                        + (continuity.maxChanges.map { " (at most \($0) may be broken)" } ?? "")
                    if let assigned {
                        (change, reason) = (.moved, "\(pair.menteeID) now meets \(assigned): \(why)")
                    } else {
                        (change, reason) = (.broken, "\(pair.menteeID) is left without a mentor: \(why)")
                    }
                }
            }
            currentMentorOfMentee[pair.menteeID] = (pair.mentorID, change)
            changes.append(PairChange(mentorID: pair.mentorID, menteeID: pair.menteeID, change: change, reason: reason))
        }
        for candidateIndex in chosen {
            let candidate = graph.candidates[candidateIndex]
            let mentor = input.mentors[candidate.mentorIndex].id
            let mentee = input.mentees[candidate.menteeIndex].id
            let earlier = currentMentorOfMentee[mentee]
            if let earlier, earlier.mentorID == mentor, earlier.change == .kept { continue }
            guard !continuity.entries.isEmpty else { break }
            let reason = earlier.map { earlier in
                earlier.mentorID == mentor
                    ? "matched again after the current pair was \(earlier.change.rawValue)"
                    : "after the current pair with \(earlier.mentorID) was \(earlier.change.rawValue)"
            } ?? "not in a current pair"
            changes.append(PairChange(mentorID: mentor, menteeID: mentee, change: .new, reason: reason))
        }
        for change in changes {
            switch change.change {
            case .kept: summary.kept += 1
            case .new: summary.new += 1
            case .ended: summary.ended += 1
            case .released: summary.released += 1
            case .broken: summary.broken += 1
            case .moved: summary.moved += 1
            }
        }
        changes.sort { ($0.mentorID, $0.menteeID, $0.change.rawValue) < ($1.mentorID, $1.menteeID, $1.change.rawValue) }
        return (changes, summary)
    }
}
