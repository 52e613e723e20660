import MentorMatchCore

/// Makes seeded synthetic populations of mentors and young people for demonstrations, planning and tests.
///
/// The same seed gives the same population on every machine and Swift version: draws come from the generator's
/// own SplitMix64 stream and never from the system generator or hash order. The populations are invented, hold
/// pseudonymous identifiers only, and contain no pair rules.
public struct PopulationGenerator: Sendable, Hashable {
    /// The seed every draw derives from.
    public let seed: UInt64

    /// Creates a generator for one seed.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The population of a calibrated preset; pair it with ``PopulationPreset/suggestedPolicy``.
    public func generate(_ preset: PopulationPreset) -> MatchingInput {
        var random = SplitMix64(seed: seed)
        return switch preset {
        case .ogre2024: Self.ogre2024(&random)
        case .liepaja2022: Self.liepaja2022(&random)
        case .zemgaleRethink: Self.zemgaleRethink(&random)
        }
    }

    /// A population of any size shaped like the Ogre 2024 network, spread over every place in ``LatvianGazetteer``.
    ///
    /// Beyond ``youngPeoplePerDistrict`` young people the population becomes a national programme: one district per
    /// started 2,500 young people, each a copy of the gazetteer's places named `Ogre (2)` and so on, shifted beside
    /// the others (see ``districtEntries(count:)``), so that each young person keeps a municipal programme's number
    /// of mentors within reach.
    ///
    /// Young people are placed in proportion to population (GeoNames figures for towns; 1,200 residents assumed
    /// for each parish, which has no sourced figure); mentors likewise, with remote parishes weighted double
    /// because the programmes prefer candidates who live there. Availability, travel limits, gender preferences,
    /// priorities and referral dates (2 January – 14 February 2024) follow the Ogre preset; so do needs, plus 3 %
    /// needing intellectual-disability support. Russian is spoken everywhere (10 % Russian only, 15 % both), and
    /// mentors' specialisations are drawn independently (addiction 20 %, anxiety-depression 25 %,
    /// intellectual disability 10 %), so no case is planted.
    /// - Parameters:
    ///   - mentees: How many young people, zero or more.
    ///   - mentors: How many mentors, zero or more; ``defaultMentorCount(forMentees:)`` gives the Ogre ratio.
    /// - Complexity: O(`mentees` + `mentors`).
    public func generateScaled(mentees: Int, mentors: Int) -> MatchingInput {
        precondition(mentees >= 0 && mentors >= 0, "counts must not be negative")
        var random = SplitMix64(seed: seed)
        return Self.scaled(mentees: mentees, mentors: mentors, &random)
    }

    /// The number of mentors for `mentees` young people at Ogre's ratio of about 2.5 young people per mentor,
    /// at least one when there is anyone to mentor.
    public static func defaultMentorCount(forMentees mentees: Int) -> Int {
        mentees <= 0 ? 0 : max(1, (mentees * 2 + 2) / 5)
    }

    /// `count` identifiers such as `M001` or `Y0001`, zero-padded to the wider of `minimumWidth` and `count`'s digits.
    static func identifiers(_ prefix: String, count: Int, minimumWidth: Int) -> [String] {
        let width = max(minimumWidth, String(count).count)
        return (0..<count).map { index in
            let digits = String(index + 1)
            return prefix + String(repeating: "0", count: width - digits.count) + digits
        }
    }

    static func mentorIdentifiers(count: Int) -> [String] { identifiers("M", count: count, minimumWidth: 3) }

    static func menteeIdentifiers(count: Int) -> [String] { identifiers("Y", count: count, minimumWidth: 4) }
}
