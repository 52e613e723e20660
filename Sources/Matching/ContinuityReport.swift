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
        let menteeIndex = continuity.entries.isEmpty ? [:] : input.menteeIndexByID
        func mentorID(ofMentee id: String) -> String? {
            menteeIndex[id].flatMap { mentorOfMentee[$0] }.map { input.mentors[graph.candidates[$0].mentorIndex].id }
        }
        var changes: [PairChange] = []
        var currentMentorOfMentee: [String: (mentorID: String, change: PairChange.Kind)] = [:]
        for entry in continuity.entries {
            let pair = entry.pair
            let change: PairChange.Kind
            let reason: ChangeReason
            switch entry.standing {
            case .ended(let why): (change, reason) = (.ended, why)
            case .released(let why):
                // Under `none` nothing is held, but a pair the run makes again still goes on meeting.
                if continuity.mode == .none, mentorID(ofMentee: pair.menteeID) == pair.mentorID {
                    (change, reason) = (.kept, .matchedAgainUnheld)
                } else {
                    (change, reason) = (.released, why)
                }
            case .eligible:
                let assigned = mentorID(ofMentee: pair.menteeID)
                if assigned == pair.mentorID {
                    (change, reason) = (.kept, .kept(underKeep: continuity.mode == .keep))
                } else if let assigned {
                    // Served is ranked above kept pairs, and the run is optimal: fewer breaks would serve fewer.
                    (change, reason) = (.moved, .moved(menteeID: pair.menteeID, newMentorID: assigned, maxChanges: continuity.maxChanges))
                } else {
                    (change, reason) = (.broken, .broken(menteeID: pair.menteeID, maxChanges: continuity.maxChanges))
                }
            }
            currentMentorOfMentee[pair.menteeID] = (pair.mentorID, change)
            changes.append(PairChange(mentorID: pair.mentorID, menteeID: pair.menteeID, change: change, reasonFacts: reason))
        }
        for candidateIndex in chosen {
            let candidate = graph.candidates[candidateIndex]
            let mentor = input.mentors[candidate.mentorIndex].id
            let mentee = input.mentees[candidate.menteeIndex].id
            let earlier = currentMentorOfMentee[mentee]
            if let earlier, earlier.mentorID == mentor, earlier.change == .kept { continue }
            guard !continuity.entries.isEmpty else { break }
            let reason = earlier.map {
                ChangeReason.afterCurrentPair(formerMentorID: $0.mentorID, sameMentor: $0.mentorID == mentor, change: $0.change)
            } ?? .notCurrent
            changes.append(PairChange(mentorID: mentor, menteeID: mentee, change: .new, reasonFacts: reason))
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
