import GLPKBackend
import LEMONBackend
import LinearProgramming
import NetworkFlow
import PropertyBased
import Testing

/// LEMON against GLPK's simplex on the same problem written as a linear programme, on random small networks with
/// lower bounds, self-loops, parallel arcs, negative costs and cycles; many are infeasible.
@Suite("LEMON network simplex against GLPK")
struct LEMONAgainstGLPKTests {
    /// Up to 6 nodes and 14 arcs; the last node's supply balances the others. Half of the networks also get a path of
    /// costly arcs both ways through all nodes, wide enough for any supply and lower bound, so that they are feasible.
    static func networks(maximumSupply: Int, maximumLower: Int, maximumExtra: Int, maximumCost: Int64)
        -> Generator<FlowNetwork, some SendableSequenceType>
    {
        let arc = zip(
            Gen.int(in: 0...5), Gen.int(in: 0...5), Gen.int(in: 0...maximumLower), Gen.int(in: 0...maximumExtra),
            Gen.int64(in: -maximumCost...maximumCost))
        return zip(
            Gen.int(in: 1...6), Gen.int(in: -maximumSupply...maximumSupply).array(of: 5), arc.array(of: 0...14), Gen.bool()
        )
        .map { generated in
            let (nodeCount, rawSupplies, randomArcs, hasPath) = generated
            var supplies = Array(rawSupplies.prefix(nodeCount - 1))
            supplies.append(-supplies.reduce(0, +))
            var arcs = randomArcs.map { ($0.0 % nodeCount, $0.1 % nodeCount, $0.2, $0.2 + $0.3, $0.4) }
            if hasPath {
                let width = 6 * maximumSupply + 14 * maximumLower
                for node in 1..<nodeCount {
                    arcs.append((node - 1, node, 0, width, maximumCost))
                    arcs.append((node, node - 1, 0, width, maximumCost))
                }
            }
            return makeNetwork(supplies: supplies, arcs: arcs)
        }
    }

    private func agree(on network: FlowNetwork) throws {
        let lemon = try LEMONNetworkSimplex().solve(network)
        let glpk = try GLPKSolver().solve(linearProgram(for: network))
        switch (lemon.status, glpk.termination) {
        case (.optimal, .optimal):
            #expect(violations(of: lemon, in: network) == [], "\(DIMACSWriter.text(for: network))")
            let optimum = try #require(glpk.objectiveValue)
            #expect(
                abs(optimum - Double(lemon.totalCost)) <= 1e-9 * max(1, abs(optimum)),
                "GLPK \(optimum), LEMON \(lemon.totalCost)\n\(DIMACSWriter.text(for: network))")
        case (.infeasible, .infeasible):
            break
        case (let lemonStatus, let glpkTermination):
            Issue.record("LEMON \(lemonStatus), GLPK \(glpkTermination)\n\(DIMACSWriter.text(for: network))")
        }
    }

    @Test("small bounds and costs: same optimum or both infeasible; flows, cost and potentials check out")
    func smallNetworks() async {
        await propertyCheck(
            count: 500, input: Self.networks(maximumSupply: 4, maximumLower: 3, maximumExtra: 4, maximumCost: 10)
        ) { network in
            try agree(on: network)
        }
    }

    /// Capacities up to 10^9 put Σ upper past Int32.max, so LEMON counts flow in 64 bits.
    @Test("capacities near the Int32 limit: same optimum or both infeasible")
    func largeCapacities() async {
        await propertyCheck(
            count: 200,
            input: Self.networks(maximumSupply: 1000, maximumLower: 1000, maximumExtra: 1_000_000_000, maximumCost: 10)
        ) { network in
            try agree(on: network)
        }
    }
}
