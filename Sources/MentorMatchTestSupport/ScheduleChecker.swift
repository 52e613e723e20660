import MentorMatchCore
import Scheduling

/// Re-verifies every rule of a schedule in plain code that shares nothing with the scheduler's model building.
///
/// Days off come from the caller (tests pass the transcribed reference list, not ``LatvianHolidays``), and the
/// travel buffer is recomputed here from the distance and the speed.
public struct ScheduleChecker: Sendable {
    public let request: ScheduleRequest
    /// Every day without sessions in the programme: public holidays and extra days off.
    public let daysOff: Set<LocalDate>

    public init(request: ScheduleRequest, daysOff: Set<LocalDate>) {
        self.request = request
        self.daysOff = daysOff
    }

    /// Every broken rule, in words; empty when the schedule holds.
    public func violations(of result: ScheduleResult) -> [String] {
        var found: [String] = []
        let mentors = Dictionary(uniqueKeysWithValues: request.mentors.map { ($0.id, $0) })
        let mentees = Dictionary(uniqueKeysWithValues: request.mentees.map { ($0.id, $0) })
        let pairs = Set(request.pairs.map { "\($0.mentorID)|\($0.menteeID)" })
        let rules = request.calendar.rules
        for session in result.sessions {
            let name = "\(session.mentorID)–\(session.menteeID) \(session.date) \(session.startMinute)"
            guard pairs.contains("\(session.mentorID)|\(session.menteeID)"), let mentor = mentors[session.mentorID],
                let mentee = mentees[session.menteeID]
            else {
                found.append("\(name): not a requested pair")
                continue
            }
            if session.date < request.calendar.start || session.date > request.calendar.end { found.append("\(name): outside the programme") }
            if daysOff.contains(session.date) { found.append("\(name): on a day off") }
            if isUnavailable(mentor.id, session.date) || isUnavailable(mentee.id, session.date) {
                found.append("\(name): on an unavailable date")
            }
            if session.endMinute - session.startMinute != rules.sessionMinutes { found.append("\(name): wrong length") }
            for availability in [mentor.availability, mentee.availability] where !fits(session.date, session.startMinute, session.endMinute, availability) {
                found.append("\(name): outside a weekly window")
            }
            if session.place != mentee.location.place { found.append("\(name): not at the young person's place") }
        }
        found += overlapViolations(result, mentees: mentees)
        found += frequencyViolations(result)
        found += supervisionViolations(result, mentors: mentors, mentees: mentees)
        return found
    }

    private func isUnavailable(_ person: String, _ date: LocalDate) -> Bool {
        request.unavailable.contains { $0.personID == person && $0.date == date }
    }

    private func fits(_ date: LocalDate, _ start: Int, _ end: Int, _ availability: WeeklyAvailability) -> Bool {
        availability.windows.contains { $0.weekday == date.weekday && $0.startMinute <= start && end <= $0.endMinute }
    }

    /// Where a session takes place: the young person's own point, else the place's centre.
    private func point(of menteeID: String, mentees: [String: Mentee]) -> Coordinate? {
        guard let mentee = mentees[menteeID] else { return nil }
        return mentee.location.coordinate ?? request.places.first { $0.name == mentee.location.place }?.coordinate
    }

    private func buffer(_ first: Coordinate?, _ second: Coordinate?) -> Int {
        guard let first, let second else { return 0 }
        let hours = first.distanceKm(to: second) / request.calendar.rules.travelSpeedKmh
        return Int((hours * 12).rounded(.up)) * 5  // minutes in whole 5-minute steps
    }

    /// No two sessions of a mentor closer than the travel between them; one session per pair and day.
    private func overlapViolations(_ result: ScheduleResult, mentees: [String: Mentee]) -> [String] {
        var found: [String] = []
        for (mentorID, sessions) in Dictionary(grouping: result.sessions, by: \.mentorID) {
            for (index, first) in sessions.enumerated() {
                for second in sessions[(index + 1)...] where first.date == second.date {
                    if first.menteeID == second.menteeID {
                        found.append("\(mentorID)–\(first.menteeID): two sessions on \(first.date)")
                        continue
                    }
                    let gap = buffer(point(of: first.menteeID, mentees: mentees), point(of: second.menteeID, mentees: mentees))
                    if first.startMinute < second.endMinute + gap && second.startMinute < first.endMinute + gap {
                        found.append("\(mentorID): sessions with \(first.menteeID) and \(second.menteeID) on \(first.date) "
                                     + "clash (travel \(gap) min)")
                    }
                }
            }
        }
        return found
    }

    /// Each pair and month: the requirement met, or a shortfall reported with the right counts; never more sessions
    /// than required; a "no common window" reason only when the dates really are too few.
    private func frequencyViolations(_ result: ScheduleResult) -> [String] {
        var found: [String] = []
        let rules = request.calendar.rules
        var first = request.calendar.start
        while first <= request.calendar.end {
            let last = min(LocalDate(year: first.year, month: first.month, day: LocalDate.daysIn(month: first.month, year: first.year))!,
                           request.calendar.end)
            let days = last.daysSinceEpoch - first.daysSinceEpoch + 1
            let length = LocalDate.daysIn(month: first.month, year: first.year)
            let perMonth = rules.hoursPerMonth.map { Int(($0 * 60 / Double(rules.sessionMinutes)).rounded(.up)) } ?? rules.sessionsPerMonth
            let required = Int((Double(perMonth * days) / Double(length)).rounded())
            let month = String(first.description.prefix(7))
            for pair in request.pairs {
                let count = result.sessions.filter {
                    $0.mentorID == pair.mentorID && $0.menteeID == pair.menteeID && first <= $0.date && $0.date <= last
                }.count
                let shortfall = result.shortfalls.first { $0.mentorID == pair.mentorID && $0.menteeID == pair.menteeID && $0.month == month }
                let name = "\(pair.mentorID)–\(pair.menteeID) \(month)"
                if count > required { found.append("\(name): \(count) sessions, more than the \(required) required") }
                switch shortfall {
                case nil where count < required:
                    found.append("\(name): \(count) of \(required) sessions and no shortfall reported")
                case let reported? where reported.required != required || reported.scheduled != count || count >= required:
                    found.append("\(name): shortfall reported as \(reported.scheduled) of \(reported.required), schedule has \(count) of \(required)")
                case let reported? where reported.kind == .noCommonWindow && meetingDates(pair, from: first, to: last) >= required:
                    found.append("\(name): 'no common window' although \(meetingDates(pair, from: first, to: last)) dates fit")
                default:
                    break
                }
            }
            first = last.adding(days: 1)
        }
        return found
    }

    /// Dates in the range on which both share a window of a session's length, no day off and neither unavailable.
    private func meetingDates(_ pair: PairToSchedule, from first: LocalDate, to last: LocalDate) -> Int {
        guard let mentor = request.mentors.first(where: { $0.id == pair.mentorID }),
            let mentee = request.mentees.first(where: { $0.id == pair.menteeID })
        else { return 0 }
        let minutes = request.calendar.rules.sessionMinutes
        return (first.daysSinceEpoch...last.daysSinceEpoch).map(LocalDate.init(daysSinceEpoch:)).filter { date in
            guard !daysOff.contains(date), !isUnavailable(mentor.id, date), !isUnavailable(mentee.id, date) else { return false }
            return mentor.availability.windows.contains { mine in
                mentee.availability.windows.contains { theirs in
                    mine.weekday == date.weekday && theirs.weekday == date.weekday
                        && min(mine.endMinute, theirs.endMinute) - max(mine.startMinute, theirs.startMinute) >= minutes
                }
            }
        }.count
    }

    /// Groups within the size limit, on offered slots inside attendees' windows, once a month per mentor, clear of
    /// their sessions; every paired mentor either attends or is reported absent.
    private func supervisionViolations(_ result: ScheduleResult, mentors: [String: Mentor], mentees: [String: Mentee]) -> [String] {
        var found: [String] = []
        var attended: [String: Int] = [:]
        for group in result.supervision {
            let slot = group.slot
            if !request.supervisorSlots.contains(slot) { found.append("supervision \(slot.date): not an offered slot") }
            if group.mentorIDs.count > request.calendar.rules.supervisionGroupSize { found.append("supervision \(slot.date): group too large") }
            for mentorID in group.mentorIDs {
                attended["\(mentorID)|\(slot.date.description.prefix(7))", default: 0] += 1
                guard let mentor = mentors[mentorID] else { continue }
                if !fits(slot.date, slot.startMinute, slot.endMinute, mentor.availability) || isUnavailable(mentorID, slot.date) {
                    found.append("supervision \(slot.date): \(mentorID) cannot attend")
                }
                let slotPoint = slot.place.flatMap { name in request.places.first { $0.name == name }?.coordinate }
                for session in result.sessions where session.mentorID == mentorID && session.date == slot.date {
                    let gap = slotPoint == nil ? 0 : buffer(slotPoint, point(of: session.menteeID, mentees: mentees))
                    if session.startMinute < slot.endMinute + gap && slot.startMinute < session.endMinute + gap {
                        found.append("supervision \(slot.date): clashes with \(mentorID)'s session with \(session.menteeID)")
                    }
                }
            }
        }
        found += attended.filter { $0.value > 1 }.map { "supervision: \($0.key) attends more than once" }
        if !request.supervisorSlots.isEmpty {
            let absent = Set(result.supervisionAbsences.map { "\($0.mentorID)|\($0.month)" })
            for mentorID in Set(request.pairs.map(\.mentorID)) {
                for month in result.months.map(\.month) where attended["\(mentorID)|\(month)"] == nil && !absent.contains("\(mentorID)|\(month)") {
                    found.append("supervision: \(mentorID) misses \(month) without a reason")
                }
            }
        }
        return found
    }
}
