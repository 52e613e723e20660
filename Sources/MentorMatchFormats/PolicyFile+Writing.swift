import Foundation
import MentorMatchCore
import Yams

extension PolicyFile {
    /// The policy as YAML with the same keys the reader takes, so a written policy reads back unchanged.
    public static func yamlText(_ policy: Policy) -> String {
        let header = "# MentorMatch policy: every rule and weight of a matching run (keys as in the README).\n"
        do {
            return header + (try YAMLEncoder().encode(policy))
        } catch {
            // Policy holds only strings, numbers and booleans; encoding cannot fail.
            preconditionFailure("YAML encoding of a policy failed: \(error)")
        }
    }
}
