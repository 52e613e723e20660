import LinearProgramming
import NetworkFlow

/// Solves a flow network as a plain linear programme (one column per arc, one equality row per node) with any LP
/// solver: an independent check on network-simplex backends and on the engine's flow formulation. The network
/// matrix is totally unimodular, so an optimal simplex vertex is integral.
public struct LinearProgramFlowSolver: MinCostFlowSolver {
    public let solver: any LinearProgramSolver

    public init(solver: any LinearProgramSolver) {
        self.solver = solver
    }

    public var name: String { "\(solver.name) (flow as LP)" }

    public func solve(_ network: FlowNetwork) throws(FlowError) -> FlowSolution {
        var program = LinearProgram(name: "flow", sense: .minimize)
        let arcs = (0..<network.arcCount).map { arc in
            program.addVariable(
                name: "a\(arc)", lowerBound: Double(network.lowers[arc]), upperBound: Double(network.uppers[arc]),
                objective: Double(network.costs[arc])
            )
        }
        var terms = [[Term]](repeating: [], count: network.nodeCount)
        for arc in 0..<network.arcCount {
            terms[Int(network.tails[arc])].append(Term(arcs[arc], 1))
            terms[Int(network.heads[arc])].append(Term(arcs[arc], -1))
        }
        for node in 0..<network.nodeCount {
            let supply = Double(network.supplies[node])
            program.addConstraint(name: "n\(node)", terms: terms[node], lowerBound: supply, upperBound: supply)
        }
        let solution: Solution
        do {
            solution = try solver.solve(program)
        } catch {
            throw .solverFailed(error.description)
        }
        switch solution.termination {
        case .optimal:
            let flows = arcs.map { Int32(solution.values[$0.index].rounded()) }
            return FlowSolution(status: .optimal, flows: flows, totalCost: network.cost(of: flows))
        case .infeasible:
            return FlowSolution(status: .infeasible)
        case .unbounded:
            return FlowSolution(status: .unbounded)
        default:
            throw .solverFailed("\(solver.name) stopped with \(solution.termination.rawValue)")
        }
    }
}
