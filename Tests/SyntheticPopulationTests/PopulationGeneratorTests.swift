import MentorMatchCore
import SyntheticPopulation
import Testing

@Suite("Population generator")
struct PopulationGeneratorTests {
    @Test("the same seed gives the same population, another seed another", arguments: PopulationPreset.allCases)
    func determinism(preset: PopulationPreset) {
        let first = PopulationGenerator(seed: 42).generate(preset)
        #expect(PopulationGenerator(seed: 42).generate(preset) == first)
        #expect(PopulationGenerator(seed: 43).generate(preset) != first)
    }

    @Test("scaled populations are deterministic too")
    func scaledDeterminism() {
        let first = PopulationGenerator(seed: 7).generateScaled(mentees: 300, mentors: 120)
        #expect(PopulationGenerator(seed: 7).generateScaled(mentees: 300, mentors: 120) == first)
        #expect(PopulationGenerator(seed: 8).generateScaled(mentees: 300, mentors: 120) != first)
    }

    @Test("every generated person keeps the programmes' rules", arguments: [0, 1, 2024, 0xFFFF_FFFF_FFFF_FFFF] as [UInt64])
    func validity(seed: UInt64) {
        let generator = PopulationGenerator(seed: seed)
        for preset in PopulationPreset.allCases {
            #expect(ruleViolations(in: generator.generate(preset)) == [], "\(preset.rawValue)")
        }
        #expect(ruleViolations(in: generator.generateScaled(mentees: 500, mentors: 200)) == [])
    }

    @Test("identifiers are pseudonymous and zero-padded to the count's width")
    func identifiers() {
        let ogre = PopulationGenerator(seed: 1).generate(.ogre2024)
        #expect(ogre.mentors.map(\.id) == (1...14).map { $0 < 10 ? "M00\($0)" : "M0\($0)" })
        #expect(ogre.mentees.first?.id == "Y0001" && ogre.mentees.last?.id == "Y0035")
        let scaled = PopulationGenerator(seed: 1).generateScaled(mentees: 10_000, mentors: 1_000)
        #expect(scaled.mentees.first?.id == "Y00001" && scaled.mentees.last?.id == "Y10000")
        #expect(scaled.mentors.first?.id == "M0001" && scaled.mentors.last?.id == "M1000")
    }

    @Test("Ogre 2024: 14 mentors, 35 young people, all in Ogres novads, remote parishes on both sides")
    func ogreCalibration() throws {
        let input = PopulationGenerator(seed: 2024).generate(.ogre2024)
        #expect(input.mentors.count == 14)
        #expect(input.mentees.count == 35)
        #expect(input.places == LatvianGazetteer.places(inMunicipalities: ["Ogres novads"]))
        let remote = Set(input.places.filter(\.isRemote).map(\.name))
        #expect(input.mentors.filter { remote.contains($0.location.place) }.count == 6)
        #expect(input.mentees.filter { remote.contains($0.location.place) }.count == 10)
        #expect(input.mentors.reduce(0) { $0 + $1.capacity } == 30)
        #expect(input.mentors.filter { $0.gender == .female }.count == 9)
        #expect(input.mentors.filter { $0.gender == .male }.count == 5)
        #expect(input.mentees.filter { $0.mentorGenderPreference?.strength == .soft }.count == 8)
        #expect(input.mentees.filter { $0.mentorGenderPreference?.strength == .hard }.count == 2)
        #expect(input.mentors.allSatisfy { (10...40).contains($0.maxTravelKm) && $0.languages.contains("lv") })
        let opening = try #require(LocalDate(year: 2024, month: 1, day: 2))
        let deadline = try #require(LocalDate(year: 2024, month: 2, day: 14))
        #expect(input.mentees.allSatisfy { ($0.waitingSince.map { opening...deadline ~= $0 }) == true })
        #expect(Set(input.mentees.flatMap(\.needs)) == ["addiction", "anxiety-depression", "intellectual-disability"])
    }

    @Test("Ogre 2024 plants three young people who cannot be matched, each for its own reason",
          arguments: [1, 2024, 99] as [UInt64])
    func ogrePlantedCases(seed: UInt64) throws {
        let input = PopulationGenerator(seed: seed).generate(.ogre2024)
        let russianSpeaker = try #require(
            input.mentees.first { $0.location.place == "Mazozoli" && $0.languages == ["ru"] }
        )
        #expect(!input.mentors.contains {
            $0.languages.contains("ru") && withinTravel($0, russianSpeaker, places: input.places)
        })

        let specialNeed = try #require(input.mentees.first { $0.needs.contains("intellectual-disability") })
        #expect(!input.mentors.contains { $0.specialisations.contains("intellectual-disability") })
        #expect(specialNeed.location.place == "Lielvārde")

        let mornings = input.mentees.filter { mentee in
            input.mentors.allSatisfy { $0.availability.longestSharedStretch(with: mentee.availability) < 60 }
        }
        #expect(mornings.contains { $0.availability.windows.allSatisfy { $0.endMinute <= 12 * 60 } })
    }

    @Test("Liepāja 2022: 13 youth workers of capacity 3, 68 young people, 38 girls and 30 boys")
    func liepajaCalibration() throws {
        let input = PopulationGenerator(seed: 2022).generate(.liepaja2022)
        #expect(input.places.map(\.name) == ["Liepāja"])
        #expect(input.mentors.count == 13)
        #expect(input.mentors.allSatisfy { $0.capacity == 3 && (23...55).contains($0.age) })
        #expect(input.mentees.count == 68)
        #expect(input.mentees.filter { $0.gender == .female }.count == 38)
        #expect(input.mentees.filter { $0.gender == .male }.count == 30)
        #expect(input.mentees.filter { $0.needs.contains("anxiety-depression") }.count == 17)
        #expect(input.mentees.contains { $0.languages.contains("ru") })

        let centre = input.places[0].coordinate
        let points = try (input.mentors.map(\.location) + input.mentees.map(\.location)).map { try #require($0.coordinate) }
        #expect(points.allSatisfy { $0.distanceKm(to: centre) <= 5.01 })
        #expect(Set(points).count > 70)  // scattered, so travel distances differ

        let first = try #require(LocalDate(year: 2022, month: 6, day: 1))
        let last = try #require(LocalDate(year: 2022, month: 12, day: 30))
        #expect(input.mentees.allSatisfy { ($0.waitingSince.map { first...last ~= $0 }) == true })
        #expect(input.mentees.contains { $0.priority > 0 })
    }

    @Test("Zemgale RETHINK: 10 trained mentors and 20 young people, all with intellectual disability")
    func zemgaleCalibration() throws {
        let input = PopulationGenerator(seed: 2019).generate(.zemgaleRethink)
        #expect(input.mentors.count == 10)
        #expect(input.mentors.allSatisfy { $0.specialisations.contains("intellectual-disability") })
        #expect(input.mentors.reduce(0) { $0 + $1.capacity } >= 20)
        #expect(input.mentors.allSatisfy { (30...60).contains($0.maxTravelKm) })
        #expect(input.mentees.count == 20)
        #expect(input.mentees.allSatisfy { $0.needs.contains("intellectual-disability") })

        let zemgale: Set = ["Jelgavas valstspilsēta", "Jelgavas novads", "Bauskas novads", "Dobeles novads",
                            "Aizkraukles novads", "Jēkabpils novads"]
        let municipality = Dictionary(uniqueKeysWithValues: LatvianGazetteer.entries.map { ($0.name, $0.municipality) })
        #expect(Set(input.places.compactMap { municipality[$0.name] }) == zemgale)
        #expect(Set(input.mentees.compactMap { municipality[$0.location.place] }) == zemgale)
        #expect(input.mentees.allSatisfy { $0.waitingSince?.year == 2019 })
    }

    @Test("scaled generation gives the requested counts over the whole gazetteer", arguments: [1_000, 10_000])
    func scaledCounts(mentees: Int) {
        let mentors = PopulationGenerator.defaultMentorCount(forMentees: mentees)
        let input = PopulationGenerator(seed: 5).generateScaled(mentees: mentees, mentors: mentors)
        #expect(input.mentees.count == mentees)
        #expect(input.mentors.count == mentors)
        // One copy of the gazetteer per started 2,500 young people: a national programme of municipal districts.
        let districts = (mentees + PopulationGenerator.youngPeoplePerDistrict - 1) / PopulationGenerator.youngPeoplePerDistrict
        #expect(input.places.count == LatvianGazetteer.entries.count * districts)
        #expect(Set(input.places.map(\.name)).count == input.places.count)
        #expect(ruleViolations(in: input) == [])
        // Drawn by population, every municipality is represented and Ogre city outnumbers any one parish.
        let homes = Dictionary(grouping: input.mentees, by: \.location.place).mapValues(\.count)
        #expect((homes["Ogre"] ?? 0) > (homes["Suntaži"] ?? 0))
        #expect(input.mentees.contains { $0.needs.contains("intellectual-disability") })
        // People are dealt to districts in turn, so each district gets its share and keeps the real places' shape.
        let perDistrict = Dictionary(grouping: input.mentees) { $0.location.place.hasSuffix(")") ? 1 : 0 }.mapValues(\.count)
        #expect(perDistrict[0] == (mentees + districts - 1) / districts)
        if districts > 1 { #expect((homes["Ogre (2)"] ?? 0) > (homes["Suntaži (2)"] ?? 0)) }
    }

    @Test("scaled generation handles empty counts and the default ratio")
    func scaledEdges() {
        let empty = PopulationGenerator(seed: 1).generateScaled(mentees: 0, mentors: 0)
        #expect(empty.mentors.isEmpty && empty.mentees.isEmpty)
        #expect(PopulationGenerator.defaultMentorCount(forMentees: 0) == 0)
        #expect(PopulationGenerator.defaultMentorCount(forMentees: 1) == 1)
        #expect(PopulationGenerator.defaultMentorCount(forMentees: 35) == 14)
        #expect(PopulationGenerator.defaultMentorCount(forMentees: 200_000) == 80_000)
    }

    @Test("each preset suggests a reference date, and Zemgale a wider travel cap")
    func suggestedPolicies() {
        #expect(PopulationPreset.ogre2024.suggestedPolicy.referenceDate?.description == "2024-02-20")
        #expect(PopulationPreset.liepaja2022.suggestedPolicy.referenceDate?.description == "2022-12-30")
        #expect(PopulationPreset.zemgaleRethink.suggestedPolicy.referenceDate?.description == "2019-05-31")
        #expect(PopulationPreset.zemgaleRethink.suggestedPolicy.maximumTravelKm == 60)
        #expect(PopulationPreset.ogre2024.suggestedPolicy.maximumTravelKm == nil)
        #expect(PopulationPreset(rawValue: "zemgale-rethink") == .zemgaleRethink)
    }
}
