import MentorMatchCore

/// Rewords every reason of a result from its facts; ids, numbers and the structure stay as they are.
extension MatchingResult {
    public func worded(in language: ReportLanguage) -> MatchingResult {
        var result = self
        // A national run words tens of thousands of reasons: on all cores.
        result.unmatched = ConcurrentChunks.map(unmatched) { $0.worded(in: language) }
        result.changes = changes.map { change in
            var change = change
            if let facts = change.reasonFacts { change.reason = facts.text(language) }
            return change
        }
        return result
    }
}

extension UnmatchedMentee {
    public func worded(in language: ReportLanguage) -> UnmatchedMentee {
        var mentee = self
        if let facts = reasonFacts { mentee.reason = facts.text(language) }
        mentee.nearMisses = nearMisses.map { nearMiss in
            var nearMiss = nearMiss
            if !nearMiss.detailFacts.isEmpty { nearMiss.details = nearMiss.detailFacts.map { $0.text(language) } }
            return nearMiss
        }
        return mentee
    }
}

extension MenteeExplanation {
    public func worded(in language: ReportLanguage) -> MenteeExplanation {
        var explanation = self
        explanation.unmatched = unmatched?.worded(in: language)
        explanation.mentors = mentors.map { check in
            var check = check
            if !check.detailFacts.isEmpty { check.details = check.detailFacts.map { $0.text(language) } }
            return check
        }
        return explanation
    }
}
