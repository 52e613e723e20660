import Foundation
import MentorMatchCore

/// Reads a ``Policy`` from a JSON (`.json`) or YAML (`.yaml`, `.yml`) file with snake_case keys.
///
/// Every problem is collected: unknown keys at any level (typo protection, naming the key path and the keys
/// allowed there), values of the wrong type (each top-level key is decoded on its own, so one bad value does not
/// hide another), and out-of-range values (by ``InputValidator/issues(in:source:)``). Keys that are absent keep
/// the programmes' defaults.
public enum PolicyFile {
    /// Reads and checks the policy file at `path`.
    /// - Throws: ``InputError`` with every problem; the source of each issue is `path` as given.
    public static func load(path: String) throws(InputError) -> Policy {
        try decode(contentsOfFile(path), source: path)
    }

    /// Reads and checks a policy; the format follows the extension of `source`.
    /// - Throws: ``InputError`` with every problem.
    public static func decode(_ data: Data, source: String) throws(InputError) -> Policy {
        let parsed = parse(data, source: source)
        let allIssues = parsed.issues + parsed.locating(InputValidator.issues(in: parsed.policy, source: source))
        guard allIssues.isEmpty else { throw InputError(issues: allIssues) }
        return parsed.policy
    }

    /// A policy file read for syntax, keys and types.
    struct Parsed {
        /// Keys whose values could not be read keep their defaults.
        var policy: Policy
        var issues: [InputIssue]
        /// The file's keys, for giving later issues a line; `nil` when the file could not be parsed.
        var document: KeyedDocument?
        var source: String

        /// Adds the line of the key to issues about this file that name a key path but no line (YAML keeps lines).
        func locating(_ issues: [InputIssue]) -> [InputIssue] {
            guard let document else { return issues }
            return issues.map { issue in
                guard issue.source == source, issue.line == nil, let field = issue.field else { return issue }
                var located = issue
                located.line = document.line(at: field.split(separator: ".").map(String.init))
                return located
            }
        }
    }

    /// Syntax, keys and types only; ranges are left to the validator, so the loader checks them once.
    static func parse(_ data: Data, source: String) -> Parsed {
        let result: Result<KeyedDocument, KeyedDocument.Failure>
        switch URL(fileURLWithPath: source).pathExtension.lowercased() {
        case "json":
            result = KeyedDocument.json(data, source: source)
        case "yaml", "yml":
            result = KeyedDocument.yaml(data, source: source)
        case "" where !data.isEmpty:
            // Bytes without a file name's extension (an upload): JSON when they open with `{`, else YAML.
            let opensObject = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{")
            result = opensObject ? KeyedDocument.json(data, source: source) : KeyedDocument.yaml(data, source: source)
        default:
            return Parsed(policy: Policy(), issues: [InputIssue(
                source: source, problem: "the policy file's format is unknown",
                fix: "name the policy file with .json, .yaml or .yml"
            )], source: source)
        }
        switch result {
        case .success(let document):
            let (policy, issues) = decodePolicy(in: document, source: source, pathPrefix: "")
            return Parsed(policy: policy, issues: issues, document: document, source: source)
        case .failure(let failure):
            return Parsed(policy: Policy(), issues: [failure.issue], source: source)
        }
    }

    /// Decodes a policy from its keys one key at a time, collecting unknown keys and type errors.
    static func decodePolicy(
        in document: KeyedDocument, source: String, pathPrefix: String
    ) -> (policy: Policy, issues: [InputIssue]) {
        var issues = KeySchema.policy.unknownKeyIssues(document.keys, source: source, pathPrefix: pathPrefix)
        let known = document.keys.filter { PolicyKeyTable.policy.keys.contains($0.name) }
        var readable = Set(known.map(\.name))
        // Each key is read on its own, so when all of them read together none fails alone; one key at a time is
        // only needed to find which ones fail (a decode per key costs most of a run's reading on a small programme).
        if let policy = try? document.decode(Policy.self, keeping: readable) { return (policy, issues) }
        for key in known {
            do {
                _ = try document.decode(Policy.self, keeping: [key.name])
            } catch let error as DecodingError {
                readable.remove(key.name)
                var issue = error.issue(source: source, line: document.line(at: Self.names(error)) ?? key.line)
                issue.field = issue.field.map { pathPrefix + $0 }
                issues.append(issue)
            } catch {
                readable.remove(key.name)
                issues.append(InputIssue(source: source, line: key.line, field: pathPrefix + key.name,
                                         problem: "\(key.name) cannot be read: \(error)", fix: "correct the value"))
            }
        }
        let policy = (try? document.decode(Policy.self, keeping: readable)) ?? Policy()
        return (policy, issues)
    }

    private static func names(_ error: DecodingError) -> [String] {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        return path.filter { $0.intValue == nil }.map(\.stringValue)
    }
}
