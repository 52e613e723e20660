/// A calendar date without a time zone, as written in files (`2024-02-14`).
public struct LocalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date, or `nil` when the day does not exist (such as 2023-02-29) or the year is outside
    /// ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), LocalDate.supportedYears.contains(year),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// The years a date read from outside may have: no programme, referral or day off lies outside them, and
    /// within them day counts and month arithmetic cannot overflow.
    public static let supportedYears = 1900...2200

    /// A date computed from a valid one (a day count, a month later); it may lie a little beyond
    /// ``supportedYears``, which only input is checked against.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`.
    ///
    /// Reads the UTF-8 bytes: the parts must be digits (a leading `+` reads, as `Int(_:)` reads it), so bytes and
    /// `Character`s give the same answer.
    public init?(iso text: String) {
        var text = text
        guard let (year, month, day) = text.withUTF8({ bytes -> (Int, Int, Int)? in
            let parts = bytes.split(separator: UInt8(ascii: "-"), maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                let year = PlainText.wholeNumber(parts[0]), let month = PlainText.wholeNumber(parts[1]),
                let day = PlainText.wholeNumber(parts[2])
            else { return nil }
            return (year, month, day)
        }) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Reads a date as people write it: ISO `YYYY-MM-DD`, or `DD.MM.YYYY` as Latvian Excel shows dates (one-digit
    /// day and month, and a closing point as in `14.02.2024.`, read too).
    public init?(text: String) {
        if let date = LocalDate(iso: text) {
            self = date
            return
        }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts[3].isEmpty { parts.removeLast() }
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// How a date may be written, for messages.
    public static let formats = "YYYY-MM-DD or DD.MM.YYYY"

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), by Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(InputText.excerpt(text))' is not a date "
                        + "\(LocalDate.formats) from \(LocalDate.supportedYears.lowerBound) "
                        + "to \(LocalDate.supportedYears.upperBound)")
            )
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
