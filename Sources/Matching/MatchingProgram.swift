import LinearProgramming
import MentorMatchCore

/// The four objective tiers, in lexicographic order.
public enum ObjectiveTier: String, Sendable, Hashable, Codable, CaseIterable {
    /// Young people served.
    case served
    /// Current pairs kept (`continuity.mode: minimal_change` only).
    case keptCurrent = "kept_current"
    /// Young people from remote places served.
    case remoteServed = "remote_served"
    /// Mentors with at least one mentee.
    case mentorsUsed = "mentors_used"
    /// Previous suggestions kept (`--previous` only).
    case keptPrevious = "kept_previous"
    /// The sum of the fit points of all pairs.
    case fit
}

/// The matching as a minimum-cost-flow-shaped linear programme.
///
/// Network: source → hub F → mentor (one "first place" arc of capacity 1 each), source → mentor (the remaining
/// capacity), mentor → mentee (one arc per candidate), mentee → sink (at most one), remote mentees pass through a
/// remote hub R on their way to the sink, and one return arc sink → source carries the number served.
/// Every row is a flow-conservation row, so the constraint matrix is a network matrix: totally unimodular, and
/// every simplex vertex is integral. Each tier total is a single arc (`served`, `remote_served`,
/// `mentors_used`), so lexicographic optimisation fixes that arc's bounds and stays a network programme.
/// Side constraints (a remote share, a minimum per place) add non-network rows; then the pair, first-place and
/// served arcs are declared integer and the solver runs branch and bound.
public struct MatchingProgram: Sendable {
    public private(set) var program: LinearProgram
    /// One variable per candidate, in candidate order.
    public let pairVariables: [VariableID]
    public let servedVariable: VariableID
    public let remoteServedVariable: VariableID
    public let mentorsUsedVariable: VariableID
    /// The current pairs kept (minimal_change) and previous suggestions kept, when the run ranks them.
    public let keptCurrentVariable: VariableID?
    public let keptPreviousVariable: VariableID?
    /// Whether side constraints or continuity tiers made it a mixed-integer programme.
    public let isMixedInteger: Bool

    public init(graph: CandidateGraph, continuity: ContinuityPlan? = nil) {
        let input = graph.rules.input
        let policy = graph.rules.policy
        let ranksCurrent = continuity?.ranksCurrentPairs ?? false
        let ranksPrevious = continuity?.ranksPreviousSuggestions ?? false
        // A count of chosen pairs is a row outside the network, so the pair values are declared integer.
        let isMixedInteger = !policy.sideConstraints.isEmpty || ranksCurrent || ranksPrevious
        var program = LinearProgram(name: "mentormatch", sense: .maximize)
        let served = program.addVariable(name: "served", lowerBound: 0, isInteger: isMixedInteger)
        let remoteServed = program.addVariable(name: "remote_served", lowerBound: 0, isInteger: isMixedInteger)
        let mentorsUsed = program.addVariable(name: "mentors_used", lowerBound: 0, isInteger: isMixedInteger)

        let pairs = graph.candidates.map { candidate in
            program.addVariable(
                name: Self.name("x", ids: [input.mentors[candidate.mentorIndex].id, input.mentees[candidate.menteeIndex].id], indices: [candidate.mentorIndex, candidate.menteeIndex]),
                lowerBound: candidate.isLocked ? 1 : 0, upperBound: 1, isInteger: isMixedInteger
            )
        }
        var firstPlaceTerms: [Term] = [Term(mentorsUsed, 1)]
        for (mentorIndex, mentor) in input.mentors.enumerated() where !graph.candidatesOfMentor[mentorIndex].isEmpty {
            func name(_ kind: String) -> String { Self.name(kind, ids: [mentor.id], indices: [mentorIndex]) }
            let firstPlace = program.addVariable(name: name("first"), lowerBound: 0, upperBound: 1, isInteger: isMixedInteger)
            let otherPlaces = program.addVariable(
                name: name("more"), lowerBound: 0, upperBound: Double(graph.capacity(mentorIndex: mentorIndex) - 1),
                isInteger: isMixedInteger
            )
            firstPlaceTerms.append(Term(firstPlace, -1))
            let outgoing = graph.candidatesOfMentor[mentorIndex].map { Term(pairs[$0], -1) }
            program.addConstraint(
                name: name("mentor"), terms: [Term(firstPlace, 1), Term(otherPlaces, 1)] + outgoing,
                lowerBound: 0, upperBound: 0
            )
        }
        program.addConstraint(name: "hub_first_places", terms: firstPlaceTerms, lowerBound: 0, upperBound: 0)

        var remoteHubTerms: [Term] = [Term(remoteServed, -1)]
        var sinkTerms: [Term] = [Term(remoteServed, 1), Term(served, -1)]
        var servedOfMentee: [VariableID?] = Array(repeating: nil, count: input.mentees.count)
        for (menteeIndex, mentee) in input.mentees.enumerated() where !graph.candidatesOfMentee[menteeIndex].isEmpty {
            func name(_ kind: String) -> String { Self.name(kind, ids: [mentee.id], indices: [menteeIndex]) }
            let isServed = program.addVariable(name: name("y"), lowerBound: 0, upperBound: 1, isInteger: isMixedInteger)
            servedOfMentee[menteeIndex] = isServed
            let incoming = graph.candidatesOfMentee[menteeIndex].map { Term(pairs[$0], 1) }
            program.addConstraint(name: name("mentee"), terms: incoming + [Term(isServed, -1)], lowerBound: 0, upperBound: 0)
            if graph.rules.isRemote(menteeIndex: menteeIndex) {
                remoteHubTerms.append(Term(isServed, 1))
            } else {
                sinkTerms.append(Term(isServed, 1))
            }
        }
        program.addConstraint(name: "hub_remote", terms: remoteHubTerms, lowerBound: 0, upperBound: 0)
        program.addConstraint(name: "sink", terms: sinkTerms, lowerBound: 0, upperBound: 0)

        if let share = policy.sideConstraints.minimumRemoteShare {
            program.addConstraint(
                name: "side_min_remote_share", terms: [Term(remoteServed, 1), Term(served, -share)], lowerBound: 0
            )
        }
        let placeNames = policy.sideConstraints.minimumServedPerPlace.keys.sorted()
        for (placeIndex, place) in placeNames.enumerated() {
            let minimum = policy.sideConstraints.minimumServedPerPlace[place]!
            let terms = input.mentees.indices.compactMap { index in
                input.mentees[index].location.place == place ? servedOfMentee[index].map { Term($0, 1) } : nil
            }
            program.addConstraint(name: Self.name("side_min_served", ids: [place], indices: [placeIndex]), terms: terms, lowerBound: Double(minimum))
        }

        func keptCount(_ name: String, of isCounted: (Candidate) -> Bool, atLeast least: Int?) -> VariableID {
            let kept = program.addVariable(name: name, lowerBound: Double(least ?? 0), isInteger: true)
            let counted = graph.candidates.indices.filter { isCounted(graph.candidates[$0]) }.map { Term(pairs[$0], 1) }
            program.addConstraint(name: name + "_count", terms: counted + [Term(kept, -1)], lowerBound: 0, upperBound: 0)
            return kept
        }
        keptCurrentVariable = ranksCurrent
            ? keptCount("kept_current", of: { continuity?.isCurrent($0) == true }, atLeast: continuity?.minimumKept) : nil
        keptPreviousVariable = ranksPrevious
            ? keptCount("kept_previous", of: { continuity?.isPrevious($0) == true }, atLeast: nil) : nil

        self.program = program
        pairVariables = pairs
        servedVariable = served
        remoteServedVariable = remoteServed
        mentorsUsedVariable = mentorsUsed
        self.isMixedInteger = isMixedInteger
    }

    public func variable(of tier: ObjectiveTier) -> VariableID? {
        switch tier {
        case .served: servedVariable
        case .remoteServed: remoteServedVariable
        case .mentorsUsed: mentorsUsedVariable
        case .keptCurrent: keptCurrentVariable
        case .keptPrevious: keptPreviousVariable
        case .fit: nil
        }
    }

    /// The tiers this programme ranks, in lexicographic order: the continuity tiers only when the run has them.
    public var tiers: [ObjectiveTier] {
        ObjectiveTier.allCases.filter { $0 == .fit || variable(of: $0) != nil }
    }

    /// Sets the objective to a weighted sum of tiers.
    mutating func setObjective(_ weights: [ObjectiveTier: Double], fitPoints: [Int]) {
        for tier in tiers where tier != .fit {
            if let variable = variable(of: tier) { program.setObjectiveCoefficient(weights[tier] ?? 0, for: variable) }
        }
        let fitWeight = weights[.fit] ?? 0
        for (variable, points) in zip(pairVariables, fitPoints) {
            program.setObjectiveCoefficient(fitWeight * Double(points), for: variable)
        }
    }

    /// The programme with one objective whose integer weights provably separate the tiers, for `--write-lp`
    /// audits with another solver: its optimum has the same four tiers as the lexicographic run.
    ///
    /// With F the largest possible fit total, U the mentors and R the remote young people with candidates, the
    /// weights are fit 1, mentors used W₃ = F + 1, remote served W₂ = W₃(U + 1), served W₁ = W₂(R + 1): each tier's
    /// weight exceeds the largest swing all lower tiers together can make.
    public func auditProgram(graph: CandidateGraph) -> LinearProgram {
        let fitPoints = graph.candidates.map(\.fitPoints)
        // Each tier's weight is one more than the largest total of all lower tiers weighted, from fit upwards.
        let largest: [ObjectiveTier: Double] = [
            .fit: Double(graph.largestFitTotal),
            .keptPrevious: Double(graph.rules.input.previousSuggestions.count),
            .mentorsUsed: Double(graph.candidatesOfMentor.filter { !$0.isEmpty }.count),
            .remoteServed: Double(TierScales(graph: graph).served - 1),
            .keptCurrent: Double(graph.rules.input.currentPairs.count),
        ]
        var weights: [ObjectiveTier: Double] = [:]
        var below = 0.0
        for tier in tiers.reversed() {
            let weight = below + 1
            weights[tier] = weight
            below += weight * (largest[tier] ?? 0)
        }
        var audit = self
        audit.setObjective(weights, fitPoints: fitPoints)
        return audit.program
    }

    /// Keeps a tier total (an arc of the network) at or above a value already proven optimal.
    mutating func hold(_ tierTotal: VariableID, atLeast value: Double) {
        program.setBounds(of: tierTotal, lower: value, upper: program.variables[tierTotal.index].upperBound)
    }

    /// A readable name such as `x.M001.Y0003`, or, when the ids would make it longer than LP names may be, one
    /// from positions such as `x_i.0.2` (the `_i` keeps the two forms apart).
    static func name(_ kind: String, ids: [String], indices: [Int]) -> String {
        let readable = ([kind] + ids.map(safe)).joined(separator: ".")
        guard readable.count > ModelValidator.maximumNameLength else { return readable }
        return ([kind + "_i"] + indices.map(String.init)).joined(separator: ".")
    }

    /// LP names allow only letters, digits, `_` and `.`; ids may hold anything (`Y-001`, `Jānis`).
    ///
    /// The escape is injective, so distinct ids give distinct names: `_` becomes `__`, any other character outside
    /// `[A-Za-z0-9]` becomes `_` + its hexadecimal code + `_`. Names join escaped ids with `.`, which the escape
    /// never emits.
    static func safe(_ id: String) -> String {
        var name = ""
        for scalar in id.unicodeScalars {
            if scalar == "_" {
                name += "__"
            } else if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                name.unicodeScalars.append(scalar)
            } else {
                name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return name
    }
}
