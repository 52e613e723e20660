import Foundation
import Synchronization

/// One `mentormatch worker` child process: a line channel to it and its events back, read on a thread of its own.
final class WorkerProcess: Sendable {
    /// What the worker said, then how it ended.
    enum Message: Sendable {
        case event(WorkerEvent)
        /// The process ended; `stderrTail` holds the end of what it wrote to standard error (never logged: it may
        /// quote the input).
        case exited(WorkerExit)
    }

    let events: AsyncStream<Message>
    private let process: Process
    private let input: FileHandle
    private let pid: Int32

    /// Starts `executable worker --memory-limit-bytes N`.
    init(executable: URL, memoryLimitBytes: Int) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["worker", "--memory-limit-bytes", String(memoryLimitBytes)]
        var environment = ProcessInfo.processInfo.environment
        // A crashing worker should die at once, not spend seconds symbolicating a backtrace.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        self.process = process
        input = stdin.fileHandleForWriting
        pid = process.processIdentifier
        let (events, continuation) = AsyncStream.makeStream(of: Message.self)
        self.events = events
        let stderrTail = Mutex(Data())
        let peakVirtualBytes = Mutex(0)
        let exited = Atomic(false)
        let pid = process.processIdentifier
        // RLIMIT_AS makes an allocation fail, and not every library reports that before it crashes (a SIGSEGV
        // with nothing on standard error): the address space seen last tells.
        Thread.detachNewThread {
            while !exited.load(ordering: .relaxed) {
                if let bytes = Self.virtualBytes(of: pid) { peakVirtualBytes.withLock { $0 = max($0, bytes) } }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let stderrDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let handle = stderr.fileHandleForReading
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                stderrTail.withLock { tail in
                    tail.append(chunk)
                    if tail.count > 8192 { tail.removeFirst(tail.count - 8192) }
                }
            }
            stderrDone.signal()
        }
        Thread.detachNewThread {
            let handle = stdout.fileHandleForReading
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer.removeSubrange(buffer.startIndex...newline)
                    if let event = try? WorkerLine.decode(WorkerEvent.self, from: Data(line)) {
                        continuation.yield(.event(event))
                    }
                }
            }
            process.waitUntilExit()
            exited.store(true, ordering: .relaxed)
            stderrDone.wait()
            let signalled = process.terminationReason == .uncaughtSignal
            let tail = stderrTail.withLock { String(decoding: $0, as: UTF8.self) }
            continuation.yield(.exited(WorkerExit(
                signal: signalled ? process.terminationStatus : nil,
                status: signalled ? nil : process.terminationStatus, stderrTail: tail,
                peakVirtualBytes: peakVirtualBytes.withLock { $0 })))
            continuation.finish()
        }
    }

    /// Sends a task, or a decision on the running one; fails when the worker has gone (its exit is reported on
    /// ``events``).
    func send(_ line: some Encodable) throws {
        try input.write(contentsOf: WorkerLine.encode(line))
    }

    /// Ends the worker at once (cancel, time limit, shutdown).
    func kill() {
        _ = Foundation.kill(pid, SIGKILL)
    }

    /// The process's address space (VmSize), or `nil` once it has gone.
    private static func virtualBytes(of pid: Int32) -> Int? {
        // statm's first number is VmSize in pages: one short read, twenty times a second for each worker.
        let descriptor = open("/proc/\(pid)/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { Foundation.close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return nil }
        guard let pages = String(decoding: buffer[..<count], as: UTF8.self).split(separator: " ").first.flatMap({ Int($0) })
        else { return nil }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: sysconf(Int32(_SC_PAGESIZE)))
        return overflow ? Int.max : bytes
    }

    /// Closes its standard input: an idle worker then exits.
    func close() {
        try? input.close()
    }
}

/// How a worker process ended.
struct WorkerExit: Sendable, Hashable {
    var signal: Int32?
    var status: Int32?
    var stderrTail: String
    /// The largest address space seen while it ran (sampled every 50 ms).
    var peakVirtualBytes: Int

    /// Whether the worker died because an allocation failed under its memory limit: the Swift or C++ runtime said
    /// so, or its address space had come within 10 % of the limit.
    func ranOutOfMemory(limitBytes: Int) -> Bool {
        let said = ["failed to allocate", "Could not allocate memory", "std::bad_alloc", "out of memory",
                    "Cannot allocate memory"].contains { stderrTail.contains($0) }
        return said || peakVirtualBytes >= limitBytes / 10 * 9
    }
}
