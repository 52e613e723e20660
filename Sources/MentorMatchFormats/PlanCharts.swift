import Foundation
import Planning

/// Hand-written SVG charts for planners: served against recruits, and demand against served by place.
/// Plain SVG 1.1 with inline styles, so any browser or office program opens them; no dependency.
public enum PlanCharts {
    static let width = 760.0
    static let height = 460.0
    static let margin = (left: 90.0, right: 80.0, top: 80.0, bottom: 70.0)
    static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    /// Young people served and served from remote places against the number of recruits (left axis), with the
    /// recruits' cost (right axis) when any recruit costs something.
    public static func servedVersusRecruits(_ curve: [RecruitmentPlan], mentees: Int, title: String) -> String {
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let maxRecruits = max(1, curve.count - 1)
        let maxServed = max(1, mentees)
        let maxCost = curve.map(\.cost).max() ?? 0
        func x(_ recruits: Int) -> Double { margin.left + plotWidth * Double(recruits) / Double(maxRecruits) }
        func y(_ value: Double, _ top: Double) -> Double { margin.top + plotHeight * (1 - value / top) }
        var svg = header(title: title)
        svg += axes(xLabel: "recruits", yLabel: "young people")
        for tick in ticks(maxServed) {
            svg += line(margin.left - 5, y(Double(tick), Double(maxServed)), margin.left + plotWidth, y(Double(tick), Double(maxServed)), colour: "#e5e5e5")
            svg += text("\(tick)", margin.left - 8, y(Double(tick), Double(maxServed)) + 4, anchor: "end")
        }
        for tick in ticks(maxRecruits) {
            svg += text("\(tick)", x(tick), margin.top + plotHeight + 18, anchor: "middle")
        }
        var series: [(String, String, [Double], Double)] = [
            ("served", colours[0], curve.map { Double($0.served) }, Double(maxServed)),
            ("served from remote places", colours[2], curve.map { Double($0.servedRemote) }, Double(maxServed)),
        ]
        if maxCost > 0 {
            series.append(("cost of recruits (EUR, right axis)", colours[3], curve.map(\.cost), maxCost))
            for fraction in [0.0, 0.5, 1.0] {
                svg += text(euros(maxCost * fraction), margin.left + plotWidth + 8, y(maxCost * fraction, maxCost) + 4, anchor: "start")
            }
        }
        for (index, (name, colour, values, top)) in series.enumerated() {
            let points = values.enumerated().map { "\(format(x($0.offset))),\(format(y($0.element, top)))" }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"\(points.joined(separator: " "))\"/>\n"
            for (recruits, value) in values.enumerated() {
                let shown: String = value.rounded() == value ? String(Int(value)) : euros(value)
                let label = "\(recruits) recruits: \(name) \(shown)"
                svg += "<circle cx=\"\(format(x(recruits)))\" cy=\"\(format(y(value, top)))\" r=\"3.5\" fill=\"\(colour)\">"
                svg += "<title>\(escaped(label))</title></circle>\n"
            }
            svg += legend(name, colour: colour, row: index)
        }
        return svg + "</svg>\n"
    }

    /// Per place: young people waiting and, for each variant, those served: grouped bars.
    public static func demandByPlace(_ series: [(name: String, places: [PlaceDemand])], title: String) -> String {
        let places = Array(Set(series.flatMap { $0.places.map(\.place) })).sorted()
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        var demand: [String: Int] = [:]
        for place in series.first?.places ?? [] { demand[place.place] = place.youngPeople }
        let largest: Int = series.flatMap { $0.places.map(\.youngPeople) }.max() ?? 1
        let top = max(1, largest)
        let groupWidth = plotWidth / Double(max(1, places.count))
        let barWidth = groupWidth * 0.8 / Double(series.count + 1)
        func y(_ value: Int) -> Double { margin.top + plotHeight * (1 - Double(value) / Double(top)) }
        var svg = header(title: title)
        svg += axes(xLabel: "", yLabel: "young people")
        for tick in ticks(top) {
            svg += line(margin.left - 5, y(tick), margin.left + plotWidth, y(tick), colour: "#e5e5e5")
            svg += text("\(tick)", margin.left - 8, y(tick) + 4, anchor: "end")
        }
        var bars: [(name: String, colour: String, values: [String: Int])] = [
            (name: "young people (\(series.first?.name ?? "base"))", colour: "#bbbbbb", values: demand)
        ]
        for (index, entry) in series.enumerated() {
            var served: [String: Int] = [:]
            for place in entry.places { served[place.place] = place.served }
            bars.append((name: "served: \(entry.name)", colour: colours[index % colours.count], values: served))
        }
        for (placeIndex, place) in places.enumerated() {
            let left = margin.left + groupWidth * Double(placeIndex) + groupWidth * 0.1
            for (barIndex, bar) in bars.enumerated() {
                let value = bar.values[place, default: 0]
                let barLeft = left + barWidth * Double(barIndex)
                let barHeight = margin.top + plotHeight - y(value)
                svg += "<rect x=\"\(format(barLeft))\" y=\"\(format(y(value)))\" width=\"\(format(barWidth))\" "
                svg += "height=\"\(format(barHeight))\" fill=\"\(bar.colour)\">"
                svg += "<title>\(escaped(place)): \(escaped(bar.name)) \(value)</title></rect>\n"
            }
            let centre = left + groupWidth * 0.4
            svg += "<text x=\"\(format(centre))\" y=\"\(format(margin.top + plotHeight + 12))\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-40 \(format(centre)) \(format(margin.top + plotHeight + 12)))\">\(escaped(place))</text>\n"
        }
        for (index, bar) in bars.enumerated() { svg += legend(bar.name, colour: bar.colour, row: index) }
        return svg + "</svg>\n"
    }

    // MARK: - Pieces

    static func header(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
            + text(title, width / 2, 24, anchor: "middle", size: 15)
    }

    static func axes(xLabel: String, yLabel: String) -> String {
        let bottom = height - margin.bottom
        return line(margin.left, margin.top, margin.left, bottom, colour: "#333333")
            + line(margin.left, bottom, width - margin.right, bottom, colour: "#333333")
            + text(xLabel, margin.left + (width - margin.left - margin.right) / 2, height - 22, anchor: "middle")
            + "<text x=\"18\" y=\"\(format(margin.top + (bottom - margin.top) / 2))\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(format(margin.top + (bottom - margin.top) / 2)))\">\(escaped(yLabel))</text>\n"
    }

    /// Legend entries in rows of three across the top margin, clear of the data.
    static func legend(_ name: String, colour: String, row: Int) -> String {
        let column = Double(row % 3)
        let x = margin.left + column * (width - margin.left - margin.right) / 3
        let y = 44 + Double(row / 3) * 15
        return "<rect x=\"\(format(x))\" y=\"\(format(y - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>\n"
            + text(name, x + 14, y, anchor: "start")
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String) -> String {
        "<line x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\" stroke=\"\(colour)\"/>\n"
    }

    static func text(_ content: String, _ x: Double, _ y: Double, anchor: String, size: Int = 11) -> String {
        "<text x=\"\(format(x))\" y=\"\(format(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\">\(escaped(content))</text>\n"
    }

    /// About six round ticks from 0 to `top`.
    static func ticks(_ top: Int) -> [Int] {
        let step = max(1, Int((Double(top) / 6).rounded(.up)))
        return Array(stride(from: 0, through: top, by: step))
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func euros(_ value: Double) -> String { "EUR " + String(format: "%.0f", value) }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
