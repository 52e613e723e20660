import Foundation
import MentorMatchCore
import Testing

@testable import MentorMatchFormats

/// The policy's keys are spelled once (``PolicyKeyTable``): the writer, the unknown-key check and the README follow.
@Suite("policy key table")
struct PolicyKeyTableTests {
    /// Every key path of a YAML text, sections joined by dots; the children of `min_served_per_place` are places.
    static func paths(ofYAML text: String) throws -> [String] {
        let document = try KeyedDocument.yaml(Data(text.utf8), source: "policy.yaml").get()
        func paths(_ keys: [KeyedDocument.Key], prefix: String) -> [String] {
            keys.flatMap { key -> [String] in
                let path = prefix + key.name
                guard key.name != SideConstraints.CodingKeys.minimumServedPerPlace.rawValue, let children = key.children
                else { return [path] }
                return [path] + paths(children, prefix: path + ".")
            }
        }
        return paths(document.keys, prefix: "").sorted()
    }

    /// A policy with every optional value set, so that the writer writes every key.
    static var everyKeySet: Policy {
        var policy = Policy()
        policy.maximumTravelKm = 30
        policy.referenceDate = LocalDate(iso: "2024-02-20")
        policy.sideConstraints = SideConstraints(minimumRemoteShare: 0.3, minimumServedPerPlace: ["Suntaži": 2])
        policy.schedule.hoursPerMonth = 20
        policy.schedule.maximumMentorHoursPerMonth = 10
        policy.schedule.extraDaysOff = [LocalDate(iso: "2024-06-25")].compactMap { $0 }
        return policy
    }

    @Test("the table lists the policy's 39 key paths, sections included")
    func table() {
        let paths = PolicyKeyTable.policy.paths
        #expect(paths.count == 39)
        #expect(paths.contains("objective.tier_weights.remote_served"))
        #expect(paths.contains("schedule.matching_needs_room"))
        #expect(Set(paths).count == paths.count)
    }

    @Test("the writer writes every key of the table, and reads back the same policy")
    func writerCoversTheTable() throws {
        let text = PolicyFile.yamlText(Self.everyKeySet)
        #expect(try Self.paths(ofYAML: text) == PolicyKeyTable.policy.paths)
        #expect(try PolicyFile.decode(Data(text.utf8), source: "again.yaml") == Self.everyKeySet)
    }

    @Test("every key of the table is accepted, at its own level only")
    func unknownKeyCheckFollowsTheTable() throws {
        let text = PolicyFile.yamlText(Self.everyKeySet)
        #expect(KeySchema.policy.unknownKeyIssues(try KeyedDocument.yaml(Data(text.utf8), source: "p.yaml").get().keys,
                                                  source: "p.yaml", pathPrefix: "").isEmpty)
        let misplaced = "objective:\n  served: 1\n"
        let issues = KeySchema.policy.unknownKeyIssues(
            try KeyedDocument.yaml(Data(misplaced.utf8), source: "p.yaml").get().keys, source: "p.yaml", pathPrefix: "")
        #expect(issues.map(\.field) == ["objective.served"])
    }

    @Test("the README's Policy section lists exactly the table's keys, as a policy that reads")
    func readmeList() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Policy\n").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        #expect(try Self.paths(ofYAML: block) == PolicyKeyTable.policy.paths)
        _ = try PolicyFile.decode(Data(block.utf8), source: "README-policy.yaml")
    }
}
