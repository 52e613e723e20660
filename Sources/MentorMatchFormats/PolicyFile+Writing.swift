import Foundation
import MentorMatchCore

extension PolicyFile {
    /// The policy as commented YAML with the keys the reader takes, so a written policy reads back unchanged and
    /// a coordinator can see every setting and what it means.
    public static func yamlText(_ policy: Policy) -> String {
        let objective = policy.objective
        let tiers = objective.tierWeights
        let fit = objective.fitWeights
        let side = policy.sideConstraints
        let travelLine: String =
            policy.maximumTravelKm.map { "max_travel_km: \(number($0))       # programme-wide limit on top of each mentor's own" }
            ?? "# max_travel_km: 30      # programme-wide limit on top of each mentor's own"
        let referenceLine: String =
            policy.referenceDate.map { "reference_date: \($0)   # waiting times count to this day" }
            ?? "# reference_date: 2024-02-20  # waiting times count to this day (default: latest waiting_since)"
        let remoteShareLine: String =
            side.minimumRemoteShare.map { "  min_remote_share: \(number($0))" }
            ?? "  # min_remote_share: 0.3  # at least this share of those matched from remote places"
        var lines: [String] = [
            "# MentorMatch policy: every rule and weight of a matching run. Keys left out keep their defaults,",
            "# which are the programmes' rules (Ogre 2024, Zemgale RETHINK). Unknown keys are rejected.",
            "min_mentor_age: \(policy.minimumMentorAge)          # Ogre: a mentor is at least 20",
            "min_mentee_age: \(policy.minimumMenteeAge)          # young people are 13 to 25",
            "max_mentee_age: \(policy.maximumMenteeAge)",
            "min_age_gap: \(policy.minimumAgeGap)              # the mentor is older by at least this many years",
            "max_capacity: \(policy.maximumCapacity)             # Zemgale: one to three young people per mentor",
            travelLine,
            "meeting_minutes: \(policy.meetingMinutes)         # Ogre: meetings of at least an hour",
            "require_shared_language: \(policy.requireSharedLanguage)",
            "require_specialisations: \(policy.requireSpecialisations)",
            "enforce_hard_gender_preferences: \(policy.enforceHardGenderPreferences)",
            "alternatives_per_mentee: \(policy.alternativesPerMentee)",
            "time_limit_seconds: \(number(policy.timeLimitSeconds))",
            referenceLine,
        ]
        lines += [
            "objective:",
            "  method: \(objective.method.rawValue)   # lexicographic: served > remote served > mentors used > fit",
            "  tier_weights:            # used by `weighted` only",
            "    served: \(number(tiers.served))",
            "    remote_served: \(number(tiers.remoteServed))",
            "    mentors_used: \(number(tiers.mentorsUsed))",
            "    fit: \(number(tiers.fit))",
            "  fit_weights:             # parts of a pair's fit score, normalised to sum to 1",
            "    travel: \(number(fit.travel))",
            "    interests: \(number(fit.interests))",
            "    gender_preference: \(number(fit.genderPreference))",
            "    priority: \(number(fit.priority))",
            "    waiting: \(number(fit.waiting))",
            "side_constraints:          # optional; they make the programme a mixed-integer one",
            remoteShareLine,
        ]
        if side.minimumServedPerPlace.isEmpty {
            lines.append("  min_served_per_place: {} # for example {Suntaži: 2, Taurupe: 1}")
        } else {
            lines.append("  min_served_per_place:")
            for place in side.minimumServedPerPlace.keys.sorted() {
                lines.append("    \(quoted(place)): \(side.minimumServedPerPlace[place]!)")
            }
        }
        // Written only when set, so that policies without meeting calendars read as before.
        if policy.schedule != SchedulePolicy() { lines += scheduleLines(policy.schedule) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func scheduleLines(_ schedule: SchedulePolicy) -> [String] {
        var lines = [
            "schedule:                  # meeting calendars (mentormatch schedule)",
            "  sessions_per_month: \(schedule.sessionsPerMonth)   # Ogre: at least twice a month",
            schedule.hoursPerMonth.map { "  hours_per_month: \(number($0))   # paid mode (Liepāja: 20)" }
                ?? "  # hours_per_month: 20     # paid mode (Liepāja): replaces sessions_per_month",
            "  session_minutes: \(schedule.sessionMinutes)",
            "  start_step_minutes: \(schedule.startStepMinutes)",
            "  travel_speed_kmh: \(number(schedule.travelSpeedKmh))   # travel buffer between a mentor's sessions",
            schedule.maximumMentorHoursPerMonth.map { "  max_mentor_hours_per_month: \(number($0))" }
                ?? "  # max_mentor_hours_per_month: 10  # default: capacity × one pair's monthly hours",
            "  supervision_group_size: \(schedule.supervisionGroupSize)",
            "  matching_needs_room: \(schedule.matchingNeedsRoom)   # matching: no more pairs than the windows have room for",
        ]
        lines.append(schedule.extraDaysOff.isEmpty ? "  extra_days_off: []"
                     : "  extra_days_off: [\(schedule.extraDaysOff.map(\.description).joined(separator: ", "))]")
        return lines
    }

    /// Shortest text that reads back to the same value: `60`, `0.15`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A place name as a YAML double-quoted key.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
