import NetworkFlow
import Testing

@Suite struct FlowNetworkValidatorTests {
    private func network(supplies: [Int], arcs: [(Int, Int, Int, Int, Int64)]) -> FlowNetwork {
        var network = FlowNetwork()
        supplies.forEach { network.addNode(supply: $0) }
        for (tail, head, lower, upper, cost) in arcs {
            network.addArc(from: tail, to: head, lower: lower, upper: upper, cost: cost)
        }
        return network
    }

    @Test func acceptsAValidNetwork() {
        let valid = network(supplies: [3, 0, -3], arcs: [(0, 1, 1, 3, -5), (1, 2, 0, 4, 2), (2, 2, 0, 1, 0)])
        #expect(FlowNetworkValidator.problems(in: valid) == [])
        #expect(throws: Never.self) { try FlowNetworkValidator.validate(valid) }
        #expect(FlowNetworkValidator.problems(in: FlowNetwork()) == [])
    }

    @Test func namesTheArcTheValuesAndTheRuleForEachBadArc() {
        let limit = FlowNetworkValidator.maximumCostMagnitude
        let bad = network(
            supplies: [0, 0],
            arcs: [(0, 2, 0, 1, 0), (-1, 1, 0, 1, 0), (0, 1, -2, 1, 0), (0, 1, 3, 2, 0), (1, 0, 0, 1, -limit - 1)])
        #expect(
            FlowNetworkValidator.problems(in: bad) == [
                "arc 0: head 2 is not a node; nodes are 0..<2",
                "arc 1: tail -1 is not a node; nodes are 0..<2",
                "arc 2: lower bound -2 is negative",
                "arc 3: lower bound 3 exceeds upper bound 2",
                "arc 4: cost -1099511627777 is beyond ±1099511627776",
            ])
        #expect(throws: FlowError.invalidNetwork(FlowNetworkValidator.problems(in: bad))) {
            try FlowNetworkValidator.validate(bad)
        }
    }

    @Test func acceptsCostsAtTheLimit() {
        let limit = FlowNetworkValidator.maximumCostMagnitude
        #expect(FlowNetworkValidator.problems(in: network(supplies: [0, 0], arcs: [(0, 1, 0, 1, limit), (1, 0, 0, 1, -limit)])) == [])
    }

    @Test func rejectsUnbalancedAndOversizedSupplies() {
        #expect(
            FlowNetworkValidator.problems(in: network(supplies: [2, -1], arcs: []))
                == ["supplies sum to 1, not 0: every unit that enters the network must leave it"])
        #expect(
            FlowNetworkValidator.problems(in: network(supplies: [1 << 30, -(1 << 30)], arcs: []))
                == ["the supplies' magnitudes sum to 2147483648, more than 2147483647, the most an Int32 flow can carry"])
        #expect(
            FlowNetworkValidator.problems(in: network(supplies: [.max, 1, .min], arcs: [])) == [
                "supplies sum to a sum beyond 64 bits, not 0: every unit that enters the network must leave it",
                "the supplies' magnitudes sum to more than 64 bits hold, more than 2147483647, the most an Int32 flow can carry",
            ])
    }

    @Test func rejectsCostsWhosePotentialsCouldOverflow() {
        let limit = FlowNetworkValidator.maximumCostMagnitude
        // 2^21 nodes × 2^40 × 4 = 2^63, one more than Int64 holds.
        var large = FlowNetwork()
        for _ in 0..<(1 << 21) { large.addNode() }
        large.addArc(from: 0, to: 1, upper: 1, cost: limit)
        #expect(
            FlowNetworkValidator.problems(in: large) == [
                "2097152 nodes × largest |cost| 1099511627776 × 4 exceeds 9223372036854775807: node potentials could "
                    + "overflow; scale the costs down"
            ])
        large.setCost(limit - 1, ofArc: 0)
        #expect(FlowNetworkValidator.problems(in: large) == [])
    }

    @Test func listsAtMostAHundredProblemsAndCountsTheRest() {
        let bad = network(supplies: [0], arcs: Array(repeating: (0, 0, 2, 1, 0), count: 130))
        let problems = FlowNetworkValidator.problems(in: bad)
        #expect(problems.count == FlowNetworkValidator.maximumListedProblems + 1)
        #expect(problems.first == "arc 0: lower bound 2 exceeds upper bound 1")
        #expect(problems.last == "… and 30 more problems")
    }
}
