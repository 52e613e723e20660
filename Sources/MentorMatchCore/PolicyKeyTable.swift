/// The policy file's keys, section by section, spelled once: each section's `CodingKeys`. The reader decodes with
/// them, the unknown-key check and the writer take their names from this table, and a test holds the README's
/// list to ``paths``.
public struct PolicyKeyTable: Sendable, Hashable {
    /// The keys allowed in this section.
    public let keys: Set<String>
    /// The sections below, by key (keys such as `min_served_per_place`, keyed by place, have none).
    public let sections: [String: PolicyKeyTable]

    init<Key: CodingKey & CaseIterable & RawRepresentable<String> & Hashable>(
        _ key: Key.Type, sections: [Key: PolicyKeyTable] = [:]
    ) {
        keys = Set(Key.allCases.map(\.rawValue))
        self.sections = Dictionary(uniqueKeysWithValues: sections.map { ($0.key.rawValue, $0.value) })
    }

    /// The whole policy file.
    public static let policy = PolicyKeyTable(Policy.CodingKeys.self, sections: [
        .objective: PolicyKeyTable(ObjectivePolicy.CodingKeys.self, sections: [
            .tierWeights: PolicyKeyTable(TierWeights.CodingKeys.self),
            .fitWeights: PolicyKeyTable(FitWeights.CodingKeys.self),
        ]),
        .sideConstraints: PolicyKeyTable(SideConstraints.CodingKeys.self),
        .schedule: PolicyKeyTable(SchedulePolicy.CodingKeys.self),
    ])

    /// Every key path, sections joined by dots (`objective.tier_weights.served`), sorted; a section's own key is
    /// listed too.
    public var paths: [String] {
        keys.flatMap { key in [key] + (sections[key]?.paths.map { "\(key).\($0)" } ?? []) }.sorted()
    }
}
