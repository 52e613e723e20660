import Foundation
import MentorMatchCore

/// Points bucketed into latitude rows at least one search radius high and sorted by longitude within each row, so
/// that every point within the radius of a query lies in the 3 rows around the query's row, in a longitude window
/// as wide as the radius allows at the query's latitude: candidate search looks at nearby mentors only, not at all
/// of them.
struct SpatialGrid: Sendable {
    private let rowHeight: Double
    /// The first row's number (rows count from the south pole) and each row's slice of `longitudes` and `members`.
    private let firstRow: Int
    private let rows: [Range<Int>]
    /// Longitudes and point indices, by row, then by longitude.
    private let longitudes: [Double]
    private let members: [Int32]

    init(points: [Coordinate], radiusKm: Double) {
        let height = max(radiusKm / Coordinate.kilometresPerDegreeOfLatitude * 1.01, 0.01)
        let rowOfPoint = points.map { Self.row($0, height) }
        let order = points.indices.sorted { a, b in
            rowOfPoint[a] != rowOfPoint[b] ? rowOfPoint[a] < rowOfPoint[b] : points[a].longitude < points[b].longitude
        }
        let first = order.first.map { rowOfPoint[$0] } ?? 0
        var rows = [Range<Int>](repeating: 0..<0, count: order.last.map { rowOfPoint[$0] - first + 1 } ?? 0)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && rowOfPoint[order[end]] == rowOfPoint[order[start]] { end += 1 }
            rows[rowOfPoint[order[start]] - first] = start..<end
            start = end
        }
        rowHeight = height
        firstRow = first
        self.rows = rows
        longitudes = order.map { points[$0].longitude }
        members = order.map { Int32($0) }
    }

    /// Calls `body` with every point index in the window around `point` (a superset of those within the radius).
    func forEachIndex(near point: Coordinate, _ body: (Int) -> Void) {
        // Along a meridian the distance is at least the latitude difference; across, at least the longitude
        // difference times the cosine of the highest latitude either point can have (less a few percent for
        // curvature, hence 1.1).
        let highest = min(89.0, abs(point.latitude) + rowHeight)
        let halfWidth = rowHeight * 1.1 / max(cos(highest * Double.pi / 180), 0.01)
        let queryRow = Self.row(point, rowHeight)
        for row in (queryRow - 1)...(queryRow + 1) where row >= firstRow && row - firstRow < rows.count {
            let slice = rows[row - firstRow]
            if halfWidth >= 180 {
                for position in slice { body(Int(members[position])) }
                continue
            }
            let (west, east) = (point.longitude - halfWidth, point.longitude + halfWidth)
            visit(slice, from: west, to: east, body)
            // Windows over the antimeridian continue on the other side.
            if west < -180 { visit(slice, from: west + 360, to: 180, body) }
            if east > 180 { visit(slice, from: -180, to: east - 360, body) }
        }
    }

    private func visit(_ slice: Range<Int>, from west: Double, to east: Double, _ body: (Int) -> Void) {
        var low = slice.lowerBound
        var high = slice.upperBound
        while low < high {
            let middle = (low + high) / 2
            if longitudes[middle] < west { low = middle + 1 } else { high = middle }
        }
        var position = low
        while position < slice.upperBound && longitudes[position] <= east {
            body(Int(members[position]))
            position += 1
        }
    }

    private static func row(_ point: Coordinate, _ rowHeight: Double) -> Int {
        // Latitudes lie in -90…90 (checked on input) and rows are at least 0.01° high.
        Int(rounding: (point.latitude + 90) / rowHeight, .down, clampedTo: 0...18_000) ?? 0
    }
}
