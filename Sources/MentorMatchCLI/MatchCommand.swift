import ArgumentParser
import Foundation
import MentorMatch

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Suggest optimal pairings and write pairs.csv, unmatched.csv, alternatives.csv, result.json, result.xlsx and map.svg."
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Directory for the result files (created if missing; written all at once).")
    var out: String
    @Option(help: "What to print: a readable table, or result.json for programs.")
    var format: OutputFormat = .table
    @Option(name: .customLong("write-lp"), help: "Also write the programme in CPLEX LP format, for audits with another solver.")
    var writeLP: String?
    @Option(help: "auto: LEMON's network simplex wherever the policy allows, else GLPK; lemon or glpk: only that one.")
    var solver: MentorMatcher.SolverChoice = .auto
    @Option(
        name: .customLong("export-flow"),
        help: "Also write every flow solved (DIMACS stage-N.min files and flow.json) into this directory, for comparison with other solvers."
    )
    var exportFlow: String?
    @Flag(
        name: .customLong("skip-invalid"),
        help: "Set invalid rows aside (written with their problems to rejected.csv) and match the rest, instead of refusing."
    )
    var skipInvalid = false
    @OptionGroup var language: LanguageOption

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher(solver)
            let clock = Date()
            let loaded = try matcher.load(input.files, skippingInvalidRows: skipInvalid)
            printWarnings(loaded, language: language.language)
            let readingSeconds = seconds(since: clock)
            let preparation = try matcher.prepare(loaded)
            try matcher.checkSolvable(preparation, keepingFlowStages: exportFlow != nil)
            // --write-lp and --export-flow are written with the results, only when the whole run succeeds.
            var extraFiles: [AtomicOutput.OutputFile] = []
            if let writeLP {
                extraFiles.append(AtomicOutput.OutputFile(url: URL(fileURLWithPath: writeLP),
                                                          data: Data(try matcher.auditProgramText(preparation).utf8)))
            }
            var (result, stages) = exportFlow == nil
                ? (try matcher.solve(preparation), [])
                : try matcher.solveKeepingFlowStages(preparation)
            var extraSets: [AtomicOutput.OutputSet] = []
            if let exportFlow {
                let flowFiles = try MentorMatchError.formatting { () throws(FormatError) in
                    try FlowExport.files(stages, solver: result.solver.solver)
                }
                extraSets.append(AtomicOutput.OutputSet(directory: URL(fileURLWithPath: exportFlow), files: flowFiles,
                                                        owned: .everything))
            }
            result = result.worded(in: language.language)
            result.timings.reading = readingSeconds
            let directory = URL(fileURLWithPath: out)
            // A national table takes a core half a second to lay out: it is laid out while the files are written,
            // and printed only once they are in place.
            let headline = loaded.rejected.isEmpty ? "" : RejectedCSV.headline(loaded.rejected) + "\n"
            let table = format == .table
                ? BackgroundValue { [result, language = language.language] in
                    TerminalLayout.fitted(headline + TerminalReport.render(result, language))
                }
                : nil
            try write(to: directory, owned: CommandOutput.match, extraSets: extraSets, extraFiles: extraFiles) {
                destination throws(FormatError) in
                try ResultFiles.writeMatchFiles(result, input: loaded.input, language: language.language,
                                                rejected: skipInvalid ? loaded.rejected : nil, to: destination)
            }
            switch format {
            case .table: print(table?.value ?? "", terminator: "")
            case .json: try printFile(directory.appendingPathComponent("result.json"))
            }
            // Done: the process ends here, and a national run's millions of objects go back to the system with it
            // rather than one by one (a quarter of a second).
            Foundation.exit(ExitStatus.success.rawValue)
        } catch {
            throw fail(error, language: language.language)
        }
    }
}

/// The file `name` of a set the library produced; its absence is a bug, not a user's problem.
func producedFile(_ name: String, in files: [String: Data]) throws(MentorMatchError) -> Data {
    guard let data = files[name] else { throw .internalError("\(name) was not among the files produced") }
    return data
}

/// A value computed on another thread while the caller goes on.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private let done = DispatchGroup()
    /// Written once by the background thread, read only after `done` says it has finished.
    private var computed: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        DispatchQueue.global().async(group: done) { self.computed = make() }
    }

    /// The value, once the background thread has made it.
    var value: Value {
        done.wait()
        return computed ?? make()
    }
}
