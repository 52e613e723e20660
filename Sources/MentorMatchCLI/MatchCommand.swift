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
    @Option(help: "auto: LEMON's network simplex wherever the policy allows, else GLPK; lemon or glpk: only that one.")
    var solver: MentorMatcher.SolverChoice = .auto
    @Option(
        name: .customLong("export-flow"),
        help: "Also write every flow solved (DIMACS stage-N.min files and flow.json) into this directory, for comparison with other solvers."
    )
    var exportFlow: String?

    func run() throws {
        do throws(MentorMatchError) {
            let matcher = MentorMatcher(solver)
            var clock = Date()
            let loaded = try matcher.load(input.files)
            let readingSeconds = seconds(since: clock)
            let preparation = try matcher.prepare(loaded)
            if solver == .lemon || exportFlow != nil, !matcher.engine.solvesAsFlow(preparation.policy) {
                throw MentorMatchError.matchingFailed(
                    .solverFailed(
                        "this policy needs GLPK (a weighted objective with side constraints, fractional weights, or a "
                            + "min_remote_share finer than one millionth); run with --solver auto and without --export-flow"
                    )
                )
            }
            // --write-lp and --export-flow are written with the results, only when the whole run succeeds.
            var extraFiles: [AtomicOutput.OutputFile] = []
            if let writeLP {
                let text: String
                do {
                    text = try CPLEXLPWriter.text(for: preparation.linearProgram().auditProgram(graph: preparation.graph))
                } catch {
                    throw MentorMatchError.matchingFailed(.solverFailed(error.description))
                }
                extraFiles.append(AtomicOutput.OutputFile(url: URL(fileURLWithPath: writeLP), data: Data(text.utf8)))
            }
            var (result, stages) = exportFlow == nil
                ? (try matcher.solve(preparation), [])
                : try matcher.solveKeepingFlowStages(preparation)
            var extraSets: [AtomicOutput.OutputSet] = []
            if let exportFlow {
                extraSets.append(AtomicOutput.OutputSet(
                    directory: URL(fileURLWithPath: exportFlow), files: try FlowExport.files(stages, solver: result.solver.solver),
                    owned: .everything))
            }
            result.timings.reading = readingSeconds
            clock = Date()
            var files = ResultFiles.csvFiles(result)
            result.timings.writing = seconds(since: clock)
            files["result.json"] = ResultFiles.json(result)
            try write(files, to: URL(fileURLWithPath: out), owned: CommandOutput.match, extraSets: extraSets, extraFiles: extraFiles)
            switch format {
            case .table: print(TerminalReport.render(result), terminator: "")
            case .json: FileHandle.standardOutput.write(files["result.json"]!)
            }
        } catch {
            throw fail(error)
        }
    }
}
