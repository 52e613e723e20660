import Foundation
import MentorMatch

/// Renders results as plain-text tables for a coordinator's terminal.
enum TerminalReport {
    static func render(_ result: MatchingResult) -> String {
        let summary = result.summary
        var lines: [String] = []
        lines.append(
            "Served \(summary.served) of \(summary.mentees) young people "
                + "(remote places: \(summary.servedRemote) of \(summary.remoteMentees)); "
                + "mentors used \(summary.mentorsUsed) of \(summary.mentors), idle \(summary.idleMentors); "
                + "mean travel \(fixed(summary.meanTravelKm, 1)) km; mean score \(fixed(summary.meanScore, 3))"
        )
        if let headline = continuityHeadline(result.continuity) { lines.append(headline) }
        for price in result.sideConstraintPrices where price.isBinding {
            lines.append("Side constraint \(price.sentence)")
        }
        lines.append(
            "Solver: \(result.solver.solver), \(result.solver.method.rawValue), \(result.solver.status.rawValue); "
                + "\(summary.candidatePairs) candidate pairs; solve \(fixed(result.timings.solve, 3)) s"
        )
        lines.append("")
        let alternatives = Dictionary(result.alternatives.map { ($0.menteeID, $0.alternatives) }, uniquingKeysWith: { a, _ in a })
        lines.append(contentsOf: table(
            header: ["mentor", "young person", "km", "score", "locked", "next best"],
            rows: result.pairs.map { pair in
                [
                    pair.mentorID, pair.menteeID, fixed(pair.distanceKm, 1), fixed(pair.score.total, 3),
                    pair.locked ? "yes" : "",
                    (alternatives[pair.menteeID] ?? []).prefix(2).map { "\($0.mentorID) \(fixed($0.score, 2))" }
                        .joined(separator: ", "),
                ]
            }
        ))
        if !result.unmatched.isEmpty {
            lines.append("")
            lines.append("Unmatched (\(result.unmatched.count)):")
            for person in result.unmatched {
                // Continuation lines start under the reason, after "  Y0023: ".
                lines += TerminalLayout.wrap("  \(person.menteeID): \(person.reason)", indent: person.menteeID.count + 4)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Current pairs: 30 kept, 0 broken; 3 new pairs`, with ended and released pairs and previous suggestions when
    /// there are any; `nil` for a run without either file.
    static func continuityHeadline(_ counts: ContinuitySummary) -> String? {
        var parts: [String] = []
        if counts.currentPairs > 0 {
            var current = "Current pairs: \(counts.kept) kept, \(counts.broken + counts.moved) broken"
            if counts.moved > 0 { current += " (\(counts.moved) moved to another mentor)" }
            if counts.ended > 0 { current += ", \(counts.ended) ended" }
            if counts.released > 0 { current += ", \(counts.released) released" }
            parts.append(current + "; " + counted(counts.new, "new pair"))
        }
        if counts.previousSuggestions > 0 {
            parts.append("previous suggestions: \(counts.previousKept) of \(counts.previousSuggestions) kept")
        }
        guard !parts.isEmpty else { return nil }
        let line = parts.joined(separator: "; ")
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    /// The ways to fit one young person in, best first, each with what else changes.
    static func render(_ placement: PlacementSuggestions) -> String {
        if let assigned = placement.assignedMentorID {
            return "\(placement.menteeID) is already matched with \(assigned); nothing to suggest.\n"
        }
        var lines: [String] = []
        if placement.suggestions.isEmpty {
            lines.append("No way to fit \(placement.menteeID) in without breaking a lock or current pair; see "
                + "`mentormatch explain --mentee \(placement.menteeID)`.")
        } else {
            lines.append("Ways to fit \(placement.menteeID) in, best first:")
        }
        for way in placement.suggestions {
            let head = "\(way.rank). \(way.mentorID) (score \(fixed(way.score, 3)), \(fixed(way.distanceKm, 1)) km)"
            if let displaced = way.displaced {
                lines.append("  \(head): \(displaced.menteeID) (score \(fixed(displaced.score, 3)), not yet confirmed) "
                    + "gives up \(way.mentorID) and is left without a mentor; total fit \(signed(way.fitChange))")
            } else if way.moves.isEmpty {
                lines.append("  \(head): a free place; nothing else changes")
            } else {
                lines.append("  \(head) after \(counted(way.moves.count, "move")); total fit \(signed(way.fitChange)):")
                for move in way.moves {
                    lines.append("       move \(move.menteeID) from \(move.fromMentorID) to \(move.toMentorID) "
                        + "(score \(fixed(move.scoreBefore, 3)) → \(fixed(move.scoreAfter, 3)))")
                }
            }
        }
        if !placement.blockedMentorIDs.isEmpty {
            lines.append("Held by locks or current pairs: \(placement.blockedMentorIDs.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + fixed(value, 3) }

    static func render(_ explanation: MenteeExplanation) -> String {
        var lines = [
            "Young person \(explanation.menteeID) in \(explanation.place)\(explanation.isRemote ? " (remote)" : "")",
            explanation.assignedMentorID.map { "Suggested mentor: \($0)" } ?? "Unmatched: \(explanation.unmatched?.reason ?? "")",
        ]
        if !explanation.alternatives.isEmpty {
            lines.append(
                "Alternatives: "
                    + explanation.alternatives.map { "\($0.mentorID) (score \(fixed($0.score, 3)), \(fixed($0.distanceKm, 1)) km\($0.hasRoom ? ", has room" : ", full"))" }
                    .joined(separator: "; ")
            )
        }
        lines.append("")
        lines.append(contentsOf: table(
            header: ["mentor", "km", "shared min", "load", "score", "travel", "interests", "gender", "priority", "waiting", "fails"],
            rows: explanation.mentors.map { check in
                let parts = check.score.map {
                    [fixed($0.total, 3), fixed($0.travel, 2), fixed($0.interests, 2), fixed($0.genderPreference, 2), fixed($0.priority, 2), fixed($0.waiting, 2)]
                } ?? Array(repeating: "", count: 6)
                return [check.mentorID, fixed(check.distanceKm, 1), "\(check.sharedMinutes)", "\(check.assigned)/\(check.capacity)"]
                    + parts + [check.details.joined(separator: "; ")]
            }
        ))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Left-aligned columns, two spaces apart.
    /// A table that fits the terminal (see ``TerminalLayout/table(header:rows:width:)``).
    static func table(header: [String], rows: [[String]]) -> [String] {
        TerminalLayout.table(header: header, rows: rows)
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { DecimalText.fixed(value, decimals: decimals) }
}
