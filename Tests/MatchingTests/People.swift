import MentorMatchCore

/// Hand-made people for unit tests: by default every mentor suits every young person, so each test breaks only the
/// rule it is about.
enum People {
    static let ogre = Place(name: "Ogre", coordinate: Coordinate(latitude: 56.8162, longitude: 24.6140), isRemote: false)
    /// About 22 km north-east of Ogre.
    static let suntazi = Place(
        name: "Suntaži", coordinate: Coordinate(latitude: 56.9085, longitude: 24.9353), isRemote: true
    )
    static let places = [ogre, suntazi]
    static let mondayEvening = WeeklyAvailability([WeeklyWindow(weekday: .monday, startMinute: 16 * 60, endMinute: 18 * 60)])

    static func mentor(
        _ id: String, age: Int = 35, gender: Gender = .female, location: Location = Location(place: "Ogre"),
        capacity: Int = 2, availability: WeeklyAvailability = mondayEvening, specialisations: [String] = [],
        languages: [String] = ["lv"], maxTravelKm: Double = 30
    ) -> Mentor {
        Mentor(
            id: id, age: age, gender: gender, location: location, capacity: capacity, availability: availability,
            specialisations: specialisations, languages: languages, maxTravelKm: maxTravelKm
        )
    }

    static func mentee(
        _ id: String, age: Int = 16, location: Location = Location(place: "Ogre"),
        availability: WeeklyAvailability = mondayEvening, needs: [String] = [], languages: [String] = ["lv"],
        genderPreference: GenderPreference? = nil, priority: Int = 0
    ) -> Mentee {
        Mentee(
            id: id, age: age, gender: .male, location: location, availability: availability, needs: needs,
            languages: languages, mentorGenderPreference: genderPreference, priority: priority
        )
    }

    /// A point `kilometres` due north of Ogre's centre, in Ogre.
    static func northOfOgre(_ kilometres: Double) -> Location {
        let degrees = kilometres / (Coordinate.earthRadiusKm * Double.pi / 180)
        return Location(
            place: "Ogre",
            coordinate: Coordinate(latitude: ogre.coordinate.latitude + degrees, longitude: ogre.coordinate.longitude)
        )
    }
}
