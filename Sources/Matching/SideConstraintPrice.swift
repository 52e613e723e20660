import MentorMatchCore

/// What one side constraint of the policy costs: the run solved with and without it.
///
/// A side constraint (`min_remote_share`, one place's `min_served_per_place`) can keep young people unserved and
/// mentors idle; the price makes that visible instead of a silent exit 0.
public struct SideConstraintPrice: Sendable, Hashable, Codable {
    /// `min_remote_share 0.9`, or `min_served_per_place Suntaži 5`.
    public var constraint: String
    public var servedWith: Int
    public var servedWithout: Int
    public var servedRemoteWith: Int
    public var servedRemoteWithout: Int
    public var idleMentorsWith: Int
    public var idleMentorsWithout: Int

    public init(constraint: String, with: MatchingSummary, without: MatchingSummary) {
        self.constraint = constraint
        servedWith = with.served
        servedWithout = without.served
        servedRemoteWith = with.servedRemote
        servedRemoteWithout = without.servedRemote
        idleMentorsWith = with.idleMentors
        idleMentorsWithout = without.idleMentors
    }

    /// Whether the constraint costs young people.
    public var isBinding: Bool { servedWithout > servedWith }

    /// `min_remote_share 0.9 costs 22 young people: 8 served with it, 30 without; idle mentors 7 with it, 0 without`.
    public var sentence: String { sentence(.en) }

    /// `min_remote_share 0.9 nozīmē par 22 apkalpotiem jauniešiem mazāk: …` in Latvian.
    public func sentence(_ language: ReportLanguage) -> String {
        let cost = servedWithout - servedWith
        guard language == .en else {
            return "\(constraint) nozīmē par \(Latvian.counted(cost, "apkalpotu jaunieti", "apkalpotiem jauniešiem")) mazāk: "
                + "ar to apkalpoti \(servedWith), bez tā \(servedWithout); brīvi mentori ar to \(idleMentorsWith), "
                + "bez tā \(idleMentorsWithout)"
        }
        return "\(constraint) costs \(servedWithout - servedWith) young \(servedWithout - servedWith == 1 ? "person" : "people"): "
            + "\(servedWith) served with it, \(servedWithout) without; idle mentors \(idleMentorsWith) with it, "
            + "\(idleMentorsWithout) without"
    }

    // In key order, as sorted JSON writes them: the writer then never reorders members.
    enum CodingKeys: String, CodingKey {
        case constraint
        case idleMentorsWith = "idle_mentors_with"
        case idleMentorsWithout = "idle_mentors_without"
        case servedRemoteWith = "served_remote_with"
        case servedRemoteWithout = "served_remote_without"
        case servedWith = "served_with"
        case servedWithout = "served_without"
    }
}

extension MatchingEngine {
    /// The price of each side constraint of the preparation's policy: the matching solved again without it alone.
    ///
    /// One more solve per constraint (the candidate graph does not depend on side constraints and is reused).
    /// - Parameter result: The matching solved with every constraint.
    public func sideConstraintPrices(
        _ preparation: Preparation, result: MatchingResult
    ) throws(MatchingError) -> [SideConstraintPrice] {
        let constraints = preparation.policy.sideConstraints
        var relaxations: [(String, SideConstraints)] = []
        if let share = constraints.minimumRemoteShare {
            var relaxed = constraints
            relaxed.minimumRemoteShare = nil
            relaxations.append(("min_remote_share \(share)", relaxed))
        }
        for place in constraints.minimumServedPerPlace.keys.sorted() {
            var relaxed = constraints
            let minimum = relaxed.minimumServedPerPlace.removeValue(forKey: place) ?? 0
            relaxations.append(("min_served_per_place \(place) \(minimum)", relaxed))
        }
        var prices: [SideConstraintPrice] = []
        for (name, relaxed) in relaxations {
            var policy = preparation.policy
            policy.sideConstraints = relaxed
            let without = try match(Preparation(
                input: preparation.input, policy: policy, graph: preparation.graph.withSideConstraints(relaxed),
                continuity: preparation.continuity,
                timings: preparation.timings))
            prices.append(SideConstraintPrice(constraint: name, with: result.summary, without: without.summary))
        }
        return prices
    }
}

extension CandidateGraph {
    /// The same candidates under other side constraints: they decide no candidate, only what the programme demands.
    func withSideConstraints(_ constraints: SideConstraints) -> CandidateGraph {
        var graph = self
        graph.rules.policy.sideConstraints = constraints
        return graph
    }
}
