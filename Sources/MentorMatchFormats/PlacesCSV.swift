import Foundation
import MentorMatchCore

/// `places.csv`: `place,lat,lon,remote`, one line per town or parish.
///
/// Place names match exactly (after trimming; Unicode-equivalent spellings are equal, as Swift compares
/// strings by canonical equivalence). Near misses are not matched but suggested in the issue.
public enum PlacesCSV {
    static let columns = CSVColumns(
        kind: "places", required: ["place", "lat", "lon", "remote"], optional: [], requiresRows: true,
        keyColumn: "place"
    )

    /// Reads the file's rows into places, reporting syntax problems; check the result with ``InputValidator``.
    /// - Parameter source: The file name as the user gave it.
    public static func read(_ data: Data, source: String) -> ParsedRecords<Place> {
        CSVInputTable.read(data, source: source, columns: columns) { row in
            let point = row.point()
            let isRemote = row.flag("remote")
            guard let point, let isRemote else { return nil }
            return Place(name: row.text("place"), coordinate: point, isRemote: isRemote)
        }
    }

    /// The text of a `places.csv` that ``read(_:source:)`` reads back to the same places.
    public static func text(_ places: [Place]) -> String {
        let rows = places.map { place in
            [place.name, plainNumber(place.coordinate.latitude), plainNumber(place.coordinate.longitude),
             place.isRemote ? "yes" : "no"]
        }
        return CSVWriter.text(header: columns.required, rows: rows)
    }
}
