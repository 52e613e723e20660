import Foundation

/// HTML markup built so that escaping cannot be forgotten: the literal parts of an `HTML` string literal are markup,
/// every interpolated `String` is escaped, an interpolated `HTML` (or `[HTML]`) is inserted as it is, and numbers
/// are written as digits. There is no way to interpolate anything else, so a value from a file or a form always
/// passes through ``escape(_:)``.
///
/// ```swift
/// let row: HTML = "<td class=\"mentor\">\(pair.mentorID)</td>"
/// ```
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var markup: String

    init(stringLiteral value: StaticString) { markup = value.description }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    private init(markup: String) { self.markup = markup }

    /// Markup written by MentorMatch's own writers (the SVG of ``ProgrammeMap`` and the plan charts), which escape
    /// every value they place in it. Never for text from a request or a file.
    static func generated(_ markup: String) -> HTML { HTML(markup: markup) }

    static let empty: HTML = ""

    /// A translated text with markup in its places: the text is escaped, then each `{0}`, `{1}` … becomes the markup
    /// of the value at that index (`"{0} no {1}"` with two `<span>`s).
    static func template(_ text: String, _ values: HTML...) -> HTML {
        var markup = escape(text)
        for (index, value) in values.enumerated() { markup = markup.replacingOccurrences(of: "{\(index)}", with: value.markup) }
        return HTML(markup: markup)
    }

    var description: String { markup }

    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(markup: lhs.markup + rhs.markup) }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity + 16 * interpolationCount) }

        /// Only literals written in the source are markup (`StaticString`): a runtime string cannot get here.
        mutating func appendLiteral(_ literal: StaticString) { markup += literal.description }
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        mutating func appendInterpolation(_ list: [HTML]) { for html in list { markup += html.markup } }
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }
    }
}

extension Array where Element == HTML {
    func joined() -> HTML { reduce(HTML.empty, +) }
}
