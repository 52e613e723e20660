import MentorMatchCore

extension ScheduleRequest {
    /// Every problem that makes the calendar impossible: an end before the start, pairs naming unknown people (or a
    /// young person without a point or known place) or sharing a young person, a session longer than every window a pair shares, dates outside the programme,
    /// supervisor slots that are empty or fall on a day off; then a schedule that would need more memory than
    /// ``InputLimits/scheduleMemoryBytes`` (``memoryEstimate``).
    /// - Parameter sources: Where pairs, unavailable dates and slots came from; `calendarSource` names the dates'
    ///   origin (such as `--start/--end`).
    public func issues(sources: ScheduleSources, calendarSource: String) -> [InputIssue] {
        var issues: [InputIssue] = []
        let start = calendar.start, end = calendar.end
        guard start <= end else {
            return [InputIssue(source: calendarSource, problem: "the programme ends (\(end)) before it starts (\(start))",
                               fix: "give an end date on or after the start, or a number of months")]
        }
        guard end.daysSinceEpoch - start.daysSinceEpoch <= InputLimits.programmeDays else {
            return [InputIssue(source: calendarSource, problem: "the programme (\(start) – \(end)) is longer than ten years",
                               fix: "give an end at most ten years after the start")]
        }
        let mentorsByID = Dictionary(mentors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let menteesByID = Dictionary(mentees.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var pairedMentees: Set<String> = []
        let placeNames = Set(places.map(\.name))
        let minutes = calendar.rules.sessionMinutes
        for (index, pair) in pairs.enumerated() {
            let mentor = mentorsByID[pair.mentorID], mentee = menteesByID[pair.menteeID]
            if mentor == nil {
                issues.append(sources.pairs.issue(record: index, field: "mentor_id",
                                                  problem: "no mentor has id '\(pair.mentorID)'",
                                                  fix: "use the mentors file the pairs were matched from"))
            }
            if mentee == nil {
                issues.append(sources.pairs.issue(record: index, field: "mentee_id",
                                                  problem: "no young person has id '\(pair.menteeID)'",
                                                  fix: "use the young people's file the pairs were matched from"))
            }
            if let mentee, mentee.location.coordinate == nil, !placeNames.contains(mentee.location.place) {
                issues.append(sources.pairs.issue(record: index, field: "mentee_id",
                                                  problem: "young person \(pair.menteeID) lives in '\(mentee.location.place)', "
                                                    + "which is not among the places",
                                                  fix: "add the place to the places file, or give the young person's point"))
            }
            if !pairedMentees.insert(pair.menteeID).inserted {
                issues.append(sources.pairs.issue(record: index, field: "mentee_id",
                                                  problem: "young person \(pair.menteeID) is in more than one pair",
                                                  fix: "keep one pair per young person"))
            }
            if let mentor, let mentee {
                let longest = mentor.availability.longestSharedStretch(with: mentee.availability)
                if longest < minutes {
                    issues.append(sources.pairs.issue(
                        record: index, field: nil,
                        problem: "the session of \(minutes) min is longer than any weekly window \(pair.mentorID) and "
                            + "\(pair.menteeID) share (longest: \(longest) min)",
                        fix: "shorten the sessions (--session-minutes or schedule.session_minutes), or widen a window"))
                }
            }
        }
        let people = Set(mentorsByID.keys).union(menteesByID.keys)
        issues += unavailableIssues(people: people, source: sources.unavailable)
        issues += slotIssues(source: sources.supervisorSlots)
        // The estimate needs pairs of known people; it is the last check, as the others are cheaper to fix.
        return issues.isEmpty ? memoryIssues(sources: sources, calendarSource: calendarSource) : issues
    }

    private func unavailableIssues(people: Set<String>, source: RecordSource) -> [InputIssue] {
        var issues: [InputIssue] = []
        for (index, entry) in unavailable.enumerated() {
            if !people.contains(entry.personID) {
                issues.append(source.issue(record: index, field: "person_id",
                                           problem: "no mentor or young person has id '\(entry.personID)'",
                                           fix: "use an id from the mentors or young people's file"))
            }
            if !calendar.contains(entry.date) {
                issues.append(source.issue(
                    record: index, field: "date",
                    problem: "\(entry.date) is outside the programme (\(calendar.start) – \(calendar.end))",
                    fix: "remove the row, or correct the date"))
            }
        }
        return issues
    }

    private func slotIssues(source: RecordSource) -> [InputIssue] {
        let daysOff = calendar.daysOff
        var issues: [InputIssue] = []
        for (index, slot) in supervisorSlots.enumerated() {
            if !calendar.contains(slot.date) {
                issues.append(source.issue(
                    record: index, field: "date",
                    problem: "\(slot.date) is outside the programme (\(calendar.start) – \(calendar.end))",
                    fix: "offer supervision within the programme's dates"))
            } else if let holiday = daysOff[slot.date] {
                issues.append(source.issue(record: index, field: "date", problem: "\(slot.date) is a day off (\(holiday))",
                                           fix: "offer another date"))
            }
            if slot.endMinute <= slot.startMinute {
                issues.append(source.issue(record: index, field: "end", problem: "the slot ends before it starts",
                                           fix: "give an end time after the start time"))
            }
        }
        return issues
    }
}
