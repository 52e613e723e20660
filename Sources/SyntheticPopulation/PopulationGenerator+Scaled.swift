import MentorMatchCore

extension PopulationGenerator {
    /// Residents assumed for a parish, which has no sourced population (rural parishes here have roughly
    /// 500–2,500), so that towns draw more people than villages.
    static let assumedParishPopulation = 1_200

    /// Young people per district: about the size of a large municipal programme in the gazetteer's nine
    /// municipalities, whose candidate density (some 45 mentors per young person) it keeps.
    public static let youngPeoplePerDistrict = 2_500

    /// A population of any size; see ``generateScaled(mentees:mentors:)``.
    static func scaled(mentees menteeCount: Int, mentors mentorCount: Int, _ random: inout SplitMix64) -> MatchingInput {
        let districts = max(1, (menteeCount + youngPeoplePerDistrict - 1) / youngPeoplePerDistrict)
        let entries = districtEntries(count: districts)
        let residents = entries.map { $0.population ?? assumedParishPopulation }
        let menteeHomes = WeightedNames(names: entries.map(\.name), weights: residents, districts: districts)
        // Remote candidates are preferred, so recruitment reaches them twice as often as population alone would.
        let mentorHomes = WeightedNames(
            names: entries.map(\.name), weights: zip(entries, residents).map { $0.isRemote ? $1 * 2 : $1 },
            districts: districts
        )
        let remote = Set(entries.filter(\.isRemote).map(\.name))

        let mentors = mentorIdentifiers(count: mentorCount).enumerated().map { index, id in
            let home = mentorHomes.draw(district: index % districts, &random)
            let specialisations = [("addiction", 0.2), ("anxiety-depression", 0.25), ("intellectual-disability", 0.1)]
                .compactMap { topic, share in random.chance(share) ? topic : nil }
            let slot = MentorSlot(
                place: home,
                languages: random.pick(weighted: [["lv"]: 75, ["lv", "ru"]: 20, ["ru"]: 5] as KeyValuePairs),
                specialisations: specialisations, capacity: random.pick(weighted: [1: 14, 2: 57, 3: 29] as KeyValuePairs)
            )
            let travelChoices = remote.contains(home) ? [20, 25, 30, 40] : [10, 15, 20, 25]
            return volunteer(id: id, slot: slot, gender: random.binaryGender(femaleChance: 0.65),
                             travelChoices: travelChoices, &random)
        }

        let first = LocalDate(year: 2024, month: 1, day: 2)!
        let last = LocalDate(year: 2024, month: 2, day: 14)!
        let mentees = menteeIdentifiers(count: menteeCount).enumerated().map { index, id in
            var mentee = ogreShapedMentee(
                place: menteeHomes.draw(district: index % districts, &random), languages: [["lv"]: 75, ["lv", "ru"]: 15, ["ru"]: 10],
                wish: random.preferenceStrength(soft: 0.23, hard: 0.06), from: first, through: last, &random
            )
            mentee.id = id
            // Intellectual disability is a rare need in a general social-risk programme.
            if random.chance(0.03) { mentee.needs = ["intellectual-disability"] }
            return mentee
        }
        return MatchingInput(mentors: mentors, mentees: mentees, places: entries.map(\.place))
    }

    /// The gazetteer, once per district: district 1 is the real one; district d > 1 is a copy named `Ogre (d)`,
    /// shifted by whole extents of the region on a square grid so that districts touch but do not overlap.
    ///
    /// A national programme is many municipal ones side by side. Beyond ``youngPeoplePerDistrict`` young people,
    /// crowding everyone into the nine real municipalities would give each young person thousands of mentors
    /// within reach — a density no real programme has — so the population spreads over copies instead, each with
    /// the real mix of towns, parishes and remote places. People are dealt to districts in turn.
    static func districtEntries(count districts: Int) -> [GazetteerEntry] {
        let real = LatvianGazetteer.entries
        guard districts > 1 else { return real }
        let latitudes = real.map(\.coordinate.latitude)
        let longitudes = real.map(\.coordinate.longitude)
        let latitudeStep = latitudes.max()! - latitudes.min()!
        let longitudeStep = longitudes.max()! - longitudes.min()!
        var columns = 1
        while columns * columns < districts { columns += 1 }
        return (0..<districts).flatMap { district in
            real.map { entry in
                district == 0
                    ? entry
                    : entry.shifted(
                        name: "\(entry.name) (\(district + 1))",
                        latitude: -Double(district / columns) * latitudeStep,
                        longitude: Double(district % columns) * longitudeStep
                    )
            }
        }
    }
}

/// Names drawn with probability proportional to integer weights, in O(log n) per draw, within one of several
/// equal-sized districts (consecutive blocks of the names, each with the same weights).
struct WeightedNames {
    private let names: [String]
    private let namesPerDistrict: Int
    /// Running totals of one district's weights; strictly increasing when every weight is positive.
    private let cumulative: [Int]

    init(names: [String], weights: [Int], districts: Int = 1) {
        precondition(names.count == weights.count && !names.isEmpty && weights.allSatisfy { $0 > 0 })
        precondition(districts > 0 && names.count % districts == 0)
        self.names = names
        namesPerDistrict = names.count / districts
        var total = 0
        cumulative = weights.prefix(namesPerDistrict).map { weight in
            total += weight
            return total
        }
    }

    func draw(district: Int = 0, _ random: inout SplitMix64) -> String {
        let target = random.int(in: 0...(cumulative[cumulative.count - 1] - 1))
        // The first running total above the target.
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return names[district * namesPerDistrict + low]
    }
}
