import Foundation
import MentorMatch
import Testing

@Suite("mentormatch plan and recruit")
struct PlanCommandTests {
    @Test("plans every bundled scenario: the table, the files and a curve row for every number of recruits",
          arguments: Scenario.all)
    func bundledPlan(_ scenario: Scenario) async throws {
        try await withTemporaryDirectory("plan-\(scenario.name)") { directory in
            let run = try await CLI.run(["plan", scenario.path("plan.yaml"), "--out", "out"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(run.stdout.contains("variant "), "\(run)")
            #expect(run.stdout.contains("re-matched with the engine"), "\(run)")
            #expect(directory.entries("out") == [
                "curve.csv", "demand-by-place.svg", "marginal.csv", "plan.json", "recruits.csv", "served-vs-recruits.svg",
                "variants.csv",
            ])
            let curve = try directory.text("out/curve.csv").split(separator: "\n")
            #expect(curve.first == "recruits,served,served_remote,cost")
            let served = curve.dropFirst().map { Int($0.split(separator: ",")[1])! }
            #expect(served.first == scenario.served, "no recruits serve what the base matching serves")
            #expect(served == served.sorted(), "more recruits never serve fewer")
            #expect(try directory.text("out/recruits.csv").hasPrefix("place,specialisations,languages,count\n"))
            #expect(try directory.text("out/variants.csv").hasPrefix("variant,mentors,recruits,mentees,served,served_remote"))
        }
    }

    @Test("--simulate adds simulation.csv with the mentors needed for every variant")
    func simulate() async throws {
        let scenario = Scenario.all[2]
        try await withTemporaryDirectory("plan-simulate") { directory in
            let run = try await CLI.run(["plan", scenario.path("plan.yaml"), "--out", "out", "--simulate"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            let rows = try directory.text("out/simulation.csv").split(separator: "\n")
            #expect(rows.first == "variant,mentors,referrals,never_servable,pairs_formed,mean_wait_weeks,p90_wait_weeks,longest_waiting_list,still_waiting,mentors_needed")
            #expect(rows.count == 5, "one row per variant")
            #expect(try directory.text("out/plan.json").contains("\"target\" : 1"))
        }
    }

    @Test("an invalid scenario exits 1 with every problem and writes nothing")
    func invalidScenario() async throws {
        try await withTemporaryDirectory("plan-invalid") { directory in
            // The scenario's files, without its next-month folder.
            for file in try FileManager.default.contentsOfDirectory(atPath: Scenario.ogre.directory.path)
            where !Scenario.ogre.directory.appendingPathComponent(file).hasDirectoryPath {
                try directory.write(try Data(contentsOf: Scenario.ogre.directory.appendingPathComponent(file)), to: file)
            }
            let text = try directory.text("plan.yaml").replacingOccurrences(of: "name: travel-15km", with: "name: remote-6")
                .replacingOccurrences(of: "mentees: mentees.csv", with: "mentees: waiting-list.csv")
            try directory.write(text, to: "plan.yaml")
            let run = try await CLI.run(["plan", "plan.yaml", "--out", "out"], in: directory.url)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("error: 2 problems in the input:"), "\(run)")
            #expect(run.stderr.contains("column base.mentees: unknown file 'waiting-list.csv'"), "\(run)")
            #expect(run.stderr.contains("variant name 'remote-6' is used twice"), "\(run)")
            #expect(directory.entries("out").isEmpty)
        }
    }

    @Test("recruit --target writes recruits.csv and a curve up to the recruits needed; re-matching confirms it")
    func recruitToTarget() async throws {
        let scenario = Scenario.all[2]
        try await withTemporaryDirectory("recruit") { directory in
            let run = try await CLI.run(
                ["recruit"] + scenario.inputArguments + ["--profiles", scenario.path("profiles.csv"), "--target", "1",
                                                         "--training-cost", "300", "--out", "out"],
                in: directory.url
            )
            try #require(run.exitCode == 0, "\(run)")
            #expect(run.stdout.contains("Recruitment to serve 100 % of the 20 young people"), "\(run)")
            #expect(run.stdout.contains("re-matched with the engine: 20 served"), "\(run)")
            let curve = try directory.text("out/curve.csv")
            #expect(curve.hasSuffix("3,20,7,900.00\n"), "\(curve)")
        }
    }

    @Test("recruit --applicants --accept selects applicants and turns down the ineligible with the reason")
    func applicantSelection() async throws {
        try await withTemporaryDirectory("applicants") { directory in
            let run = try await CLI.run(
                ["recruit"] + Scenario.ogre.inputArguments
                    + ["--applicants", Scenario.ogre.path("applicants.csv"), "--accept", "14", "--out", "out"],
                in: directory.url
            )
            try #require(run.exitCode == 0, "\(run)")
            let selection = try directory.text("out/selection.csv")
            #expect(selection.hasPrefix("applicant_id,accepted,place,remote,experienced,serves,reason\n"))
            #expect(selection.split(separator: "\n").filter { $0.contains(",yes,") && $0.split(separator: ",")[1] == "yes" }.count == 14)
            #expect(selection.contains("A07,no,") && selection.contains("age 19 is below the minimum of 20"), "\(selection)")
            #expect(selection.contains("A13,no,") && selection.contains("no secondary education"), "\(selection)")
        }
    }

    @Test("recruit without a target or a number of recruits is a usage error")
    func usageError() async throws {
        try await withTemporaryDirectory("recruit-usage") { directory in
            let run = try await CLI.run(
                ["recruit"] + Scenario.ogre.inputArguments + ["--profiles", Scenario.ogre.path("profiles.csv"), "--out", "out"],
                in: directory.url
            )
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("give a target (--target SHARE or --remote-parishes) or --max-recruits K"), "\(run)")
        }
    }
}
