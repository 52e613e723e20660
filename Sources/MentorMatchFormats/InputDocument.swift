import Foundation
import MentorMatchCore

/// The whole input as one JSON object: `mentors`, `mentees`, `places`, optional `pair_rules` and optional `policy`.
///
/// Records have the Codable shapes of the core types (a mentor's `location` is `{"place": …, "coordinate": …}`,
/// `availability` is the same text as the CSV column). For integrators and the HTTP API.
public struct InputDocument: Sendable, Hashable, Codable {
    public var input: MatchingInput
    public var policy: Policy

    public init(input: MatchingInput, policy: Policy = Policy()) {
        self.input = input
        self.policy = policy
    }

    enum CodingKeys: String, CodingKey {
        case mentors, mentees, places
        case pairRules = "pair_rules"
        case policy
    }

    /// Every top-level key the document may hold.
    public static let fileKeys: Set<String> = ["mentors", "mentees", "places", "pair_rules", "policy"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        input = MatchingInput(
            mentors: try container.decode([Mentor].self, forKey: .mentors),
            mentees: try container.decode([Mentee].self, forKey: .mentees),
            places: try container.decode([Place].self, forKey: .places),
            pairRules: try container.decodeIfPresent([PairRule].self, forKey: .pairRules) ?? []
        )
        policy = try container.decodeIfPresent(Policy.self, forKey: .policy) ?? Policy()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input.mentors, forKey: .mentors)
        try container.encode(input.mentees, forKey: .mentees)
        try container.encode(input.places, forKey: .places)
        try container.encode(input.pairRules, forKey: .pairRules)
        try container.encode(policy, forKey: .policy)
    }

    /// Pretty-printed JSON with sorted keys, so equal documents give equal bytes.
    /// - Throws: `EncodingError` when a number is not finite (JSON has no infinity or NaN).
    public func encoded() throws -> Data {
        try JSONOutput.encoder().encode(self)
    }

    /// Reads the document at `path`; see ``decode(_:source:)``.
    public static func load(path: String) throws(InputError) -> InputDocument {
        try decode(contentsOfFile(path), source: path)
    }

    /// Reads and checks a document.
    ///
    /// First the structure: unknown keys, and every record or policy value of the wrong shape (each record is
    /// decoded on its own, so all bad records are reported). When the structure is sound, the content is checked
    /// with ``InputValidator``. Issues about record *N* (counting from 1) of `mentors` have the source
    /// `"<source> mentors record N"`; policy issues have the source `"<source> policy"`.
    /// - Throws: ``InputError`` with every problem found.
    public static func decode(_ data: Data, source: String) throws(InputError) -> InputDocument {
        let keyed: KeyedDocument
        switch KeyedDocument.json(data, source: source) {
        case .success(let parsed): keyed = parsed
        case .failure(let failure): throw InputError(issues: [failure.issue])
        }
        let sources = SourceMap(
            mentors: RecordSource(name: "\(source) mentors"), mentees: RecordSource(name: "\(source) mentees"),
            places: RecordSource(name: "\(source) places"), pairRules: RecordSource(name: "\(source) pair_rules"),
            policy: "\(source) policy"
        )
        var issues = KeySchema(allowed: fileKeys).unknownKeyIssues(keyed.keys, source: source, pathPrefix: "")
        var policy = Policy()
        if let policyObject = keyed.jsonObject?["policy"] {
            if let dictionary = policyObject as? [String: Any] {
                let decoded = PolicyFile.decodePolicy(in: .json(dictionary), source: sources.policy, pathPrefix: "")
                policy = decoded.policy
                issues += decoded.issues
            } else {
                issues.append(InputIssue(source: source, field: "policy", problem: "policy must be an object, {…}",
                                         fix: "write the policy keys inside { }, or leave policy out for the defaults"))
            }
        }
        let records: Records
        do {
            records = try JSONDecoder().decode(Records.self, from: data)
        } catch let error as DecodingError {
            throw InputError(issues: issues + [recordIssue(error, source: source, sources: sources)])
        } catch {
            throw InputError(issues: issues + [InputIssue(source: source, problem: "the document cannot be read",
                                                          fix: "check that it is one JSON object")])
        }
        issues += records.failures.map { recordIssue($0, source: source, sources: sources) }
        // Content is checked only on a sound structure: records that failed to decode would shift the rest.
        guard issues.isEmpty else { throw InputError(issues: issues) }
        let document = InputDocument(input: records.input, policy: policy)
        let contentIssues = InputValidator.issues(in: document.input, policy: policy, sources: sources)
        guard contentIssues.isEmpty else { throw InputError(issues: contentIssues) }
        return document
    }

    /// A decoding error at `mentors[2].age` becomes an issue of `<source> mentors record 3`, field `age`.
    private static func recordIssue(_ error: DecodingError, source: String, sources: SourceMap) -> InputIssue {
        var issue = error.issue(source: source)
        guard let field = issue.field, let bracket = field.firstIndex(of: "["),
            let close = field.firstIndex(of: "]"), let index = Int(field[field.index(after: bracket)..<close])
        else { return issue }
        let collection = String(field[..<bracket])
        let named = [("mentors", sources.mentors), ("mentees", sources.mentees), ("places", sources.places),
                     ("pair_rules", sources.pairRules)]
        guard let recordSource = named.first(where: { $0.0 == collection })?.1 else { return issue }
        let rest = field[field.index(after: close)...].drop(while: { $0 == "." })
        let located = recordSource.issue(record: index, field: rest.isEmpty ? nil : String(rest),
                                         problem: issue.problem, fix: issue.fix)
        issue.source = located.source
        issue.field = located.field
        issue.fix = rest.isEmpty ? "correct the record" : "correct \(rest) in the record"
        return issue
    }

    /// The record arrays, each element decoded on its own so that every bad record is reported.
    private struct Records: Decodable {
        var input: MatchingInput
        var failures: [DecodingError]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let mentors = try container.decode([Attempt<Mentor>].self, forKey: .mentors)
            let mentees = try container.decode([Attempt<Mentee>].self, forKey: .mentees)
            let places = try container.decode([Attempt<Place>].self, forKey: .places)
            let rules = try container.decodeIfPresent([Attempt<PairRule>].self, forKey: .pairRules) ?? []
            failures = mentors.compactMap(\.failure) + mentees.compactMap(\.failure)
                + places.compactMap(\.failure) + rules.compactMap(\.failure)
            input = MatchingInput(
                mentors: mentors.compactMap(\.value),
                mentees: mentees.compactMap(\.value),
                places: places.compactMap(\.value),
                pairRules: rules.compactMap(\.value)
            )
        }
    }

    /// One element decoded on its own: its value, or why it failed.
    private struct Attempt<Value: Decodable>: Decodable {
        var value: Value?
        var failure: DecodingError?

        init(from decoder: any Decoder) throws {
            do {
                value = try Value(from: decoder)
            } catch let error as DecodingError {
                failure = error
            }
        }
    }
}
