import Dispatch
import Foundation
import MentorMatch

/// The files each command owns in its `--out` folder: a run replaces these (removing those it does not write this
/// time, such as `simulation.csv` after `plan --simulate`) and keeps every other file there (see ``AtomicOutput``).
enum CommandOutput {
    static let match: Set<String> = [
        "pairs.csv", "unmatched.csv", "alternatives.csv", "result.json", "rejected.csv", "map.svg", "result.xlsx",
    ]
    static let plan: Set<String> = [
        "variants.csv", "plan.json", "demand-by-place.svg", "recruits.csv", "curve.csv", "marginal.csv",
        "served-vs-recruits.svg", "simulation.csv",
    ]
    static let recruit: Set<String> = [
        "recruits.csv", "curve.csv", "marginal.csv", "recruit.json", "served-vs-recruits.svg", "selection.csv",
        "selection.json",
    ]
    static let schedule: Set<String> = ["sessions.csv", "sessions.json", "shortfalls.csv", "calendars"]
    static let generate: Set<String> = ["mentors.csv", "mentees.csv", "places.csv", "policy.yaml"]
}

/// Writes a command's output set atomically (and any single extra files first, such as `--write-lp`), or throws
/// ``MentorMatchError/outputFailed(_:)``.
func write(
    _ files: [String: Data], subdirectories: [String: [String: Data]] = [:], to directory: URL, owned: Set<String>,
    extraSets: [AtomicOutput.OutputSet] = [], extraFiles: [AtomicOutput.OutputFile] = []
) throws(MentorMatchError) {
    do {
        try AtomicOutput.write(
            extraSets + [AtomicOutput.OutputSet(directory: directory, files: files, subdirectories: subdirectories,
                                                owned: .names(owned))],
            files: extraFiles)
    } catch {
        throw .outputFailed(error)
    }
}

/// Writes the output set that `produce` makes into `directory` as it makes it (and the extra sets and files with it),
/// atomically, or throws ``MentorMatchError/formatFailed(_:)`` or ``MentorMatchError/outputFailed(_:)``.
func write(
    to directory: URL, owned: Set<String>, extraSets: [AtomicOutput.OutputSet] = [],
    extraFiles: [AtomicOutput.OutputFile] = [], producing produce: (any OutputDestination) throws(FormatError) -> Void
) throws(MentorMatchError) {
    do {
        try AtomicOutput.write(extraSets, files: extraFiles, producing: directory, owned: .names(owned), produce)
    } catch {
        switch error {
        case .making(let error): throw .formatFailed(error)
        case .writing(let error): throw .outputFailed(error)
        }
    }
}

/// Copies the file at `url` to standard output (a national `result.json` after `--format json`), a few megabytes at
/// a time.
func printFile(_ url: URL) throws(MentorMatchError) {
    let source = open(url.path, O_RDONLY | O_CLOEXEC)
    guard source >= 0 else {
        throw .outputFailed(AtomicOutputError(path: url.path, problem: "the file just written cannot be read back to print it"))
    }
    defer { close(source) }
    let capacity = 1 << 22
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    while true {
        let count = read(source, buffer, capacity)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        var written = 0
        while written < count {
            let step = write(STDOUT_FILENO, buffer + written, count - written)
            if step < 0, errno == EINTR { continue }
            guard step > 0 else {
                throw .outputFailed(AtomicOutputError(path: "standard output", problem: "it cannot be written (the files "
                                                          + "in \(url.deletingLastPathComponent().path) are complete)"))
            }
            written += step
        }
    }
}

/// SIGINT and SIGTERM remove the staging folders of a write in progress and exit 130 or 143, as shells report a
/// death by those signals; the output folder keeps its complete old set.
enum OutputSignals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for (number, status) in [(SIGINT, ExitStatus.interrupted), (SIGTERM, ExitStatus.terminated)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                AtomicOutput.removeStagingFolders()
                exit(status.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }
}
