import Foundation
import MentorMatch

/// Renders results as plain-text tables for a coordinator's terminal.
enum TerminalReport {
    /// The summary, the pairs and the unmatched of `result`, whose reasons are already worded in `language` (as
    /// `match` words them for its files).
    static func render(_ result: MatchingResult, _ language: ReportLanguage = .en) -> String {
        let summary = result.summary
        let number = numberFormat(language)
        var lines: [String] = []
        switch language {
        case .en:
            lines.append(
                "Served \(summary.served) of \(summary.mentees) young people "
                    + "(remote places: \(summary.servedRemote) of \(summary.remoteMentees)); "
                    + "mentors used \(summary.mentorsUsed) of \(summary.mentors), idle \(summary.idleMentors); "
                    + "mean travel \(number(summary.meanTravelKm, 1)) km; mean score \(number(summary.meanScore, 3))"
            )
        case .lv:
            lines.append(
                "Apkalpoti \(summary.served) no \(Latvian.counted(summary.mentees, "jaunieša", "jauniešiem")) "
                    + "(no attāliem pagastiem: \(summary.servedRemote) no \(summary.remoteMentees)); "
                    + "izmantoti \(summary.mentorsUsed) no \(Latvian.counted(summary.mentors, "mentora", "mentoriem")), "
                    + "brīvi \(summary.idleMentors); vidējais brauciens \(number(summary.meanTravelKm, 1)) km; "
                    + "vidējais vērtējums \(number(summary.meanScore, 3))"
            )
        }
        if let headline = continuityHeadline(result.continuity, language) { lines.append(headline) }
        for price in result.sideConstraintPrices where price.isBinding {
            lines.append((language == .en ? "Side constraint " : "Papildu nosacījums ") + price.sentence(language))
        }
        let solver = "\(result.solver.solver), \(result.solver.method.rawValue), \(result.solver.status.rawValue)"
        switch language {
        case .en:
            lines.append("Solver: \(solver); \(summary.candidatePairs) candidate pairs; solve \(number(result.timings.solve, 3)) s")
        case .lv:
            lines.append(
                "Risinātājs: \(solver); \(Latvian.counted(summary.candidatePairs, "kandidātu pāris", "kandidātu pāri")); "
                    + "risināšana \(number(result.timings.solve, 3)) s"
            )
        }
        lines.append("")
        let alternatives = Dictionary(result.alternatives.map { ($0.menteeID, $0.alternatives) }, uniquingKeysWith: { a, _ in a })
        lines.append(contentsOf: table(
            header: language == .en
                ? ["mentor", "young person", "km", "score", "locked", "next best"]
                : ["mentors", "jaunietis", "km", "vērtējums", "fiksēts", "nākamie labākie"],
            rows: result.pairs.map { pair in
                [
                    pair.mentorID, pair.menteeID, number(pair.distanceKm, 1), number(pair.score.total, 3),
                    pair.locked ? (language == .en ? "yes" : "jā") : "",
                    // A Latvian decimal comma would blur a comma-separated list.
                    (alternatives[pair.menteeID] ?? []).prefix(2).map { "\($0.mentorID) \(number($0.score, 2))" }
                        .joined(separator: language == .en ? ", " : "; "),
                ]
            }
        ))
        if !result.unmatched.isEmpty {
            lines.append("")
            lines.append("\(language == .en ? "Unmatched" : "Bez mentora") (\(result.unmatched.count)):")
            for person in result.unmatched {
                // Continuation lines start under the reason, after "  Y0023: ".
                lines += TerminalLayout.wrap("  \(person.menteeID): \(person.reason)", indent: person.menteeID.count + 4)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Current pairs: 30 kept, 0 broken; 3 new pairs`, with ended and released pairs and previous suggestions when
    /// there are any; `nil` for a run without either file.
    static func continuityHeadline(_ counts: ContinuitySummary, _ language: ReportLanguage = .en) -> String? {
        var parts: [String] = []
        // Latvian participles agree with the count: "1 saglabāts", "2 saglabāti".
        func lv(_ count: Int, _ singular: String, _ plural: String) -> String { Latvian.counted(count, singular, plural) }
        if counts.currentPairs > 0 {
            switch language {
            case .en:
                var current = "Current pairs: \(counts.kept) kept, \(counts.broken + counts.moved) broken"
                if counts.moved > 0 { current += " (\(counts.moved) moved to another mentor)" }
                if counts.ended > 0 { current += ", \(counts.ended) ended" }
                if counts.released > 0 { current += ", \(counts.released) released" }
                parts.append(current + "; " + counted(counts.new, "new pair"))
            case .lv:
                var current = "Pašreizējie pāri: \(lv(counts.kept, "saglabāts", "saglabāti")), "
                    + lv(counts.broken + counts.moved, "izjaukts", "izjaukti")
                if counts.moved > 0 { current += " (\(lv(counts.moved, "pārcelts", "pārcelti")) pie cita mentora)" }
                if counts.ended > 0 { current += ", \(lv(counts.ended, "beidzies", "beigušies"))" }
                if counts.released > 0 { current += ", \(lv(counts.released, "atbrīvots", "atbrīvoti"))" }
                parts.append(current + "; " + lv(counts.new, "jauns pāris", "jauni pāri"))
            }
        }
        if counts.previousSuggestions > 0 {
            let kept = counts.previousKept
            parts.append(
                language == .en
                    ? "previous suggestions: \(kept) of \(counts.previousSuggestions) kept"
                    : "iepriekšējie ieteikumi: \(kept) no \(counts.previousSuggestions) "
                        + (Latvian.takesSingular(kept) ? "saglabāts" : "saglabāti")
            )
        }
        guard !parts.isEmpty else { return nil }
        let line = parts.joined(separator: "; ")
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    /// The ways to fit one young person in, best first, each with what else changes.
    static func render(_ placement: PlacementSuggestions, _ language: ReportLanguage = .en) -> String {
        let id = placement.menteeID
        let number = numberFormat(language)
        let en = language == .en
        if let assigned = placement.assignedMentorID {
            return en ? "\(id) is already matched with \(assigned); nothing to suggest.\n"
                : "\(id) jau ir savienots ar \(assigned); nav ko ieteikt.\n"
        }
        var lines: [String] = []
        if placement.suggestions.isEmpty {
            lines.append(
                en ? "No way to fit \(id) in without breaking a lock or current pair; see `mentormatch explain --mentee \(id)`."
                    : "\(id) nav iespējams iekļaut, neizjaucot fiksētu vai pašreizējo pāri; skatiet `mentormatch explain --mentee \(id)`."
            )
        } else {
            lines.append(en ? "Ways to fit \(id) in, best first:" : "Iespējas iekļaut \(id), labākās vispirms:")
        }
        let score = en ? "score" : "vērtējums"
        for way in placement.suggestions {
            let head = "\(way.rank). \(way.mentorID) (\(score) \(number(way.score, 3)), \(number(way.distanceKm, 1)) km)"
            let fit = signed(way.fitChange, number)
            if let displaced = way.displaced {
                let who = "\(displaced.menteeID) (\(score) \(number(displaced.score, 3))"
                lines.append(
                    en ? "  \(head): \(who), not yet confirmed) gives up \(way.mentorID) and is left without a mentor; total fit \(fit)"
                        : "  \(head): \(who), vēl nav apstiprināts) atdod \(way.mentorID) un paliek bez mentora; kopējā atbilstība \(fit)"
                )
            } else if way.moves.isEmpty {
                lines.append(en ? "  \(head): a free place; nothing else changes" : "  \(head): brīva vieta; nekas cits nemainās")
            } else {
                let moves = way.moves.count
                lines.append(
                    en ? "  \(head) after \(counted(moves, "move")); total fit \(fit):"
                        : "  \(head) pēc \(Latvian.counted(moves, "pārcelšanas", "pārcelšanām")); kopējā atbilstība \(fit):"
                )
                for move in way.moves {
                    let scores = "(\(score) \(number(move.scoreBefore, 3)) → \(number(move.scoreAfter, 3)))"
                    lines.append(
                        en ? "       move \(move.menteeID) from \(move.fromMentorID) to \(move.toMentorID) \(scores)"
                            : "       pārcelt \(move.menteeID) no \(move.fromMentorID) pie \(move.toMentorID) \(scores)"
                    )
                }
            }
        }
        if !placement.blockedMentorIDs.isEmpty {
            lines.append(
                (en ? "Held by locks or current pairs: " : "Aizņemti ar fiksētiem vai pašreizējiem pāriem: ")
                    + placement.blockedMentorIDs.joined(separator: ", ")
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func signed(_ value: Double, _ number: (Double, Int) -> String) -> String {
        (value >= 0 ? "+" : "") + number(value, 3)
    }

    static func render(_ explanation: MenteeExplanation, _ language: ReportLanguage = .en) -> String {
        let explanation = explanation.worded(in: language)
        let number = numberFormat(language)
        let en = language == .en
        var lines = [
            en ? "Young person \(explanation.menteeID) in \(explanation.place)\(explanation.isRemote ? " (remote)" : "")"
                : "Jaunietis \(explanation.menteeID), \(explanation.place)\(explanation.isRemote ? " (attāls pagasts)" : "")",
            explanation.assignedMentorID.map { (en ? "Suggested mentor: " : "Ieteiktais mentors: ") + $0 }
                ?? (en ? "Unmatched: " : "Bez mentora: ") + (explanation.unmatched?.reason ?? ""),
        ]
        if !explanation.alternatives.isEmpty {
            let (score, room, full) = en ? ("score", ", has room", ", full") : ("vērtējums", ", ir brīva vieta", ", aizņemts")
            lines.append(
                (en ? "Alternatives: " : "Alternatīvas: ")
                    + explanation.alternatives.map { "\($0.mentorID) (\(score) \(number($0.score, 3)), \(number($0.distanceKm, 1)) km\($0.hasRoom ? room : full))" }
                    .joined(separator: "; ")
            )
        }
        lines.append("")
        lines.append(contentsOf: table(
            header: en
                ? ["mentor", "km", "shared min", "load", "score", "travel", "interests", "gender", "priority", "waiting", "fails"]
                : ["mentors", "km", "kopīgās min", "slodze", "vērtējums", "brauciens", "intereses", "dzimums", "prioritāte", "gaidīšana", "neatbilst"],
            rows: explanation.mentors.map { check in
                let parts = check.score.map {
                    [number($0.total, 3), number($0.travel, 2), number($0.interests, 2), number($0.genderPreference, 2), number($0.priority, 2), number($0.waiting, 2)]
                } ?? Array(repeating: "", count: 6)
                return [check.mentorID, number(check.distanceKm, 1), "\(check.sharedMinutes)", "\(check.assigned)/\(check.capacity)"]
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

    /// Fixed decimals with the language's decimal mark: `12.3` in English, `12,3` in Latvian.
    static func numberFormat(_ language: ReportLanguage) -> (Double, Int) -> String {
        switch language {
        case .en: { fixed($0, $1) }
        case .lv: { fixed($0, $1).replacingOccurrences(of: ".", with: ",") }
        }
    }
}
