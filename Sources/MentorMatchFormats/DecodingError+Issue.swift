import MentorMatchCore

extension DecodingError {
    /// The error as an issue whose field is the path of the offending value, such as `mentors[2].capacity`.
    func issue(source: String, line: Int? = nil) -> InputIssue {
        let path: [any CodingKey]
        let problem: String
        switch self {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            problem = "\(Self.name(of: path)) must be \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            problem = "\(Self.name(of: path)) has no value; it must be \(Self.describe(type))"
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            problem = "\(Self.name(of: path)) is missing"
        case .dataCorrupted(let context):
            path = context.codingPath
            problem = path.isEmpty ? context.debugDescription : "\(Self.name(of: path)): \(context.debugDescription)"
        @unknown default:
            path = []
            problem = String(describing: self)
        }
        return InputIssue(
            source: source, line: line, field: path.isEmpty ? nil : Self.dottedPath(path), problem: problem,
            fix: "correct the value at \(path.isEmpty ? "the top of the file" : Self.dottedPath(path))"
        )
    }

    /// `mentors[2].capacity`.
    static func dottedPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// The last named key of the path, for the sentence.
    private static func name(of path: [any CodingKey]) -> String {
        path.last(where: { $0.intValue == nil })?.stringValue ?? "the value"
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "a set of keys and values"
        default: "a \(type)"
        }
    }
}
