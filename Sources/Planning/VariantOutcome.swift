import Matching
import MentorMatchCore

/// What one variant buys: the figures of the side-by-side table.
public struct VariantOutcome: Sendable, Hashable, Encodable {
    public var name: String
    public var mentors: Int
    /// Mentors the variant adds to the base (they are trained once).
    public var recruits: Int
    public var mentees: Int
    public var served: Int
    public var remoteMentees: Int
    public var servedRemote: Int
    public var unmatched: Int
    /// Unmatched young people by need (`none` for those without one); a young person with two needs counts
    /// under both.
    @CountsAsObjects<NeedLabel> public var unmatchedByNeed: [String: Int]
    @CountsAsObjects<PlaceLabel> public var unmatchedByPlace: [String: Int]
    public var idleMentors: Int
    public var meanTravelKm: Double
    /// Places taken as a share of all mentors' places under the policy (0–1).
    public var mentorLoad: Double
    public var cost: CostBreakdown
    /// `nil` when nobody is served.
    public var costPerServed: Double?
    /// Young people and those served, by place, for the bar chart.
    public var demandByPlace: [PlaceDemand]
    /// Names of the variants that dominate this one (see ``Dominance``).
    public var dominatedBy: [String] = []
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case name, mentors, recruits, mentees, served, unmatched, cost, seconds
        case remoteMentees = "remote_mentees"
        case servedRemote = "served_remote"
        case unmatchedByNeed = "unmatched_by_need"
        case unmatchedByPlace = "unmatched_by_place"
        case idleMentors = "idle_mentors"
        case meanTravelKm = "mean_travel_km"
        case mentorLoad = "mentor_load"
        case costPerServed = "cost_per_served"
        case demandByPlace = "demand_by_place"
        case dominatedBy = "dominated_by"
    }

    /// Reads the figures off a matching result.
    public init(
        name: String, input: MatchingInput, policy: Policy, result: MatchingResult, recruits: Int, costModel: CostModel,
        seconds: Double
    ) {
        let summary = result.summary
        self.name = name
        mentors = summary.mentors
        self.recruits = recruits
        mentees = summary.mentees
        served = summary.served
        remoteMentees = summary.remoteMentees
        servedRemote = summary.servedRemote
        unmatched = summary.unmatched
        idleMentors = summary.idleMentors
        meanTravelKm = summary.meanTravelKm
        let places = input.mentors.reduce(0) { $0 + policy.capacity(of: $1) }
        mentorLoad = places == 0 ? 0 : Double(summary.served) / Double(places)
        cost = costModel.cost(pairDistancesKm: result.pairs.map(\.distanceKm), recruits: recruits)
        costPerServed = summary.served == 0 ? nil : cost.total / Double(summary.served)
        self.seconds = seconds
        let menteeByID = Dictionary(input.mentees.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byNeed: [String: Int] = [:]
        var byPlace: [String: Int] = [:]
        for person in result.unmatched {
            guard let mentee = menteeByID[person.menteeID] else { continue }
            for need in mentee.needs.isEmpty ? ["none"] : mentee.needs { byNeed[need, default: 0] += 1 }
            byPlace[mentee.location.place, default: 0] += 1
        }
        unmatchedByNeed = byNeed
        unmatchedByPlace = byPlace
        let demand = Dictionary(grouping: input.mentees, by: \.location.place).mapValues(\.count)
        demandByPlace = demand.keys.sorted().map { place in
            PlaceDemand(place: place, youngPeople: demand[place]!, served: demand[place]! - byPlace[place, default: 0])
        }
    }
}

/// Young people of one place and how many of them are served.
public struct PlaceDemand: Sendable, Hashable, Codable {
    public var place: String
    public var youngPeople: Int
    public var served: Int

    public init(place: String, youngPeople: Int, served: Int) {
        self.place = place
        self.youngPeople = youngPeople
        self.served = served
    }

    enum CodingKeys: String, CodingKey {
        case place, served
        case youngPeople = "young_people"
    }
}

/// Pareto dominance between variants.
///
/// A variant dominates another that faces the same waiting list (as many young people, as many from remote places)
/// when it serves at least as many young people, at least as many from remote places, and costs no more, and is
/// strictly better in at least one of the three. Variants that scale demand are compared only with variants facing
/// the same demand. A variant no other dominates is on the Pareto front: choosing between front variants is a
/// matter of priorities, not of numbers.
public enum Dominance {
    public static func dominates(_ first: VariantOutcome, _ second: VariantOutcome) -> Bool {
        guard first.mentees == second.mentees, first.remoteMentees == second.remoteMentees else { return false }
        let atLeastAsGood = first.served >= second.served && first.servedRemote >= second.servedRemote
            && first.cost.total <= second.cost.total + costTolerance
        let better = first.served > second.served || first.servedRemote > second.servedRemote
            || first.cost.total < second.cost.total - costTolerance
        return atLeastAsGood && better
    }

    /// Cents do not decide.
    static let costTolerance = 0.005

    /// Fills in ``VariantOutcome/dominatedBy`` of every outcome.
    public static func mark(_ outcomes: inout [VariantOutcome]) {
        let snapshot = outcomes
        for index in outcomes.indices {
            outcomes[index].dominatedBy = snapshot.filter { dominates($0, snapshot[index]) }.map(\.name)
        }
    }
}

/// The name of the key that holds the need or place of each count in JSON.
public protocol CountLabel: Sendable {
    static var key: String { get }
}

public enum NeedLabel: CountLabel {
    public static let key = "need"
}

public enum PlaceLabel: CountLabel {
    public static let key = "place"
}

/// Counts keyed by data (needs, places), written as an array of objects (`[{"place": "Ogre", "count": 1}]`) sorted by
/// name, so that every JSON key is a name of the format and never a value.
@propertyWrapper
public struct CountsAsObjects<Label: CountLabel>: Sendable, Hashable, Encodable {
    public var wrappedValue: [String: Int]

    public init(wrappedValue: [String: Int]) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (name, count) in wrappedValue.sorted(by: { $0.key < $1.key }) {
            var object = container.nestedContainer(keyedBy: NamedKey.self)
            try object.encode(name, forKey: NamedKey(Label.key))
            try object.encode(count, forKey: NamedKey("count"))
        }
    }

    private struct NamedKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
