/// What a variant costs over the planning horizon: paid hours, volunteers' travel and training of recruits.
///
/// Paid services (Liepāja: about 20 hours a month per young person) cost hours × rate for every pair; volunteer
/// programmes reimburse travel per km, two trips (there and back) per meeting; every recruit is trained once.
/// The defaults cost nothing, so a scenario states every figure it relies on.
public struct CostModel: Sendable, Hashable, Encodable {
    /// How many months the plan covers.
    public var horizonMonths: Double = 6
    /// EUR per paid hour; 0 for volunteers.
    public var paidHourlyRateEUR: Double = 0
    /// Paid hours per pair and month (Liepāja: 20).
    public var paidHoursPerPairPerMonth: Double = 20
    /// Meetings per pair and month (Ogre: at least twice a month).
    public var meetingsPerMonth: Double = 2
    /// EUR per km of a volunteer's travel; 0 for none.
    public var travelEURPerKm: Double = 0
    /// EUR to train one recruit (a profile's own cost replaces it).
    public var trainingEURPerRecruit: Double = 0
    /// A budget to compare against; `nil` for none.
    public var budgetEUR: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case horizonMonths = "horizon_months"
        case paidHourlyRateEUR = "paid_hourly_rate_eur"
        case paidHoursPerPairPerMonth = "paid_hours_per_pair_per_month"
        case meetingsPerMonth = "meetings_per_month"
        case travelEURPerKm = "travel_eur_per_km"
        case trainingEURPerRecruit = "training_eur_per_recruit"
        case budgetEUR = "budget_eur"
    }

    /// Every key a scenario's `cost:` mapping may hold.
    public static let fileKeys: Set<String> = [
        "horizon_months", "paid_hourly_rate_eur", "paid_hours_per_pair_per_month", "meetings_per_month",
        "travel_eur_per_km", "training_eur_per_recruit", "budget_eur",
    ]

    /// The cost of pairs at these distances, with `recruits` new mentors to train.
    public func cost(pairDistancesKm: [Double], recruits: Int) -> CostBreakdown {
        let pairMonths = Double(pairDistancesKm.count) * horizonMonths
        let travelKm = pairDistancesKm.reduce(0, +) * 2 * meetingsPerMonth * horizonMonths
        return CostBreakdown(
            paidHours: pairMonths * paidHoursPerPairPerMonth * paidHourlyRateEUR,
            travel: travelKm * travelEURPerKm,
            training: Double(recruits) * trainingEURPerRecruit
        )
    }
}

/// A variant's cost in EUR, by part.
public struct CostBreakdown: Sendable, Hashable, Codable {
    public var paidHours: Double
    public var travel: Double
    public var training: Double

    public var total: Double { paidHours + travel + training }

    enum CodingKeys: String, CodingKey {
        case travel, training, total
        case paidHours = "paid_hours"
    }

    public init(paidHours: Double, travel: Double, training: Double) {
        self.paidHours = paidHours
        self.travel = travel
        self.training = training
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        paidHours = try container.decode(Double.self, forKey: .paidHours)
        travel = try container.decode(Double.self, forKey: .travel)
        training = try container.decode(Double.self, forKey: .training)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(paidHours, forKey: .paidHours)
        try container.encode(travel, forKey: .travel)
        try container.encode(training, forKey: .training)
        try container.encode(total, forKey: .total)
    }
}
