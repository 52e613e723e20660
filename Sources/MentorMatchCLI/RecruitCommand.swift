import ArgumentParser
import Foundation
import MentorMatch

struct RecruitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recruit",
        abstract: "Find the fewest recruits for a coverage target, or the most served by K recruits; or select applicants.",
        discussion: """
            With --profiles: writes recruits.csv (place,specialisations,languages,count), curve.csv \
            (recruits,served,served_remote,cost; one row for every K from 0), marginal.csv, recruit.json and \
            served-vs-recruits.svg. With --applicants and --accept N: writes selection.csv, recruits.csv, curve.csv, \
            selection.json and served-vs-recruits.svg. Solved by GLPK as a capacitated covering integer programme \
            over the matching's rules, and re-matched with the engine as proof.
            """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Profiles CSV: the columns of mentors.csv without id, plus optional available and cost.")
    var profiles: String?
    @Option(help: "Applicants CSV: the columns of mentors.csv, plus optional secondary_education and experienced (yes/no).")
    var applicants: String?
    @Option(help: "With --applicants: how many to accept (Ogre 2024: 14).")
    var accept: Int?
    @Option(help: "Coverage target: the share (0–1) of the young people who fit a mentor or profile.")
    var target: Double?
    @Flag(name: .customLong("remote-parishes"), help: "Coverage target: every young person in a remote place who fits a mentor or profile.")
    var remoteParishes = false
    @Option(name: .customLong("max-recruits"), help: "The curve runs from 0 to this many recruits (the best plan for K recruits).")
    var maxRecruits: Int?
    @Option(name: .customLong("training-cost"), help: "EUR per recruit whose profile has no cost column value.")
    var trainingCost: Double = 0
    @Option(help: "Directory for the result files (created if missing; written all at once).")
    var out: String

    func validate() throws {
        guard (profiles == nil) != (applicants == nil) else {
            throw ValidationError("give either --profiles FILE or --applicants FILE with --accept N")
        }
        if applicants != nil && accept == nil { throw ValidationError("--applicants needs --accept N") }
        if profiles != nil && target == nil && !remoteParishes && maxRecruits == nil {
            throw ValidationError("give a target (--target SHARE or --remote-parishes) or --max-recruits K")
        }
        if target != nil && remoteParishes { throw ValidationError("give --target SHARE or --remote-parishes, not both") }
        if let target, !(0...1).contains(target) { throw ValidationError("--target must be a share from 0 to 1, such as 0.9") }
        if let maxRecruits, !InputLimits.recruits.contains(maxRecruits) {
            throw ValidationError("--max-recruits must be a count from 0 to \(InputLimits.grouped(InputLimits.recruits.upperBound))")
        }
        if let accept, !InputLimits.recruits.contains(accept) {
            throw ValidationError("--accept must be a count from 0 to \(InputLimits.grouped(InputLimits.recruits.upperBound))")
        }
        if !InputLimits.euros.contains(trainingCost) {
            throw ValidationError("--training-cost must be an amount in EUR from 0 to 999,999,999")
        }
    }

    func run() throws {
        do throws(MentorMatchError) {
            let planner = Planner()
            let loaded = try planner.matcher.load(input.files)
            printWarnings(loaded)
            let title = URL(fileURLWithPath: input.mentors ?? input.input ?? "").deletingLastPathComponent().lastPathComponent
            let question: RecruitmentQuestion
            if let applicants, let accept {
                question = .applicants(path: applicants, accept: accept)
            } else if let profiles {
                question = .profiles(
                    path: profiles, target: remoteParishes ? .everyRemotePlace : target.map(CoverageTarget.share),
                    maxRecruits: maxRecruits, trainingCostPerRecruit: trainingCost)
            } else {
                return  // validate() requires --profiles or --applicants with --accept
            }
            let outcome = try planner.answer(question, loaded)
            let files = try outcome.files(mentees: loaded.input.mentees.count, title: title)
            let lines = switch outcome {
            case .recruitment(let answer): PlanTerminalReport.render(answer)
            case .selection(let selection): PlanTerminalReport.render(selection)
            }
            try write(files, to: URL(fileURLWithPath: out), owned: CommandOutput.recruit)
            print(TerminalLayout.fitted((lines + ["", "Wrote \(files.keys.sorted().joined(separator: ", ")) to \(out)"]).joined(separator: "\n")))
        } catch {
            throw fail(error)
        }
    }
}
