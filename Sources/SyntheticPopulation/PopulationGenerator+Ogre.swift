import MentorMatchCore

extension PopulationGenerator {
    /// One mentor's fixed part in a preset; the rest (age, gender, week, interests, travel) is drawn.
    struct MentorSlot {
        var place: String
        var languages: [String]
        var specialisations: [String]
        var capacity: Int
    }

    /// Ogre 2024; see ``PopulationPreset/ogre2024``.
    static func ogre2024(_ random: inout SplitMix64) -> MatchingInput {
        let places = LatvianGazetteer.places(inMunicipalities: ["Ogres novads"])
        let remote = Set(places.filter(\.isRemote).map(\.name))

        // Six of 14 live in the remote parishes; Russian speakers live in the towns, as most of Ogre's do.
        let slots = random.shuffled([
            MentorSlot(place: "Ogre", languages: ["lv", "ru"], specialisations: ["anxiety-depression"], capacity: 3),
            MentorSlot(
                place: "Ogre", languages: ["lv", "ru"], specialisations: ["addiction", "anxiety-depression"], capacity: 2
            ),
            MentorSlot(place: "Ogre", languages: ["lv"], specialisations: [], capacity: 2),
            MentorSlot(place: "Ogre", languages: ["lv"], specialisations: ["anxiety-depression"], capacity: 2),
            MentorSlot(place: "Ikšķile", languages: ["lv", "ru"], specialisations: [], capacity: 3),
            MentorSlot(place: "Ķegums", languages: ["lv"], specialisations: ["addiction"], capacity: 2),
            MentorSlot(place: "Lielvārde", languages: ["lv", "ru"], specialisations: [], capacity: 2),
            MentorSlot(place: "Madliena", languages: ["lv"], specialisations: ["anxiety-depression"], capacity: 2),
            MentorSlot(place: "Suntaži", languages: ["lv"], specialisations: [], capacity: 3),
            MentorSlot(place: "Suntaži", languages: ["lv"], specialisations: ["addiction"], capacity: 1),
            MentorSlot(place: "Ķeipene", languages: ["lv"], specialisations: [], capacity: 2),
            MentorSlot(place: "Taurupe", languages: ["lv"], specialisations: ["anxiety-depression"], capacity: 2),
            MentorSlot(place: "Laubere", languages: ["lv"], specialisations: ["anxiety-depression"], capacity: 3),
            MentorSlot(place: "Meņģele", languages: ["lv"], specialisations: [], capacity: 1),
        ])
        // In the far parishes people drive, so mentors there travel further than those in the towns.
        let genders = random.genders(count: slots.count, female: 9)
        let mentors = zip(mentorIdentifiers(count: slots.count), zip(slots, genders)).map { id, person in
            let (slot, gender) = person
            let travelChoices = remote.contains(slot.place) || slot.place == "Madliena" ? [20, 25, 30, 40] : [10, 15, 20, 25]
            return volunteer(id: id, slot: slot, gender: gender, travelChoices: travelChoices, &random)
        }

        // Roughly by population: with the three planted below, Ogre city has 10, Ikšķile 3, Lielvārde 2, and the
        // remote parishes 10 of the 35.
        let homes = ["Ogre", "Ogre", "Ogre", "Ogre", "Ogre", "Ogre", "Ogre", "Ogre", "Ogre",
                     "Ikšķile", "Ikšķile", "Ikšķile", "Lielvārde", "Ķegums", "Ogresgals", "Tome",
                     "Rembate", "Birzgale", "Jumprava", "Krape", "Lēdmane", "Lielvārdes pagasts", "Madliena",
                     "Suntaži", "Suntaži", "Ķeipene", "Ķeipene", "Taurupe", "Taurupe", "Laubere", "Meņģele",
                     "Mazozoli"]
        let start = LocalDate(year: 2024, month: 1, day: 2)!
        let deadline = LocalDate(year: 2024, month: 2, day: 14)!
        // Russian is spoken mostly in the towns; in the remote parishes only the planted case below speaks it.
        let towns = ["Ogre", "Ikšķile", "Lielvārde", "Ķegums"]
        // Eight soft wishes about the mentor's gender and two hard ones.
        let wishes = random.preferenceStrengths(count: homes.count, soft: 8, hard: 2)
        var mentees = zip(homes, wishes).map { home, wish in
            let languages: KeyValuePairs<[String], Int> = remote.contains(home) ? [["lv"]: 1]
                : towns.contains(home) ? [["lv"]: 70, ["lv", "ru"]: 15, ["ru"]: 15]
                : [["lv"]: 85, ["lv", "ru"]: 10, ["ru"]: 5]
            return ogreShapedMentee(place: home, languages: languages, wish: wish, from: start, through: deadline,
                                    &random)
        }
        // The planted cases: each has its own reason to stay unmatched (see the preset's documentation).
        func planted(_ place: String) -> Mentee {
            ogreShapedMentee(place: place, languages: [["lv"]: 1], wish: nil, from: start, through: deadline, &random)
        }
        var russianSpeaker = planted("Mazozoli")
        russianSpeaker.languages = ["ru"]
        russianSpeaker.needs = []
        var specialNeed = planted("Lielvārde")
        specialNeed.needs = ["intellectual-disability"]
        var morningsOnly = planted("Ogre")
        morningsOnly.age = 23  // works evening shifts
        morningsOnly.needs = []
        morningsOnly.availability = WeeklyAvailability(SplitMix64.weekdays.map {
            WeeklyWindow(weekday: $0, startMinute: 9 * 60, endMinute: 12 * 60)
        })
        mentees = random.shuffled(mentees + [russianSpeaker, specialNeed, morningsOnly])
        for (index, id) in menteeIdentifiers(count: mentees.count).enumerated() { mentees[index].id = id }
        return MatchingInput(mentors: mentors, mentees: mentees, places: places)
    }

    /// A volunteer mentor of the Ogre shape: 20–60, late afternoons, evenings and weekends.
    static func volunteer(
        id: String, slot: MentorSlot, gender: Gender, travelChoices: [Int], _ random: inout SplitMix64
    ) -> Mentor {
        let age = random.mentorAge()
        // Younger volunteers more often also work in English (youth exchanges, studies).
        let english = random.chance(age < 40 ? 0.4 : 0.15) ? ["en"] : []
        return Mentor(
            id: id, age: age, gender: gender, location: Location(place: slot.place),
            capacity: slot.capacity, availability: random.volunteerAvailability(),
            specialisations: slot.specialisations, languages: slot.languages + english,
            maxTravelKm: Double(random.pick(travelChoices)), interests: random.interests()
        )
    }

    /// A young person of the Ogre shape; `id` is assigned by the caller once the order is settled.
    static func ogreShapedMentee(
        place: String, languages: KeyValuePairs<[String], Int>, wish: GenderPreference.Strength?,
        from first: LocalDate, through last: LocalDate, _ random: inout SplitMix64
    ) -> Mentee {
        let age = random.menteeAge()
        // Addictions are referred from 15 up; anxiety and depression at any age.
        let needs: [String] = random.pick(weighted: [[]: 68, ["anxiety-depression"]: 18, ["addiction"]: 10,
                                                     ["addiction", "anxiety-depression"]: 4] as KeyValuePairs)
        let gender: Gender = random.chance(0.02) ? .other : random.binaryGender(femaleChance: 0.5)
        let english = age >= 16 && random.chance(0.15) ? ["en"] : []
        return Mentee(
            id: "", age: age, gender: gender, location: Location(place: place),
            availability: random.menteeAvailability(age: age),
            needs: age < 15 ? needs.filter { $0 != "addiction" } : needs,
            languages: random.pick(weighted: languages) + english, interests: random.interests(),
            mentorGenderPreference: random.mentorGenderPreference(for: gender, strength: wish),
            priority: random.priority(), waitingSince: random.date(from: first, through: last)
        )
    }
}
