import MentorMatchCore

extension PopulationGenerator {
    /// Residents assumed for a parish, which has no sourced population (rural parishes here have roughly
    /// 500–2,500), so that towns draw more people than villages.
    static let assumedParishPopulation = 1_200

    /// A population of any size; see ``generateScaled(mentees:mentors:)``.
    static func scaled(mentees menteeCount: Int, mentors mentorCount: Int, _ random: inout SplitMix64) -> MatchingInput {
        let entries = LatvianGazetteer.entries
        let residents = entries.map { $0.population ?? assumedParishPopulation }
        let menteeHomes = WeightedNames(names: entries.map(\.name), weights: residents)
        // Remote candidates are preferred, so recruitment reaches them twice as often as population alone would.
        let mentorHomes = WeightedNames(
            names: entries.map(\.name), weights: zip(entries, residents).map { $0.isRemote ? $1 * 2 : $1 }
        )
        let remote = Set(entries.filter(\.isRemote).map(\.name))

        let mentors = mentorIdentifiers(count: mentorCount).map { id in
            let home = mentorHomes.draw(&random)
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
        let mentees = menteeIdentifiers(count: menteeCount).map { id in
            var mentee = ogreShapedMentee(
                place: menteeHomes.draw(&random), languages: [["lv"]: 75, ["lv", "ru"]: 15, ["ru"]: 10],
                wish: random.preferenceStrength(soft: 0.23, hard: 0.06), from: first, through: last, &random
            )
            mentee.id = id
            // Intellectual disability is a rare need in a general social-risk programme.
            if random.chance(0.03) { mentee.needs = ["intellectual-disability"] }
            return mentee
        }
        return MatchingInput(mentors: mentors, mentees: mentees, places: entries.map(\.place))
    }
}

/// Names drawn with probability proportional to integer weights, in O(log n) per draw.
struct WeightedNames {
    private let names: [String]
    /// Running totals of the weights; strictly increasing when every weight is positive.
    private let cumulative: [Int]

    init(names: [String], weights: [Int]) {
        precondition(names.count == weights.count && !names.isEmpty && weights.allSatisfy { $0 > 0 })
        self.names = names
        var total = 0
        cumulative = weights.map { weight in
            total += weight
            return total
        }
    }

    func draw(_ random: inout SplitMix64) -> String {
        let target = random.int(in: 0...(cumulative[cumulative.count - 1] - 1))
        // The first running total above the target.
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return names[low]
    }
}
