import LinearProgramming
import Testing

@Suite struct CPLEXLPWriterTests {
    @Test func writesEverySection() throws {
        var program = LinearProgram(name: "demo model", sense: .maximize)
        let x = program.addVariable(name: "x", objective: 3)
        let y = program.addVariable(name: "y", lowerBound: nil, objective: -1)
        let n = program.addVariable(name: "n", lowerBound: -2, upperBound: 5, isInteger: true, objective: 0.5)
        let fixed = program.addVariable(name: "fixed", lowerBound: 1.25, upperBound: 1.25)
        program.addVariable(name: "capped", lowerBound: nil, upperBound: -2)
        program.objectiveConstant = -4
        program.addConstraint(name: "limit", terms: [Term(x, 1), Term(y, 2)], upperBound: 4)
        program.addConstraint(name: "floor", terms: [Term(n, -1)], lowerBound: -3)
        program.addConstraint(name: "balance", terms: [Term(x, 1), Term(fixed, -1)], lowerBound: 0, upperBound: 0)
        program.addConstraint(name: "band", terms: [Term(y, 1e-5)], lowerBound: -1, upperBound: 2)
        program.addConstraint(name: "watch", terms: [Term(x, 1)])
        program.addConstraint(name: "nothing", terms: [], upperBound: 1)

        #expect(
            try CPLEXLPWriter.text(for: program) == """
                \\* Problem: demo model *\\

                Maximize
                 obj: 3 x - y + 0.5 n + 0 fixed + 0 capped - 4 ~objective_constant

                Subject To
                 limit: x + 2 y <= 4
                 floor: - n >= -3
                 balance: x - fixed = 0
                 band: 1e-05 y - ~activity_3 = 0
                 watch: x - ~activity_4 = 0
                 nothing: 0 x <= 1

                Bounds
                 y free
                 -2 <= n <= 5
                 fixed = 1.25
                 -inf <= capped <= -2
                 -1 <= ~activity_3 <= 2
                 ~activity_4 free
                 ~objective_constant = 1

                Generals
                 n

                End

                """)
    }

    @Test func programmeWithoutVariablesOrRowsStillHasAColumnAndARow() throws {
        let text = try CPLEXLPWriter.text(for: LinearProgram(name: "empty", sense: .minimize))
        #expect(text.contains(" obj: 0 ~objective_constant\n"))
        #expect(text.contains(" ~no_constraints: 0 ~objective_constant >= 0\n"))
    }

    @Test func wrapsLongExpressionsBetweenTokens() throws {
        var program = LinearProgram(sense: .minimize)
        let variables = (0..<200).map { program.addVariable(name: "variable_with_a_long_name_\($0)", objective: 1.5) }
        program.addConstraint(name: "all", terms: variables.map { Term($0, -2) }, lowerBound: 1)
        program.addVariable(name: String(repeating: "z", count: 255))
        let lines = try CPLEXLPWriter.text(for: program).split(separator: "\n")
        #expect(lines.count > 100)
        #expect(lines.allSatisfy { $0.utf8.count <= 80 || !$0.dropFirst().contains(" ") })
        #expect(lines.allSatisfy { $0.utf8.count <= 256 })
        #expect(lines.contains { $0.hasPrefix(" + 1.5 variable_with_a_long_name_") })
        #expect(lines.contains { $0.hasPrefix(" - 2 variable_with_a_long_name_") })
    }

    @Test(arguments: [
        (3.0, "3"), (-0.0, "0"), (-17, "-17"), (0.1, "0.1"), (1e-5, "1e-05"), (2.5e20, "2.5e+20"),
        (9_007_199_254_740_992, "9007199254740992"), (0x1p63, "9.223372036854776e+18"),
        (1.0 / 3.0, "0.3333333333333333"),
    ])
    func numbersAreShortAndExact(value: Double, text: String) {
        #expect(CPLEXLPWriter.number(value) == text)
    }

    @Test func everyNumberReadsBackToTheSameDouble() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            #expect(Double(CPLEXLPWriter.number(value)) == value)
        }
    }

    @Test func refusesAnInvalidModel() {
        var program = LinearProgram(sense: .minimize)
        program.addVariable(name: "bad name")
        #expect(throws: SolverError.self) { try CPLEXLPWriter.text(for: program) }
    }
}
