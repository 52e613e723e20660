import Foundation
import Matching
import MentorMatchCore

/// A map of a matched programme drawn as SVG from the places' coordinates: no tiles and nothing fetched, so it opens
/// offline in any browser. A circle per place with people (its size by how many), remote places ringed, places with
/// young people left unmatched marked, and a line per pair of places joined by pairs (its width by how many). Each
/// place's tooltip (`<title>`) lists who is there.
///
/// People are drawn at their place's centre, never at an explicit point: a geocoded home does not belong on a map
/// that is shared.
public enum ProgrammeMap {
    static let width = 900.0
    /// The tallest drawing; a programme wider than tall gets a shorter one.
    static let maximumHeight = 700.0
    static let margin = (left: 40.0, right: 130.0, top: 70.0, bottom: 60.0)
    /// Above this many places with people, only the busiest are labelled (every place keeps its tooltip).
    static let labelledPlaces = 40

    /// The map of `result` over the places and people of `input`.
    /// - Parameter title: The heading, such as the programme's name; "Pairs by place" (or its Latvian) without one.
    public static func svg(
        _ input: MatchingInput, result: MatchingResult, title: String? = nil, language: ReportLanguage = .en
    ) -> String {
        let words = Words(language)
        let title = title ?? words.title
        let places = Dictionary(input.places.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let mentorPlace = Dictionary(input.mentors.map { ($0.id, $0.location.place) }, uniquingKeysWith: { first, _ in first })
        let menteePlace = Dictionary(input.mentees.map { ($0.id, $0.location.place) }, uniquingKeysWith: { first, _ in first })
        let unmatched = Set(result.unmatched.map(\.menteeID))
        var people: [String: PlacePeople] = [:]
        for mentor in input.mentors { people[mentor.location.place, default: PlacePeople()].mentors.append(mentor.id) }
        for mentee in input.mentees {
            if unmatched.contains(mentee.id) {
                people[mentee.location.place, default: PlacePeople()].unmatched.append(mentee.id)
            } else {
                people[mentee.location.place, default: PlacePeople()].served.append(mentee.id)
            }
        }
        var links: [PlaceLink: Int] = [:]
        var pairsWithin: [String: Int] = [:]
        for pair in result.pairs {
            guard let from = mentorPlace[pair.mentorID], let to = menteePlace[pair.menteeID] else { continue }
            if from == to { pairsWithin[from, default: 0] += 1 } else { links[PlaceLink(from, to), default: 0] += 1 }
        }
        let shown = people.keys.compactMap { places[$0] }.sorted { $0.name < $1.name }
        let projection = Projection(shown.map(\.coordinate))
        let height = projection.drawingHeight + margin.top + margin.bottom

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(height))" width="\(format(width))" \
            height="\(format(height))" role="img" aria-labelledby="map-title map-description" font-family="sans-serif">
            <title id="map-title">\(escaped(title))</title>
            <desc id="map-description">\(escaped(words.description(places: shown.count, pairs: result.pairs.count, unmatched: unmatched.count)))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(format(margin.left))" y="32" font-size="18" fill="#1a1a1a">\(escaped(title))</text>
            <text x="\(format(margin.left))" y="52" font-size="12" fill="#404040">\(escaped(words.subtitle(served: result.pairs.count, youngPeople: input.mentees.count, unmatched: unmatched.count)))</text>

            """
        svg += "<g class=\"pairs\" stroke=\"#3b6ea5\" stroke-opacity=\"0.7\" stroke-linecap=\"round\">\n"
        for (link, count) in links.sorted(by: { ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second) }) {
            guard let from = places[link.first], let to = places[link.second] else { continue }
            let start = projection.point(from.coordinate), end = projection.point(to.coordinate)
            svg += "<line x1=\"\(format(start.x))\" y1=\"\(format(start.y))\" x2=\"\(format(end.x))\" y2=\"\(format(end.y))\" "
                + "stroke-width=\"\(format(min(8, 1 + Double(count))))\"><title>\(escaped(words.link(link.first, link.second, count)))</title></line>\n"
        }
        svg += "</g>\n<g class=\"places\">\n"
        let busiestFirst = shown.sorted { (people[$0.name]?.count ?? 0, $1.name) > (people[$1.name]?.count ?? 0, $0.name) }
        let labels = LabelLayout.place(busiestFirst.prefix(labelledPlaces).map { place in
            (place.name, projection.point(place.coordinate), 4 + 2 * Double(people[place.name]?.count ?? 0).squareRoot())
        })
        for place in shown {
            let here = people[place.name] ?? PlacePeople()
            let centre = projection.point(place.coordinate)
            let radius = 4 + 2 * Double(here.count).squareRoot()
            let classes = ["place"] + (place.isRemote ? ["remote"] : []) + (here.unmatched.isEmpty ? [] : ["has-unmatched"])
            svg += "<g class=\"\(classes.joined(separator: " "))\">"
            svg += "<title>\(escaped(words.tooltip(place, here, pairsWithin: pairsWithin[place.name] ?? 0)))</title>"
            svg += "<circle cx=\"\(format(centre.x))\" cy=\"\(format(centre.y))\" r=\"\(format(radius))\" fill=\"#6a9fd4\" "
                + "fill-opacity=\"0.85\" stroke=\"\(place.isRemote ? "#8c4a00" : "#23476e")\" "
                + "stroke-width=\"\(place.isRemote ? "3" : "1")\"\(place.isRemote ? " stroke-dasharray=\"4 2\"" : "")/>"
            if !here.unmatched.isEmpty {
                svg += "<circle cx=\"\(format(centre.x + radius * 0.75))\" cy=\"\(format(centre.y - radius * 0.75))\" r=\"6\" "
                    + "fill=\"#b2182b\"/><text x=\"\(format(centre.x + radius * 0.75))\" y=\"\(format(centre.y - radius * 0.75 + 3.5))\" "
                    + "font-size=\"9\" text-anchor=\"middle\" fill=\"#ffffff\">\(here.unmatched.count)</text>"
            }
            if let label = labels[place.name] {
                svg += "<text x=\"\(format(label.x))\" y=\"\(format(label.y))\" font-size=\"11\" text-anchor=\"\(label.anchor)\" "
                    + "fill=\"#1a1a1a\">\(escaped(place.name))</text>"
            }
            svg += "</g>\n"
        }
        svg += "</g>\n" + legend(words, top: height - margin.bottom + 28)
        return svg + "</svg>\n"
    }

    /// One row under the map: each mark and what it means.
    private static func legend(_ words: Words, top: Double) -> String {
        var svg = "<g class=\"legend\" font-size=\"11\" fill=\"#1a1a1a\">\n"
        var x = margin.left + 8
        let y = format(top), textY = format(top + 4)
        func entry(_ mark: String, _ text: String) {
            svg += mark + "<text x=\"\(format(x + 14))\" y=\"\(textY)\">\(escaped(text))</text>\n"
            x += 14 + LabelLayout.textWidth(text) + 28
        }
        entry("<circle cx=\"\(format(x))\" cy=\"\(y)\" r=\"7\" fill=\"#6a9fd4\" stroke=\"#23476e\"/>", words.place)
        entry("<circle cx=\"\(format(x))\" cy=\"\(y)\" r=\"7\" fill=\"#6a9fd4\" stroke=\"#8c4a00\" stroke-width=\"3\" "
              + "stroke-dasharray=\"4 2\"/>", words.remote)
        entry("<circle cx=\"\(format(x))\" cy=\"\(y)\" r=\"6\" fill=\"#b2182b\"/>", words.unmatchedLegend)
        entry("<line x1=\"\(format(x - 8))\" y1=\"\(y)\" x2=\"\(format(x + 8))\" y2=\"\(y)\" stroke=\"#3b6ea5\" "
              + "stroke-width=\"3\"/>", words.pairsLegend)
        return svg + "</g>\n"
    }

    /// Where each place's name goes: right of its circle, else left, above or below, wherever it overlaps no circle
    /// and no name placed before (busiest places first); a name that fits nowhere is left to the tooltip.
    enum LabelLayout {
        struct Label {
            var x: Double
            var y: Double
            var anchor: String
        }

        struct Box {
            var minX: Double, minY: Double, maxX: Double, maxY: Double

            func overlaps(_ other: Box) -> Bool {
                minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
            }
        }

        /// About 0.58 em per character at font size 11, enough for Latvian names.
        static func textWidth(_ text: String) -> Double { Double(text.count) * 6.4 }

        static func place(_ places: [(name: String, centre: (x: Double, y: Double), radius: Double)]) -> [String: Label] {
            let circles = places.map { place in
                Box(minX: place.centre.x - place.radius, minY: place.centre.y - place.radius,
                    maxX: place.centre.x + place.radius, maxY: place.centre.y + place.radius)
            }
            var names: [Box] = []
            var labels: [String: Label] = [:]
            for (index, place) in places.enumerated() {
                let width = textWidth(place.name), (x, y, radius) = (place.centre.x, place.centre.y, place.radius)
                let options = [
                    Label(x: x + radius + 3, y: y + 4, anchor: "start"),
                    Label(x: x - radius - 3, y: y + 4, anchor: "end"),
                    Label(x: x, y: y - radius - 4, anchor: "middle"),
                    Label(x: x, y: y + radius + 12, anchor: "middle"),
                ]
                for option in options {
                    let minX = option.anchor == "start" ? option.x : option.anchor == "end" ? option.x - width : option.x - width / 2
                    let box = Box(minX: minX, minY: option.y - 10, maxX: minX + width, maxY: option.y + 2)
                    let free = !names.contains { $0.overlaps(box) }
                        && !circles.enumerated().contains { $0.offset != index && $0.element.overlaps(box) }
                    if free, box.minX >= 0, box.maxX <= ProgrammeMap.width {
                        labels[place.name] = option
                        names.append(box)
                        break
                    }
                }
            }
            return labels
        }
    }

    /// Who is at one place.
    struct PlacePeople {
        var mentors: [String] = []
        var served: [String] = []
        var unmatched: [String] = []

        var count: Int { mentors.count + served.count + unmatched.count }
    }

    /// Two places joined by pairs, in name order, so that pairs either way count together.
    struct PlaceLink: Hashable {
        let first: String
        let second: String

        init(_ one: String, _ other: String) { (first, second) = one < other ? (one, other) : (other, one) }
    }

    /// Longitude scaled by the cosine of the middle latitude (distances look right at Latvia's 57° N), fitted into
    /// the drawing's width, or its greatest height when the places spread further north to south than that allows.
    struct Projection {
        let minX: Double, maxY: Double, scale: Double, cosine: Double
        /// The height the places take at this scale.
        let drawingHeight: Double

        init(_ coordinates: [Coordinate]) {
            let latitudes = coordinates.map(\.latitude), longitudes = coordinates.map(\.longitude)
            let middle = ((latitudes.min() ?? 0) + (latitudes.max() ?? 0)) / 2
            cosine = cos(middle * Double.pi / 180)
            minX = (longitudes.min() ?? 0) * cosine
            maxY = latitudes.max() ?? 0
            let spanX = max(1e-6, (longitudes.max() ?? 0) * cosine - minX)
            let spanY = max(1e-6, maxY - (latitudes.min() ?? 0))
            scale = min((ProgrammeMap.width - margin.left - margin.right) / spanX,
                        (ProgrammeMap.maximumHeight - margin.top - margin.bottom) / spanY)
            drawingHeight = max(120, spanY * scale)
        }

        func point(_ coordinate: Coordinate) -> (x: Double, y: Double) {
            (margin.left + (coordinate.longitude * cosine - minX) * scale, margin.top + (maxY - coordinate.latitude) * scale)
        }
    }

    /// The map's words in one language; both say the same facts.
    struct Words {
        let language: ReportLanguage

        init(_ language: ReportLanguage) { self.language = language }

        var title: String { language == .lv ? "Pāri pa vietām" : "Pairs by place" }
        var place: String { language == .lv ? "vieta (lielums: cilvēku skaits)" : "place (size: people there)" }
        var remote: String { language == .lv ? "attāls pagasts" : "remote parish" }
        var unmatchedLegend: String { language == .lv ? "jaunieši bez mentora" : "young people not matched" }
        var pairsLegend: String { language == .lv ? "pāri starp vietām" : "pairs between places" }

        func subtitle(served: Int, youngPeople: Int, unmatched: Int) -> String {
            language == .lv
                ? "Mentors atrasts \(served) no \(youngPeople) jauniešiem; bez mentora: \(unmatched)"
                : "\(served) of \(youngPeople) young people served; not matched: \(unmatched)"
        }

        func description(places: Int, pairs: Int, unmatched: Int) -> String {
            language == .lv
                ? "Karte ar \(places) vietām un \(pairs) pāriem; līnija savieno mentora un jaunieša vietu; "
                    + "\(unmatched) jaunieši bez mentora atzīmēti sarkanā krāsā."
                : "Map of \(places) places and \(pairs) pairs; a line joins a mentor's place and the young person's; "
                    + "\(unmatched) young people not matched are marked in red."
        }

        func link(_ first: String, _ second: String, _ count: Int) -> String {
            language == .lv ? "\(first) – \(second): pāri \(count)" : "\(first) – \(second): \(count) pair\(count == 1 ? "" : "s")"
        }

        func tooltip(_ place: Place, _ people: PlacePeople, pairsWithin: Int) -> String {
            func list(_ ids: [String]) -> String { ids.isEmpty ? "–" : ids.sorted().joined(separator: ", ") }
            let remote = place.isRemote ? (language == .lv ? " (attāls pagasts)" : " (remote parish)") : ""
            if language == .lv {
                return "\(place.name)\(remote). Mentori: \(list(people.mentors)). Jaunieši ar mentoru: \(list(people.served)). "
                    + "Bez mentora: \(list(people.unmatched)). Pāri šajā vietā: \(pairsWithin)."
            }
            return "\(place.name)\(remote). Mentors: \(list(people.mentors)). Young people matched: \(list(people.served)). "
                + "Not matched: \(list(people.unmatched)). Pairs within the place: \(pairsWithin)."
        }
    }

    static func format(_ value: Double) -> String { PlanCharts.format(value) }

    static func escaped(_ text: String) -> String { PlanCharts.escaped(text) }
}
