/// Checks a ``FlowNetwork`` before any backend sees it, so that a backend may assume its input is valid: LEMON
/// reads indices unchecked and computes in fixed-width integers.
public enum FlowNetworkValidator {
    /// The largest |cost| of an arc: 2^40, far above any objective MentorMatch builds, and small enough that node
    /// potentials of networks with up to 2^21 nodes stay within 64 bits.
    public static let maximumCostMagnitude: Int64 = 1 << 40

    /// At most this many problems are listed one by one; a summary line counts the rest, so a network of millions
    /// of bad arcs yields a short list.
    public static let maximumListedProblems = 100

    /// Every problem of the network, each naming its node or arc, the values and what is wrong; empty when valid.
    ///
    /// Checks, per arc: tail and head are nodes, 0 ≤ lower ≤ upper, |cost| ≤ ``maximumCostMagnitude``. For the whole
    /// network: supplies sum to 0; Σ |supply| fits in `Int32`, the type of a flow; arcs plus two artificial arcs per
    /// node fit in `Int32`, LEMON's arc index; nodes × max |cost| × 4 fits in `Int64`, which bounds every potential
    /// and reduced cost LEMON computes (its artificial arcs cost 2^62).
    /// - Complexity: O(nodes + arcs).
    public static func problems(in network: FlowNetwork) -> [String] {
        var report = ProblemList()
        checkSupplies(of: network, into: &report)
        let largestCost = checkArcs(of: network, into: &report)
        checkSizes(of: network, largestCost: largestCost, into: &report)
        return report.problems
    }

    /// Throws ``FlowError/invalidNetwork(_:)`` listing every problem ``problems(in:)`` finds.
    public static func validate(_ network: FlowNetwork) throws(FlowError) {
        let found = problems(in: network)
        if !found.isEmpty { throw .invalidNetwork(found) }
    }

    private static func checkSupplies(of network: FlowNetwork, into report: inout ProblemList) {
        var sum = 0
        var sumOverflowed = false
        var magnitudes: UInt = 0
        var magnitudesOverflowed = false
        for supply in network.supplies {
            let (newSum, overflow) = sum.addingReportingOverflow(supply)
            sum = newSum
            sumOverflowed = sumOverflowed || overflow
            let (newMagnitudes, magnitudeOverflow) = magnitudes.addingReportingOverflow(supply.magnitude)
            magnitudes = newMagnitudes
            magnitudesOverflowed = magnitudesOverflowed || magnitudeOverflow
        }
        if sumOverflowed || sum != 0 {
            let total = sumOverflowed ? "a sum beyond 64 bits" : "\(sum)"
            report.add("supplies sum to \(total), not 0: every unit that enters the network must leave it")
        }
        if magnitudesOverflowed || magnitudes > UInt(Int32.max) {
            let total = magnitudesOverflowed ? "more than 64 bits hold" : "\(magnitudes)"
            report.add("the supplies' magnitudes sum to \(total), more than \(Int32.max), the most an Int32 flow can carry")
        }
    }

    /// Reports every bad arc and returns the largest |cost| seen.
    private static func checkArcs(of network: FlowNetwork, into report: inout ProblemList) -> Int64 {
        let nodeCount = network.nodeCount
        var largestCost: Int64 = 0
        for arc in 0..<network.arcCount {
            let tail = Int(network.tails[arc]), head = Int(network.heads[arc])
            let lower = network.lowers[arc], upper = network.uppers[arc], cost = network.costs[arc]
            if !(0..<nodeCount).contains(tail) {
                report.add("arc \(arc): tail \(tail) is not a node; nodes are 0..<\(nodeCount)")
            }
            if !(0..<nodeCount).contains(head) {
                report.add("arc \(arc): head \(head) is not a node; nodes are 0..<\(nodeCount)")
            }
            if lower < 0 {
                report.add("arc \(arc): lower bound \(lower) is negative")
            }
            if lower > upper {
                report.add("arc \(arc): lower bound \(lower) exceeds upper bound \(upper)")
            }
            if cost.magnitude > maximumCostMagnitude.magnitude {
                report.add("arc \(arc): cost \(cost) is beyond ±\(maximumCostMagnitude)")
            } else {
                largestCost = max(largestCost, Int64(cost.magnitude))
            }
        }
        return largestCost
    }

    private static func checkSizes(of network: FlowNetwork, largestCost: Int64, into report: inout ProblemList) {
        let nodeCount = network.nodeCount, arcCount = network.arcCount
        // LEMON adds a root node and up to two artificial arcs per node, all numbered in `int`. Array counts are far
        // below 2^62, so this sum cannot overflow.
        if arcCount + 2 * nodeCount + 1 > Int(Int32.max) {
            report.add(
                "\(arcCount) arcs and \(nodeCount) nodes are too many: arcs + 2 × nodes + 1 must not exceed \(Int32.max)")
        }
        let (_, potentialOverflowed) = Int64(nodeCount).multipliedReportingOverflow(by: largestCost * 4)
        if potentialOverflowed {
            report.add(
                "\(nodeCount) nodes × largest |cost| \(largestCost) × 4 exceeds \(Int64.max): node potentials could "
                    + "overflow; scale the costs down")
        }
    }
}

/// Problems in order, the first ``FlowNetworkValidator/maximumListedProblems`` in full and then a count of the rest.
private struct ProblemList {
    private var listed: [String] = []
    private var unlisted = 0

    mutating func add(_ problem: @autoclosure () -> String) {
        if listed.count < FlowNetworkValidator.maximumListedProblems {
            listed.append(problem())
        } else {
            unlisted += 1
        }
    }

    var problems: [String] {
        unlisted == 0 ? listed : listed + ["… and \(unlisted) more problems"]
    }
}
