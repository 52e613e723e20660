import Foundation
import MentorMatchCore

/// The sections' keys: the writer spells no key of its own (see ``PolicyKeyTable``).
private typealias P = Policy.CodingKeys
private typealias O = ObjectivePolicy.CodingKeys
private typealias T = TierWeights.CodingKeys
private typealias F = FitWeights.CodingKeys
private typealias S = SideConstraints.CodingKeys
private typealias C = SchedulePolicy.CodingKeys

extension PolicyFile {
    /// The policy as commented YAML with the keys the reader takes, so a written policy reads back unchanged and
    /// a coordinator can see every setting and what it means.
    public static func yamlText(_ policy: Policy) -> String {
        let objective = policy.objective
        let tiers = objective.tierWeights
        let fit = objective.fitWeights
        let side = policy.sideConstraints
        let travelLine: String =
            policy.maximumTravelKm.map { "\(P.maximumTravelKm.rawValue): \(number($0))       # programme-wide limit on top of each mentor's own" }
            ?? "# \(P.maximumTravelKm.rawValue): 30      # programme-wide limit on top of each mentor's own"
        let referenceLine: String =
            policy.referenceDate.map { "\(P.referenceDate.rawValue): \($0)   # waiting times count to this day" }
            ?? "# \(P.referenceDate.rawValue): 2024-02-20  # waiting times count to this day (default: latest waiting_since)"
        let remoteShareLine: String =
            side.minimumRemoteShare.map { "  \(S.minimumRemoteShare.rawValue): \(number($0))" }
            ?? "  # \(S.minimumRemoteShare.rawValue): 0.3  # at least this share of those matched from remote places"
        var lines: [String] = [
            "# MentorMatch policy: every rule and weight of a matching run. Keys left out keep their defaults,",
            "# which are the programmes' rules (Ogre 2024, Zemgale RETHINK). Unknown keys are rejected.",
            "\(P.minimumMentorAge.rawValue): \(policy.minimumMentorAge)          # Ogre: a mentor is at least 20",
            "\(P.minimumMenteeAge.rawValue): \(policy.minimumMenteeAge)          # young people are 13 to 25",
            "\(P.maximumMenteeAge.rawValue): \(policy.maximumMenteeAge)",
            "\(P.minimumAgeGap.rawValue): \(policy.minimumAgeGap)              # the mentor is older by at least this many years",
            "\(P.maximumCapacity.rawValue): \(policy.maximumCapacity)             # Zemgale: one to three young people per mentor",
            travelLine,
            "\(P.meetingMinutes.rawValue): \(policy.meetingMinutes)         # Ogre: meetings of at least an hour",
            "\(P.requireSharedLanguage.rawValue): \(policy.requireSharedLanguage)",
            "\(P.requireSpecialisations.rawValue): \(policy.requireSpecialisations)",
            "\(P.enforceHardGenderPreferences.rawValue): \(policy.enforceHardGenderPreferences)",
            "\(P.alternativesPerMentee.rawValue): \(policy.alternativesPerMentee)",
            "\(P.timeLimitSeconds.rawValue): \(number(policy.timeLimitSeconds))",
            referenceLine,
        ]
        lines += [
            "\(P.objective.rawValue):",
            "  \(O.method.rawValue): \(objective.method.rawValue)   # lexicographic: served > remote served > mentors used > fit",
            "  \(O.tierWeights.rawValue):            # used by `weighted` only",
            "    \(T.served.rawValue): \(number(tiers.served))",
            "    \(T.remoteServed.rawValue): \(number(tiers.remoteServed))",
            "    \(T.mentorsUsed.rawValue): \(number(tiers.mentorsUsed))",
            "    \(T.fit.rawValue): \(number(tiers.fit))",
            "  \(O.fitWeights.rawValue):             # parts of a pair's fit score, normalised to sum to 1",
            "    \(F.travel.rawValue): \(number(fit.travel))",
            "    \(F.interests.rawValue): \(number(fit.interests))",
            "    \(F.genderPreference.rawValue): \(number(fit.genderPreference))",
            "    \(F.priority.rawValue): \(number(fit.priority))",
            "    \(F.waiting.rawValue): \(number(fit.waiting))",
            "\(P.sideConstraints.rawValue):          # optional; they make the programme a mixed-integer one",
            remoteShareLine,
        ]
        if side.minimumServedPerPlace.isEmpty {
            lines.append("  \(S.minimumServedPerPlace.rawValue): {} # for example {Suntaži: 2, Taurupe: 1}")
        } else {
            lines.append("  \(S.minimumServedPerPlace.rawValue):")
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
            "\(P.schedule.rawValue):                  # meeting calendars (mentormatch schedule)",
            "  \(C.sessionsPerMonth.rawValue): \(schedule.sessionsPerMonth)   # Ogre: at least twice a month",
            schedule.hoursPerMonth.map { "  \(C.hoursPerMonth.rawValue): \(number($0))   # paid mode (Liepāja: 20)" }
                ?? "  # \(C.hoursPerMonth.rawValue): 20     # paid mode (Liepāja): replaces sessions_per_month",
            "  \(C.sessionMinutes.rawValue): \(schedule.sessionMinutes)",
            "  \(C.startStepMinutes.rawValue): \(schedule.startStepMinutes)",
            "  \(C.travelSpeedKmh.rawValue): \(number(schedule.travelSpeedKmh))   # travel buffer between a mentor's sessions",
            schedule.maximumMentorHoursPerMonth.map { "  \(C.maximumMentorHoursPerMonth.rawValue): \(number($0))" }
                ?? "  # \(C.maximumMentorHoursPerMonth.rawValue): 10  # default: capacity × one pair's monthly hours",
            "  \(C.supervisionGroupSize.rawValue): \(schedule.supervisionGroupSize)",
            "  \(C.matchingNeedsRoom.rawValue): \(schedule.matchingNeedsRoom)   # matching: no more pairs than the windows have room for",
        ]
        lines.append(schedule.extraDaysOff.isEmpty ? "  \(C.extraDaysOff.rawValue): []"
                     : "  \(C.extraDaysOff.rawValue): [\(schedule.extraDaysOff.map(\.description).joined(separator: ", "))]")
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
