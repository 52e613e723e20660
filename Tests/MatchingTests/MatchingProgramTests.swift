import LinearProgramming
import Matching
import MentorMatchCore
import Testing

@Suite("MatchingProgram")
struct MatchingProgramTests {
    @Test("the programme is a valid model with unique names, even for ids that escape alike")
    func awkwardIDs() {
        // `_`, `-` and `.` all escape through `_`; the escape must keep these apart, and mentor and mentee ids may
        // coincide.
        let ids = ["A_1", "A-1", "A.1", "A__1", "A_2d_1", "Jānis.1"]
        let input = MatchingInput(
            mentors: ids.map { People.mentor($0, capacity: 3) }, mentees: ids.map { People.mentee($0) },
            places: People.places
        )
        var policy = Policy()
        policy.sideConstraints = SideConstraints(minimumRemoteShare: 0.5, minimumServedPerPlace: ["Ogre": 1, "Suntaži": 0])
        let graph = CandidateGraph(rules: CompatibilityRules(input: input, policy: policy))
        #expect(graph.candidates.count == ids.count * ids.count)

        let model = MatchingProgram(graph: graph)
        #expect(ModelValidator.issues(in: model.program).isEmpty)
        let names = model.program.variables.map(\.name) + model.program.constraints.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(model.pairVariables.count == ids.count * ids.count)
        #expect(model.program.constraints.map(\.name).filter { $0.hasPrefix("side_") }.count == 3)
    }

    @Test("ids too long for readable LP names fall back to position names; the model stays valid and names unique")
    func longIDs() {
        let longMentor = "mentors-" + String(repeating: "ā", count: 60)
        let longMentee = "young-" + String(repeating: "ū", count: 60)
        let input = MatchingInput(
            mentors: [People.mentor(longMentor), People.mentor("M2")],
            mentees: [People.mentee(longMentee), People.mentee("Y2")],
            places: People.places
        )
        let graph = CandidateGraph(rules: CompatibilityRules(input: input, policy: Policy()))
        let model = MatchingProgram(graph: graph)
        #expect(ModelValidator.issues(in: model.program).isEmpty)
        let names = model.program.variables.map(\.name) + model.program.constraints.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.contains("x_i.0.0"))
        #expect(names.contains("x.M2.Y2"))
    }
}
