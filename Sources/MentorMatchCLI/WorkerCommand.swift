import ArgumentParser
import MentorMatchJobs

/// `mentormatch worker`: the process `mentormatch serve` keeps warm to run jobs, one at a time, isolated from the
/// server (a trap, a kill or the memory limit ends this process only). Not for people: it reads task lines on
/// standard input and answers with event lines on standard output.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run jobs for mentormatch serve (reads task lines on standard input).",
        shouldDisplay: false
    )

    @Option(name: .customLong("memory-limit-bytes"), help: "The address space this worker may use (RLIMIT_AS).")
    var memoryLimitBytes: Int?

    func run() throws {
        try JobWorker.serveStandardStreams(memoryLimitBytes: memoryLimitBytes)
    }
}
