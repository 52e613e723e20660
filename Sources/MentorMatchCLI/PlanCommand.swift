import ArgumentParser
import Foundation
import MentorMatch

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Run a what-if scenario's variants side by side; write variants.csv, plan.json and charts.",
        discussion: """
            The scenario (YAML) names a base, a cost model and a variants: list, optionally a recruitment: section \
            (profiles, max_recruits, target), which adds recruits.csv, curve.csv, marginal.csv and \
            served-vs-recruits.svg, and a simulation: section, run with --simulate (simulation.csv).
            """
    )

    @Argument(help: "The scenario file, such as Scenarios/ogre-2024/plan.yaml.")
    var file: String
    @Option(help: "Directory for the result files (created if missing; written all at once).")
    var out: String
    @Flag(help: "Also simulate every variant over months (needs a simulation: section).")
    var simulate = false
    @Option(help: "What to print: a readable table, or plan.json for programs.")
    var format: OutputFormat = .table

    func run() throws {
        do throws(MentorMatchError) {
            let planner = Planner()
            let scenario = try planner.loadScenario(path: file)
            let report = try planner.plan(scenario, simulate: simulate, source: file)
            let files = try MentorMatchError.formatting { () throws(FormatError) in try PlanFiles.files(for: report) }
            try write(files, to: URL(fileURLWithPath: out), owned: CommandOutput.plan)
            switch format {
            case .table: print(TerminalLayout.fitted(PlanTerminalReport.render(report, files: files.keys.sorted(), out: out)), terminator: "")
            case .json: FileHandle.standardOutput.write(try producedFile("plan.json", in: files))
            }
        } catch {
            throw fail(error)
        }
    }
}
