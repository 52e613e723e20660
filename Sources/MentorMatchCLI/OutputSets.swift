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
