import MentorMatchCore

/// Says why a pair meets less often than required in a month: too few dates with a shared window once days off and
/// unavailable dates are taken out, or a mentor whose shared windows are taken by other sessions or hours.
struct ShortfallReasons {
    let candidates: MeetingCandidates
    let chosen: [MeetingCandidate]
    let months: [ProgrammeMonth]
    let daysOff: [LocalDate: String]
    let monthlyCapHours: Double
    let mentorID: String

    func shortfalls() -> [Shortfall] {
        var result: [Shortfall] = []
        for (pairIndex, pair) in candidates.pairs.enumerated() {
            for (monthIndex, month) in months.enumerated() {
                let scheduled = chosen.filter { $0.pairIndex == pairIndex && $0.monthIndex == monthIndex }.count
                guard scheduled < month.required else { continue }
                let (kind, reason) = reason(pairIndex: pairIndex, monthIndex: monthIndex, month: month)
                result.append(Shortfall(
                    mentorID: mentorID, menteeID: pair.pair.menteeID, month: month.text, required: month.required,
                    scheduled: scheduled, kind: kind, reason: reason.english, reasonLatvian: reason.latvian))
            }
        }
        return result
    }

    private func reason(pairIndex: Int, monthIndex: Int, month: ProgrammeMonth) -> (Shortfall.Kind, Phrase) {
        let pair = candidates.pairs[pairIndex]
        let supervisionDays = candidates.datesTakenBySupervision[pairIndex, default: []].filter(month.contains)
        let meetingDays = Set(candidates.candidates.filter { $0.pairIndex == pairIndex && $0.monthIndex == monthIndex }
            .map(\.date)).union(supervisionDays)
        let sharedWeekdays = Set(pair.sharedWindows.map(\.weekday))
        let lostToDaysOff = (month.first.daysSinceEpoch...month.last.daysSinceEpoch).map(LocalDate.init(daysSinceEpoch:))
            .filter { sharedWeekdays.contains($0.weekday) && (daysOff[$0] != nil || pair.unavailable.contains($0)) }
        if meetingDays.count < month.required {
            let lost = lostToDaysOff.isEmpty ? Phrase.empty : Phrase(
                "; lost: " + lostToDaysOff.map { "\($0) (\(daysOff[$0] ?? "unavailable"))" }.joined(separator: ", "),
                lv: "; zaudēti: " + lostToDaysOff.map { date in
                    "\(date) (\(daysOff[date].map { LatvianHolidays.latvianName(of: $0) ?? $0 } ?? "nav pieejams"))"
                }.joined(separator: ", "))
            let scheduled = chosen.filter { $0.pairIndex == pairIndex && $0.monthIndex == monthIndex }.count
            let taken = scheduled < meetingDays.count
                ? Phrase("; \(mentorID)'s other sessions or supervision take \(meetingDays.count - scheduled) of those dates",
                         lv: "; \(mentorID) citas tikšanās vai supervīzija aizņem \(meetingDays.count - scheduled) no šiem datumiem")
                : Phrase.empty
            let weekdays = sharedWeekdays.sorted()
            let shared = Phrase("no common window: only \(meetingDays.count) date(s) in \(month.text) fall on a weekday both share "
                                + "(\(weekdays.map(\.abbreviation).joined(separator: ", ")))",
                                lv: "nav kopīga laika: \(month.text) tikai \(meetingDays.count) datumi iekrīt nedēļas dienās, kas der abiem "
                                + "(\(weekdays.map(\.latvianAbbreviation).joined(separator: ", ")))")
            return (.noCommonWindow, shared + lost + taken)
        }
        let monthMinutes = chosen.filter { $0.monthIndex == monthIndex }.reduce(0) { $0 + $1.endMinute - $1.startMinute }
        let sessionMinutes = candidates.candidates.first.map { $0.endMinute - $0.startMinute } ?? 0
        if Double(monthMinutes + sessionMinutes) > monthlyCapHours * 60 {
            let hours = DecimalText.fixed(monthlyCapHours, decimals: 1)
            return (.mentorFullyBooked, Phrase(
                "mentor fully booked: \(mentorID) reaches the \(hours) hours offered in \(month.text)",
                lv: "mentors pilnībā aizņemts: \(mentorID) sasniedz \(hours.replacingOccurrences(of: ".", with: ",")) stundas, "
                    + "kas piedāvātas \(month.text)"))
        }
        let supervisionDates = supervisionDays.sorted().map(\.description).joined(separator: ", ")
        let supervision = supervisionDays.isEmpty
            ? Phrase.empty : Phrase(", supervision (\(supervisionDates))", lv: ", supervīzija (\(supervisionDates))")
        return (.mentorFullyBooked, Phrase("mentor fully booked: on the \(meetingDays.count) dates with a shared window, \(mentorID)'s other "
                                           + "sessions (travel included)", lv: "mentors pilnībā aizņemts: \(meetingDays.count) datumos ar "
                                           + "kopīgu laiku \(mentorID) citas tikšanās (ar ceļu)")
            + supervision
            + Phrase(" or the one-session-a-day rule leave no room", lv: " vai noteikums par vienu tikšanos dienā neatstāj vietu"))
    }
}
