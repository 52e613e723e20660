import LinearProgramming
import Testing

@Suite struct ModelValidatorTests {
    @Test func acceptsAValidProgramme() {
        var program = LinearProgram(sense: .maximize)
        let x = program.addVariable(name: "x", lowerBound: nil, upperBound: 4, isInteger: true, objective: 1)
        let y = program.addVariable(name: "_y.2")
        program.addConstraint(name: "row", terms: [Term(x, 1), Term(y, -2)], lowerBound: -1, upperBound: 1)
        program.addConstraint(name: "empty", terms: [])
        #expect(ModelValidator.issues(in: program) == [])
        #expect(throws: Never.self) { try ModelValidator.validate(program) }
    }

    @Test func listsEveryProblemInOrder() {
        var program = LinearProgram(sense: .minimize)
        program.objectiveConstant = .infinity
        let x = program.addVariable(name: "x", lowerBound: 3, upperBound: 1, objective: .nan)
        program.addVariable(name: "x", upperBound: .infinity)
        program.addVariable(name: "2fast")
        program.addConstraint(name: "bad row", terms: [Term(x, .nan), Term(x, 1), Term(VariableID(9), 1)])
        let locations = ModelValidator.issues(in: program).map(\.location)
        #expect(
            locations == [
                "objective",
                "variable 0 'x'", "variable 0 'x'",
                "variable 1 'x'", "variable 1 'x'",
                "variable 2 '2fast'",
                "constraint 0 'bad row'", "constraint 0 'bad row'", "constraint 0 'bad row'", "constraint 0 'bad row'",
            ])
    }

    @Test(arguments: [
        ("", "is not 1–255"), (String(repeating: "a", count: 256), "is not 1–255"), ("a-b", "is not 1–255"),
        ("é", "is not 1–255"), ("9lives", "is not 1–255"),
    ])
    func rejectsNamesTheLPFormatCannotCarry(name: String, problem: String) {
        var program = LinearProgram(sense: .minimize)
        program.addVariable(name: name)
        #expect(ModelValidator.issues(in: program).map(\.problem).allSatisfy { $0.contains(problem) })
        #expect(ModelValidator.issues(in: program).count == 1)
    }

    @Test func rejectsADuplicateTermNamingTheVariable() {
        var program = LinearProgram(sense: .minimize)
        let x = program.addVariable(name: "x")
        program.addConstraint(name: "c", terms: [Term(x, 1), Term(x, 2)], upperBound: 1)
        #expect(ModelValidator.issues(in: program).map(\.problem) == ["variable 'x' appears twice; merge its terms"])
    }

    @Test func validateThrowsInvalidModelWithAllIssues() {
        var program = LinearProgram(sense: .minimize)
        program.addVariable(name: "x", lowerBound: 2, upperBound: 1)
        program.addConstraint(name: "c", terms: [Term(VariableID(-1), 1)])
        #expect(throws: SolverError.invalidModel(ModelValidator.issues(in: program))) {
            try ModelValidator.validate(program)
        }
        #expect(ModelValidator.issues(in: program).count == 2)
    }
}
