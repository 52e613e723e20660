// People are coded flat, with the CSV columns' names (`place`, `lat`, `lon`, `max_travel_km`, `mentor_gender`,
// `gender_preference`), the one JSON shape of the input document and of every output that holds a person. JSON may
// leave out what the CSV columns leave optional; the initialisers normalise token lists.

/// The JSON keys of mentors and mentees: the columns of `mentors.csv` and `mentees.csv`.
enum PersonCodingKey: String, CodingKey {
    case id, age, gender, place, lat, lon, availability, languages, interests
    case capacity, specialisations
    case maxTravelKm = "max_travel_km"
    case needs, priority
    case mentorGender = "mentor_gender"
    case genderPreference = "gender_preference"
    case waitingSince = "waiting_since"
}

/// What mentors and mentees both have, read and written once.
private struct PersonFields {
    var id: String
    var age: Int
    var gender: Gender
    var location: Location
    var availability: WeeklyAvailability
    var languages: [String]
    var interests: [String]

    init(id: String, age: Int, gender: Gender, location: Location, availability: WeeklyAvailability,
         languages: [String], interests: [String]) {
        (self.id, self.age, self.gender, self.location) = (id, age, gender, location)
        (self.availability, self.languages, self.interests) = (availability, languages, interests)
    }

    init(from container: KeyedDecodingContainer<PersonCodingKey>) throws {
        let latitude = try container.decodeIfPresent(Double.self, forKey: .lat)
        let longitude = try container.decodeIfPresent(Double.self, forKey: .lon)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            age: try container.decode(Int.self, forKey: .age),
            gender: try container.decode(Gender.self, forKey: .gender),
            location: Location(
                place: try container.decode(String.self, forKey: .place),
                coordinate: latitude.flatMap { latitude in longitude.map { Coordinate(latitude: latitude, longitude: $0) } }
            ),
            availability: try container.decode(WeeklyAvailability.self, forKey: .availability),
            languages: try container.decode([String].self, forKey: .languages),
            interests: try container.decodeIfPresent([String].self, forKey: .interests) ?? []
        )
    }

    func encode(to container: inout KeyedEncodingContainer<PersonCodingKey>) throws {
        try container.encode(id, forKey: .id)
        try container.encode(age, forKey: .age)
        try container.encode(gender, forKey: .gender)
        try container.encode(location.place, forKey: .place)
        try container.encodeIfPresent(location.coordinate?.latitude, forKey: .lat)
        try container.encodeIfPresent(location.coordinate?.longitude, forKey: .lon)
        try container.encode(availability, forKey: .availability)
        try container.encode(languages, forKey: .languages)
        try container.encode(interests, forKey: .interests)
    }
}

extension Mentor {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PersonCodingKey.self)
        let person = try PersonFields(from: container)
        self.init(
            id: person.id, age: person.age, gender: person.gender, location: person.location,
            capacity: try container.decode(Int.self, forKey: .capacity), availability: person.availability,
            specialisations: try container.decodeIfPresent([String].self, forKey: .specialisations) ?? [],
            languages: person.languages, maxTravelKm: try container.decode(Double.self, forKey: .maxTravelKm),
            interests: person.interests
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PersonCodingKey.self)
        try PersonFields(id: id, age: age, gender: gender, location: location, availability: availability,
                         languages: languages, interests: interests).encode(to: &container)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(specialisations, forKey: .specialisations)
        try container.encode(maxTravelKm, forKey: .maxTravelKm)
    }
}

extension Mentee {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PersonCodingKey.self)
        let person = try PersonFields(from: container)
        let preferredGender = try container.decodeIfPresent(Gender.self, forKey: .mentorGender)
        let strength = try container.decodeIfPresent(GenderPreference.Strength.self, forKey: .genderPreference) ?? .soft
        self.init(
            id: person.id, age: person.age, gender: person.gender, location: person.location,
            availability: person.availability, needs: try container.decodeIfPresent([String].self, forKey: .needs) ?? [],
            languages: person.languages, interests: person.interests,
            mentorGenderPreference: preferredGender.map { GenderPreference(gender: $0, strength: strength) },
            priority: try container.decodeIfPresent(Int.self, forKey: .priority) ?? 0,
            waitingSince: try container.decodeIfPresent(LocalDate.self, forKey: .waitingSince)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PersonCodingKey.self)
        try PersonFields(id: id, age: age, gender: gender, location: location, availability: availability,
                         languages: languages, interests: interests).encode(to: &container)
        try container.encode(needs, forKey: .needs)
        try container.encodeIfPresent(mentorGenderPreference?.gender, forKey: .mentorGender)
        try container.encodeIfPresent(mentorGenderPreference?.strength, forKey: .genderPreference)
        try container.encode(priority, forKey: .priority)
        try container.encodeIfPresent(waitingSince, forKey: .waitingSince)
    }
}
