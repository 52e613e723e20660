import Foundation
import MentorMatchCore
import Yams

/// The keys allowed at each level of a file, with the schema of the levels below.
struct KeySchema {
    var allowed: Set<String>
    /// Keys whose values are checked further; others (such as `min_served_per_place`, keyed by place) are not.
    var nested: [String: KeySchema] = [:]

    /// The policy file's keys at every level.
    static let policy = KeySchema(PolicyKeyTable.policy)

    init(allowed: Set<String>, nested: [String: KeySchema] = [:]) {
        self.allowed = allowed
        self.nested = nested
    }

    init(_ table: PolicyKeyTable) {
        self.init(allowed: table.keys, nested: table.sections.mapValues(KeySchema.init))
    }

    /// One issue per unknown key, at any depth, naming its path, a likely intended key and the allowed keys.
    func unknownKeyIssues(_ keys: [KeyedDocument.Key], source: String, pathPrefix: String) -> [InputIssue] {
        var issues: [InputIssue] = []
        for key in keys {
            let path = pathPrefix + key.name
            guard allowed.contains(key.name) else {
                let hint = NameMatching.closest(to: key.name, among: allowed.sorted()).map { " (did you mean \($0)?)" } ?? ""
                issues.append(InputIssue(
                    source: source, line: key.line, field: path, problem: "unknown key \(key.name)\(hint)",
                    fix: "use one of: \(allowed.sorted().joined(separator: ", "))"
                ))
                continue
            }
            if let schema = nested[key.name], let children = key.children {
                issues += schema.unknownKeyIssues(children, source: source, pathPrefix: path + ".")
            }
        }
        return issues
    }
}

/// A parsed JSON or YAML mapping: its keys (with lines where the format keeps them) and a way to decode any
/// subset of its top-level keys.
struct KeyedDocument {
    struct Key {
        var name: String
        /// 1-based, for YAML; JSON parsing does not keep lines.
        var line: Int?
        /// The keys of the value, when it is a mapping.
        var children: [Key]?
    }

    struct Failure: Error {
        var issue: InputIssue
    }

    var keys: [Key]
    private var contents: Contents

    private enum Contents {
        case json([String: Any])
        case yaml(Node.Mapping)
    }

    /// The top-level JSON object, for a JSON document.
    var jsonObject: [String: Any]? {
        guard case .json(let dictionary) = contents else { return nil }
        return dictionary
    }

    /// Decodes the document as if it held only the top-level keys in `keeping`.
    func decode<Value: Decodable>(_ type: Value.Type, keeping: Set<String>) throws -> Value {
        switch contents {
        case .json(let dictionary):
            let subset = dictionary.filter { keeping.contains($0.key) }
            return try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: subset))
        case .yaml(let mapping):
            let subset = mapping.filter { keeping.contains($0.key.string ?? "") }.map { ($0.key, $0.value) }
            return try YAMLDecoder().decode(type, from: Node.mapping(Node.Mapping(subset, Tag(.implicit, .basic))))
        }
    }

    /// The line of the key at `path` (or of its deepest known ancestor), if the format keeps lines.
    func line(at path: [String]) -> Int? {
        var level: [Key]? = keys
        var found: Int?
        for name in path {
            guard let key = level?.first(where: { $0.name == name }) else { break }
            found = key.line ?? found
            level = key.children
        }
        return found
    }

    static func json(_ data: Data, source: String) -> Result<KeyedDocument, Failure> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .failure(Failure(issue: InputIssue(
                source: source, problem: "the file is not valid JSON",
                fix: "check brackets, commas and quotes; a JSON validator shows the position of the mistake"
            )))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(Failure(issue: InputIssue(
                source: source, problem: "the file must hold one JSON object, {…}", fix: "wrap the keys in { }"
            )))
        }
        return .success(json(dictionary))
    }

    /// A document over an already parsed JSON object, such as the `policy` object inside an input document.
    static func json(_ dictionary: [String: Any]) -> KeyedDocument {
        KeyedDocument(keys: jsonKeys(dictionary), contents: .json(dictionary))
    }

    private static func jsonKeys(_ dictionary: [String: Any]) -> [Key] {
        dictionary.keys.sorted().map { name in
            Key(name: name, line: nil, children: (dictionary[name] as? [String: Any]).map(jsonKeys))
        }
    }

    static func yaml(_ data: Data, source: String) -> Result<KeyedDocument, Failure> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Failure(issue: InputIssue(
                source: source, problem: "the file is not UTF-8 text", fix: "save the file as UTF-8"
            )))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            return .failure(Failure(issue: InputIssue(
                source: source, problem: "the file is not valid YAML: \(error)",
                fix: "check the indentation and the 'key: value' lines near the place shown"
            )))
        }
        // An empty file keeps every default.
        let mapping = root?.mapping ?? Node.Mapping([])
        guard root == nil || root?.mapping != nil else {
            return .failure(Failure(issue: InputIssue(
                source: source, problem: "the file must hold 'key: value' lines",
                fix: "write one 'key: value' line per setting, such as 'max_capacity: 3'"
            )))
        }
        return .success(KeyedDocument(keys: yamlKeys(mapping), contents: .yaml(resolvingTags(in: mapping))))
    }

    /// The same tree with every tag resolved once, and mappings that look keys up without resolving them again.
    ///
    /// Yams resolves an implicit tag by matching regular expressions, and a mapping resolves a new one for every key
    /// the decoder asks for: that cost more than solving a small programme. The keys a policy is read by are plain
    /// words, which both resolvers take as strings, so the decoded values are the same.
    private static func resolvingTags(in mapping: Node.Mapping) -> Node.Mapping {
        Node.Mapping(
            mapping.map { (resolvingTags(in: $0.key), resolvingTags(in: $0.value)) }, resolved(mapping.tag),
            mapping.style, mapping.mark, mapping.anchor)
    }

    /// The resolved tag (a node's `tag` is resolved), looking its keys up with the basic resolver.
    private static func resolved(_ tag: Tag) -> Tag { Tag(Tag.Name(rawValue: tag.description), .basic) }

    private static func resolvingTags(in node: Node) -> Node {
        switch node {
        case .scalar(let scalar):
            return .scalar(Node.Scalar(scalar.string, resolved(node.tag), scalar.style, scalar.mark, scalar.anchor))
        case .mapping(let mapping):
            return .mapping(resolvingTags(in: mapping))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(
                sequence.map { resolvingTags(in: $0) }, resolved(node.tag), sequence.style, sequence.mark,
                sequence.anchor))
        case .alias:
            return node
        }
    }

    private static func yamlKeys(_ mapping: Node.Mapping) -> [Key] {
        mapping.map { pair in
            Key(name: pair.key.string ?? "", line: pair.key.mark?.line, children: pair.value.mapping.map(yamlKeys))
        }
    }
}
