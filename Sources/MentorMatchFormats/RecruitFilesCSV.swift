import Foundation
import MentorMatchCore
import Planning

/// `profiles.csv`: kinds of recruit a programme could find. The columns of `mentors.csv` without `id`, plus an
/// optional `available` (how many such people could be found; blank for as many as needed) and `cost` (EUR per
/// recruit; blank for the training cost per recruit).
public enum ProfilesCSV {
    static let columns = CSVColumns(
        kind: "profiles",
        required: MentorsCSV.columns.required.filter { $0 != "id" },
        optional: MentorsCSV.columns.optional + ["available", "cost"],
        requiresRows: true, keyColumn: nil
    )

    /// Reads and checks the profiles against the places and the policy, as mentors are checked.
    /// - Throws: ``InputError`` with every problem, each naming the file, line and column.
    public static func load(path: String, places: [Place], policy: Policy) throws(InputError) -> [RecruitProfile] {
        let parsed = CSVInputTable.read(try contentsOfFile(path), source: path, columns: columns) { row -> RecruitProfile? in
            let available = row.text("available").isEmpty
                ? nil : row.integer("available", fix: Phrase("enter how many such people could be found, or leave it blank",
                                                             lv: "ierakstiet, cik šādu cilvēku varētu atrast, vai atstājiet tukšu"))
            let cost = row.text("cost").isEmpty ? nil : row.decimal("cost", fix: Phrase("enter the EUR cost of one recruit, such as 150",
                                                                                         lv: "ierakstiet viena piesaistītā izmaksas eiro, piemēram, 150"))
            if let available, !InputLimits.recruits.contains(available) {
                let limit = InputLimits.recruits.upperBound
                row.report("available", problem: Phrase("available \(available) is outside 0–\(limit)",
                                                        lv: "available \(available) nav robežās 0–\(limit)"),
                           fix: Phrase("enter 0 or more, or leave it blank for no limit",
                                       lv: "ierakstiet 0 vai vairāk, vai atstājiet tukšu, ja nav ierobežojuma"))
            }
            if let cost, !InputLimits.euros.contains(cost) {
                row.report("cost", problem: Phrase("cost \(plainNumber(cost)) is outside 0–999,999,999 EUR",
                                                   lv: "cost \(plainNumber(cost)) nav robežās 0–999 999 999 EUR"),
                           fix: Phrase("enter a cost of 0 EUR or more, below a billion",
                                       lv: "ierakstiet izmaksas no 0 EUR, mazākas par miljardu"))
            }
            guard let mentor = MentorsCSV.mentor(from: &row, id: "line \(row.line ?? 0)") else { return nil }
            return RecruitProfile(mentor: mentor, available: available, cost: cost)
        }
        try checked(parsed, mentors: parsed.records.map(\.mentor), places: places, policy: policy)
        // The covering programme's search grows faster than linearly with the profiles (100 rows 3 s, 200 rows 45 s).
        guard parsed.records.count <= InputLimits.profiles else {
            throw InputError(issues: [InputIssue(
                source: path, field: "profiles",
                problem: "the file has \(InputLimits.grouped(parsed.records.count)) profiles; at most "
                    + "\(InputLimits.profiles) are allowed, as the recruitment question grows too fast with more",
                fix: "merge profiles that differ only in details that do not decide a match, or split the question")])
        }
        return parsed.records
    }

    /// Row problems, then the mentor rules (ages, capacities, known places) on the rows that read.
    static func checked<Record>(
        _ parsed: ParsedRecords<Record>, mentors: [Mentor], places: [Place], policy: Policy
    ) throws(InputError) {
        let source = parsed.source
        let ruleIssues = InputValidator.issues(
            in: MatchingInput(mentors: mentors, mentees: [], places: places), policy: policy,
            sources: SourceMap(mentors: source)
        ).filter { $0.source == source.name }
        let issues = parsed.issues + ruleIssues
        if !issues.isEmpty { throw InputError(issues: issues) }
    }
}

/// `applicants.csv`: real people who applied. The columns of `mentors.csv`, plus optional
/// `secondary_education` (yes/no; Ogre requires it) and `experienced` (yes/no: two years of non-formal education
/// or one year of youth work, which Ogre prefers).
public enum ApplicantsCSV {
    static let columns = CSVColumns(
        kind: "applicants",
        required: MentorsCSV.columns.required,
        optional: MentorsCSV.columns.optional + ["secondary_education", "experienced"],
        requiresRows: true, keyColumn: "id"
    )

    /// Reads and checks the applicants. Ages from 18 read here: an applicant under the policy's minimum mentor age
    /// is not an input error but someone the selection turns down, with the reason.
    /// - Throws: ``InputError`` with every problem.
    public static func load(path: String, places: [Place], policy: Policy) throws(InputError) -> [Applicant] {
        let parsed = CSVInputTable.read(try contentsOfFile(path), source: path, columns: columns) { row -> Applicant? in
            let education = row.text("secondary_education").isEmpty ? nil : row.flag("secondary_education")
            let experienced = row.text("experienced").isEmpty ? false : row.flag("experienced")
            guard let mentor = MentorsCSV.mentor(from: &row, id: row.text("id")), let experienced else { return nil }
            return Applicant(mentor: mentor, hasSecondaryEducation: education, isExperienced: experienced)
        }
        var screening = policy
        screening.minimumMentorAge = 18
        try ProfilesCSV.checked(parsed, mentors: parsed.records.map(\.mentor), places: places, policy: screening)
        return parsed.records
    }
}
