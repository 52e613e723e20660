import Foundation
import Matching
import MentorMatchCore
import Planning

/// Hand-written SVG charts for planners: served against recruits, and demand against served by place.
/// Plain SVG 1.1 with inline styles, so any browser or office program opens them; no dependency.
public enum PlanCharts {
    static let width = 760.0
    static let height = 460.0
    static let margin = (left: 90.0, right: 80.0, top: 80.0, bottom: 70.0)
    static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    /// Young people served and served from remote places against the number of recruits (left axis), with the
    /// recruits' cost (right axis) when any recruit costs something; axes, legend and tooltips in `language`.
    public static func servedVersusRecruits(
        _ curve: [RecruitmentPlan], mentees: Int, title: String, language: ReportLanguage = .en
    ) -> String {
        let latvian = language == .lv
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let maxRecruits = max(1, curve.count - 1)
        let maxServed = max(1, mentees)
        let maxCost = curve.map(\.cost).max() ?? 0
        func x(_ recruits: Int) -> Double { margin.left + plotWidth * Double(recruits) / Double(maxRecruits) }
        func y(_ value: Double, _ top: Double) -> Double { margin.top + plotHeight * (1 - value / top) }
        var svg = header(title: title)
        svg += axes(xLabel: latvian ? "jauni mentori" : "recruits", yLabel: latvian ? "jaunieši" : "young people")
        for tick in ticks(maxServed) {
            svg += line(margin.left - 5, y(Double(tick), Double(maxServed)), margin.left + plotWidth, y(Double(tick), Double(maxServed)), colour: "#e5e5e5")
            svg += text("\(tick)", margin.left - 8, y(Double(tick), Double(maxServed)) + 4, anchor: "end")
        }
        for tick in ticks(maxRecruits) {
            svg += text("\(tick)", x(tick), margin.top + plotHeight + 18, anchor: "middle")
        }
        var series: [(String, String, [Double], Double)] = [
            (latvian ? "apkalpoti" : "served", colours[0], curve.map { Double($0.served) }, Double(maxServed)),
            (latvian ? "apkalpoti no attāliem pagastiem" : "served from remote places", colours[2],
             curve.map { Double($0.servedRemote) }, Double(maxServed)),
        ]
        if maxCost > 0 {
            series.append((latvian ? "jauno mentoru izmaksas (EUR, labā ass)" : "cost of recruits (EUR, right axis)", colours[3],
                           curve.map(\.cost), maxCost))
            for fraction in [0.0, 0.5, 1.0] {
                svg += text(euros(maxCost * fraction), margin.left + plotWidth + 8, y(maxCost * fraction, maxCost) + 4, anchor: "start")
            }
        }
        for (index, (name, colour, values, top)) in series.enumerated() {
            let points = values.enumerated().map { "\(format(x($0.offset))),\(format(y($0.element, top)))" }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"\(points.joined(separator: " "))\"/>\n"
            for (recruits, value) in values.enumerated() {
                let shown = Int(exactly: value).map(String.init) ?? euros(value)
                let label = latvian ? "\(recruits) jauni mentori: \(name) \(shown)" : "\(recruits) recruits: \(name) \(shown)"
                svg += "<circle cx=\"\(format(x(recruits)))\" cy=\"\(format(y(value, top)))\" r=\"3.5\" fill=\"\(colour)\">"
                svg += "<title>\(escaped(label))</title></circle>\n"
            }
            svg += legend(name, colour: colour, row: index)
        }
        return svg + "</svg>\n"
    }

    /// Per place and variant, a bar of the variant's young people (light) with those it serves inside it (solid):
    /// each variant's own demand, since a variant may change it (`demand-x2`). The axis fits the tallest bar drawn,
    /// and the margins fit the longest place name.
    public static func demandByPlace(_ series: [(name: String, places: [PlaceDemand])], title: String) -> String {
        let places = Array(Set(series.flatMap { $0.places.map(\.place) })).sorted()
        let labelAngle = 40.0 * Double.pi / 180
        // About 0.6 em per character at font size 10: enough for Latvian names, whose letters are mostly narrow.
        let labelLength = Double(places.map(\.count).max() ?? 0) * 6.0
        var frame = Frame.standard
        let legendRows = (series.count + 2) / 3
        frame.top = max(frame.top, 44 + Double(legendRows) * 15 + 6)
        frame.bottom = max(frame.bottom, labelLength * sin(labelAngle) + 44)
        frame.height = frame.top + (height - margin.top - margin.bottom) + frame.bottom
        let plotWidth = frame.width - frame.left - frame.right
        let groupWidth = plotWidth / Double(max(1, places.count))
        // The first label runs left from under its group's centre; the left margin makes room for it.
        frame.left = max(frame.left, labelLength * cos(labelAngle) - groupWidth * 0.5 + 10)
        let plotBottom = frame.height - frame.bottom
        let plotHeight = plotBottom - frame.top
        let group = (frame.width - frame.left - frame.right) / Double(max(1, places.count))
        let tallest = series.flatMap { $0.places.flatMap { [$0.youngPeople, $0.served] } }.max() ?? 0
        let top = max(1, tallest)
        let barWidth = group * 0.8 / Double(max(1, series.count))
        func y(_ value: Int) -> Double { frame.top + plotHeight * (1 - Double(value) / Double(top)) }
        var svg = header(title: title, frame: frame)
        svg += axes(xLabel: "light bar: the variant's young people; solid bar: those it serves", yLabel: "young people",
                    frame: frame)
        for tick in ticks(top) {
            svg += line(frame.left - 5, y(tick), frame.width - frame.right, y(tick), colour: "#e5e5e5")
            svg += text("\(tick)", frame.left - 8, y(tick) + 4, anchor: "end")
        }
        for (placeIndex, place) in places.enumerated() {
            let left = frame.left + group * Double(placeIndex) + group * 0.1
            for (index, entry) in series.enumerated() {
                let colour = colours[index % colours.count]
                let demand = entry.places.first { $0.place == place } ?? PlaceDemand(place: place, youngPeople: 0, served: 0)
                let barLeft = format(left + barWidth * Double(index))
                svg += "<rect x=\"\(barLeft)\" y=\"\(format(y(demand.youngPeople)))\" width=\"\(format(barWidth))\" "
                svg += "height=\"\(format(plotBottom - y(demand.youngPeople)))\" fill=\"\(colour)\" fill-opacity=\"0.25\" "
                svg += "stroke=\"\(colour)\"><title>\(escaped(place)): \(escaped(entry.name)), young people \(demand.youngPeople)</title></rect>\n"
                svg += "<rect x=\"\(barLeft)\" y=\"\(format(y(demand.served)))\" width=\"\(format(barWidth))\" "
                svg += "height=\"\(format(plotBottom - y(demand.served)))\" fill=\"\(colour)\">"
                svg += "<title>\(escaped(place)): \(escaped(entry.name)), served \(demand.served)</title></rect>\n"
            }
            let centre = format(left + group * 0.4)
            let labelTop = format(plotBottom + 12)
            svg += "<text x=\"\(centre)\" y=\"\(labelTop)\" font-size=\"10\" text-anchor=\"end\" "
                + "transform=\"rotate(-40 \(centre) \(labelTop))\">\(escaped(place))</text>\n"
        }
        for (index, entry) in series.enumerated() {
            svg += legend(entry.name, colour: colours[index % colours.count], row: index, frame: frame)
        }
        return svg + "</svg>\n"
    }

    /// A chart's size and margins.
    struct Frame {
        var width: Double
        var height: Double
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double

        static let standard = Frame(width: PlanCharts.width, height: PlanCharts.height, left: margin.left,
                                    right: margin.right, top: margin.top, bottom: margin.bottom)
    }

    // MARK: - Pieces

    static func header(title: String, frame: Frame = .standard) -> String {
        let (width, height) = (Int(rounding: frame.width, .up, clampedTo: 0...Int.max) ?? 0,
                               Int(rounding: frame.height, .up, clampedTo: 0...Int.max) ?? 0)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
            + text(title, frame.width / 2, 24, anchor: "middle", size: 15)
    }

    static func axes(xLabel: String, yLabel: String, frame: Frame = .standard) -> String {
        let bottom = frame.height - frame.bottom
        let middle = format(frame.top + (bottom - frame.top) / 2)
        return line(frame.left, frame.top, frame.left, bottom, colour: "#333333")
            + line(frame.left, bottom, frame.width - frame.right, bottom, colour: "#333333")
            + text(xLabel, frame.left + (frame.width - frame.left - frame.right) / 2, frame.height - 22, anchor: "middle")
            + "<text x=\"18\" y=\"\(middle)\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(middle))\">\(escaped(yLabel))</text>\n"
    }

    /// Legend entries in rows of three across the top margin, clear of the data (rows of two when the names are long).
    static func legend(_ name: String, colour: String, row: Int, frame: Frame = .standard) -> String {
        let perRow = name.count > 40 ? 2 : 3
        let column = Double(row % perRow)
        let x = frame.left + column * (frame.width - frame.left - frame.right) / Double(perRow)
        let y = 44 + Double(row / perRow) * 15
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
        let step = max(1, (top + 5) / 6)
        return Array(stride(from: 0, through: top, by: step))
    }

    // The charts and the map hold thousands of numbers and texts: written without Foundation's formatting and
    // search-and-replace, which cost most of a small programme's map.
    static func format(_ value: Double) -> String { DecimalText.fixed(value, decimals: 1) }

    static func euros(_ value: Double) -> String { "EUR " + DecimalText.fixed(value, decimals: 0) }

    static func escaped(_ text: String) -> String {
        let special = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
        }
        guard special else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
