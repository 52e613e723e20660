import Foundation
import Testing

/// `multipart/form-data` bodies of the bundled scenarios' files, as a browser form or `curl -F` sends them.
enum Multipart {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    /// Parts named by `files`' keys, each holding one file of the scenario; `fields` are text fields.
    static func files(_ files: [String: String], fields: [String: String] = [:], scenario: String) throws
        -> (boundary: String, body: Data)
    {
        let boundary = "mentormatch-\(UUID().uuidString)"
        var body = Data()
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            let contents = try Data(contentsOf: scenarios.appendingPathComponent(scenario).appendingPathComponent(file))
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(file)\"\r\n".utf8)
            body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + contents + Data("\r\n".utf8)
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return (boundary, body)
    }

    /// The scenario's plan.yaml and every file it names.
    static func scenario(_ scenario: String) throws -> (boundary: String, body: Data) {
        var parts = ["scenario": "plan.yaml"]
        for file in ["mentors.csv", "mentees.csv", "places.csv", "policy.yaml", "profiles.csv", "applicants.csv"] {
            parts[file] = file
        }
        return try files(parts, scenario: scenario)
    }

    /// The scenario's people and its mentor profiles, with a coverage target.
    static func recruitment(_ scenario: String) throws -> (boundary: String, body: Data) {
        try files(["mentors": "mentors.csv", "mentees": "mentees.csv", "places": "places.csv",
                   "policy": "policy.yaml", "profiles": "profiles.csv"],
                  fields: ["remote_parishes": "true", "max_recruits": "5"], scenario: scenario)
    }
}
