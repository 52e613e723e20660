import Foundation
import MentorMatch

/// The worker side of the pool (`mentormatch worker`): reads one task line at a time on standard input, runs it,
/// and writes event lines on standard output until standard input closes.
public enum JobWorker {
    /// Serves tasks; with `memoryLimitBytes` the process first limits its own address space (RLIMIT_AS), so that a
    /// job needing more fails its allocation and ends this process only.
    public static func serveStandardStreams(memoryLimitBytes: Int?) throws {
        if let memoryLimitBytes {
            let bytes = rlim_t(clamping: max(memoryLimitBytes, 0))
            var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
            guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL)
            }
        }
        while let line = readLine(strippingNewline: true) {
            guard let task = try? WorkerLine.decode(WorkerTask.self, from: Data(line.utf8)) else {
                emit(.failed(JobFailure(kind: .internal, message: "the worker received a task it cannot read")))
                continue
            }
            emit(JobRunner(task: task, report: emit).run())
        }
    }

    private static func emit(_ event: WorkerEvent) {
        guard let line = try? WorkerLine.encode(event) else { return }
        try? FileHandle.standardOutput.write(contentsOf: line)
    }
}
