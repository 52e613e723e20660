import ArgumentParser
import Dispatch
import Foundation
import Logging
import MentorMatchJobs
import MentorMatchServer
import MentorMatchWorkspace
#if canImport(Glibc)
import Glibc
#endif

/// `mentormatch serve`: the JSON HTTP API (Sources/MentorMatchAPI/openapi.yaml), with jobs that survive a restart.
struct ServeCommand: ParsableCommand, HandlesItsOwnSignals {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API: validate, match, explain, suggest, schedule, plan and recruit as jobs.",
        discussion: """
            The API is described at /docs and /openapi.yaml. Jobs are kept in --data (SQLite) and survive a restart; \
            SIGTERM or SIGINT stops accepting jobs, lets running ones finish for a while and keeps the rest queued.
            The coordinators' workspace is at / (sign in with an account made by --create-user NAME).
            """
    )

    @Option(help: "Address to listen on. Anything but loopback needs --token-file.")
    var host = "127.0.0.1"
    @Option(help: "TCP port (0: any free port, printed at start).")
    var port = 8080
    @Option(help: "Folder of the job store and the jobs' files (created if missing).")
    var data = "mentormatch-data"
    @Option(help: "Worker processes that run jobs (default: the number of cores).")
    var workers: Int?
    @Option(help: "Jobs that may wait for a worker; one more is answered 429.")
    var queue = 100
    @Option(name: .customLong("token-file"), help: "A file holding the bearer token every /v1 request must send.")
    var tokenFile: String?
    @Option(name: .customLong("max-body-mb"), help: "Largest request body in MB; a larger one is answered 413.")
    var maxBodyMB = 32
    @Option(name: .customLong("keep-days"), help: "Finished jobs and their files are deleted after this many days.")
    var keepDays = 30
    @Option(name: .customLong("create-user"),
            help: "Create a workspace account with this name in --data, then exit (the password is asked for).")
    var createUser: String?
    @Option(name: .customLong("password-file"),
            help: "With --create-user: read the password from this file instead of the terminal.")
    var passwordFile: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be 1 to 256") }
        guard (1...100_000).contains(queue) else { throw ValidationError("--queue must be 1 to 100000") }
        guard (1...4096).contains(maxBodyMB) else { throw ValidationError("--max-body-mb must be 1 to 4096") }
        guard (1...36500).contains(keepDays) else { throw ValidationError("--keep-days must be 1 to 36500") }
    }

    func run() throws {
        if let createUser {
            try createAccount(createUser)
            return
        }
        if passwordFile != nil { throw ValidationError("--password-file goes with --create-user NAME") }
        let token = try tokenFile.map(Self.readToken)
        let jobs = JobService.Configuration(
            dataDirectory: URL(fileURLWithPath: data, isDirectory: true),
            workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, queueLimit: queue, keepDays: keepDays,
            workerExecutable: Self.runningExecutable()
        )
        let configuration = APIServer.Configuration(
            host: host, port: port, token: token, maxBodyBytes: maxBodyMB * 1024 * 1024, jobs: jobs
        )
        do {
            try APIServer.check(configuration)
        } catch {
            throw ValidationError(error.description)
        }
        var logger = Logger(label: "mentormatch")
        logger.logLevel = .info
        let failure = ServeFailure()
        let finished = DispatchSemaphore(value: 0)
        // ArgumentParser runs this command synchronously; the server runs on Swift concurrency's threads meanwhile.
        Task {
            do {
                try await APIServer.run(configuration, logger: logger)
            } catch {
                failure.record(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
    }

    /// `--create-user NAME`: the account in the workspace store of `--data`, its password from the file or the
    /// terminal (not echoed, asked twice).
    private func createAccount(_ name: String) throws {
        let password: String
        if let passwordFile {
            guard let contents = FileManager.default.contents(atPath: passwordFile) else {
                throw ValidationError("cannot read the password file \(passwordFile); check the path and that it is readable")
            }
            password = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .newlines)
        } else {
            guard let first = Self.readSecret("Password for \(name): "), let second = Self.readSecret("Again: ") else {
                throw ValidationError("no password was given; type it on the terminal or give --password-file FILE")
            }
            guard first == second else { throw ValidationError("the two passwords differ; run the command again") }
            password = first
        }
        let jobs = JobService.Configuration(dataDirectory: URL(fileURLWithPath: data, isDirectory: true),
                                            workerExecutable: Self.runningExecutable())
        do {
            let account = try Workspace.createAccount(
                dataDirectory: APIServer.workspaceDirectory(jobs), name: name, password: password)
            print("account \(account.name) created in \(data); start the server with mentormatch serve --data \(data) and sign in at http://\(host):\(port)/")
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// A line typed on the terminal with echo off; nil at the end of input.
    private static func readSecret(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &original) == 0
        if isTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        }
        defer {
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSANOW, &original)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        return readLine(strippingNewline: true)
    }

    /// The token, without the line break an editor adds.
    static func readToken(_ path: String) throws -> String {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the token file \(path); check the path and that it is readable")
        }
        return String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// This `mentormatch` binary, which the job service starts as `mentormatch worker`.
    static func runningExecutable() -> URL {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}

/// The server's error, handed from its task to the waiting command.
private final class ServeFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func record(_ error: any Error) { lock.withLock { stored = error } }
}
