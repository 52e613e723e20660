import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A run of the binary with the processor time it used: the child's own user and system seconds from `wait4`, which
/// other tests and builds sharing the machine do not inflate as they inflate the wall clock.
struct MeasuredRun: CustomStringConvertible {
    var run: CLIRun
    var processorSeconds: Double

    var description: String { "\(run)\n(processor time \(processorSeconds) s)" }
}

extension CLI {
    /// Runs `mentormatch arguments…` in `directory` through `/bin/sh -c 'cd … && exec …'` (the shell's own share is
    /// a millisecond), killing it after `timeout` seconds.
    static func runMeasured(_ arguments: [String], in directory: URL, timeout: Double = 20) throws -> MeasuredRun {
        let executable = try binary.get()
        let capture = try TemporaryDirectory(label: "measured")
        defer { capture.remove() }
        let stdoutPath = capture.path("stdout"), stderrPath = capture.path("stderr")
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, executable.path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw CLIRunnerError.binaryNotFound(searched: ["/bin/sh (posix_spawn \(spawned))"]) }
        var status: Int32 = 0
        var usage = rusage()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                timedOut = true
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(2_000)
        }
        if timedOut { throw CLIRunnerError.timedOut(arguments: arguments, seconds: timeout) }
        let signal = status & 0x7F
        let exitCode = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return MeasuredRun(
            run: CLIRun(arguments: arguments, exitCode: exitCode, stdoutData: try Data(contentsOf: URL(fileURLWithPath: stdoutPath)),
                        stderrData: try Data(contentsOf: URL(fileURLWithPath: stderrPath))),
            processorSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
}
