import ArgumentParser
import Foundation
import GLPKBackend
import MentorMatch

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Suggest optimal pairings and write pairs.csv, unmatched.csv, alternatives.csv and result.json."
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Directory for the result files (created if missing; written all at once).")
    var out: String
    @Option(help: "What to print: a readable table, or result.json for programs.")
    var format: OutputFormat = .table
    @Option(name: .customLong("write-lp"), help: "Also write the programme in CPLEX LP format, for audits with another solver.")
    var writeLP: String?

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher()
            var clock = Date()
            let loaded = try matcher.load(input.files)
            let readingSeconds = seconds(since: clock)
            let preparation = try matcher.prepare(loaded)
            if let writeLP {
                let text: String
                do {
                    text = try CPLEXLPWriter.text(for: preparation.linearProgram().auditProgram(graph: preparation.graph))
                } catch {
                    throw MentorMatchError.matchingFailed(.solverFailed(error.description))
                }
                try write([URL(fileURLWithPath: writeLP).lastPathComponent: Data(text.utf8)],
                          to: URL(fileURLWithPath: writeLP).deletingLastPathComponent())
            }
            var result = try matcher.solve(preparation)
            result.timings.reading = readingSeconds
            clock = Date()
            var files = ResultFiles.all(result)
            result.timings.writing = seconds(since: clock)
            files["result.json"] = ResultFiles.json(result)
            try write(files, to: URL(fileURLWithPath: out))
            switch format {
            case .table: print(TerminalReport.render(result), terminator: "")
            case .json: FileHandle.standardOutput.write(files["result.json"]!)
            }
        } catch {
            throw fail(error)
        }
    }
}

/// Writes files atomically or throws ``MentorMatchError/outputFailed(_:)``.
func write(_ files: [String: Data], to directory: URL) throws(MentorMatchError) {
    do {
        try AtomicOutput.write(files, to: directory)
    } catch {
        throw .outputFailed(error)
    }
}
