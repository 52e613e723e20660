import LinearProgramming
import NetworkFlow

/// Builds networks from compact arc lists: (tail, head, lower, upper, cost).
func makeNetwork(supplies: [Int], arcs: [(Int, Int, Int, Int, Int64)]) -> FlowNetwork {
    var network = FlowNetwork()
    supplies.forEach { network.addNode(supply: $0) }
    for (tail, head, lower, upper, cost) in arcs {
        network.addArc(from: tail, to: head, lower: lower, upper: upper, cost: cost)
    }
    return network
}

/// The same problem as a linear programme, written independently of any flow solver: one variable per arc with the
/// arc's bounds and cost, one equality row per node (outflow − inflow = supply). A self-loop leaves its node's row.
func linearProgram(for network: FlowNetwork) -> LinearProgram {
    var program = LinearProgram(name: "flow", sense: .minimize)
    var rows = Array(repeating: [Term](), count: network.nodeCount)
    for arc in 0..<network.arcCount {
        let variable = program.addVariable(
            name: "x\(arc)", lowerBound: Double(network.lowers[arc]), upperBound: Double(network.uppers[arc]),
            objective: Double(network.costs[arc]))
        let tail = Int(network.tails[arc]), head = Int(network.heads[arc])
        guard tail != head else { continue }
        rows[tail].append(Term(variable, 1))
        rows[head].append(Term(variable, -1))
    }
    for (node, terms) in rows.enumerated() {
        let supply = Double(network.supplies[node])
        program.addConstraint(name: "node\(node)", terms: terms, lowerBound: supply, upperBound: supply)
    }
    return program
}

/// Every way `solution` fails to be an optimal flow of `network`, checked in plain code: sizes, bounds, conservation,
/// the total cost, and complementary slackness of the potentials (which proves optimality).
func violations(of solution: FlowSolution, in network: FlowNetwork) -> [String] {
    guard solution.status == .optimal else { return ["status is \(solution.status)"] }
    guard solution.flows.count == network.arcCount, solution.potentials.count == network.nodeCount else {
        return ["\(solution.flows.count) flows and \(solution.potentials.count) potentials"]
    }
    var found: [String] = []
    var balance = Array(repeating: 0, count: network.nodeCount)
    for arc in 0..<network.arcCount {
        let flow = solution.flows[arc], tail = Int(network.tails[arc]), head = Int(network.heads[arc])
        if flow < network.lowers[arc] || flow > network.uppers[arc] {
            found.append("arc \(arc): flow \(flow) outside \(network.lowers[arc])...\(network.uppers[arc])")
        }
        balance[tail] += Int(flow)
        balance[head] -= Int(flow)
        let reducedCost = network.costs[arc] + solution.potentials[tail] - solution.potentials[head]
        if flow < network.uppers[arc] && reducedCost < 0 {
            found.append("arc \(arc): below its upper bound with reduced cost \(reducedCost)")
        }
        if flow > network.lowers[arc] && reducedCost > 0 {
            found.append("arc \(arc): above its lower bound with reduced cost \(reducedCost)")
        }
    }
    for node in 0..<network.nodeCount where balance[node] != network.supplies[node] {
        found.append("node \(node): outflow − inflow \(balance[node]), supply \(network.supplies[node])")
    }
    if network.cost(of: solution.flows) != solution.totalCost {
        found.append("total cost \(solution.totalCost), flows cost \(network.cost(of: solution.flows))")
    }
    return found
}
