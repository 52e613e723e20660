import Foundation
import Hummingbird
import Logging
import MentorMatchJobs
import MentorMatchWorkspace
import OpenAPIHummingbird
import ServiceLifecycle

/// `mentormatch serve`: the HTTP API over the job service.
public enum APIServer {
    /// What `mentormatch serve` was asked for.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The bearer token every `/v1` route needs, read from `--token-file`; nil: none (loopback only).
        public var token: String?
        public var maxBodyBytes: Int
        public var jobs: JobService.Configuration

        public init(host: String, port: Int, token: String?, maxBodyBytes: Int, jobs: JobService.Configuration) {
            self.host = host
            self.port = port
            self.token = token
            self.maxBodyBytes = maxBodyBytes
            self.jobs = jobs
        }
    }

    /// Why the server did not start.
    public enum StartError: Error, CustomStringConvertible {
        case exposedWithoutToken(host: String)
        case emptyToken

        public var description: String {
            switch self {
            case .exposedWithoutToken(let host):
                "refusing to listen on \(host) without a token: give --token-file FILE (every /v1 request then needs "
                    + "Authorization: Bearer <token>), or keep the default --host 127.0.0.1"
            case .emptyToken:
                "the token file is empty; write a long random token into it (openssl rand -hex 32 > token)"
            }
        }
    }

    /// Whether `host` can only be reached from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Checks that a non-loopback host has a token, before anything is opened.
    public static func check(_ configuration: Configuration) throws(StartError) {
        if let token = configuration.token, token.isEmpty { throw .emptyToken }
        if configuration.token == nil, !isLoopback(configuration.host) {
            throw .exposedWithoutToken(host: configuration.host)
        }
    }

    /// Runs the server and the job service until SIGTERM or SIGINT: then the job service stops accepting jobs
    /// (submissions answer 503), lets running jobs finish for its grace period and re-queues the rest, and the
    /// HTTP server closes.
    public static func run(_ configuration: Configuration, logger: Logger) async throws {
        try check(configuration)
        let jobs = try JobService(configuration: configuration.jobs, logger: logger)
        // Open the store and recover its jobs before the first request can arrive.
        try await jobs.start()
        // The workspace's runs have a job service of their own (in `DATA/workspace`), so that no /v1 client sees them.
        let workspaceJobs = try JobService(configuration: workspaceJobConfiguration(configuration.jobs), logger: logger)
        try await workspaceJobs.start()
        let workspace = try Workspace(
            configuration: Workspace.Configuration(dataDirectory: workspaceDirectory(configuration.jobs)),
            jobs: workspaceJobs, logger: logger)
        let app = try buildApplication(configuration, jobs: jobs, workspace: workspace, logger: logger)
        // A ServiceGroup shuts its services down in reverse order: the job services first, so that the server
        // still answers (503 to submissions) while running jobs finish.
        let group = ServiceGroup(configuration: .init(
            services: [app, JobServiceRunner(jobs: jobs), JobServiceRunner(jobs: workspaceJobs)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ))
        try await group.run()
    }

    /// The workspace's folder in the data folder: `workspace.sqlite` and the jobs of its runs.
    public static func workspaceDirectory(_ jobs: JobService.Configuration) -> URL {
        jobs.dataDirectory.appendingPathComponent("workspace", isDirectory: true)
    }

    static func workspaceJobConfiguration(_ jobs: JobService.Configuration) -> JobService.Configuration {
        var configuration = jobs
        configuration.dataDirectory = workspaceDirectory(jobs)
        return configuration
    }

    /// The application: router, middleware, the OpenAPI handlers and the workspace's pages, listening on the
    /// configured address, running `services` beside the server.
    static func buildApplication(_ configuration: Configuration, jobs: JobService, workspace: Workspace? = nil,
                                 services: [any Service] = [], logger: Logger) throws -> some ApplicationProtocol
    {
        let router = try buildRouter(configuration, jobs: jobs, workspace: workspace, logger: logger)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "mentormatch"),
            services: services,
            logger: logger
        )
    }

    static func buildRouter(_ configuration: Configuration, jobs: JobService, workspace: Workspace? = nil,
                            logger: Logger) throws -> Router<BasicRequestContext>
    {
        let document = try APIDocument.load()
        _ = ServerMetrics.shared
        let router = Router()
        router.middlewares.add(MetricsMiddleware())
        router.middlewares.add(RequestLogMiddleware(logger: logger))
        router.middlewares.add(ProblemMiddleware(document: document, logger: logger))
        if let token = configuration.token {
            router.middlewares.add(BearerTokenMiddleware(token: Array(token.utf8)))
        }
        router.middlewares.add(BodyLimitMiddleware(maxBytes: configuration.maxBodyBytes))
        let handlers = MentorMatchHandlers(
            api: JobAPI(jobs: jobs, maxBodyBytes: configuration.maxBodyBytes),
            requests: JobRequests(maxBodyBytes: configuration.maxBodyBytes), document: document
        )
        try handlers.registerHandlers(
            on: router,
            middlewares: [
                LocationHeaderMiddleware(), StoredJSONResponse(), RequestBodyCapture(maxBodyBytes: configuration.maxBodyBytes),
            ]
        )
        if let workspace {
            WorkspaceRoutes(workspace: workspace, maxBodyBytes: configuration.maxBodyBytes).register(on: router)
        }
        return router
    }
}

/// The started job service as one service of the group, shut down gracefully.
struct JobServiceRunner: Service {
    let jobs: JobService

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await jobs.run()
        } onGracefulShutdown: {
            Task { await jobs.shutdown() }
        }
    }
}
