import Foundation
import MentorMatchCore

/// The whole input as one JSON object: `mentors`, `mentees`, `places`, and optional `pair_rules`, `current_pairs`
/// (the pairs meeting now, as `--current`), `previous_suggestions` (as `--previous`) and `policy`.
///
/// Records are flat and named as the CSV columns (`Schemas/input.schema.json` is the published schema):
/// - a person has `place`, and optionally `lat` and `lon` together for an explicit point; with `lat`/`lon` and no
///   `place` the nearest listed place is taken (it decides whether the person counts as remote);
/// - token lists (`specialisations`, `needs`, `languages`, `interests`) are arrays of strings, or the CSV's text
///   separated by `;` or `,`;
/// - `availability` is the CSV's text (`"Mon 16:00-18:00; Sat 10:00-14:00"`) or an array of `{day, start, end}`;
/// - numbers are JSON numbers, `remote` is `true` or `false`, dates (`waiting_since`, a current pair's `since` and
///   `until`) are text (`YYYY-MM-DD` or `DD.MM.YYYY`).
///
/// The records are read by the CSV files' own row builders, so a value means the same in both.
public struct InputDocument: Sendable, Hashable {
    public var input: MatchingInput
    public var policy: Policy

    public init(input: MatchingInput, policy: Policy = Policy()) {
        self.input = input
        self.policy = policy
    }

    /// Every top-level key the document may hold.
    public static let fileKeys: Set<String> = [
        "mentors", "mentees", "places", "pair_rules", "current_pairs", "previous_suggestions", "policy",
    ]

    /// Pretty-printed JSON with sorted keys in the flat shape, so equal documents give equal bytes.
    /// - Throws: `EncodingError` when a number is not finite (JSON has no infinity or NaN).
    public func encoded() throws -> Data {
        try JSONOutput.encoder().encode(Flat(
            mentors: input.mentors.map(Self.record), mentees: input.mentees.map(Self.record),
            places: input.places.map(Self.record), pairRules: input.pairRules.map(Self.record),
            currentPairs: input.currentPairs.isEmpty ? nil : input.currentPairs.map(Self.record),
            previousSuggestions: input.previousSuggestions.isEmpty ? nil : input.previousSuggestions.map(Self.record),
            policy: policy
        ))
    }

    /// Reads the document at `path`; see ``decode(_:source:)``.
    public static func load(path: String) throws(InputError) -> InputDocument {
        try decode(contentsOfFile(path), source: path)
    }

    /// Reads and checks a document.
    ///
    /// First the structure: unknown keys, and every record or policy value of the wrong shape (all bad records are
    /// reported). When the structure is sound, the content is checked with ``InputValidator``. Issues name the
    /// document as their source and the JSON path as their field: `mentors[3].capacity` (counting from 0);
    /// policy issues have the source `"<source> policy"`.
    /// - Throws: ``InputError`` with every problem found.
    public static func decode(_ data: Data, source: String) throws(InputError) -> InputDocument {
        let read = try read(data, source: source)
        let contentIssues = InputValidator.issues(in: read.document.input, policy: read.document.policy,
                                                  sources: read.sourceMap)
        guard contentIssues.isEmpty else { throw InputError(issues: contentIssues) }
        return read.document
    }

    /// A document whose structure is sound, with the sources its content issues name.
    struct Read {
        var document: InputDocument
        var sourceMap: SourceMap
    }

    /// The document's structure, read and checked; its content is left to ``InputValidator``.
    static func read(_ data: Data, source: String) throws(InputError) -> Read {
        let keyed: KeyedDocument
        switch KeyedDocument.json(data, source: source) {
        case .success(let parsed): keyed = parsed
        case .failure(let failure): throw InputError(issues: [failure.issue])
        }
        let sources = SourceMap(
            mentors: RecordSource(name: source, jsonPath: "mentors"), mentees: RecordSource(name: source, jsonPath: "mentees"),
            places: RecordSource(name: source, jsonPath: "places"), pairRules: RecordSource(name: source, jsonPath: "pair_rules"),
            policy: "\(source) policy", currentPairs: RecordSource(name: source, jsonPath: "current_pairs"),
            previousSuggestions: RecordSource(name: source, jsonPath: "previous_suggestions")
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
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch {
            throw InputError(issues: issues + [InputIssue(source: source, problem: "the document cannot be read",
                                                          fix: "check that it is one JSON object")])
        }
        var records = RecordReader(source: source, object: object)
        let places = records.read("places", required: true, shape: .place) { (row: inout CSVRow) -> Place? in
            let point = row.point()
            let isRemote = row.flag("remote")
            guard let point, let isRemote else { return nil }
            return Place(name: row.text("place"), coordinate: point, isRemote: isRemote)
        }
        let placeNamer = NearestPlace(places: places)
        let mentors = records.read("mentors", required: true, shape: .mentor, nearest: placeNamer) { row in
            MentorsCSV.mentor(from: &row, id: row.text("id"))
        }
        let mentees = records.read("mentees", required: true, shape: .mentee, nearest: placeNamer) { row in
            MenteesCSV.mentee(from: &row)
        }
        let rules = records.read("pair_rules", required: false, shape: .pairRule) { row in PairRulesCSV.rule(from: &row) }
        let currentPairs = records.read("current_pairs", required: false, shape: .currentPair) { row in
            CurrentPairsCSV.currentPair(from: &row)
        }
        let suggestions = records.read("previous_suggestions", required: false, shape: .suggestedPair) { row in
            CurrentPairsCSV.suggestion(from: &row)
        }
        issues += records.issues
        // Content is checked only on a sound structure: records that failed to read would shift the rest.
        guard issues.isEmpty else { throw InputError(issues: issues) }
        let input = MatchingInput(mentors: mentors, mentees: mentees, places: places, pairRules: rules,
                                  currentPairs: currentPairs, previousSuggestions: suggestions)
        return Read(document: InputDocument(input: input, policy: policy), sourceMap: sources)
    }

    // MARK: - Writing

    private struct Flat: Encodable {
        var mentors: [JSONValue]
        var mentees: [JSONValue]
        var places: [JSONValue]
        var pairRules: [JSONValue]
        /// Left out when there are none, so that a document without them reads as before.
        var currentPairs: [JSONValue]?
        var previousSuggestions: [JSONValue]?
        var policy: Policy

        enum CodingKeys: String, CodingKey {
            case mentors, mentees, places, policy
            case pairRules = "pair_rules"
            case currentPairs = "current_pairs"
            case previousSuggestions = "previous_suggestions"
        }
    }

    private static func record(_ mentor: Mentor) -> JSONValue {
        .object(located(mentor.location, [
            "id": .string(mentor.id), "age": .int(mentor.age), "gender": .string(mentor.gender.rawValue),
            "capacity": .int(mentor.capacity), "availability": .string(mentor.availability.description),
            "specialisations": .strings(mentor.specialisations), "languages": .strings(mentor.languages),
            "max_travel_km": .double(mentor.maxTravelKm), "interests": .strings(mentor.interests),
        ]))
    }

    private static func record(_ mentee: Mentee) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(mentee.id), "age": .int(mentee.age), "gender": .string(mentee.gender.rawValue),
            "availability": .string(mentee.availability.description), "needs": .strings(mentee.needs),
            "languages": .strings(mentee.languages), "interests": .strings(mentee.interests),
            "priority": .int(mentee.priority),
        ]
        if let preference = mentee.mentorGenderPreference {
            fields["mentor_gender"] = .string(preference.gender.rawValue)
            fields["gender_preference"] = .string(preference.strength.rawValue)
        }
        if let waitingSince = mentee.waitingSince { fields["waiting_since"] = .string(waitingSince.description) }
        return .object(located(mentee.location, fields))
    }

    private static func record(_ place: Place) -> JSONValue {
        .object(["place": .string(place.name), "lat": .double(place.coordinate.latitude),
                 "lon": .double(place.coordinate.longitude), "remote": .bool(place.isRemote)])
    }

    private static func record(_ rule: PairRule) -> JSONValue {
        .object(["mentor_id": .string(rule.mentorID), "mentee_id": .string(rule.menteeID), "rule": .string(rule.kind.rawValue)])
    }

    private static func record(_ pair: CurrentPair) -> JSONValue {
        var fields: [String: JSONValue] = ["mentor_id": .string(pair.mentorID), "mentee_id": .string(pair.menteeID)]
        if let since = pair.since { fields["since"] = .string(since.description) }
        if let until = pair.until { fields["until"] = .string(until.description) }
        return .object(fields)
    }

    private static func record(_ pair: SuggestedPair) -> JSONValue {
        .object(["mentor_id": .string(pair.mentorID), "mentee_id": .string(pair.menteeID)])
    }

    private static func located(_ location: Location, _ fields: [String: JSONValue]) -> [String: JSONValue] {
        var fields = fields
        fields["place"] = .string(location.place)
        if let point = location.coordinate {
            fields["lat"] = .double(point.latitude)
            fields["lon"] = .double(point.longitude)
        }
        return fields
    }
}

/// The JSON types a record's field may have, for checking and for messages.
private enum FieldType {
    case text, wholeNumber, number, flag, tokens, availability

    var described: String {
        switch self {
        case .text: "text in quotes"
        case .wholeNumber: "a whole JSON number, such as 2"
        case .number: "a JSON number, such as 15 or 56.82"
        case .flag: "true or false"
        case .tokens: #"an array of strings, such as ["lv", "ru"] (or the text "lv; ru")"#
        case .availability: #"the text "Mon 16:00-18:00; Sat 10:00-14:00" or an array of {"day", "start", "end"}"#
        }
    }
}

/// The fields of one kind of record, named as the CSV columns, with their JSON types.
private struct RecordShape {
    var fields: [String: FieldType]
    /// Keys a record must have (others may be left out, as CSV cells may be blank).
    var required: [String]
    /// Whether the record is a person, who needs `place` or `lat` and `lon`.
    var isPerson = false

    private static let person: [String: FieldType] = [
        "id": .text, "age": .wholeNumber, "gender": .text, "place": .text, "lat": .number, "lon": .number,
        "availability": .availability, "languages": .tokens, "interests": .tokens,
    ]

    static let mentor = RecordShape(
        fields: person.merging(["capacity": .wholeNumber, "specialisations": .tokens, "max_travel_km": .number]) { $1 },
        required: ["id", "age", "gender", "capacity", "availability", "languages", "max_travel_km"], isPerson: true
    )
    static let mentee = RecordShape(
        fields: person.merging(["needs": .tokens, "mentor_gender": .text, "gender_preference": .text,
                                "priority": .wholeNumber, "waiting_since": .text]) { $1 },
        required: ["id", "age", "gender", "availability", "languages"], isPerson: true
    )
    static let place = RecordShape(
        fields: ["place": .text, "lat": .number, "lon": .number, "remote": .flag],
        required: ["place", "lat", "lon", "remote"]
    )
    static let pairRule = RecordShape(
        fields: ["mentor_id": .text, "mentee_id": .text, "rule": .text], required: ["mentor_id", "mentee_id", "rule"]
    )
    static let currentPair = RecordShape(
        fields: ["mentor_id": .text, "mentee_id": .text, "since": .text, "until": .text],
        required: ["mentor_id", "mentee_id"]
    )
    static let suggestedPair = RecordShape(
        fields: ["mentor_id": .text, "mentee_id": .text], required: ["mentor_id", "mentee_id"]
    )
}

/// Names the place of a person given only by `lat`/`lon`: the nearest listed place.
private struct NearestPlace {
    var places: [Place]

    func name(near point: Coordinate) -> String? {
        places.min { $0.coordinate.distanceKm(to: point) < $1.coordinate.distanceKm(to: point) }?.name
    }
}

/// Reads the record arrays of a document into rows of text, as a CSV file's cells, and builds each record with the
/// CSV readers' builders; every problem names the record's JSON path.
private struct RecordReader {
    let source: String
    let object: [String: JSONValue]
    private(set) var issues: [InputIssue] = []

    init(source: String, object: [String: JSONValue]) {
        self.source = source
        self.object = object
    }

    mutating func read<Record>(
        _ key: String, required: Bool, shape: RecordShape, nearest: NearestPlace? = nil,
        build: (inout CSVRow) -> Record?
    ) -> [Record] {
        guard let value = object[key], value != .null else {
            if required {
                issues.append(InputIssue(source: source, field: key, problem: "\(key) is missing",
                                         fix: "add \"\(key)\": [ … ] with one object per record"))
            }
            return []
        }
        guard case .array(let elements) = value else {
            issues.append(InputIssue(source: source, field: key, problem: "\(key) must be an array, [ … ]",
                                     fix: "write one object per record inside [ ]"))
            return []
        }
        var records: [Record] = []
        for (index, element) in elements.enumerated() {
            let path = "\(key)[\(index)]"
            guard case .object(let fields) = element else {
                issues.append(InputIssue(source: source, field: path, problem: "\(path) must be an object, { … }",
                                         fix: "write the record's fields inside { }"))
                continue
            }
            guard var values = text(of: fields, path: path, shape: shape) else { continue }
            if values["place"] == nil, let nearest, let lat = fields["lat"]?.number, let lon = fields["lon"]?.number {
                values["place"] = nearest.name(near: Coordinate(latitude: lat, longitude: lon))
            }
            var row = CSVRow(source: source, recordPath: path, values: values)
            if let record = build(&row), row.issues.isEmpty { records.append(record) }
            issues += row.issues
        }
        return records
    }

    /// The fields as CSV cell text, or `nil` after reporting unknown keys, missing keys and values of the wrong type.
    private mutating func text(of fields: [String: JSONValue], path: String, shape: RecordShape) -> [String: String]? {
        var values: [String: String] = [:]
        var sound = true
        for name in fields.keys.sorted() {
            guard let type = shape.fields[name] else {
                let hint = NameMatching.closest(to: name, among: shape.fields.keys.sorted()).map { " (did you mean \($0)?)" } ?? ""
                issues.append(InputIssue(source: source, field: "\(path).\(name)", problem: "unknown key \(name)\(hint)",
                                         fix: "use the CSV column names: \(shape.fields.keys.sorted().joined(separator: ", "))"))
                sound = false
                continue
            }
            guard let value = fields[name], value != .null else { continue }
            guard let text = Self.text(value, as: type) else {
                issues.append(InputIssue(source: source, field: "\(path).\(name)",
                                         problem: "\(name) must be \(type.described)",
                                         fix: "correct \(path).\(name)"))
                sound = false
                continue
            }
            values[name] = text
        }
        let hasPoint = fields["lat"].map { $0 != .null } ?? false
        for name in shape.required where fields[name] == nil || fields[name] == .null {
            issues.append(InputIssue(source: source, field: "\(path).\(name)", problem: "\(name) is missing",
                                     fix: "add \"\(name)\": \(shape.fields[name]?.described ?? "a value")"))
            sound = false
        }
        if shape.isPerson, values["place"] == nil, !hasPoint {
            issues.append(InputIssue(source: source, field: "\(path).place", problem: "place is missing",
                                     fix: "add \"place\" (a name from places), or \"lat\" and \"lon\" of the person's point"))
            sound = false
        }
        return sound ? values : nil
    }

    /// A JSON value as the text of a CSV cell, or `nil` when it is not of the field's type.
    private static func text(_ value: JSONValue, as type: FieldType) -> String? {
        switch (type, value) {
        case (.text, .string(let text)): text
        case (.wholeNumber, .int(let number)): String(number)
        case (.wholeNumber, .double(let number)): plainNumber(number)
        case (.number, .int(let number)): String(number)
        case (.number, .double(let number)): plainNumber(number)
        case (.flag, .bool(let flag)): flag ? "yes" : "no"
        case (.tokens, .string(let text)): text
        case (.tokens, .array(let items)):
            strings(items).map { $0.joined(separator: ";") }
        case (.availability, .string(let text)): text
        case (.availability, .array(let items)): windows(items)
        default: nil
        }
    }

    private static func strings(_ items: [JSONValue]) -> [String]? {
        var strings: [String] = []
        for item in items {
            // A token that holds a separator would become two tokens; it is written as the CSV list instead.
            guard case .string(let text) = item, !text.contains(";"), !text.contains(",") else { return nil }
            strings.append(text)
        }
        return strings
    }

    /// `[{"day": "Mon", "start": "16:00", "end": "18:00"}]` as `Mon 16:00-18:00`, for the availability parser.
    private static func windows(_ items: [JSONValue]) -> String? {
        var windows: [String] = []
        for item in items {
            guard case .object(let fields) = item, Set(fields.keys) == ["day", "start", "end"],
                case .string(let day)? = fields["day"], case .string(let start)? = fields["start"],
                case .string(let end)? = fields["end"], ![day, start, end].contains(where: { $0.contains(";") })
            else { return nil }
            windows.append("\(day) \(start)-\(end)")
        }
        return windows.joined(separator: "; ")
    }
}

/// Any JSON value; objects keep no key order.
enum JSONValue: Codable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
