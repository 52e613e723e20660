import MentorMatchCore

/// Why one mentor fails one hard rule for one young person, as facts that each language puts into words.
public enum RuleFact: Sendable, Hashable {
    case tooFar(distanceKm: Double, limitKm: Double)
    case noSharedLanguage(mentorLanguages: [String], menteeLanguages: [String])
    case untrained(missing: [String])
    case tooYoung(age: Int, minimumAge: Int)
    case otherGender(mentor: Gender, requested: Gender?)
    case tooLittleTime(sharedMinutes: Int, neededMinutes: Int)
    case forbidden

    /// "31.2 km away, limit 25 km" / "31,2 km attālumā, robeža 25 km".
    public func text(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (.tooFar(let distance, let limit), .en): "\(RuleWording.km(distance)) away, limit \(RuleWording.km(limit))"
        case (.tooFar(let distance, let limit), .lv): "\(Latvian.km(distance)) attālumā, robeža \(Latvian.km(limit))"
        case (.noSharedLanguage(let mentor, let mentee), .en):
            "speaks \(mentor.joined(separator: "/")), not \(mentee.joined(separator: "/"))"
        case (.noSharedLanguage(let mentor, let mentee), .lv):
            "runā \(mentor.joined(separator: "/")), ne \(mentee.joined(separator: "/"))"
        case (.untrained(let missing), .en): "not trained in \(missing.joined(separator: ", "))"
        case (.untrained(let missing), .lv): "nav specializācijas: \(missing.joined(separator: ", "))"
        case (.tooYoung(let age, let minimum), .en): "aged \(age), needs to be at least \(minimum)"
        case (.tooYoung(let age, let minimum), .lv): "vecums \(age), jābūt vismaz \(minimum)"
        case (.otherGender(let mentor, let requested), .en):
            "is \(mentor.rawValue), the young person asks for \(requested?.rawValue ?? "")"
        case (.otherGender(let mentor, let requested), .lv):
            "ir \(Latvian.gender(mentor).nominative), jaunietis lūdz \(requested.map { Latvian.gender($0).accusative } ?? "")"
        case (.tooLittleTime(let shared, let needed), .en):
            "shares at most \(shared) min of weekly time, needs \(needed)"
        case (.tooLittleTime(let shared, let needed), .lv):
            "kopīgs laiks nedēļā ne vairāk kā \(shared) min, vajag \(needed)"
        case (.forbidden, .en): "pair forbidden by the coordinator"
        case (.forbidden, .lv): "koordinators šo pāri ir aizliedzis"
        }
    }
}

/// Why the last mentors left in a young person's field all fail the next rule.
public enum FieldExhaustion: Sendable, Hashable {
    /// The nearest of the mentors still in the field, when there is one.
    case travel(nearest: NearestMentor?)
    case language(menteeLanguages: [String])
    case specialisation(needs: [String])
    case ageGap(minimumAge: Int)
    case genderPreference(requested: Gender?)
    case availability(meetingMinutes: Int)
    case forbidden

    /// "none speaks ru" / "neviens nerunā ru".
    public func text(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (.travel(let nearest), .en):
            "none is within travel range"
                + (nearest.map { " (nearest: \($0.mentorID) at \(RuleWording.km($0.distanceKm)), limit \(RuleWording.km($0.limitKm)))" } ?? "")
        case (.travel(let nearest), .lv):
            "neviens nav sasniedzamā attālumā"
                + (nearest.map { " (tuvākais: \($0.mentorID) \(Latvian.km($0.distanceKm)) attālumā, robeža \(Latvian.km($0.limitKm)))" } ?? "")
        case (.language(let languages), .en): "none speaks \(languages.joined(separator: " or "))"
        case (.language(let languages), .lv): "neviens nerunā \(Latvian.list(languages, lastJoin: "vai"))"
        case (.specialisation(let needs), .en): "none is trained in \(needs.joined(separator: " and "))"
        case (.specialisation(let needs), .lv): "nevienam nav vajadzīgās specializācijas (\(Latvian.list(needs, lastJoin: "un")))"
        case (.ageGap(let minimum), .en): "none is at least \(minimum) years old"
        case (.ageGap(let minimum), .lv): "neviens nav vismaz \(Latvian.counted(minimum, "gadu", "gadus")) vecs"
        case (.genderPreference(let requested), .en):
            "none is \(requested?.rawValue ?? "") as the young person requires"
        case (.genderPreference(let requested), .lv):
            "neviens nav \(requested.map { Latvian.gender($0).nominative } ?? ""), kā prasa jaunietis"
        case (.availability(let minutes), .en): "none shares a \(minutes)-minute weekly window with the young person"
        case (.availability(let minutes), .lv): "nevienam nav ar jaunieti kopīga \(minutes) min laika loga nedēļā"
        case (.forbidden, .en): "the coordinator forbade every remaining pair"
        case (.forbidden, .lv): "koordinators ir aizliedzis visus atlikušos pārus"
        }
    }
}

/// The nearest mentor still in the field, and how far beyond the travel limit.
public struct NearestMentor: Sendable, Hashable {
    public var mentorID: String
    public var distanceKm: Double
    public var limitKm: Double

    public init(mentorID: String, distanceKm: Double, limitKm: Double) {
        (self.mentorID, self.distanceKm, self.limitKm) = (mentorID, distanceKm, limitKm)
    }
}

extension HardRule {
    /// "share a language": what the mentors still in the field have in common. Latvian verbs of the third person do
    /// not change with the count, so one phrase serves "1 runā" and "5 runā".
    func passingPhrase(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (.travel, .en): "are within travel range"
        case (.travel, .lv): "ir sasniedzamā attālumā"
        case (.language, .en): "share a language"
        case (.language, .lv): "runā kopīgā valodā"
        case (.specialisation, .en): "have the needed specialisations"
        case (.specialisation, .lv): "atbilst vajadzīgajām specializācijām"
        case (.ageGap, .en): "are old enough"
        case (.ageGap, .lv): "atbilst vecuma prasībai"
        case (.genderPreference, .en): "are of the required gender"
        case (.genderPreference, .lv): "atbilst prasītajam dzimumam"
        case (.availability, .en): "share a weekly window"
        case (.availability, .lv): "var tikties kopīgā nedēļas laikā"
        case (.forbidden, .en): "are not forbidden"
        case (.forbidden, .lv): "nav koordinatora aizliegumā"
        }
    }

    /// The rule's name in prose: `travel` in English (as in the policy), "attālums" in Latvian.
    public func name(_ language: ReportLanguage) -> String {
        switch language {
        case .en: rawValue
        case .lv:
            switch self {
            case .travel: "attālums"
            case .language: "valoda"
            case .specialisation: "specializācija"
            case .ageGap: "vecuma starpība"
            case .genderPreference: "dzimuma vēlme"
            case .availability: "kopīgs laiks"
            case .forbidden: "aizliegums"
            }
        }
    }
}
