import Foundation
import MentorMatchCore

/// The language of reasons and reports. Ids, rule names in policy keys and column names never change with it.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case lv
}

/// The few rules of Latvian grammar that reasons with counts need.
public enum Latvian {
    /// The singular form goes with numbers ending in 1 but not in 11 ("21 mentors", "11 mentori").
    public static func takesSingular(_ count: Int) -> Bool { count % 10 == 1 && count % 100 != 11 }

    /// "1 mentors", "2 mentori": the count and the form of the noun that agrees with it.
    public static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(takesSingular(count) ? singular : plural)"
    }

    /// Latvian writes a decimal comma: `31,2 km`, or `25 km` for a whole number.
    public static func km(_ value: Double) -> String { RuleWording.km(value).replacingOccurrences(of: ".", with: ",") }

    /// "ru", "ru vai lv", "ru, lv vai en".
    static func list(_ items: [String], lastJoin: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(lastJoin) " + last
    }

    static func gender(_ gender: Gender) -> (nominative: String, accusative: String) {
        switch gender {
        case .female: ("sieviete", "sievieti")
        case .male: ("vīrietis", "vīrieti")
        case .other: ("citas dzimtes", "citas dzimtes mentoru")
        }
    }
}
