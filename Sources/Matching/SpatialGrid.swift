import Foundation
import MentorMatchCore

/// Points bucketed into latitude–longitude cells at least one search radius wide, so that every point within the
/// radius of a query lies in the 3 × 3 cells around the query's cell: candidate search looks at nearby mentors
/// only, not at all of them.
struct SpatialGrid: Sendable {
    private let cellLatitude: Double
    private let cellLongitude: Double
    /// Cells around the globe at one latitude; columns wrap at the antimeridian.
    private let columns: Int
    /// Each occupied cell's slice of `members`.
    private let cells: [Int: Range<Int>]
    /// Point indices, grouped by cell.
    private let members: [Int32]

    init(points: [Coordinate], radiusKm: Double) {
        // Along a meridian the distance is at least the latitude difference; across, at least the longitude
        // difference times the cosine of the highest latitude (less a few percent for curvature, hence 1.1).
        let latitudeDegrees = max(radiusKm / Coordinate.kilometresPerDegreeOfLatitude * 1.01, 0.01)
        let highest = min(89.0, (points.map { abs($0.latitude) }.max() ?? 0) + latitudeDegrees)
        let longitudeDegrees = min(360, latitudeDegrees * 1.1 / max(cos(highest * Double.pi / 180), 0.01))
        let columns = max(1, Int((360 / longitudeDegrees).rounded(.down)))
        cellLatitude = latitudeDegrees
        cellLongitude = 360 / Double(columns)
        self.columns = columns
        var grouped: [Int: [Int32]] = [:]
        for (index, point) in points.enumerated() {
            let cell = Self.key(row: Self.row(point, latitudeDegrees), column: Self.column(point, 360 / Double(columns), columns))
            grouped[cell, default: []].append(Int32(index))
        }
        var members: [Int32] = []
        members.reserveCapacity(points.count)
        var cells: [Int: Range<Int>] = [:]
        for (key, indices) in grouped {
            cells[key] = members.count..<(members.count + indices.count)
            members.append(contentsOf: indices)
        }
        self.cells = cells
        self.members = members
    }

    /// Calls `body` with every point index in the cells around `point` (a superset of those within the radius).
    func forEachIndex(near point: Coordinate, _ body: (Int) -> Void) {
        let row = Self.row(point, cellLatitude)
        let column = Self.column(point, cellLongitude, columns)
        let columnOffsets = columns >= 3 ? [-1, 0, 1] : Array(0..<columns).map { $0 - column }
        for rowOffset in -1...1 {
            for columnOffset in columnOffsets {
                let wrapped = ((column + columnOffset) % columns + columns) % columns
                guard let range = cells[Self.key(row: row + rowOffset, column: wrapped)] else { continue }
                for position in range { body(Int(members[position])) }
            }
        }
    }

    private static func row(_ point: Coordinate, _ cellLatitude: Double) -> Int {
        Int(((point.latitude + 90) / cellLatitude).rounded(.down))
    }

    private static func column(_ point: Coordinate, _ cellLongitude: Double, _ columns: Int) -> Int {
        Int(((point.longitude + 180) / cellLongitude).rounded(.down)) % columns
    }

    private static func key(row: Int, column: Int) -> Int { row << 32 | column }
}
