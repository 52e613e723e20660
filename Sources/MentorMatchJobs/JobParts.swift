import Foundation
import MentorMatch

/// The input parts and options each kind of job reads (see ``JobRequest``), checked when a request is submitted so
/// that nothing unread is stored and every part name is a safe file name.
public enum JobParts {
    static let matchingInput: Set<String> = ["document", "mentors", "mentees", "places", "policy", "locks", "current", "previous"]

    /// The part names a kind reads; `nil` for plan, which reads the scenario and whatever files it names.
    static func parts(of kind: JobKind) -> Set<String>? {
        switch kind {
        case .matching, .suggestion: matchingInput
        case .schedule: matchingInput.union(["pairs", "unavailable", "supervisor_slots", "sessions"])
        case .recruitment: matchingInput.union(["profiles", "applicants"])
        case .plan: nil
        }
    }

    static func options(of kind: JobKind) -> Set<String> {
        switch kind {
        case .matching: ["skip_invalid", "lang", "mentors_sheet", "mentees_sheet", "places_sheet"]
        case .suggestion: ["mentee"]
        case .schedule:
            ["start", "months", "end", "sessions_per_month", "hours_per_month", "session_minutes", "group_size",
             "programme_id", "from"]
        case .recruitment: ["target", "remote_parishes", "max_recruits", "training_cost", "accept", "title"]
        case .plan: ["simulate"]
        }
    }

    /// The first part or option the kind does not read, or a part name that is not a plain file name.
    static func unknownName(in request: JobRequest) -> String? {
        for name in request.parts.keys.sorted() {
            if let allowed = parts(of: request.kind) {
                if !allowed.contains(name) { return name }
            } else if !isPlainFileName(name) {
                return name
            }
        }
        let allowedOptions = options(of: request.kind)
        return request.options.keys.sorted().first { !allowedOptions.contains($0) }
    }

    /// Letters, digits, `.`, `-`, `_`; not starting with a dot (no hidden files in a job's folder); at most 100
    /// characters. The API document's pattern for a plan's file parts says the same.
    public static func isPlainFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 100, name.first != "." else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
    }
}
