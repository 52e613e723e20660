import Foundation
import MentorMatchCore

/// `mentees.csv`: one line per young person on the waiting list.
///
/// Columns `id,age,gender,place,availability,needs,languages`, optionally `interests`, `mentor_gender`
/// (female, male, other or blank), `gender_preference` (`hard` or `soft`, default soft, only with
/// `mentor_gender`), `priority` (0–5, blank is 0), `waiting_since` (YYYY-MM-DD), and `lat`,`lon` together.
public enum MenteesCSV {
    static let columns = CSVColumns(
        kind: "mentees",
        required: ["id", "age", "gender", "place", "availability", "needs", "languages"],
        optional: ["interests", "mentor_gender", "gender_preference", "priority", "waiting_since", "lat", "lon"],
        requiresRows: true, keyColumn: "id"
    )

    /// Reads the file's rows into mentees, reporting syntax problems; check the result with ``InputValidator``.
    /// - Parameter source: The file name as the user gave it.
    public static func read(_ data: Data, source: String) -> ParsedRecords<Mentee> {
        CSVInputTable.read(data, source: source, columns: columns) { row in mentee(from: &row) }
    }

    /// A mentee from a row with the mentee columns (a JSON document's records are read as rows too), problems
    /// reported on the row.
    static func mentee(from row: inout CSVRow) -> Mentee? {
        let age = row.integer("age", fix: Phrase("enter the age in whole years, such as 16",
                                                 lv: "ierakstiet vecumu pilnos gados, piemēram, 16"))
        let gender = row.gender("gender")
        let availability = row.availability("availability")
        let preference = genderPreference(&row)
        let priority = row.integer("priority", defaultValue: 0,
                                   fix: Phrase("enter a whole number from 0 to 5, or leave it blank",
                                               lv: "ierakstiet veselu skaitli no 0 līdz 5 vai atstājiet tukšu"))
        let waitingSince = waitingDate(&row)
        let point = row.optionalPoint()
        guard let age, let gender, let availability, let preference, let priority, let waitingSince else {
            return nil
        }
        return Mentee(
            id: row.text("id"), age: age, gender: gender,
            location: Location(place: row.text("place"), coordinate: point),
            availability: availability, needs: row.tokens("needs"), languages: row.tokens("languages"),
            interests: row.tokens("interests"), mentorGenderPreference: preference.value,
            priority: priority, waitingSince: waitingSince.value
        )
    }

    /// A field that read cleanly and may be blank, so that `nil` around it can still mean "could not be read".
    private struct ReadField<Value> {
        var value: Value?
    }

    private static func genderPreference(_ row: inout CSVRow) -> ReadField<GenderPreference>? {
        let strengthText = row.text("gender_preference")
        var strength = GenderPreference.Strength.soft
        if !strengthText.isEmpty {
            guard let parsed = GenderPreference.Strength(rawValue: strengthText.lowercased()) else {
                let quoted = InputText.excerpt(strengthText)
                row.report("gender_preference",
                           problem: Phrase("gender_preference '\(quoted)' is neither hard nor soft",
                                           lv: "gender_preference '\(quoted)' nav ne hard, ne soft"),
                           fix: Phrase("write hard (never pair against the wish) or soft (prefer it), or leave it blank for soft",
                                       lv: "rakstiet hard (nekad nesavienot pretēji vēlmei) vai soft (dot priekšroku), vai atstājiet tukšu, kas nozīmē soft"))
                return nil
            }
            strength = parsed
        }
        guard !row.text("mentor_gender").isEmpty else {
            guard strengthText.isEmpty else {
                row.report("gender_preference",
                           problem: Phrase("gender_preference is given but mentor_gender is blank",
                                           lv: "gender_preference ir norādīts, bet mentor_gender ir tukšs"),
                           fix: Phrase("fill in mentor_gender (female, male or other), or leave gender_preference blank",
                                       lv: "aizpildiet mentor_gender (sieviete, vīrietis vai cits) vai atstājiet gender_preference tukšu"))
                return nil
            }
            return ReadField(value: nil)
        }
        guard let gender = row.gender("mentor_gender") else { return nil }
        return ReadField(value: GenderPreference(gender: gender, strength: strength))
    }

    private static func waitingDate(_ row: inout CSVRow) -> ReadField<LocalDate>? {
        let text = row.text("waiting_since")
        guard !text.isEmpty else { return ReadField(value: nil) }
        guard let date = LocalDate(text: text) else {
            let quoted = InputText.excerpt(text)
            row.report("waiting_since",
                       problem: Phrase("waiting_since '\(quoted)' is not a date", lv: "waiting_since '\(quoted)' nav datums"),
                       fix: Phrase("write the referral date as YYYY-MM-DD or DD.MM.YYYY, such as 2024-02-14 or 14.02.2024",
                                   lv: "rakstiet nosūtījuma datumu kā DD.MM.GGGG vai GGGG-MM-DD, piemēram, 14.02.2024 vai 2024-02-14"))
            return nil
        }
        return ReadField(value: date)
    }

    /// The text of a `mentees.csv` holding these mentees, with every column, that ``read(_:source:)`` reads back
    /// to the same values.
    public static func text(_ mentees: [Mentee]) -> String {
        let rows = mentees.map { mentee in
            [mentee.id, String(mentee.age), mentee.gender.rawValue, mentee.location.place,
             mentee.availability.description, mentee.needs.joined(separator: "; "),
             mentee.languages.joined(separator: "; "), mentee.interests.joined(separator: "; "),
             mentee.mentorGenderPreference?.gender.rawValue ?? "",
             mentee.mentorGenderPreference?.strength.rawValue ?? "",
             String(mentee.priority), mentee.waitingSince?.description ?? ""] + pointFields(mentee.location.coordinate)
        }
        return CSVWriter.text(header: columns.required + columns.optional, rows: rows)
    }
}
