// People are coded flat, with the CSV columns' names (`place`, `lat`, `lon`, `max_travel_km`, `mentor_gender`,
// `gender_preference`), the one JSON shape of the input document and of every output that holds a person. JSON may
// leave out what the CSV columns leave optional; the initialisers normalise token lists.

extension Mentor {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            age: try container.decode(Int.self, forKey: .age),
            gender: try container.decode(Gender.self, forKey: .gender),
            location: try Location(from: container, place: .place, lat: .lat, lon: .lon),
            capacity: try container.decode(Int.self, forKey: .capacity),
            availability: try container.decode(WeeklyAvailability.self, forKey: .availability),
            specialisations: try container.decodeIfPresent([String].self, forKey: .specialisations) ?? [],
            languages: try container.decode([String].self, forKey: .languages),
            maxTravelKm: try container.decode(Double.self, forKey: .maxTravelKm),
            interests: try container.decodeIfPresent([String].self, forKey: .interests) ?? []
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(age, forKey: .age)
        try container.encode(gender, forKey: .gender)
        try location.encode(to: &container, place: .place, lat: .lat, lon: .lon)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(availability, forKey: .availability)
        try container.encode(specialisations, forKey: .specialisations)
        try container.encode(languages, forKey: .languages)
        try container.encode(maxTravelKm, forKey: .maxTravelKm)
        try container.encode(interests, forKey: .interests)
    }
}

extension Mentee {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let preferredGender = try container.decodeIfPresent(Gender.self, forKey: .mentorGender)
        let strength = try container.decodeIfPresent(GenderPreference.Strength.self, forKey: .genderPreference) ?? .soft
        self.init(
            id: try container.decode(String.self, forKey: .id),
            age: try container.decode(Int.self, forKey: .age),
            gender: try container.decode(Gender.self, forKey: .gender),
            location: try Location(from: container, place: .place, lat: .lat, lon: .lon),
            availability: try container.decode(WeeklyAvailability.self, forKey: .availability),
            needs: try container.decodeIfPresent([String].self, forKey: .needs) ?? [],
            languages: try container.decode([String].self, forKey: .languages),
            interests: try container.decodeIfPresent([String].self, forKey: .interests) ?? [],
            mentorGenderPreference: preferredGender.map { GenderPreference(gender: $0, strength: strength) },
            priority: try container.decodeIfPresent(Int.self, forKey: .priority) ?? 0,
            waitingSince: try container.decodeIfPresent(LocalDate.self, forKey: .waitingSince)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(age, forKey: .age)
        try container.encode(gender, forKey: .gender)
        try location.encode(to: &container, place: .place, lat: .lat, lon: .lon)
        try container.encode(availability, forKey: .availability)
        try container.encode(needs, forKey: .needs)
        try container.encode(languages, forKey: .languages)
        try container.encode(interests, forKey: .interests)
        try container.encodeIfPresent(mentorGenderPreference?.gender, forKey: .mentorGender)
        try container.encodeIfPresent(mentorGenderPreference?.strength, forKey: .genderPreference)
        try container.encode(priority, forKey: .priority)
        try container.encodeIfPresent(waitingSince, forKey: .waitingSince)
    }
}

extension Location {
    /// `place`, with `lat` and `lon` for an explicit point.
    init<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, place: Key, lat: Key, lon: Key) throws {
        let latitude = try container.decodeIfPresent(Double.self, forKey: lat)
        let longitude = try container.decodeIfPresent(Double.self, forKey: lon)
        self.init(
            place: try container.decode(String.self, forKey: place),
            coordinate: latitude.flatMap { latitude in longitude.map { Coordinate(latitude: latitude, longitude: $0) } }
        )
    }

    func encode<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, place: Key, lat: Key, lon: Key) throws {
        try container.encode(self.place, forKey: place)
        try container.encodeIfPresent(coordinate?.latitude, forKey: lat)
        try container.encodeIfPresent(coordinate?.longitude, forKey: lon)
    }
}
