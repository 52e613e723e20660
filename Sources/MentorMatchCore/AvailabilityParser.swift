import Foundation

/// Why an availability text could not be read.
public struct AvailabilitySyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part of the text that failed.
    public var fragment: String
    /// What was wrong with it.
    public var problem: String

    public var description: String { "'\(fragment)': \(problem)" }
}

extension WeeklyAvailability {
    /// Reads windows such as `Mon 16:00-18:00; Sat 10:00-14:00`.
    ///
    /// Windows are separated by `;` or `,`. A window is a weekday (English or Latvian abbreviation or full name),
    /// or a range of weekdays such as `Mon-Fri`, then a time range `HH:MM-HH:MM` (an en dash works too, and
    /// `9-17` means whole hours). An empty text means no windows.
    /// - Throws: ``AvailabilitySyntaxError`` naming the first fragment that does not read.
    public init(parsing text: String) throws(AvailabilitySyntaxError) {
        var windows: [WeeklyWindow] = []
        let pieces = text.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { $0.trimmingCharacters(in: " \t") }
            .filter { !$0.isEmpty }
        for piece in pieces {
            windows.append(contentsOf: try Self.parseWindow(piece))
        }
        self.init(windows)
    }

    private static func parseWindow(_ piece: String) throws(AvailabilitySyntaxError) -> [WeeklyWindow] {
        let normalised = piece.replacingDashes()
        let parts = normalised.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2 else {
            throw AvailabilitySyntaxError(
                fragment: piece,
                problem: "expected a weekday and a time range, as in 'Mon 16:00-18:00'"
            )
        }
        let days = try parseDays(parts[0], piece: piece)
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard times.count == 2, let start = parseClock(times[0]), let end = parseClock(times[1]) else {
            throw AvailabilitySyntaxError(fragment: piece, problem: "expected a time range such as 16:00-18:00")
        }
        guard start < end else {
            throw AvailabilitySyntaxError(
                fragment: piece,
                problem: "the window ends before it starts (windows past midnight must be split at 24:00)"
            )
        }
        return days.map { WeeklyWindow(weekday: $0, startMinute: start, endMinute: end) }
    }

    private static func parseDays(_ token: String, piece: String) throws(AvailabilitySyntaxError) -> [Weekday] {
        let ends = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count <= 2, let first = Weekday(token: ends[0]) else {
            throw AvailabilitySyntaxError(fragment: piece, problem: "unknown weekday '\(token)'; use Mon, Tue, … Sun")
        }
        guard ends.count == 2 else { return [first] }
        guard let last = Weekday(token: ends[1]), first <= last else {
            throw AvailabilitySyntaxError(fragment: piece, problem: "weekday range '\(token)' must run forward, as in Mon-Fri")
        }
        return Weekday.allCases.filter { $0 >= first && $0 <= last }
    }

    /// `HH:MM`, `H:MM`, `HH` or `HH.MM`; `24:00` is the end of the day.
    private static func parseClock(_ text: String) -> Int? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count), let hours = Int(parts[0]), parts[0].count <= 2 else { return nil }
        var minutes = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), (0..<60).contains(value) else { return nil }
            minutes = value
        }
        let total = hours * 60 + minutes
        return (0...1440).contains(total) && hours >= 0 ? total : nil
    }
}

extension StringProtocol {
    /// Replaces en and em dashes with `-`, and removes spaces around dashes, so `Mon 16:00 – 18:00` reads.
    func replacingDashes() -> String {
        var result = String(self).replacingOccurrences(of: "\u{2013}", with: "-")
            .replacingOccurrences(of: "\u{2014}", with: "-")
        while result.contains(" -") { result = result.replacingOccurrences(of: " -", with: "-") }
        while result.contains("- ") { result = result.replacingOccurrences(of: "- ", with: "-") }
        return result
    }

    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
