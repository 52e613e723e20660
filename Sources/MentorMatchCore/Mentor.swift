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

    typealias CodingKeys = PersonCodingKey
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

    typealias CodingKeys = PersonCodingKey

    /// The highest priority a coordinator can give.
    public static let maximumPriority = 5
}

/// Normalises token lists (specialisations, needs, languages, interests) so that comparisons do not depend on case, order or repeats.
public enum TokenList {
    public static func normalised(_ tokens: [String]) -> [String] {
        // Lists read from a file arrive here normalised, once more through the people's initialisers.
        guard !isNormalisedPlain(tokens) else { return tokens }
        return Array(Set(tokens.map { $0.trimmingCharacters(in: " \t").lowercased() }.filter { !$0.isEmpty })).sorted()
    }

    /// The normalised tokens of a list separated by `;` or `,`, as a file's cell holds them.
    ///
    /// Plain text (see ``PlainText``) is split and trimmed byte by byte, which gives what splitting by `Character`s
    /// gives there; other text is split by `Character`s, where a combining mark can join a separator.
    package static func normalised(list text: String) -> [String] {
        guard PlainText.isPlain(text) else {
            return normalised(text.split(whereSeparator: { $0 == ";" || $0 == "," }).map(String.init))
        }
        var text = text
        return sortedUnique(text.withUTF8 { bytes in
            var tokens: [String] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: ",") { end += 1 }
                var tokenStart = start
                var tokenEnd = end
                while tokenStart < tokenEnd, isBlank(bytes[tokenStart]) { tokenStart += 1 }
                while tokenEnd > tokenStart, isBlank(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
                if tokenStart < tokenEnd {
                    let token = UnsafeBufferPointer(rebasing: bytes[tokenStart..<tokenEnd])
                    tokens.append(String(decoding: token, as: UTF8.self).lowercased())
                }
                start = end + 1
            }
            return tokens
        })
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Sorted, each token once, as a `Set` sorted gives them, but cheaper for a handful of tokens.
    ///
    /// The tokens must be in NFC, as plain text is: between NFC strings `<` is a total order. (Between a
    /// composed and a decomposed spelling it is not, so equal tokens might not end up next to each other.)
    private static func sortedUnique(_ tokens: [String]) -> [String] {
        guard tokens.count > 1 else { return tokens }
        var sorted = tokens.sorted()
        var kept = 1
        for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// Whether plain tokens are trimmed, lower-case and strictly ascending already, so normalising keeps them.
    private static func isNormalisedPlain(_ tokens: [String]) -> Bool {
        var previous: String?
        for token in tokens {
            guard let first = token.utf8.first, let last = token.utf8.last, !isBlank(first), !isBlank(last) else {
                return false
            }
            if token.utf8.allSatisfy({ $0 < 0x80 }) {
                guard !token.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
                    return false
                }
            } else {
                guard PlainText.isPlain(token), token.lowercased().utf8.elementsEqual(token.utf8) else { return false }
            }
            // Plain text is in NFC, where `<` is a total order.
            if let previous, !(previous < token) { return false }
            previous = token
        }
        return true
    }
}
