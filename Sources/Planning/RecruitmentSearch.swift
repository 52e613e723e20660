import LinearProgramming
import Matching
import MentorMatchCore

/// Benders decomposition of the capacitated covering programme, exact.
///
/// A small integer programme over the recruits `y` (the master) holds, for each component and kind of worth, a
/// variable `δ` for what the recruits add to the component's worth without them, bounded by cuts
/// `δ ≤ worth(ȳ) − worth(0) + Σ slope × (y − ȳ)` learnt from the component's best flow at choices `ȳ` tried so far.
/// Each cut is tight at its `ȳ` and above the worth everywhere (the flow's value is concave in the capacities), so
/// the master never underestimates: when the flows at the master's choice confirm every `δ` it assumed, that choice
/// is optimal. Otherwise the new cuts cut it off and the master is solved again; no choice is tried twice, so the
/// search ends. Cuts are kept across questions, so the curve's later points need few new flows.
struct RecruitmentSearch {
    enum Goal {
        /// The most total worth of this kind.
        case maximizeWorth(ServiceWorth)
        /// Σ coefficient × recruits of each profile; the coefficients are in profile order.
        case minimize([Double])
        case maximize([Double])
    }

    enum Requirement {
        /// lower ≤ Σ coefficient × recruits ≤ upper.
        case recruits([Double], lower: Double?, upper: Double?)
        /// The total worth of this kind, over every component, is at least this.
        case totalWorth(ServiceWorth, atLeast: Int64)
        /// Each component, the profile-less rest included, is worth at least its floor (in component order, the rest
        /// last).
        case eachComponentWorth(ServiceWorth, atLeast: [Int64])
    }

    /// One cut: δ ≤ constant + Σ slope × y over the component's profiles.
    private struct Cut {
        var constant: Int64
        var slopes: [Int64]
    }

    private struct Key: Hashable {
        var component: Int
        var kind: ServiceWorth
    }

    let flows: ComponentFlows
    let components: [RecruitmentComponent]
    let rest: RecruitmentComponent
    let solver: any LinearProgramSolver
    private var cuts: [Key: [Cut]] = [:]
    private var tried: [Key: [[Int]: ComponentWorth]] = [:]
    private var knownRestWorth: [ServiceWorth: ComponentWorth] = [:]

    init(flows: ComponentFlows, components: [RecruitmentComponent], rest: RecruitmentComponent, solver: any LinearProgramSolver) {
        self.flows = flows
        self.components = components
        self.rest = rest
        self.solver = solver
    }

    // MARK: - Flows

    /// One component's flow for a choice of its profiles' recruits.
    struct Request: Sendable, Hashable {
        var component: Int
        var recruits: [Int]
        var kind: ServiceWorth
    }

    /// The component's best flow for its profiles' recruits, computed once; its cut is learnt on the way.
    mutating func worth(_ component: Int, _ recruits: [Int], _ kind: ServiceWorth) throws(PlanningError) -> ComponentWorth {
        try learn([Request(component: component, recruits: recruits, kind: kind)])
        return tried[Key(component: component, kind: kind)]![recruits]!
    }

    /// Computes the flows not known yet, on all cores, and learns their cuts.
    /// - Returns: Whether any flow was new.
    @discardableResult
    mutating func learn(_ requests: [Request]) throws(PlanningError) -> Bool {
        var seen: Set<Request> = []
        let new = requests.filter {
            tried[Key(component: $0.component, kind: $0.kind)]?[$0.recruits] == nil && seen.insert($0).inserted
        }
        guard !new.isEmpty else { return false }
        let flows = flows
        let components = components
        let results = ConcurrentChunks.map(count: new.count) { index in
            Result { () throws(PlanningError) in
                try flows.best(components[new[index].component], recruits: new[index].recruits, new[index].kind)
            }
        }
        for (request, result) in zip(new, results) {
            let best = try result.get()
            let key = Key(component: request.component, kind: request.kind)
            // An earlier request's base may have computed this one already, with its cut.
            if tried[key]?[request.recruits] != nil { continue }
            tried[key, default: [:]][request.recruits] = best
            if let worth = best.worth {
                let base = try baseWorth(request.component, request.kind)
                let constant = worth - base - zip(best.slopes, request.recruits).reduce(0) { $0 + $1.0 * Int64($1.1) }
                cuts[key, default: []].append(Cut(constant: constant, slopes: best.slopes))
            }
        }
        return true
    }

    /// What the component is worth without recruits: the origin of its `δ`. For the kind that requires every remote
    /// young person served, the worth of the plain kind, since none may be possible without recruits.
    mutating func baseWorth(_ component: Int, _ kind: ServiceWorth) throws(PlanningError) -> Int64 {
        let plain: ServiceWorth = kind == .servedThenRemoteAllRemote ? .servedThenRemote : kind
        let none = [Int](repeating: 0, count: components[component].profiles.count)
        let key = Key(component: component, kind: plain)
        if let known = tried[key]?[none]?.worth { return known }
        let best = try flows.best(components[component], recruits: none, plain)
        tried[key, default: [:]][none] = best
        // The first cut of a kind with a base: at no recruits, δ ≤ Σ slope × y.
        cuts[key, default: []].append(Cut(constant: 0, slopes: best.slopes))
        return best.worth!
    }

    mutating func restWorth(_ kind: ServiceWorth) throws(PlanningError) -> ComponentWorth {
        if let known = knownRestWorth[kind] { return known }
        let best = try flows.best(rest, recruits: [], kind)
        knownRestWorth[kind] = best
        return best
    }

    /// The recruits of the component's profiles within a choice over all profiles.
    func share(of component: Int, in recruits: [Int]) -> [Int] {
        components[component].profiles.map { recruits[$0] }
    }

    // MARK: - Questions

    /// The choice of recruits that optimises the goals in order, each optimum kept before the next, under the
    /// requirements, with each component's best flow for it.
    /// - Throws: ``PlanningError/targetUnreachable(_:)`` when no choice meets the requirements.
    mutating func solve(goals: [Goal], requirements: [Requirement], worthOfPlan kind: ServiceWorth)
        throws(PlanningError) -> (recruits: [Int], flows: [ComponentWorth])
    {
        var requirements = requirements
        var recruits: [Int] = []
        for (stage, goal) in goals.enumerated() {
            if stage > 0, case .minimize(let coefficients) = goal, coefficients.allSatisfy({ $0 == 0 }) { continue }
            if stage > 0, case .maximize(let coefficients) = goal, coefficients.allSatisfy({ $0 == 0 }) { continue }
            recruits = try optimum(of: goal, under: requirements)
            switch goal {
            case .maximizeWorth(let kind):
                guard let optimum = try totalWorth(recruits, kind) else {
                    throw .solverFailed("the master programme chose recruits whose flow is infeasible")
                }
                requirements.append(.totalWorth(kind, atLeast: optimum))
            case .minimize(let coefficients):
                let value = Self.dot(coefficients, recruits)
                requirements.append(.recruits(coefficients, lower: nil, upper: value + Self.slack(value, coefficients)))
            case .maximize(let coefficients):
                let value = Self.dot(coefficients, recruits)
                requirements.append(.recruits(coefficients, lower: value - Self.slack(value, coefficients), upper: nil))
            }
        }
        var best: [ComponentWorth] = []
        for component in components.indices {
            best.append(try worth(component, share(of: component, in: recruits), kind))
        }
        best.append(try restWorth(kind))
        return (recruits, best)
    }

    /// Integral goals are kept exactly; costs with a relative tolerance.
    private static func slack(_ value: Double, _ coefficients: [Double]) -> Double {
        coefficients.allSatisfy { $0 == $0.rounded() } ? 0 : 1e-7 * max(1, abs(value))
    }

    private static func dot(_ coefficients: [Double], _ recruits: [Int]) -> Double {
        zip(coefficients, recruits).reduce(0) { $0 + $1.0 * Double($1.1) }
    }

    /// The total worth of the kind over every component, or `nil` when a component cannot meet the kind's requirement.
    mutating func totalWorth(_ recruits: [Int], _ kind: ServiceWorth) throws(PlanningError) -> Int64? {
        guard var total = try restWorth(kind).worth else { return nil }
        for component in components.indices {
            guard let worth = try worth(component, share(of: component, in: recruits), kind).worth else { return nil }
            total += worth
        }
        return total
    }

    /// The master's answer once the flows confirm it.
    private mutating func optimum(of goal: Goal, under requirements: [Requirement]) throws(PlanningError) -> [Int] {
        var kinds: Set<ServiceWorth> = []
        if case .maximizeWorth(let kind) = goal { kinds.insert(kind) }
        for requirement in requirements {
            switch requirement {
            case .totalWorth(let kind, _), .eachComponentWorth(let kind, _): kinds.insert(kind)
            case .recruits: break
            }
        }
        // A choice without the required flow is cut off by the remote-served worth it falls short of.
        if kinds.contains(.servedThenRemoteAllRemote) { kinds.insert(.remoteServed) }
        let kindOrder = ServiceWorth.allCases.filter(kinds.contains)
        while true {
            let recruits = try solveMaster(goal: goal, requirements: requirements, kinds: kindOrder)
            let requests = components.indices.flatMap { component in
                kindOrder.map { Request(component: component, recruits: share(of: component, in: recruits), kind: $0) }
            }
            if try !learn(requests) { return recruits }
        }
    }

    /// Solves the master programme over the cuts known so far.
    private mutating func solveMaster(goal: Goal, requirements: [Requirement], kinds: [ServiceWorth]) throws(PlanningError) -> [Int] {
        var program = LinearProgram(name: "recruitment", sense: .maximize)
        let profileCount = flows.mostRecruits.count
        let recruitVariables = (0..<profileCount).map { profile in
            program.addVariable(name: "y\(profile)", upperBound: Double(flows.mostRecruits[profile]), isInteger: true)
        }
        var gains: [Key: VariableID] = [:]
        var offsets: [Key: Int64] = [:]
        try learn(components.indices.flatMap { component in
            kinds.map { Request(component: component, recruits: components[component].profiles.map { flows.mostRecruits[$0] }, kind: $0) }
        })
        for component in components.indices {
            let most = components[component].profiles.map { flows.mostRecruits[$0] }
            for kind in kinds {
                let key = Key(component: component, kind: kind)
                let base = try baseWorth(component, kind)
                let top = try worth(component, most, kind).worth
                let variable = program.addVariable(
                    name: "d\(component)_\(kind)",
                    lowerBound: kind == .servedThenRemoteAllRemote ? nil : 0,
                    upperBound: top.map { Double($0 - base) })
                gains[key] = variable
                offsets[key] = base
                for (number, cut) in (cuts[key] ?? []).enumerated() {
                    program.addConstraint(
                        name: "cut\(component)_\(kind)_\(number)",
                        terms: [Term(variable, 1)] + zip(components[component].profiles, cut.slopes).compactMap { profile, slope in
                            slope == 0 ? nil : Term(recruitVariables[profile], -Double(slope))
                        },
                        upperBound: Double(cut.constant))
                }
            }
        }
        func recruitTerms(_ coefficients: [Double]) -> [Term] {
            zip(recruitVariables, coefficients).compactMap { $1 == 0 ? nil : Term($0, $1) }
        }
        for (number, requirement) in requirements.enumerated() {
            switch requirement {
            case .recruits(let coefficients, let lower, let upper):
                let terms = recruitTerms(coefficients)
                if terms.isEmpty {
                    if (lower ?? 0) > 0 || (upper ?? 0) < 0 { throw .targetUnreachable("the programme is infeasible") }
                } else {
                    program.addConstraint(name: "require\(number)", terms: terms, lowerBound: lower, upperBound: upper)
                }
            case .totalWorth(let kind, let atLeast):
                guard let restWorth = try restWorth(kind).worth else { throw .targetUnreachable("the programme is infeasible") }
                let offset = components.indices.reduce(restWorth) { $0 + offsets[Key(component: $1, kind: kind)]! }
                let terms = components.indices.map { Term(gains[Key(component: $0, kind: kind)]!, 1) }
                if terms.isEmpty {
                    if offset < atLeast { throw .targetUnreachable("the programme is infeasible") }
                } else {
                    program.addConstraint(name: "require\(number)", terms: terms, lowerBound: Double(atLeast - offset))
                }
            case .eachComponentWorth(let kind, let floors):
                guard let restWorth = try restWorth(kind).worth, restWorth >= floors[components.count] else {
                    throw .targetUnreachable("the programme is infeasible")
                }
                for component in components.indices {
                    let key = Key(component: component, kind: kind)
                    program.addConstraint(
                        name: "require\(number)_\(component)", terms: [Term(gains[key]!, 1)],
                        lowerBound: Double(floors[component] - offsets[key]!))
                }
            }
        }
        switch goal {
        case .maximizeWorth(let kind):
            program.sense = .maximize
            for component in components.indices { program.setObjectiveCoefficient(1, for: gains[Key(component: component, kind: kind)]!) }
        case .minimize(let coefficients), .maximize(let coefficients):
            if case .minimize = goal { program.sense = .minimize } else { program.sense = .maximize }
            for term in recruitTerms(coefficients) { program.setObjectiveCoefficient(term.coefficient, for: term.variable) }
        }
        // Without profiles there is nothing to choose, and the requirements were checked above.
        guard profileCount > 0 else { return [] }
        let solution: Solution
        do {
            solution = try solver.solve(program, options: SolveOptions(cuttingPlanes: true))
        } catch {
            throw .solverFailed(error.description)
        }
        switch solution.termination {
        case .optimal:
            break
        case .infeasible:
            throw .targetUnreachable("the programme is infeasible")
        default:
            throw .solverFailed("\(solver.name) stopped with status \(solution.termination.rawValue)")
        }
        var recruits: [Int] = []
        for variable in recruitVariables {
            let value = solution.values[variable.index]
            guard abs(value - value.rounded()) < 1e-6, let whole = Int(exactly: value.rounded()) else {
                throw .solverFailed("\(solver.name) returned a value that is not a whole number: \(value)")
            }
            recruits.append(whole)
        }
        return recruits
    }
}
