import Foundation
import MentorMatchCore

/// `mentors.csv`: one line per mentor.
///
/// Columns `id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km`, optionally
/// `interests`, and `lat`,`lon` together for an explicit point instead of the place centre.
/// Lists (`specialisations`, `languages`, `interests`) are separated by `;` or `,`.
public enum MentorsCSV {
    static let columns = CSVColumns(
        kind: "mentors",
        required: ["id", "age", "gender", "place", "capacity", "availability", "specialisations", "languages",
                   "max_travel_km"],
        optional: ["interests", "lat", "lon"],
        requiresRows: true, keyColumn: "id"
    )

    /// Reads the file's rows into mentors, reporting syntax problems; check the result with ``InputValidator``.
    /// - Parameter source: The file name as the user gave it.
    public static func read(_ data: Data, source: String) -> ParsedRecords<Mentor> {
        CSVInputTable.read(data, source: source, columns: columns) { row in mentor(from: &row, id: row.text("id")) }
    }

    /// A mentor from a row with the mentor columns (profiles and applicants files share them), problems reported
    /// on the row.
    static func mentor(from row: inout CSVRow, id: String) -> Mentor? {
        let age = row.integer("age", fix: Phrase("enter the age in whole years, such as 34",
                                                 lv: "ierakstiet vecumu pilnos gados, piemēram, 34"))
        let gender = row.gender("gender")
        let capacity = row.integer("capacity", fix: Phrase("enter how many young people the mentor takes: 1, 2 or 3",
                                                           lv: "ierakstiet, cik jauniešus mentors uzņem: 1, 2 vai 3"))
        let availability = row.availability("availability")
        let maxTravelKm = row.decimal("max_travel_km", fix: Phrase("enter how far the mentor will travel, in km, such as 15",
                                                                 lv: "ierakstiet, cik tālu mentors brauks, kilometros, piemēram, 15"))
        let point = row.optionalPoint()
        guard let age, let gender, let capacity, let availability, let maxTravelKm else { return nil }
        return Mentor(
            id: id, age: age, gender: gender,
            location: Location(place: row.text("place"), coordinate: point),
            capacity: capacity, availability: availability,
            specialisations: row.tokens("specialisations"), languages: row.tokens("languages"),
            maxTravelKm: maxTravelKm, interests: row.tokens("interests")
        )
    }

    /// The text of a `mentors.csv` holding these mentors, with every column, that ``read(_:source:)`` reads back
    /// to the same values.
    public static func text(_ mentors: [Mentor]) -> String {
        let rows = mentors.map { mentor in
            [mentor.id, String(mentor.age), mentor.gender.rawValue, mentor.location.place, String(mentor.capacity),
             mentor.availability.description, mentor.specialisations.joined(separator: "; "),
             mentor.languages.joined(separator: "; "), plainNumber(mentor.maxTravelKm),
             mentor.interests.joined(separator: "; ")] + pointFields(mentor.location.coordinate)
        }
        return CSVWriter.text(header: columns.required + columns.optional, rows: rows)
    }
}

/// `lat`,`lon` fields, blank when the person uses the place centre.
func pointFields(_ coordinate: Coordinate?) -> [String] {
    guard let coordinate else { return ["", ""] }
    return [plainNumber(coordinate.latitude), plainNumber(coordinate.longitude)]
}

/// `30` rather than `30.0`; otherwise Swift's shortest text that reads back to the same `Double`.
func plainNumber(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
