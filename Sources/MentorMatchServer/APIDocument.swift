import Foundation
import MentorMatchAPI
import Yams

/// The OpenAPI document compiled into the server (Sources/MentorMatchAPI/openapi.yaml), as served at
/// `/openapi.yaml`, `/openapi.json` and `/docs`, and the routes it declares.
struct APIDocument: Sendable {
    let yaml: String
    let json: Data
    /// Every path template with the methods it declares, such as `/v1/matchings/{id}`: GET, DELETE.
    let routes: [(template: [Substring], methods: [String])]
    let html: String

    static func load() throws -> APIDocument {
        let yaml = String(decoding: MentorMatchAPIResources.document, as: UTF8.self)
        guard let object = try Yams.load(yaml: yaml) as? [String: Any] else {
            throw APIDocumentError(detail: "openapi.yaml is not a YAML mapping")
        }
        let json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        let paths = object["paths"] as? [String: Any] ?? [:]
        let routes = paths.keys.sorted().map { path in
            let operations = paths[path] as? [String: Any] ?? [:]
            let methods = operations.keys.filter { APIDocsPage.methods.contains($0) }.map { $0.uppercased() }.sorted()
            return (template: path.split(separator: "/"), methods: methods)
        }
        return APIDocument(yaml: yaml, json: json, routes: routes, html: APIDocsPage.render(object))
    }

    /// The methods the document declares for `path` (`/v1/matchings/abc`), or nil when no path template matches.
    func declaredMethods(forPath path: String) -> [String]? {
        let segments = path.split(separator: "/")
        for route in routes where route.template.count == segments.count {
            let matches = zip(route.template, segments).allSatisfy { template, segment in
                template.first == "{" || template == segment
            }
            if matches { return route.methods }
        }
        return nil
    }
}

struct APIDocumentError: Error, CustomStringConvertible {
    var detail: String
    var description: String { "the compiled OpenAPI document cannot be read: \(detail) (a build problem; please report it)" }
}
