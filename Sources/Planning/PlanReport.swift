/// Everything `mentormatch plan` learns from a scenario.
public struct PlanReport: Sendable, Encodable {
    public var scenario: String
    public var costModel: CostModel
    /// In scenario order, dominance marked.
    public var variants: [VariantOutcome]
    public var recruitment: RecruitmentAnswer?
    public var simulation: [SimulationOutcome]?
    public var seconds: Double

    public init(
        scenario: String, costModel: CostModel, variants: [VariantOutcome], recruitment: RecruitmentAnswer?,
        simulation: [SimulationOutcome]?, seconds: Double
    ) {
        self.scenario = scenario
        self.costModel = costModel
        self.variants = variants
        self.recruitment = recruitment
        self.simulation = simulation
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case scenario, variants, recruitment, simulation, seconds
        case costModel = "cost_model"
    }
}
