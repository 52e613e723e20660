import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A trap or crash prints one fixed sentence instead of the Swift runtime's crash report, whose register and memory
/// dumps hold whatever the program was reading (a young person's name, an id, a place); the process still dies by
/// the signal, so that shells, tests and fuzzers see the crash. Setting `SWIFT_BACKTRACE` (a developer debugging a
/// crash) keeps the runtime's report.
enum CrashSignals {
    static let signals = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    static func install() {
        guard ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil else { return }
        for number in signals {
            signal(number) { received in
                // Only async-signal-safe calls: a literal in static memory, `write`, `signal` and `raise`.
                let message: StaticString = """
                    mentormatch stopped on an internal error (a bug): please report it with the command line you \
                    ran, not your data. No output file was changed; the next run into the same folder removes the \
                    unfinished one.

                    """
                _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
