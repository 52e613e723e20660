import Foundation
import MentorMatch

/// The worker side of the pool (`mentormatch worker`): reads one task line at a time on standard input, runs it,
/// and writes event lines on standard output until standard input closes.
public enum JobWorker {
    /// Serves tasks; with `memoryLimitBytes` the process first limits its own address space (RLIMIT_AS), so that a
    /// job needing more fails its allocation and ends this process only.
    ///
    /// The worker ends at once (without writing another byte) when its supervisor is gone: the write end of its
    /// standard input closed (every writer of the pipe ended, as when the server is killed with SIGKILL), or its
    /// parent process changed. A killed server's restarted successor runs the job again, and must not find an orphan
    /// still writing the same output folder.
    public static func serveStandardStreams(memoryLimitBytes: Int?) throws {
        if let memoryLimitBytes {
            let bytes = rlim_t(clamping: max(memoryLimitBytes, 0))
            var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
            guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL)
            }
        }
        endWhenSupervisorGone()
        while let line = readLine(strippingNewline: true) {
            guard let task = try? WorkerLine.decode(WorkerTask.self, from: Data(line.utf8)) else {
                emit(.failed(JobFailure(kind: .internal, message: "the worker received a task it cannot read")))
                continue
            }
            emit(JobRunner(task: task, report: emit, decide: decision).run())
        }
    }

    /// Watches standard input for a hang-up (no writer left) and the parent id for a change, every 50 ms at most,
    /// on a thread of its own, and ends the process with `_exit` (no buffers flushed, nothing more written).
    private static func endWhenSupervisorGone() {
        let parent = getppid()
        Thread.detachNewThread {
            // Events 0: only a hang-up or an error is reported, never pending input (the main thread reads that).
            var descriptor = pollfd(fd: STDIN_FILENO, events: 0, revents: 0)
            while true {
                let ready = poll(&descriptor, 1, 50)
                let hungUp = ready > 0 && descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
                if hungUp || getppid() != parent { _exit(0) }
            }
        }
    }

    /// The supervisor's decision after ``WorkerEvent/validated``; its standard input closing ends the worker.
    private static func decision() -> Bool {
        guard let line = readLine(strippingNewline: true) else { exit(0) }
        return (try? WorkerLine.decode(WorkerDecision.self, from: Data(line.utf8)))?.proceed ?? false
    }

    private static func emit(_ event: WorkerEvent) {
        guard let line = try? WorkerLine.encode(event) else { return }
        try? FileHandle.standardOutput.write(contentsOf: line)
    }
}
