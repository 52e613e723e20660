import Foundation
import MentorMatch

/// Renders what-if answers for a planner's terminal: variants side by side, recruits in sentences.
enum PlanTerminalReport {
    static func render(_ report: PlanReport, files: [String], out: String) -> String {
        var lines = ["Scenario \(report.scenario): \(counted(report.variants.count, "variant")) in \(TerminalReport.fixed(report.seconds, 2)) s", ""]
        lines += variantTable(report.variants, budget: report.costModel.budgetEUR)
        lines.append("")
        for outcome in report.variants {
            let dominated = report.variants.filter { Dominance.dominates(outcome, $0) }.map(\.name)
            if !outcome.dominatedBy.isEmpty {
                lines.append("\(outcome.name) is dominated by \(outcome.dominatedBy.joined(separator: ", ")) (serves no more, no more from remote places, costs no less)")
            } else {
                lines.append("\(outcome.name) is on the Pareto front" + (dominated.isEmpty ? "" : "; it dominates \(dominated.joined(separator: ", "))"))
            }
        }
        if let recruitment = report.recruitment {
            lines.append("")
            lines += render(recruitment)
        }
        if let simulation = report.simulation {
            lines.append("")
            lines += simulationTable(simulation)
        }
        lines.append("")
        lines.append("Wrote \(files.joined(separator: ", ")) to \(out)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One column per variant, one row per figure.
    static func variantTable(_ outcomes: [VariantOutcome], budget: Double?) -> [String] {
        func row(_ name: String, _ value: (VariantOutcome) -> String) -> [String] { [name] + outcomes.map(value) }
        var rows = [
            row("mentors (recruits)") { "\($0.mentors) (+\($0.recruits))" },
            row("served") { "\($0.served) of \($0.mentees)" },
            row("served from remote places") { "\($0.servedRemote) of \($0.remoteMentees)" },
            row("unmatched by need") { largest($0.unmatchedByNeed) },
            row("unmatched by place") { largest($0.unmatchedByPlace) },
            row("idle mentors") { String($0.idleMentors) },
            row("mean travel km") { TerminalReport.fixed($0.meanTravelKm, 1) },
            row("mentor load") { "\(TerminalReport.fixed($0.mentorLoad * 100, 0)) %" },
            row("cost EUR") { TerminalReport.fixed($0.cost.total, 0) },
            row("cost per young person served") { $0.costPerServed.map { TerminalReport.fixed($0, 0) } ?? "–" },
        ]
        if let budget {
            rows.append(row("within budget EUR \(TerminalReport.fixed(budget, 0))") { $0.cost.total <= budget ? "yes" : "no" })
        }
        return TerminalReport.table(header: ["variant"] + outcomes.map(\.name), rows: rows)
    }

    /// The three largest counts, `Ogre 11; Lielvārde 3; Rembate 3 (+12 more)`: the CSV has them all.
    static func largest(_ counts: [String: Int]) -> String {
        let sorted = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let shown = sorted.prefix(3).map { "\($0.key) \($0.value)" }.joined(separator: "; ")
        return sorted.count > 3 ? shown + " (+\(sorted.count - 3) more)" : (shown.isEmpty ? "–" : shown)
    }

    static func render(_ answer: RecruitmentAnswer) -> [String] {
        var lines: [String] = []
        let target = switch answer.target {
        case .share(let share)?: "to serve \(TerminalReport.fixed(share * 100, 0)) % of the \(answer.reachable) young people who fit a mentor or profile"
        case .everyRemotePlace?: "to serve every young person in a remote place who fits a mentor or profile"
        case nil: "with at most \(answer.curve.count - 1) recruits"
        }
        let plan = answer.recommended
        lines.append("Recruitment \(target): \(counted(plan.totalRecruits, "recruit")), serving \(plan.served) of \(answer.mentees) "
            + "(\(plan.servedRemote) from remote places), recruits' cost EUR \(TerminalReport.fixed(plan.cost, 0))")
        lines += answer.recommendationLines.map { "  \($0)" }
        lines.append("  re-matched with the engine: \(answer.rematchedServed) served")
        if answer.reachable < answer.mentees {
            lines.append("  \(counted(answer.mentees - answer.reachable, "young person", plural: "young people")) fit no current mentor and no profile")
        }
        lines.append("")
        lines += TerminalReport.table(
            header: ["recruits", "served", "remote", "gain", "cost EUR"],
            rows: answer.curve.enumerated().map { recruits, plan in
                [String(recruits), String(plan.served), String(plan.servedRemote),
                 recruits == 0 ? "" : "+\(plan.served - answer.curve[recruits - 1].served)", TerminalReport.fixed(plan.cost, 0)]
            }
        )
        let best = answer.marginalValues.prefix(3).filter { $0.extraServed > 0 }
        if !best.isEmpty {
            lines.append("")
            lines.append("One more mentor helps most " + best.map {
                "\(answer.profiles[$0.profileIndex].summary) (+\($0.extraServed), remote +\($0.extraServedRemote))"
            }.joined(separator: "; "))
        }
        return lines
    }

    static func render(_ selection: ApplicantSelection) -> [String] {
        let accepted = selection.decisions.filter(\.accepted)
        var lines = ["Accept \(counted(accepted.count, "applicant")): serving \(selection.plan.served) young people "
            + "(\(selection.plan.servedRemote) from remote places); re-matched with the engine: \(selection.rematchedServed)"]
        lines += TerminalReport.table(
            header: ["applicant", "accepted", "place", "remote", "experienced", "serves", "reason"],
            rows: selection.decisions.map { decision in
                [decision.applicantID, PlanFiles.yesNo(decision.accepted), decision.place, PlanFiles.yesNo(decision.livesRemote),
                 PlanFiles.yesNo(decision.isExperienced), String(decision.serves.count), decision.reason]
            }
        )
        return lines
    }

    static func simulationTable(_ outcomes: [SimulationOutcome]) -> [String] {
        ["Simulation (90th percentile wait against the target):"] + TerminalReport.table(
            header: ["variant", "referrals", "never servable", "pairs", "mean wait wk", "p90 wait wk", "longest list", "mentors needed"],
            rows: outcomes.map { outcome in
                let report = outcome.report
                return [outcome.variant, String(report.referrals), String(report.neverServable), String(report.pairsFormed),
                        TerminalReport.fixed(report.meanWaitWeeks, 1), TerminalReport.fixed(report.p90WaitWeeks, 1),
                        String(report.longestWaitingList), outcome.mentorsNeeded.map(String.init) ?? "more than tried"]
            }
        )
    }
}
