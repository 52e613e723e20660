extension InputValidation {
    /// Current pairs and previous suggestions may name people who have left (their pairs are released, not
    /// errors), but a young person meets one mentor, a pair is listed once, and a pair cannot end before it starts.
    /// The continuity policy's own values are checked here too, as they depend on the objective.
    mutating func checkContinuity() {
        let source = sources.currentPairs
        var firstOfMentee: [String: Int] = [:]
        for (index, pair) in input.currentPairs.enumerated() {
            for (field, id) in [("mentor_id", pair.mentorID), ("mentee_id", pair.menteeID)] where id.isEmpty {
                issues.append(source.issue(
                    record: index, field: field, problem: "\(field) is empty",
                    fix: "give both ids of every pair meeting now, or remove the line"
                ))
            }
            if let first = firstOfMentee[pair.menteeID], !pair.menteeID.isEmpty {
                let earlier = input.currentPairs[first]
                issues.append(source.issue(
                    record: index, field: "mentee_id",
                    problem: earlier.mentorID == pair.mentorID
                        ? "pair \(pair.mentorID)–\(pair.menteeID) is listed twice (\(source.location(ofRecord: first)))"
                        : "\(pair.menteeID) meets two mentors, \(earlier.mentorID) (\(source.location(ofRecord: first))) "
                            + "and \(pair.mentorID)",
                    fix: "a young person meets one mentor; keep one line for \(pair.menteeID)"
                ))
            } else {
                firstOfMentee[pair.menteeID] = index
            }
            if let since = pair.since, let until = pair.until, until < since {
                issues.append(source.issue(
                    record: index, field: "until", problem: "until \(until) is before since \(since)",
                    fix: "correct the dates; until is the last day of the pair's agreed period"
                ))
            }
        }
        let continuity = policy.continuity
        if let maxChanges = continuity.maxChanges {
            if maxChanges < 0 {
                issues.append(InputIssue(
                    source: sources.policy, field: "continuity.max_changes",
                    problem: "max_changes \(maxChanges) is negative",
                    fix: "use 0 or more current pairs that may be broken, or leave the key out for no limit"
                ))
            } else if continuity.mode != .minimalChange {
                issues.append(InputIssue(
                    source: sources.policy, field: "continuity.max_changes",
                    problem: "max_changes applies only to mode minimal_change, but the mode is \(continuity.mode.rawValue)",
                    fix: "set continuity.mode: minimal_change, or remove max_changes"
                ))
            }
        }
        if policy.objective.method == .weighted {
            if continuity.mode == .minimalChange && !input.currentPairs.isEmpty {
                issues.append(InputIssue(
                    source: sources.policy, field: "continuity.mode",
                    problem: "minimal_change ranks current pairs as a tier of the lexicographic objective, but the "
                        + "objective is weighted",
                    fix: "use objective.method: lexicographic, or continuity.mode: keep"
                ))
            }
            if !input.previousSuggestions.isEmpty {
                issues.append(InputIssue(
                    source: sources.previousSuggestions.name, field: nil,
                    problem: "previous suggestions are a tier of the lexicographic objective, but the objective is weighted",
                    fix: "use objective.method: lexicographic, or run without --previous"
                ))
            }
        }
    }
}
