/// A day of the week, Monday first as in Latvia.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The English three-letter abbreviation used in files: `Mon` … `Sun`.
    public var abbreviation: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
    }

    /// `P`, `O`, `T`, `C`, `Pk`, `S`, `Sv`, as Latvian calendars write them (and as availability reads them).
    public var latvianAbbreviation: String {
        ["P", "O", "T", "C", "Pk", "S", "Sv"][rawValue - 1]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Accepted spellings: English (`Mon`, `Monday`) and Latvian (`P`, `Pr`, `Pirmdiena`, `O`, `Otr`, …),
    /// case-insensitive.
    public init?(token: String) {
        guard let day = Self.spellings[token.lowercased()] else { return nil }
        self = day
    }

    /// Every accepted spelling, lower-case, built once (a file can hold a million windows).
    private static let spellings: [String: Weekday] = {
        let names: [(Weekday, [String])] = [
            (.monday, ["mon", "monday", "p", "pr", "pirmd", "pirmdiena"]),
            (.tuesday, ["tue", "tues", "tuesday", "o", "ot", "otr", "otrd", "otrdiena"]),
            (.wednesday, ["wed", "wednesday", "t", "tr", "treš", "trešd", "trešdiena"]),
            (.thursday, ["thu", "thur", "thurs", "thursday", "c", "ce", "cet", "ceturtd", "ceturtdiena"]),
            (.friday, ["fri", "friday", "pk", "piektd", "piektdiena"]),
            (.saturday, ["sat", "saturday", "s", "se", "sest", "sestd", "sestdiena"]),
            (.sunday, ["sun", "sunday", "sv", "svētd", "svētdiena"]),
        ]
        return Dictionary(uniqueKeysWithValues: names.flatMap { day, spellings in spellings.map { ($0, day) } })
    }()
}

/// One recurring weekly time window, such as `Mon 16:00-18:00`, in local time.
public struct WeeklyWindow: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var weekday: Weekday
    /// Minutes after midnight, `0..<1440`.
    public var startMinute: Int
    /// Minutes after midnight, `startMinute+1...1440` (24:00 ends the day).
    public var endMinute: Int

    public init(weekday: Weekday, startMinute: Int, endMinute: Int) {
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    public var durationMinutes: Int { endMinute - startMinute }

    /// Minutes shared with another window; zero on different weekdays.
    public func overlapMinutes(with other: WeeklyWindow) -> Int {
        guard weekday == other.weekday else { return 0 }
        return max(0, min(endMinute, other.endMinute) - max(startMinute, other.startMinute))
    }

    public static func < (lhs: WeeklyWindow, rhs: WeeklyWindow) -> Bool {
        (lhs.weekday, lhs.startMinute, lhs.endMinute) < (rhs.weekday, rhs.startMinute, rhs.endMinute)
    }

    public var description: String {
        "\(weekday.abbreviation) \(Self.clock(startMinute))-\(Self.clock(endMinute))"
    }

    static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}

/// A person's weekly windows, as written in the `availability` column.
public struct WeeklyAvailability: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Sorted windows.
    public private(set) var windows: [WeeklyWindow]

    public init(_ windows: [WeeklyWindow]) {
        self.windows = windows.sorted()
    }

    /// The stretches of time both people have: each overlap of one window of each, sorted.
    public func sharedWindows(with other: WeeklyAvailability) -> [WeeklyWindow] {
        var shared: [WeeklyWindow] = []
        for mine in windows {
            for theirs in other.windows where mine.overlapMinutes(with: theirs) > 0 {
                shared.append(
                    WeeklyWindow(
                        weekday: mine.weekday, startMinute: max(mine.startMinute, theirs.startMinute),
                        endMinute: min(mine.endMinute, theirs.endMinute)
                    )
                )
            }
        }
        return shared.sorted()
    }

    /// The longest time, in minutes, that one window of each person shares on the same weekday.
    public func longestSharedStretch(with other: WeeklyAvailability) -> Int {
        sharedWindows(with: other).map(\.durationMinutes).max() ?? 0
    }

    /// The total minutes a week that the windows cover.
    public var totalMinutes: Int { windows.reduce(0) { $0 + $1.durationMinutes } }

    public var description: String { windows.map(\.description).joined(separator: "; ") }
}

extension WeeklyAvailability {
    /// Encoded as the same text as the CSV column, such as `"Mon 16:00-18:00; Sat 10:00-14:00"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
