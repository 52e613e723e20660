import Foundation

/// Why an availability text could not be read.
public struct AvailabilitySyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part of the text that failed.
    public var fragment: String
    /// What was wrong with it.
    public var failure: Failure

    public enum Failure: Sendable, Equatable {
        case notDayAndTime
        case unknownWeekday(String)
        case backwardDays(String)
        case notTimeRange
        case endsBeforeStart
    }

    init(fragment: String, _ failure: Failure) {
        self.fragment = fragment
        self.failure = failure
    }

    /// What was wrong, in English.
    public var problem: String {
        switch failure {
        case .notDayAndTime: "expected a weekday and a time range, as in 'Mon 16:00-18:00'"
        case .unknownWeekday(let token): "unknown weekday '\(InputText.excerpt(token))'; use Mon, Tue, … Sun"
        case .backwardDays(let token): "weekday range '\(InputText.excerpt(token))' must run forward, as in Mon-Fri"
        case .notTimeRange: "expected a time range such as 16:00-18:00"
        case .endsBeforeStart: "the window ends before it starts (windows past midnight must be split at 24:00)"
        }
    }

    /// The same, in Latvian.
    public var latvianProblem: String {
        switch failure {
        case .notDayAndTime: "jābūt nedēļas dienai un laika posmam, kā 'P 16:00-18:00'"
        case .unknownWeekday(let token): "nezināma nedēļas diena '\(InputText.excerpt(token))'; rakstiet P, O, T, C, Pk, S, Sv vai Mon … Sun"
        case .backwardDays(let token): "dienu posmam '\(InputText.excerpt(token))' jāiet uz priekšu, kā P-Pk"
        case .notTimeRange: "jābūt laika posmam, piemēram, 16:00-18:00"
        case .endsBeforeStart: "laiks beidzas, pirms sākas (laiku pāri pusnaktij sadaliet pie 24:00)"
        }
    }

    public var description: String { "'\(InputText.excerpt(fragment))': \(problem)" }
    public var latvianDescription: String { "'\(InputText.excerpt(fragment))': \(latvianProblem)" }
}

extension WeeklyAvailability {
    /// Reads windows such as `Mon 16:00-18:00; Sat 10:00-14:00`.
    ///
    /// Windows are separated by `;` or `,`. A window is a weekday (English or Latvian abbreviation or full name),
    /// or a range of weekdays such as `Mon-Fri`, then a time range `HH:MM-HH:MM` (an en dash works too, and
    /// `9-17` means whole hours). An empty text means no windows.
    /// - Throws: ``AvailabilitySyntaxError`` naming the first fragment that does not read.
    public init(parsing text: String) throws(AvailabilitySyntaxError) {
        guard !PlainText.isPlain(text) else {
            self.init(try Self.parsePlain(text))
            return
        }
        var windows: [WeeklyWindow] = []
        let pieces = text.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { $0.trimmingCharacters(in: " \t") }
            .filter { !$0.isEmpty }
        for piece in pieces {
            windows.append(contentsOf: try Self.parseWindow(piece))
        }
        self.init(windows)
    }

    // MARK: - Plain text, byte by byte

    private typealias Bytes = UnsafeBufferPointer<UInt8>.SubSequence

    /// The windows of plain text (see ``PlainText``), read as the `Character`-wise parser below reads them, but on
    /// UTF-8 bytes and without building strings, as a national waiting list holds hundreds of thousands of these.
    private static func parsePlain(_ text: String) throws(AvailabilitySyntaxError) -> [WeeklyWindow] {
        var text = text
        return try text.withUTF8 { bytes -> Result<[WeeklyWindow], AvailabilitySyntaxError> in
            var windows: [WeeklyWindow] = []
            // One buffer for the text of every piece with its dashes normalised.
            var normalised: [UInt8] = []
            normalised.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: ",") { end += 1 }
                let piece = trimmingBlanks(bytes[start..<end])
                start = end + 1
                guard !piece.isEmpty else { continue }
                normaliseDashes(piece, into: &normalised)
                let read = normalised.withUnsafeBufferPointer { plainWindow($0[...], piece: piece, into: &windows) }
                if let error = read { return .failure(error) }
            }
            return .success(windows)
        }.get()
    }

    /// Appends the windows of one piece, as ``parseWindow(_:)`` reads it, or returns why it does not read.
    /// - Parameters:
    ///   - normalised: The piece with dashes normalised.
    ///   - piece: The piece as written, for the error.
    private static func plainWindow(
        _ normalised: Bytes, piece: Bytes, into windows: inout [WeeklyWindow]
    ) -> AvailabilitySyntaxError? {
        func failure(_ failure: AvailabilitySyntaxError.Failure) -> AvailabilitySyntaxError {
            AvailabilitySyntaxError(fragment: text(piece), failure)
        }
        guard let parts = oneOrTwoParts(normalised, omittingEmpty: true, separatedBy: { $0 == UInt8(ascii: " ") }),
            let timeText = parts.second
        else {
            return failure(.notDayAndTime)
        }
        let isDash = { (byte: UInt8) in byte == UInt8(ascii: "-") }
        guard let ends = oneOrTwoParts(parts.first, omittingEmpty: false, separatedBy: isDash),
            let first = Weekday(token: text(ends.first))
        else {
            return failure(.unknownWeekday(text(parts.first)))
        }
        var last = first
        if let lastText = ends.second {
            guard let end = Weekday(token: text(lastText)), first <= end else {
                return failure(.backwardDays(text(parts.first)))
            }
            last = end
        }
        guard let times = oneOrTwoParts(timeText, omittingEmpty: false, separatedBy: isDash),
            let endText = times.second, let start = plainClock(times.first), let end = plainClock(endText)
        else {
            return failure(.notTimeRange)
        }
        guard start < end else {
            return failure(.endsBeforeStart)
        }
        for day in first.rawValue...last.rawValue {
            windows.append(WeeklyWindow(weekday: Weekday(rawValue: day)!, startMinute: start, endMinute: end))
        }
        return nil
    }

    /// As ``parseClock(_:)``, on bytes.
    private static func plainClock(_ bytes: Bytes) -> Int? {
        guard let parts = oneOrTwoParts(bytes, omittingEmpty: false, separatedBy: {
            $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
        }), parts.first.count <= 2, let hours = PlainText.wholeNumber(parts.first) else { return nil }
        var minutes = 0
        if let minuteText = parts.second {
            guard minuteText.count == 2, let value = PlainText.wholeNumber(minuteText), (0..<60).contains(value) else {
                return nil
            }
            minutes = value
        }
        let total = hours * 60 + minutes
        return (0...1440).contains(total) ? total : nil
    }

    /// The parts between separators when there are one or two, as `split` would give them; `nil` for none or more.
    private static func oneOrTwoParts(
        _ bytes: Bytes, omittingEmpty: Bool, separatedBy isSeparator: (UInt8) -> Bool
    ) -> (first: Bytes, second: Bytes?)? {
        var first: Bytes?
        var second: Bytes?
        var start = bytes.startIndex
        var index = start
        while true {
            guard index == bytes.endIndex || isSeparator(bytes[index]) else {
                index += 1
                continue
            }
            if !(omittingEmpty && start == index) {
                let part = bytes[start..<index]
                if first == nil { first = part } else if second == nil { second = part } else { return nil }
            }
            guard index < bytes.endIndex else { break }
            index += 1
            start = index
        }
        return first.map { ($0, second) }
    }

    /// As ``Swift/StringProtocol/replacingDashes()``: en and em dashes become `-`, and spaces next to a dash go.
    private static func normaliseDashes(_ piece: Bytes, into result: inout [UInt8]) {
        result.removeAll(keepingCapacity: true)
        var afterDash = false
        var index = piece.startIndex
        while index < piece.endIndex {
            var byte = piece[index]
            index += 1
            if byte == 0xE2 {  // in plain text, the lead byte of an en or em dash
                byte = UInt8(ascii: "-")
                index += 2
            }
            if byte == UInt8(ascii: "-") {
                while result.last == UInt8(ascii: " ") { result.removeLast() }
                afterDash = true
            } else if byte == UInt8(ascii: " ") {
                if afterDash { continue }
            } else {
                afterDash = false
            }
            result.append(byte)
        }
    }

    private static func trimmingBlanks(_ bytes: Bytes) -> Bytes {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private static func text(_ bytes: Bytes) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    // MARK: - Any text, by Characters

    private static func parseWindow(_ piece: String) throws(AvailabilitySyntaxError) -> [WeeklyWindow] {
        let normalised = piece.replacingDashes()
        let parts = normalised.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2 else {
            throw AvailabilitySyntaxError(fragment: piece, .notDayAndTime)
        }
        let days = try parseDays(parts[0], piece: piece)
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard times.count == 2, let start = parseClock(times[0]), let end = parseClock(times[1]) else {
            throw AvailabilitySyntaxError(fragment: piece, .notTimeRange)
        }
        guard start < end else {
            throw AvailabilitySyntaxError(fragment: piece, .endsBeforeStart)
        }
        return days.map { WeeklyWindow(weekday: $0, startMinute: start, endMinute: end) }
    }

    private static func parseDays(_ token: String, piece: String) throws(AvailabilitySyntaxError) -> [Weekday] {
        let ends = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count <= 2, let first = Weekday(token: ends[0]) else {
            throw AvailabilitySyntaxError(fragment: piece, .unknownWeekday(token))
        }
        guard ends.count == 2 else { return [first] }
        guard let last = Weekday(token: ends[1]), first <= last else {
            throw AvailabilitySyntaxError(fragment: piece, .backwardDays(token))
        }
        return Weekday.allCases.filter { $0 >= first && $0 <= last }
    }

    /// `HH:MM`, `H:MM`, `HH` or `HH.MM`; `24:00` is the end of the day. Minutes after midnight, or `nil`.
    package static func parseClock(_ text: String) -> Int? {
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
