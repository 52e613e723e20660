import LEMONBackend
import NetworkFlow
import Testing

@Suite struct LEMONNetworkSimplexTests {
    let solver = LEMONNetworkSimplex()

    @Test func namesItself() {
        #expect(solver.name == "LEMON 1.3.1 network simplex")
    }

    /// NetworkX's `min_cost_flow` example: 5 units from a to d, the cheap route through b capped at 4.
    @Test func solvesAKnownProblem() throws {
        let network = makeNetwork(
            supplies: [5, 0, 0, -5], arcs: [(0, 1, 0, 4, 3), (0, 2, 0, 10, 6), (1, 3, 0, 9, 1), (2, 3, 0, 5, 2)])
        let solution = try solver.solve(network)
        #expect(solution.status == .optimal)
        #expect(solution.flows == [4, 1, 4, 1])
        #expect(solution.totalCost == 24)
        #expect(violations(of: solution, in: network) == [])
    }

    @Test func honoursLowerBoundsOnCostlyArcs() throws {
        let network = makeNetwork(supplies: [2, -2], arcs: [(0, 1, 0, 5, 1), (0, 1, 1, 5, 10)])
        let solution = try solver.solve(network)
        #expect(solution.flows == [1, 1])
        #expect(solution.totalCost == 11)
        #expect(violations(of: solution, in: network) == [])
    }

    @Test func fillsANegativeCycleToItsCapacity() throws {
        let network = makeNetwork(supplies: [0, 0, 0], arcs: [(0, 1, 0, 3, -1), (1, 2, 0, 5, -1), (2, 0, 0, 4, -1)])
        let solution = try solver.solve(network)
        #expect(solution.flows == [3, 3, 3])
        #expect(solution.totalCost == -9)
        #expect(violations(of: solution, in: network) == [])
    }

    @Test func givesValidPotentialsOnDisconnectedParts() throws {
        let network = makeNetwork(
            supplies: [1, -1, 0, 2, -2, 0], arcs: [(0, 1, 0, 1, 4), (3, 4, 0, 2, -3), (2, 2, 0, 1, -1)])
        let solution = try solver.solve(network)
        #expect(solution.totalCost == 4 - 6 - 1)
        #expect(violations(of: solution, in: network) == [])
    }

    @Test func reportsInfeasibility() throws {
        let network = makeNetwork(supplies: [3, -3], arcs: [(0, 1, 0, 2, 1)])
        #expect(try solver.solve(network) == FlowSolution(status: .infeasible))
        let stranded = makeNetwork(supplies: [0, 0], arcs: [(0, 1, 1, 1, 0)])
        #expect(try solver.solve(stranded) == FlowSolution(status: .infeasible))
    }

    @Test func solvesAnEmptyNetworkAndOneWithoutArcs() throws {
        #expect(try solver.solve(FlowNetwork()) == FlowSolution(status: .optimal))
        let nodesOnly = makeNetwork(supplies: [0, 0], arcs: [])
        #expect(try solver.solve(nodesOnly) == FlowSolution(status: .optimal, potentials: [0, 0]))
    }

    /// Unbalanced supplies would reach LEMON as an infeasible problem, and a head out of range as a memory error:
    /// both are rejected in Swift first.
    @Test func rejectsAnInvalidNetworkBeforeCallingLEMON() {
        let unbalanced = makeNetwork(supplies: [1, 0], arcs: [(0, 1, 0, 1, 0)])
        #expect(throws: FlowError.invalidNetwork(FlowNetworkValidator.problems(in: unbalanced))) {
            try solver.solve(unbalanced)
        }
        let outOfRange = makeNetwork(supplies: [0, 0], arcs: [(0, 7, 0, 1, 0)])
        #expect(throws: FlowError.invalidNetwork(["arc 0: head 7 is not a node; nodes are 0..<2"])) {
            try solver.solve(outOfRange)
        }
    }

    /// An arc fixed at Int32.max units of cost 2^40 costs about 2^71: an error, not a wrapped total.
    @Test func reportsATotalCostBeyond64Bits() {
        let limit = FlowNetworkValidator.maximumCostMagnitude
        let top = Int(Int32.max)
        let network = makeNetwork(supplies: [0, 0], arcs: [(0, 1, top, top, limit), (1, 0, top, top, limit)])
        #expect(throws: FlowError.solverFailed("the optimal flow's total cost exceeds the 64-bit range (at arc 0)")) {
            try solver.solve(network)
        }
    }

    /// Capacities summing past Int32.max make LEMON count flow in 64 bits; an arc at Int32.max is finite.
    @Test func solvesWithCapacitiesAtTheInt32Limit() throws {
        let top = Int(Int32.max)
        let network = makeNetwork(
            supplies: [1000, 0, -1000], arcs: [(0, 1, 0, top, 2), (1, 2, 0, top, 3), (0, 2, 0, 400, 4), (1, 1, 0, top, -1)])
        let solution = try solver.solve(network)
        #expect(solution.flows == [600, 600, 400, Int32.max])
        #expect(solution.totalCost == 600 * 5 + 400 * 4 - Int64(Int32.max))
        #expect(violations(of: solution, in: network) == [])
    }
}
