import Foundation

/// `GET /docs`: a readable HTML reference rendered from the OpenAPI document by the server itself, with nothing
/// loaded from another origin and no JavaScript: every operation with its parameters, bodies and answers, then every
/// schema with its fields.
enum APIDocsPage {
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    static func render(_ document: [String: Any]) -> String {
        let info = document["info"] as? [String: Any] ?? [:]
        let title = info["title"] as? String ?? "API"
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <style>
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
            code,pre{font-family:ui-monospace,monospace;font-size:.92em}pre{white-space:pre-wrap}
            table{border-collapse:collapse;margin:.4rem 0 1rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
            .op{border-top:1px solid #ddd;padding-top:.6rem;margin-top:1.2rem}.method{font-weight:bold;text-transform:uppercase;margin-right:.5rem}
            nav ul{columns:2}
            </style></head><body>
            <h1>\(escape(title)) <small>\(escape(info["version"] as? String ?? ""))</small></h1>
            <p>The machine-readable contract: <a href="/openapi.yaml">openapi.yaml</a>, <a href="/openapi.json">openapi.json</a>.</p>
            \(paragraphs(info["description"] as? String))
            """
        let paths = document["paths"] as? [String: Any] ?? [:]
        let operations = paths.keys.sorted().flatMap { path -> [(String, String, [String: Any], [Any])] in
            let item = paths[path] as? [String: Any] ?? [:]
            let shared = item["parameters"] as? [Any] ?? []
            return methods.compactMap { method in
                (item[method] as? [String: Any]).map { (path, method, $0, shared) }
            }
        }
        html += "<h2>Operations</h2><nav><ul>"
        for (path, method, operation, _) in operations {
            let id = operation["operationId"] as? String ?? "\(method) \(path)"
            html += "<li><a href=\"#\(escape(id))\"><span class=\"method\">\(method)</span><code>\(escape(path))</code></a></li>"
        }
        html += "</ul></nav>"
        for (path, method, operation, shared) in operations {
            html += render(operation: operation, method: method, path: path, sharedParameters: shared, document: document)
        }
        html += "<h2 id=\"schemas\">Schemas</h2>"
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        for name in schemas.keys.sorted() {
            html += render(schemaNamed: name, schemas[name] as? [String: Any] ?? [:])
        }
        return html + "</body></html>\n"
    }

    private static func render(operation: [String: Any], method: String, path: String, sharedParameters: [Any],
                               document: [String: Any]) -> String {
        let id = operation["operationId"] as? String ?? "\(method) \(path)"
        var html = "<section class=\"op\" id=\"\(escape(id))\"><h3><span class=\"method\">\(method)</span><code>\(escape(path))</code></h3>"
        html += paragraphs(operation["summary"] as? String)
        if (operation["security"] as? [Any])?.isEmpty == true { html += "<p>No token needed.</p>" }
        let parameters = (sharedParameters + (operation["parameters"] as? [Any] ?? [])).compactMap {
            resolve($0, in: document)
        }
        if !parameters.isEmpty {
            html += "<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr>"
            for parameter in parameters {
                let required = parameter["required"] as? Bool == true ? " (required)" : ""
                html += "<tr><td><code>\(escape(parameter["name"] as? String ?? ""))</code>\(required)</td>"
                    + "<td>\(escape(parameter["in"] as? String ?? ""))</td>"
                    + "<td>\(typeText(parameter["schema"]))</td><td>\(escape(parameter["description"] as? String ?? ""))</td></tr>"
            }
            html += "</table>"
        }
        if let body = resolve(operation["requestBody"] ?? [:], in: document),
           let content = body["content"] as? [String: Any], !content.isEmpty {
            html += "<p>Request body:</p><table><tr><th>Media type</th><th>Schema</th></tr>"
            for media in content.keys.sorted() {
                html += "<tr><td><code>\(escape(media))</code></td><td>\(typeText((content[media] as? [String: Any])?["schema"]))</td></tr>"
            }
            html += "</table>"
        }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        html += "<table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>"
        for status in responses.keys.sorted() {
            let response = resolve(responses[status] ?? [:], in: document) ?? [:]
            let content = response["content"] as? [String: Any] ?? [:]
            let bodies = content.keys.sorted().map { media in
                "<code>\(escape(media))</code> \(typeText((content[media] as? [String: Any])?["schema"]))"
            }
            html += "<tr><td>\(escape(status))</td><td>\(escape(response["description"] as? String ?? ""))</td>"
                + "<td>\(bodies.joined(separator: "<br>"))</td></tr>"
        }
        return html + "</table></section>"
    }

    private static func render(schemaNamed name: String, _ schema: [String: Any]) -> String {
        var html = "<section class=\"op\" id=\"schema-\(escape(name))\"><h3>\(escape(name))</h3>"
        html += paragraphs(schema["description"] as? String)
        if schema["properties"] == nil { html += "<p>\(typeText(schema))</p>" }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let required = Set(schema["required"] as? [String] ?? [])
        if !properties.isEmpty {
            html += "<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>"
            for property in properties.keys.sorted() {
                let value = properties[property] as? [String: Any] ?? [:]
                let mark = required.contains(property) ? " (required)" : ""
                html += "<tr><td><code>\(escape(property))</code>\(mark)</td><td>\(typeText(value))</td>"
                    + "<td>\(escape(value["description"] as? String ?? ""))</td></tr>"
            }
            html += "</table>"
        }
        return html + "</section>"
    }

    /// A schema in a few words: a link to a named schema, `array of …`, `one of …`, a type with its enum.
    private static func typeText(_ schema: Any?) -> String {
        guard let schema = schema as? [String: Any] else { return "" }
        if let reference = schema["$ref"] as? String {
            let name = reference.split(separator: "/").last.map(String.init) ?? reference
            return "<a href=\"#schema-\(escape(name))\">\(escape(name))</a>"
        }
        if let choices = (schema["oneOf"] ?? schema["anyOf"]) as? [Any] {
            return "one of " + choices.map(typeText).joined(separator: ", ")
        }
        var text = escape(schema["type"] as? String ?? "any")
        if text == "array" { text = "array of " + typeText(schema["items"]) }
        if let values = schema["enum"] as? [Any] {
            text += ": " + values.map { "<code>\(escape("\($0)"))</code>" }.joined(separator: ", ")
        }
        if let minimum = schema["minimum"], let maximum = schema["maximum"] { text += " (\(minimum)–\(maximum))" }
        return text
    }

    private static func resolve(_ value: Any, in document: [String: Any]) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
        var current: Any = document
        for key in reference.dropFirst(2).split(separator: "/") {
            guard let next = (current as? [String: Any])?[String(key)] else { return nil }
            current = next
        }
        return current as? [String: Any]
    }

    private static func paragraphs(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return text.components(separatedBy: "\n\n").map { "<p>\(code(escape($0)))</p>" }.joined()
    }

    /// Markdown's `code` spans, the only markup the document's descriptions use.
    private static func code(_ text: String) -> String {
        let pieces = text.split(separator: "`", omittingEmptySubsequences: false)
        guard pieces.count > 2 else { return text }
        return pieces.enumerated().map { index, piece in
            index.isMultiple(of: 2) || index == pieces.count - 1 ? String(piece) : "<code>\(piece)</code>"
        }.joined()
    }

    /// The workspace's escaping, one for all the server's HTML.
    static func escape(_ text: String) -> String { HTML.escape(text) }
}
