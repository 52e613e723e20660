extension InputValidator {
    /// The range problems of the policy's `schedule:` section.
    static func checkSchedule(_ schedule: SchedulePolicy, check: inout PolicyRangeCheck) {
        check.whole(schedule.sessionsPerMonth, in: 1...31, key: "schedule.sessions_per_month",
                    fix: "use a count of sessions a month; Ogre's rule is 2")
        if let hours = schedule.hoursPerMonth, !(hours.isFinite && hours > 0 && hours <= 200) {
            check.report(key: "schedule.hours_per_month",
                         problem: "hours_per_month \(displayNumber(hours)) is outside 0–200",
                         fix: "use the hours a pair meets each month, such as Liepāja's 20, or leave the key out")
        }
        check.whole(schedule.sessionMinutes, in: 15...600, key: "schedule.session_minutes",
                    fix: "use the length of one session in minutes; the programmes meet for at least 60")
        check.whole(schedule.startStepMinutes, in: 5...120, key: "schedule.start_step_minutes",
                    fix: "use a step such as 15 or 30 minutes")
        // Below walking pace the travel buffer exceeds a day (1e-300 km/h would make it 10³⁰⁰ minutes).
        if !(schedule.travelSpeedKmh >= 1 && schedule.travelSpeedKmh <= 1_000) {
            check.report(key: "schedule.travel_speed_kmh",
                         problem: "travel_speed_kmh \(displayNumber(schedule.travelSpeedKmh)) is outside 1–1000",
                         fix: "use an average speed in km/h, such as 30 for country roads and buses")
        }
        if let hours = schedule.maximumMentorHoursPerMonth, !(hours.isFinite && hours > 0 && hours <= 744) {
            check.report(key: "schedule.max_mentor_hours_per_month",
                         problem: "max_mentor_hours_per_month \(displayNumber(hours)) is outside 0–744 (a month's hours)",
                         fix: "use a number of hours above 0, or leave the key out")
        }
        check.whole(schedule.supervisionGroupSize, in: 1...100, key: "schedule.supervision_group_size",
                    fix: "use the largest supervision group, such as 8")
    }
}
