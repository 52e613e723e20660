import Foundation
import MentorMatchCore
import Planning

/// The files `mentormatch plan` and `mentormatch recruit` write: stable CSV columns, JSON, SVG charts.
public enum PlanFiles {
    /// Every file of a `plan` run: `variants.csv`, `plan.json`, `demand-by-place.svg`; with a recruitment answer
    /// the files of ``recruitmentFiles(_:title:)`` (its JSON is inside `plan.json`); with a simulation
    /// `simulation.csv`.
    public static func files(for report: PlanReport) throws(FormatError) -> [String: Data] {
        var files: [String: Data] = [
            "variants.csv": variantsCSV(report.variants, budget: report.costModel.budgetEUR),
            "plan.json": try json(report, output: "plan.json"),
            "demand-by-place.svg": Data(PlanCharts.demandByPlace(
                report.variants.map { ($0.name, $0.demandByPlace) }, title: "\(report.scenario): young people and served, by place"
            ).utf8),
        ]
        if let recruitment = report.recruitment {
            files.merge(try recruitmentFiles(recruitment, title: report.scenario)) { _, recruiting in recruiting }
            files.removeValue(forKey: "recruit.json")
        }
        if let simulation = report.simulation { files["simulation.csv"] = simulationCSV(simulation) }
        return files
    }

    /// The files of a recruitment answer: `recruits.csv`, `curve.csv`, `marginal.csv`, `recruit.json` and
    /// `served-vs-recruits.svg`.
    public static func recruitmentFiles(_ answer: RecruitmentAnswer, title: String) throws(FormatError) -> [String: Data] {
        [
            "recruits.csv": recruitsCSV(answer.profiles, plan: answer.recommended),
            "curve.csv": curveCSV(answer.curve),
            "marginal.csv": marginalCSV(answer.marginalValues, profiles: answer.profiles),
            "recruit.json": try json(answer, output: "recruit.json"),
            "served-vs-recruits.svg": Data(PlanCharts.servedVersusRecruits(
                answer.curve, mentees: answer.mentees, title: "\(title): young people served by number of recruits"
            ).utf8),
        ]
    }

    /// The files of an applicant selection: `selection.csv`, `recruits.csv` (the accepted, grouped), `curve.csv`,
    /// `selection.json` and `served-vs-recruits.svg`.
    public static func selectionFiles(
        _ selection: ApplicantSelection, mentees: Int, title: String
    ) throws(FormatError) -> [String: Data] {
        [
            "selection.csv": selectionCSV(selection),
            "recruits.csv": recruitsCSV(selection.profiles, plan: selection.plan),
            "curve.csv": curveCSV(selection.curve),
            "selection.json": try json(selection, output: "selection.json"),
            "served-vs-recruits.svg": Data(PlanCharts.servedVersusRecruits(
                selection.curve, mentees: mentees, title: "\(title): young people served by applicants accepted"
            ).utf8),
        ]
    }

    /// `variants.csv`, one row per variant in scenario order.
    public static func variantsCSV(_ outcomes: [VariantOutcome], budget: Double?) -> Data {
        let rows = outcomes.map { outcome -> [String] in
            var row: [String] = [outcome.name]
            row += [outcome.mentors, outcome.recruits, outcome.mentees, outcome.served, outcome.servedRemote,
                    outcome.remoteMentees, outcome.unmatched].map(String.init)
            row += [counts(outcome.unmatchedByNeed), counts(outcome.unmatchedByPlace), String(outcome.idleMentors)]
            row += [decimal(outcome.meanTravelKm, 1), decimal(outcome.mentorLoad, 3), decimal(outcome.cost.total, 2)]
            row.append(outcome.costPerServed.map { decimal($0, 2) } ?? "")
            row.append(budget.map { outcome.cost.total <= $0 ? "yes" : "no" } ?? "")
            row += [outcome.dominatedBy.joined(separator: "; "), decimal(outcome.seconds, 4)]
            return row
        }
        return Data(CSVWriter.text(header: [
            "variant", "mentors", "recruits", "mentees", "served", "served_remote", "remote_mentees", "unmatched",
            "unmatched_by_need", "unmatched_by_place", "idle_mentors", "mean_travel_km", "mentor_load", "cost_eur",
            "cost_per_served_eur", "within_budget", "dominated_by", "seconds",
        ], rows: rows).utf8)
    }

    /// `recruits.csv`: `place,specialisations,languages,count`; profiles that differ only in columns it does not
    /// show are one row.
    public static func recruitsCSV(_ profiles: [RecruitProfile], plan: RecruitmentPlan) -> Data {
        var counts: [[String]: Int] = [:]
        var order: [[String]] = []
        for index in profiles.indices where plan.recruits[index] > 0 {
            let key = columns(of: profiles[index])
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += plan.recruits[index]
        }
        let rows = order.map { key -> [String] in key + [String(counts[key]!)] }
        return Data(CSVWriter.text(header: ["place", "specialisations", "languages", "count"], rows: rows).utf8)
    }

    /// `curve.csv`: `recruits,served,served_remote,cost`, one row for every number of recruits from 0.
    public static func curveCSV(_ curve: [RecruitmentPlan]) -> Data {
        let rows = curve.enumerated().map { recruits, plan -> [String] in
            [String(recruits), String(plan.served), String(plan.servedRemote), decimal(plan.cost, 2)]
        }
        return Data(CSVWriter.text(header: ["recruits", "served", "served_remote", "cost"], rows: rows).utf8)
    }

    /// `marginal.csv`: what one recruit of each profile alone adds, most first.
    public static func marginalCSV(_ values: [MarginalValue], profiles: [RecruitProfile]) -> Data {
        let rows = values.map { value -> [String] in
            columns(of: profiles[value.profileIndex]) + [String(value.extraServed), String(value.extraServedRemote)]
        }
        return Data(CSVWriter.text(
            header: ["place", "specialisations", "languages", "extra_served", "extra_served_remote"], rows: rows
        ).utf8)
    }

    /// `selection.csv`: every applicant, accepted or not, with the reason.
    public static func selectionCSV(_ selection: ApplicantSelection) -> Data {
        let rows = selection.decisions.map { decision -> [String] in
            [decision.applicantID, yesNo(decision.accepted), decision.place, yesNo(decision.livesRemote),
             yesNo(decision.isExperienced), decision.serves.joined(separator: "; "), decision.reason]
        }
        return Data(CSVWriter.text(
            header: ["applicant_id", "accepted", "place", "remote", "experienced", "serves", "reason"], rows: rows
        ).utf8)
    }

    /// `simulation.csv`: one row per variant simulated.
    public static func simulationCSV(_ outcomes: [SimulationOutcome]) -> Data {
        let rows = outcomes.map { outcome -> [String] in
            let report = outcome.report
            var row: [String] = [outcome.variant]
            row += [report.mentors, report.referrals, report.neverServable, report.pairsFormed].map(String.init)
            row += [decimal(report.meanWaitWeeks, 1), decimal(report.p90WaitWeeks, 1)]
            row += [String(report.longestWaitingList), String(report.stillWaiting)]
            row.append(outcome.mentorsNeeded.map(String.init) ?? "")
            return row
        }
        return Data(CSVWriter.text(header: [
            "variant", "mentors", "referrals", "never_servable", "pairs_formed", "mean_wait_weeks", "p90_wait_weeks",
            "longest_waiting_list", "still_waiting", "mentors_needed",
        ], rows: rows).utf8)
    }

    /// Any planning value in the project's one JSON style.
    /// - Throws: ``FormatError`` naming `output` when the value cannot be encoded (a non-finite number).
    public static func json(_ value: some Encodable, output: String) throws(FormatError) -> Data {
        try JSONOutput.data(value, output: output)
    }

    /// `place`, `specialisations`, `languages` of a profile.
    static func columns(of profile: RecruitProfile) -> [String] {
        let mentor = profile.mentor
        return [mentor.location.place, mentor.specialisations.joined(separator: "; "), mentor.languages.joined(separator: "; ")]
    }

    /// `addiction 2; none 3`, by name.
    public static func counts(_ values: [String: Int]) -> String {
        values.keys.sorted().map { "\($0) \(values[$0]!)" }.joined(separator: "; ")
    }

    static func decimal(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    public static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
