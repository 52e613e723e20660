// JSON documents may leave out what the CSV columns leave optional; the initialisers normalise token lists.

extension Mentor {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            age: try container.decode(Int.self, forKey: .age),
            gender: try container.decode(Gender.self, forKey: .gender),
            location: try container.decode(Location.self, forKey: .location),
            capacity: try container.decode(Int.self, forKey: .capacity),
            availability: try container.decode(WeeklyAvailability.self, forKey: .availability),
            specialisations: try container.decodeIfPresent([String].self, forKey: .specialisations) ?? [],
            languages: try container.decode([String].self, forKey: .languages),
            maxTravelKm: try container.decode(Double.self, forKey: .maxTravelKm),
            interests: try container.decodeIfPresent([String].self, forKey: .interests) ?? []
        )
    }
}

extension Mentee {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            age: try container.decode(Int.self, forKey: .age),
            gender: try container.decode(Gender.self, forKey: .gender),
            location: try container.decode(Location.self, forKey: .location),
            availability: try container.decode(WeeklyAvailability.self, forKey: .availability),
            needs: try container.decodeIfPresent([String].self, forKey: .needs) ?? [],
            languages: try container.decode([String].self, forKey: .languages),
            interests: try container.decodeIfPresent([String].self, forKey: .interests) ?? [],
            mentorGenderPreference: try container.decodeIfPresent(GenderPreference.self, forKey: .mentorGenderPreference),
            priority: try container.decodeIfPresent(Int.self, forKey: .priority) ?? 0,
            waitingSince: try container.decodeIfPresent(LocalDate.self, forKey: .waitingSince)
        )
    }
}
