import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MentorMatchJobs
@testable import MentorMatchServer
import MentorMatchWorkspace
import Testing

/// The server with the workspace: the API's job service and the workspace's own, one worker each, in a temporary
/// data folder, every log line kept.
struct WorkspaceServerHarness {
    func run<Value>(
        _ body: @Sendable (any TestClientProtocol, Workspace, LogRecorder, URL) async throws -> Value
    ) async throws -> Value {
        let dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("MentorMatchWorkspacePages-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let recorder = LogRecorder()
        let logger = Logger(label: "mentormatch-test") { _ in recorder.handler() }
        let configuration = APIServer.Configuration(
            host: "127.0.0.1", port: 0, token: nil, maxBodyBytes: 32 * 1024 * 1024,
            jobs: JobService.Configuration(dataDirectory: dataDirectory, workers: 1,
                                           workerExecutable: try ServerHarness.binary(), shutdownGrace: .seconds(2)))
        let jobs = try JobService(configuration: configuration.jobs, logger: logger)
        try await jobs.start()
        let workspaceJobs = try JobService(configuration: APIServer.workspaceJobConfiguration(configuration.jobs), logger: logger)
        try await workspaceJobs.start()
        let workspace = try Workspace(
            configuration: Workspace.Configuration(dataDirectory: APIServer.workspaceDirectory(configuration.jobs), bcryptCost: 4),
            jobs: workspaceJobs, logger: logger)
        let app = try APIServer.buildApplication(
            configuration, jobs: jobs, workspace: workspace,
            services: [JobServiceRunner(jobs: jobs), JobServiceRunner(jobs: workspaceJobs)], logger: logger)
        return try await app.test(.router) { client in
            try await body(client, workspace, recorder, dataDirectory)
        }
    }
}

/// A browser's part of a conversation: its cookies, and the CSRF token of the last page.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var location: String? { headers[.location] }
    }

    private var cookieHeader: HTTPFields {
        var fields = HTTPFields()
        if !cookies.isEmpty {
            fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        return fields
    }

    private mutating func received(_ response: TestResponse) -> Page {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = String(buffer: response.body)
        if let token = Self.csrf(in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, text: text)
    }

    static func csrf(in text: String) -> String? {
        guard let range = text.range(of: #"name="csrf" value=""#) else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }

    mutating func get(_ path: String) async throws -> Page {
        received(try await client.execute(uri: path, method: .get, headers: cookieHeader))
    }

    /// Posts a form with the page's CSRF token unless `csrf` is false.
    mutating func post(_ path: String, _ form: [String: String] = [:], csrf withToken: Bool = true) async throws -> Page {
        var fields = form
        if withToken, let csrf { fields["csrf"] = csrf }
        let body = fields.sorted { $0.key < $1.key }.map { key, value in
            "\(Self.encoded(key))=\(Self.encoded(value))"
        }.joined(separator: "&")
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        return received(try await client.execute(uri: path, method: .post, headers: headers,
                                                 body: ByteBuffer(string: body)))
    }

    /// Posts the upload form: files by field name, and the CSRF token.
    mutating func upload(
        _ path: String, files: [(field: String, name: String, data: Data)], fields: [String: String] = [:]
    ) async throws -> Page {
        let boundary = "----mentormatch\(UUID().uuidString)"
        var body = Data()
        func add(_ text: String) { body.append(Data(text.utf8)) }
        if let csrf {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n")
            add("Content-Type: application/octet-stream\r\n\r\n")
            body.append(file.data)
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return received(try await client.execute(uri: path, method: .post, headers: headers,
                                                 body: ByteBuffer(bytes: body)))
    }

    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Signs in through the sign-in page.
    mutating func signIn(_ name: String, _ password: String) async throws -> Page {
        _ = try await get("/sign-in")
        return try await post("/sign-in", ["username": name, "password": password])
    }
}

/// The text of the first element with `id="…"`, up to its closing tag.
func element(_ id: String, in html: String) -> String? {
    guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
    let after = html[start.upperBound...]
    guard let open = after.firstIndex(of: ">") else { return nil }
    let content = after[after.index(after: open)...]
    return String(content.prefix { $0 != "<" })
}

/// A file of the bundled scenarios (`ogre-2024/mentors.csv`).
func scenario(_ path: String) throws -> Data {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try Data(contentsOf: root.appendingPathComponent("Scenarios").appendingPathComponent(path))
}

/// Gets `path` until the page no longer shows `runningID` (a job in progress; the page then refreshes itself), at
/// most a minute.
func whenDone(_ browser: inout Browser, _ path: String, runningID: String) async throws -> Browser.Page {
    for _ in 0..<600 {
        let page = try await browser.get(path)
        if !page.text.contains("id=\"\(runningID)\"") { return page }
        #expect(page.text.contains("http-equiv=\"refresh\""))
        try await Task.sleep(for: .milliseconds(100))
    }
    throw HarnessError(description: "the job of \(path) did not finish in a minute")
}
