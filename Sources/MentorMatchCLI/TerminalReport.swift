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
