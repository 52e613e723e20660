/// A trusted adult who meets one to three young people regularly.
public struct Mentor: Sendable, Hashable, Codable, Identifiable {
    /// A pseudonymous identifier; never a name.
    public var id: String
    public var age: Int
    public var gender: Gender
    public var location: Location
    /// How many young people the mentor takes at once (1–3 under the programmes' rules).
    public var capacity: Int
    public var availability: WeeklyAvailability
    /// Trained topics such as `intellectual-disability` or `addiction`; sorted, unique, lower-case.
    public var specialisations: [String]
    /// Language codes such as `lv`, `ru`; sorted, unique, lower-case.
    public var languages: [String]
    /// How far the mentor is willing to travel to meet, in kilometres.
    public var maxTravelKm: Double
    /// Free-form interest tokens (sport, music, …) that add to the fit score when shared.
    public var interests: [String]

    public init(
        id: String, age: Int, gender: Gender, location: Location, capacity: Int,
        availability: WeeklyAvailability, specialisations: [String], languages: [String],
        maxTravelKm: Double, interests: [String] = []
    ) {
        self.id = id
        self.age = age
        self.gender = gender
        self.location = location
        self.capacity = capacity
        self.availability = availability
        self.specialisations = TokenList.normalised(specialisations)
        self.languages = TokenList.normalised(languages)
        self.maxTravelKm = maxTravelKm
        self.interests = TokenList.normalised(interests)
    }

    enum CodingKeys: String, CodingKey {
        case id, age, gender, location, capacity, availability, specialisations, languages, interests
        case maxTravelKm = "max_travel_km"
    }
}

/// A young person (13–25) on the waiting list.
public struct Mentee: Sendable, Hashable, Codable, Identifiable {
    /// A pseudonymous identifier; never a name.
    public var id: String
    public var age: Int
    public var gender: Gender
    public var location: Location
    public var availability: WeeklyAvailability
    /// Specialisations the mentor must have, such as `intellectual-disability`; sorted, unique, lower-case.
    public var needs: [String]
    /// Language codes; the pair must share one. Sorted, unique, lower-case.
    public var languages: [String]
    public var interests: [String]
    /// A wish about the mentor's gender, hard or soft.
    public var mentorGenderPreference: GenderPreference?
    /// Urgency set by the coordinator, 0 (none) to 5 (most urgent).
    public var priority: Int
    /// The referral date; longer waits add to the fit score.
    public var waitingSince: LocalDate?

    public init(
        id: String, age: Int, gender: Gender, location: Location, availability: WeeklyAvailability,
        needs: [String], languages: [String], interests: [String] = [],
        mentorGenderPreference: GenderPreference? = nil, priority: Int = 0, waitingSince: LocalDate? = nil
    ) {
        self.id = id
        self.age = age
        self.gender = gender
        self.location = location
        self.availability = availability
        self.needs = TokenList.normalised(needs)
        self.languages = TokenList.normalised(languages)
        self.interests = TokenList.normalised(interests)
        self.mentorGenderPreference = mentorGenderPreference
        self.priority = priority
        self.waitingSince = waitingSince
    }

    enum CodingKeys: String, CodingKey {
        case id, age, gender, location, availability, needs, languages, interests, priority
        case mentorGenderPreference = "mentor_gender_preference"
        case waitingSince = "waiting_since"
    }

    /// The highest priority a coordinator can give.
    public static let maximumPriority = 5
}

/// Normalises token lists (specialisations, needs, languages, interests) so that comparisons do not depend on case, order or repeats.
public enum TokenList {
    public static func normalised(_ tokens: [String]) -> [String] {
        Array(Set(tokens.map { $0.trimmingCharacters(in: " \t").lowercased() }.filter { !$0.isEmpty })).sorted()
    }
}
