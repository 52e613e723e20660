import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MentorMatchServer
import Testing

/// Every file a job of each kind lists in its `outputs` has a route in openapi.yaml that serves it byte for byte, and
/// every GET route the document declares under a job answers 200 for a succeeded job of its kind: a job output
/// without a route (as map.svg and result.xlsx once were) fails here.
@Suite(.timeLimit(.minutes(5)))
struct JobOutputRouteTests {
    /// The collections and the output each one's `/result` route serves.
    static let resultNames = [
        "matchings": "result.json", "schedules": "sessions.json", "plans": "plan.json",
        "recruitments": "recruit.json", "suggestions": "suggestions.json",
    ]

    @Test func everyOutputOfEveryKindHasARouteAndEveryJobRouteIsServed() async throws {
        let document = try APIDocument.load()
        let object = try #require(try JSONSerialization.jsonObject(with: document.json) as? [String: Any])
        let schemas = try #require((object["components"] as? [String: Any])?["schemas"] as? [String: Any])
        func example(_ schema: String) throws -> [String: Any] {
            let examples = try #require((schemas[schema] as? [String: Any])?["examples"] as? [Any], "\(schema) has no example")
            return try #require(examples.first as? [String: Any])
        }
        // The matching has current pairs, so that changes.csv is among its files.
        let (boundary, matching) = try Multipart.files(
            ["mentors": "mentors.csv", "mentees": "mentees.csv", "places": "../places.csv", "policy": "policy.yaml",
             "current": "current.csv"], scenario: "ogre-2024/next-month")
        var submissions: [(collection: String, headers: HTTPFields, body: Data)] = [
            ("matchings", [.contentType: "multipart/form-data; boundary=\(boundary)"], matching),
        ]
        for (collection, schema) in [("schedules", "ScheduleRequest"), ("suggestions", "SuggestionRequest")] {
            submissions.append((collection, .json(), try JSONSerialization.data(withJSONObject: try example(schema))))
        }
        for (collection, schema) in [("plans", "PlanUpload"), ("recruitments", "RecruitmentUpload")] {
            let (boundary, body) = Self.multipart(try example(schema))
            submissions.append((collection, [.contentType: "multipart/form-data; boundary=\(boundary)"], body))
        }
        let requests = submissions
        try await ServerHarness().run { client, jobs, _ in
            var ids: [String: String] = [:]
            var outputs: [String: [String]] = [:]
            for submission in requests {
                let accepted = try await client.execute(uri: "/v1/\(submission.collection)", method: .post,
                                                        headers: submission.headers, body: ByteBuffer(bytes: submission.body))
                #expect(accepted.status == .accepted, "\(submission.collection): \(accepted.text)")
                let id = try #require(try accepted.json()["id"] as? String)
                let job = try await Self.finished(submission.collection, id, client: client)
                #expect(job["status"] as? String == "succeeded", "\(submission.collection): \(job)")
                ids[submission.collection] = id
                outputs[submission.collection] = try #require(job["outputs"] as? [String])
            }
            #expect(outputs["matchings"]?.contains("changes.csv") == true)
            #expect(outputs["matchings"]?.contains("lv/map.svg") == true)
            #expect(outputs["schedules"]?.contains { $0.hasPrefix("calendars/") } == true)

            for (collection, names) in outputs.sorted(by: { $0.key < $1.key }) {
                let id = try #require(ids[collection])
                for name in names {
                    let uri = Self.route(of: name, collection: collection, id: id)
                    let path = String(uri.prefix { $0 != "?" })
                    #expect(document.declaredMethods(forPath: path)?.contains("GET") == true,
                            "\(collection) lists \(name) but openapi.yaml has no GET \(path)")
                    let response = try await client.execute(uri: uri, method: .get)
                    #expect(response.status == .ok, "GET \(uri): \(response.status)")
                    let stored = try #require(await jobs.output(id, name: name))
                    if name.hasSuffix(".json") {
                        #expect(try Self.sameJSON(Data(response.body.readableBytesView), stored), "GET \(uri)")
                    } else {
                        #expect(Data(response.body.readableBytesView) == stored, "GET \(uri) is not \(name)")
                    }
                }
                if let resultName = Self.resultNames[collection], names.contains(resultName) {
                    let result = try await client.execute(uri: "/v1/\(collection)/\(id)/result", method: .get)
                    #expect(try Self.sameJSON(Data(result.body.readableBytesView),
                                              try #require(await jobs.output(id, name: resultName))))
                }
            }

            for route in document.routes where route.methods.contains("GET") {
                guard route.template.count >= 3, route.template[0] == "v1", route.template[2] == "{id}" else { continue }
                let collection = String(route.template[1])
                let id = try #require(ids[collection], "no job of \(collection) was run")
                let listed = outputs[collection] ?? []
                let segments = try route.template.map { segment -> String in
                    switch segment {
                    case "{id}": return id
                    case "{mentee_id}": return "Y0001"
                    case "{name}" where route.template.contains("calendars"):
                        return String(try #require(listed.first { $0.hasPrefix("calendars/") }).dropFirst("calendars/".count))
                    case "{name}": return try #require(listed.first)
                    default: return String(segment)
                    }
                }
                let uri = "/" + segments.joined(separator: "/")
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "GET \(uri) (declared as \(route.template.joined(separator: "/"))): \(response.status) \(response.text.prefix(300))")
            }
        }
    }

    /// The API path of a job's output: `lv/map.svg` is `map.svg?lang=lv`; plans' and recruitments' files are under
    /// `files/`.
    static func route(of name: String, collection: String, id: String) -> String {
        let base = "/v1/\(collection)/\(id)"
        if collection == "plans" || collection == "recruitments" { return "\(base)/files/\(name)" }
        if name == resultNames[collection] { return "\(base)/result" }
        for language in ["lv", "en"] where name.hasPrefix("\(language)/") {
            return "\(base)/\(name.dropFirst(language.count + 1))?lang=\(language)"
        }
        return "\(base)/\(name)"
    }

    static func sameJSON(_ first: Data, _ second: Data) throws -> Bool {
        let one = try JSONSerialization.jsonObject(with: first) as? NSObject
        let other = try JSONSerialization.jsonObject(with: second) as? NSObject
        return one != nil && one == other
    }

    /// A `multipart/form-data` body of text parts, one per key of an example of the document.
    static func multipart(_ fields: [String: Any]) -> (boundary: String, body: Data) {
        let boundary = "mentormatch-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(name)\"\r\n\r\n".utf8)
            body += Data("\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return (boundary, body)
    }

    static func finished(_ collection: String, _ id: String, client: any TestClientProtocol) async throws -> [String: Any] {
        for _ in 0..<1200 {
            let job = try await client.execute(uri: "/v1/\(collection)/\(id)", method: .get).json()
            if let status = job["status"] as? String, ["succeeded", "failed", "cancelled"].contains(status) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError(description: "\(collection) job \(id) did not finish within 60 s")
    }
}
