extension InputValidator {
    /// The range problems of the policy's `schedule:` section.
    static func checkSchedule(_ schedule: SchedulePolicy, check: inout PolicyRangeCheck) {
        check.whole(schedule.sessionsPerMonth, in: 1...31, key: "schedule.sessions_per_month",
                    fix: Phrase("use a count of sessions a month; Ogre's rule is 2", lv: "ierakstiet tikšanos skaitu mēnesī; Ogres noteikums ir 2"))
        if let hours = schedule.hoursPerMonth, !(hours.isFinite && hours > 0 && hours <= 200) {
            check.report(key: "schedule.hours_per_month",
                         problem: Phrase("hours_per_month \(displayNumber(hours)) is outside 0–200",
                                         lv: "hours_per_month \(displayNumber(hours)) nav robežās 0–200"),
                         fix: Phrase("use the hours a pair meets each month, such as Liepāja's 20, or leave the key out", lv: "ierakstiet stundas, ko pāris tiekas mēnesī, piemēram, Liepājas 20, vai atstājiet to tukšu"))
        }
        check.whole(schedule.sessionMinutes, in: 15...600, key: "schedule.session_minutes",
                    fix: Phrase("use the length of one session in minutes; the programmes meet for at least 60", lv: "ierakstiet vienas tikšanās ilgumu minūtēs; programmās tiekas vismaz 60 minūtes"))
        check.whole(schedule.startStepMinutes, in: 5...120, key: "schedule.start_step_minutes",
                    fix: Phrase("use a step such as 15 or 30 minutes", lv: "ierakstiet soli, piemēram, 15 vai 30 minūtes"))
        // Below walking pace the travel buffer exceeds a day (1e-300 km/h would make it 10³⁰⁰ minutes).
        if !(schedule.travelSpeedKmh >= 1 && schedule.travelSpeedKmh <= 1_000) {
            check.report(key: "schedule.travel_speed_kmh",
                         problem: Phrase("travel_speed_kmh \(displayNumber(schedule.travelSpeedKmh)) is outside 1–1000",
                                         lv: "travel_speed_kmh \(displayNumber(schedule.travelSpeedKmh)) nav robežās 1–1000"),
                         fix: Phrase("use an average speed in km/h, such as 30 for country roads and buses", lv: "ierakstiet vidējo ātrumu km/h, piemēram, 30 lauku ceļiem un autobusiem"))
        }
        if let hours = schedule.maximumMentorHoursPerMonth, !(hours.isFinite && hours > 0 && hours <= 744) {
            check.report(key: "schedule.max_mentor_hours_per_month",
                         problem: Phrase("max_mentor_hours_per_month \(displayNumber(hours)) is outside 0–744 (a month's hours)",
                                         lv: "max_mentor_hours_per_month \(displayNumber(hours)) nav robežās 0–744 (mēneša stundas)"),
                         fix: Phrase("use a number of hours above 0, or leave the key out", lv: "ierakstiet stundu skaitu virs 0 vai atstājiet to tukšu"))
        }
        check.whole(schedule.supervisionGroupSize, in: 1...100, key: "schedule.supervision_group_size",
                    fix: Phrase("use the largest supervision group, such as 8", lv: "ierakstiet lielāko supervīzijas grupu, piemēram, 8"))
    }
}
