import Foundation
import MentorMatchFormats
import Planning
import Testing

struct PlanChartsTests {
    /// The numbers of every `<rect …>` with a `<title>` (the bars), as (title, y, height).
    private func bars(_ svg: String) -> [(title: String, y: Double, height: Double)] {
        svg.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("<rect x="), let titleStart = line.range(of: "<title>"),
                let titleEnd = line.range(of: "</title>") else { return nil }
            func number(_ name: String) -> Double? {
                guard let start = line.range(of: " \(name)=\"") else { return nil }
                return Double(line[start.upperBound...].prefix { $0 != "\"" })
            }
            guard let y = number("y"), let height = number("height") else { return nil }
            return (String(line[titleStart.upperBound..<titleEnd.lowerBound]), y, height)
        }
    }

    @Test func drawsEachVariantsDemandAndFitsTheAxisAndTheLabels() throws {
        let base = [PlaceDemand(place: "Suntaži", youngPeople: 2, served: 2),
                    PlaceDemand(place: "Lielvārdes pagasts", youngPeople: 1, served: 1)]
        let doubled = [PlaceDemand(place: "Suntaži", youngPeople: 4, served: 3),
                       PlaceDemand(place: "Lielvārdes pagasts", youngPeople: 2, served: 1)]
        let svg = PlanCharts.demandByPlace([(name: "base", places: base), (name: "demand-x2", places: doubled)], title: "t")
        let drawn = bars(svg)
        // Each variant's own young people are drawn: demand-x2's Suntaži bar stands for 4, not the base's 2.
        let doubledDemand = try #require(drawn.first { $0.title == "Suntaži: demand-x2, young people 4" })
        let doubledServed = try #require(drawn.first { $0.title == "Suntaži: demand-x2, served 3" })
        #expect(doubledServed.height < doubledDemand.height)
        #expect(drawn.filter { $0.title.contains("young people") }.count == 4)
        // The axis fits what is drawn: the tallest bar (4) reaches the top tick, 4.
        #expect(svg.contains(">4</text>"))
        #expect(!svg.contains(">5</text>"))
        let plotTop = try #require(drawn.map(\.y).min())
        let baseServed = try #require(drawn.first { $0.title == "Suntaži: base, served 2" })
        #expect(abs(baseServed.height * 2 - doubledDemand.height) < 0.2)
        #expect(abs(doubledDemand.y - plotTop) < 0.01)
        // The longest label fits below the plot: 18 characters at about 6 px, rotated by 40°, in the bottom margin.
        let plotBottom = doubledDemand.y + doubledDemand.height
        let heightText = try #require(svg.range(of: "height=\"")).upperBound
        let height = try #require(Double(svg[heightText...].prefix { $0 != "\"" }))
        #expect(height - plotBottom >= 18 * 6 * sin(40 * Double.pi / 180) + 12)
    }
}
