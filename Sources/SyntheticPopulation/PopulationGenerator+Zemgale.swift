import MentorMatchCore

extension PopulationGenerator {
    /// The municipalities of today's Zemgale planning region that the gazetteer covers.
    static let zemgaleMunicipalities = [
        "Jelgavas valstspilsēta", "Jelgavas novads", "Bauskas novads", "Dobeles novads", "Aizkraukles novads",
        "Jēkabpils novads",
    ]

    /// Zemgale RETHINK 2019; see ``PopulationPreset/zemgaleRethink``.
    static func zemgaleRethink(_ random: inout SplitMix64) -> MatchingInput {
        let places = LatvianGazetteer.places(inMunicipalities: zemgaleMunicipalities)
        let disability = "intellectual-disability"
        // One or two trained volunteers near each centre of the region; capacities sum to 21.
        let slots = random.shuffled([
            MentorSlot(place: "Jelgava", languages: ["lv", "ru"], specialisations: [disability], capacity: 3),
            MentorSlot(
                place: "Jelgava", languages: ["lv"], specialisations: [disability, "anxiety-depression"], capacity: 2
            ),
            MentorSlot(place: "Ozolnieki", languages: ["lv"], specialisations: [disability], capacity: 2),
            MentorSlot(place: "Bauska", languages: ["lv"], specialisations: [disability], capacity: 3),
            MentorSlot(place: "Iecava", languages: ["lv"], specialisations: [disability], capacity: 2),
            MentorSlot(
                place: "Dobele", languages: ["lv"], specialisations: [disability, "anxiety-depression"], capacity: 2
            ),
            MentorSlot(place: "Tērvete", languages: ["lv"], specialisations: [disability], capacity: 1),
            MentorSlot(place: "Aizkraukle", languages: ["lv"], specialisations: [disability], capacity: 2),
            MentorSlot(place: "Koknese", languages: ["lv"], specialisations: [disability], capacity: 2),
            MentorSlot(place: "Jēkabpils", languages: ["lv", "ru"], specialisations: [disability], capacity: 2),
        ])
        let genders = random.genders(count: slots.count, female: 7)
        let mentors = zip(mentorIdentifiers(count: slots.count), zip(slots, genders)).map { id, person in
            volunteer(id: id, slot: person.0, gender: person.1, travelChoices: [30, 40, 50, 60], &random)
        }

        // Young people from every municipality, more from the larger ones.
        let quotas = zip(zemgaleMunicipalities, [4, 3, 4, 3, 3, 3])
        let homes = quotas.flatMap { municipality, count in
            let local = LatvianGazetteer.places(inMunicipalities: [municipality]).map(\.name)
            return (0..<count).map { _ in random.pick(local) }
        }
        let first = LocalDate(year: 2019, month: 1, day: 7)!
        let last = LocalDate(year: 2019, month: 5, day: 15)!
        let wishes = random.preferenceStrengths(count: homes.count, soft: 3, hard: 1)
        let people = zip(random.shuffled(homes), zip(random.genders(count: homes.count, female: 9), wishes))
        let mentees = zip(menteeIdentifiers(count: homes.count), people).map { id, person in
            let (home, (gender, wish)) = person
            let age = random.menteeAge(minimum: 14)
            return Mentee(
                id: id, age: age, gender: gender, location: Location(place: home),
                availability: random.menteeAvailability(age: age),
                needs: random.chance(0.1) ? [disability, "anxiety-depression"] : [disability],
                languages: random.pick(weighted: [["lv"]: 85, ["lv", "ru"]: 10, ["ru"]: 5] as KeyValuePairs),
                interests: random.interests(),
                mentorGenderPreference: random.mentorGenderPreference(for: gender, strength: wish),
                priority: random.priority(), waitingSince: random.date(from: first, through: last)
            )
        }
        return MatchingInput(mentors: mentors, mentees: mentees, places: places)
    }
}
