import MentorMatchCore

extension PopulationGenerator {
    /// Liepāja 2022; see ``PopulationPreset/liepaja2022``.
    static func liepaja2022(_ random: inout SplitMix64) -> MatchingInput {
        let city = LatvianGazetteer.entry(named: "Liepāja")!
        // Most workers speak both languages, since many of the city's young people speak Russian at home.
        let slots = random.shuffled(
            [["anxiety-depression"], ["anxiety-depression"], ["anxiety-depression"], ["anxiety-depression"],
             ["addiction", "anxiety-depression"], ["addiction"], ["addiction"], ["addiction"],
             ["intellectual-disability"], [], [], [], []].enumerated().map { index, specialisations in
                MentorSlot(place: city.name, languages: index % 3 == 2 ? ["lv"] : ["lv", "ru"],
                           specialisations: specialisations, capacity: 3)
            }
        )
        let workerGenders = random.genders(count: slots.count, female: 9)
        let mentors = zip(mentorIdentifiers(count: slots.count), zip(slots, workerGenders)).map { id, worker in
            let (slot, gender) = worker
            return Mentor(
                id: id, age: random.mentorAge(in: 23...55), gender: gender,
                location: Location(place: slot.place, coordinate: random.pointInLiepaja(withinKm: 3)),
                capacity: slot.capacity, availability: random.youthWorkerAvailability(),
                specialisations: slot.specialisations, languages: slot.languages + (random.chance(0.4) ? ["en"] : []),
                maxTravelKm: Double(random.pick([8, 10, 12])), interests: random.interests()
            )
        }

        // The report's 38 girls and 30 boys; 17 saw a psychologist, so 17 need anxiety-depression support.
        let genders = random.genders(count: 68, female: 38)
        let wishes = random.preferenceStrengths(count: 68, soft: 14, hard: 3)
        let needs = random.shuffled(
            Array(repeating: ["anxiety-depression"], count: 17) + Array(repeating: ["addiction"], count: 8)
                + Array(repeating: ["intellectual-disability"], count: 2) + Array(repeating: [], count: 41)
        )
        let first = LocalDate(year: 2022, month: 6, day: 1)!
        let last = LocalDate(year: 2022, month: 12, day: 15)!
        let mentees = zip(menteeIdentifiers(count: genders.count), zip(genders, zip(needs, wishes))).map { id, person in
            let (gender, (needs, wish)) = person
            let age = random.menteeAge(minimum: needs == ["addiction"] ? 15 : 13)
            return Mentee(
                id: id, age: age, gender: gender,
                location: Location(place: city.name, coordinate: random.pointInLiepaja(withinKm: 5)),
                availability: random.menteeAvailability(age: age), needs: needs,
                languages: random.pick(weighted: [["lv"]: 50, ["ru"]: 25, ["lv", "ru"]: 25] as KeyValuePairs),
                interests: random.interests(),
                mentorGenderPreference: random.mentorGenderPreference(for: gender, strength: wish),
                priority: random.priority(), waitingSince: random.date(from: first, through: last)
            )
        }
        return MatchingInput(mentors: mentors, mentees: mentees, places: [city.place])
    }
}

extension SplitMix64 {
    /// A point within `radius` km of Liepāja's GeoNames point, rounded to 5 decimals (about 1 m).
    ///
    /// The city is a north–south strip between the sea, about 0.5 km west of the point, and Liepāja lake, about
    /// 4 km east, so points lie from 0.5 km west to 3.5 km east and up to `radius` km north or south. Only
    /// exact arithmetic is used (no trigonometry at run time), so the points are the same on every platform.
    mutating func pointInLiepaja(withinKm radius: Double) -> Coordinate {
        let kmPerDegreeLatitude = 111.19508    // Coordinate.earthRadiusKm × π / 180
        let kmPerDegreeLongitude = 61.36501    // the same × cos(56.50474°)
        while true {
            let north = (unit() * 2 - 1) * radius
            let east = unit() * 4 - 0.5
            guard north * north + east * east <= radius * radius else { continue }
            return Coordinate(
                latitude: ((56.50474 + north / kmPerDegreeLatitude) * 100_000).rounded() / 100_000,
                longitude: ((21.01085 + east / kmPerDegreeLongitude) * 100_000).rounded() / 100_000
            )
        }
    }
}
