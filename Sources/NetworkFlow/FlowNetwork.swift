/// A minimum-cost flow problem: nodes with supplies, arcs with integer bounds and costs.
///
/// Solver-neutral: backends (LEMON's network simplex, a test reference) read it; nothing here knows a solver.
/// A feasible flow `f` keeps `lower ≤ f ≤ upper` on every arc and, at every node, outflow − inflow = supply.
/// The optimum minimises Σ cost × flow. Arrays are kept side by side (one entry per arc) so that networks of
/// tens of millions of arcs stay compact.
public struct FlowNetwork: Sendable, Hashable {
    /// Supply per node: positive where flow enters the network, negative where it leaves; they sum to zero.
    public private(set) var supplies: [Int]
    public private(set) var tails: [Int32]
    public private(set) var heads: [Int32]
    public private(set) var lowers: [Int32]
    public private(set) var uppers: [Int32]
    public private(set) var costs: [Int64]

    public init() {
        supplies = []
        tails = []
        heads = []
        lowers = []
        uppers = []
        costs = []
    }

    public var nodeCount: Int { supplies.count }
    public var arcCount: Int { tails.count }

    /// Adds a node and returns its index.
    @discardableResult
    public mutating func addNode(supply: Int = 0) -> Int {
        supplies.append(supply)
        return supplies.count - 1
    }

    public mutating func setSupply(_ supply: Int, of node: Int) {
        supplies[node] = supply
    }

    /// Reserves room for `count` arcs in all, to avoid regrowing the arrays.
    public mutating func reserveArcs(_ count: Int) {
        tails.reserveCapacity(count)
        heads.reserveCapacity(count)
        lowers.reserveCapacity(count)
        uppers.reserveCapacity(count)
        costs.reserveCapacity(count)
    }

    /// Adds an arc and returns its index. Bounds and indices are checked by ``FlowNetworkValidator``, not here.
    @discardableResult
    public mutating func addArc(from tail: Int, to head: Int, lower: Int = 0, upper: Int, cost: Int64 = 0) -> Int {
        tails.append(Int32(truncatingIfNeeded: tail))
        heads.append(Int32(truncatingIfNeeded: head))
        lowers.append(Int32(truncatingIfNeeded: lower))
        uppers.append(Int32(truncatingIfNeeded: upper))
        costs.append(cost)
        return tails.count - 1
    }

    public mutating func setBounds(ofArc arc: Int, lower: Int, upper: Int) {
        lowers[arc] = Int32(truncatingIfNeeded: lower)
        uppers[arc] = Int32(truncatingIfNeeded: upper)
    }

    public mutating func setCost(_ cost: Int64, ofArc arc: Int) {
        costs[arc] = cost
    }

    /// Sets every arc's cost to zero, keeping bounds: the start of a new objective.
    public mutating func clearCosts() {
        for arc in costs.indices { costs[arc] = 0 }
    }

    /// Σ cost × flow, exact.
    public func cost(of flows: [Int32]) -> Int64 {
        var total: Int64 = 0
        for arc in flows.indices where flows[arc] != 0 {
            total += costs[arc] * Int64(flows[arc])
        }
        return total
    }
}

/// How a flow solve ended.
public enum FlowStatus: String, Sendable, Hashable, Codable {
    case optimal
    /// No flow meets the bounds and supplies.
    case infeasible
    /// A negative-cost cycle of unlimited capacity (cannot happen with finite upper bounds).
    case unbounded
}

/// The result of a flow solve.
public struct FlowSolution: Sendable, Hashable {
    public var status: FlowStatus
    /// Flow per arc (empty unless optimal).
    public var flows: [Int32]
    /// Node potentials (the dual solution; empty unless optimal), with reduced cost
    /// `cost(a) + potential(tail) − potential(head)` ≥ 0 on arcs below their upper bound and ≤ 0 on arcs above their lower bound.
    public var potentials: [Int64]
    /// Σ cost × flow (0 unless optimal).
    public var totalCost: Int64

    public init(status: FlowStatus, flows: [Int32] = [], potentials: [Int64] = [], totalCost: Int64 = 0) {
        self.status = status
        self.flows = flows
        self.potentials = potentials
        self.totalCost = totalCost
    }
}

/// A solver failure, or a network that must not reach a solver.
public enum FlowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The network breaks a rule ``FlowNetworkValidator`` checks; each entry says which arc or node and why.
    case invalidNetwork([String])
    /// The backend failed (out of memory, an internal error); the message says what happened.
    case solverFailed(String)

    public var description: String {
        switch self {
        case .invalidNetwork(let problems): "invalid flow network: " + problems.prefix(5).joined(separator: "; ")
        case .solverFailed(let message): "flow solver failed: " + message
        }
    }
}

/// Solves minimum-cost flow problems exactly.
public protocol MinCostFlowSolver: Sendable {
    /// For reports, such as "LEMON 1.3.1 network simplex".
    var name: String { get }
    /// Validates the network, then solves it. Throws only for invalid networks or backend failures; infeasibility
    /// is a status.
    func solve(_ network: FlowNetwork) throws(FlowError) -> FlowSolution
}
