import GLPKBackend
import Matching
import MentorMatchCore
import MentorMatchTestSupport
import Testing

/// Hand-made cases for what the random properties cannot pin down: the words and lists a coordinator reads.
@Suite("MatchingEngine explanations, locks and forbids")
struct EngineExplanationTests {
    let engine = MatchingEngine(solver: GLPKSolver())

    @Test("a young person who speaks only ru, with no ru mentor, has no candidate because of language")
    func noCandidateLanguage() throws {
        let input = MatchingInput(
            mentors: [People.mentor("m1")], mentees: [People.mentee("y1", languages: ["ru"])], places: People.places
        )
        let result = try engine.match(input, policy: Policy())
        #expect(result.pairs.isEmpty)
        let unmatched = try #require(result.unmatched.first)
        #expect(unmatched.menteeID == "y1")
        #expect(unmatched.kind == .noCandidate)
        #expect(unmatched.blockingRule == .language)
        #expect(unmatched.reason.contains("ru"))
        #expect(unmatched.relaxations.map(\.rule).contains(.language))
        #expect(unmatched.nearMisses.map(\.mentorID) == ["m1"])
        #expect(SolutionChecker(input: input, policy: Policy()).violations(of: result).isEmpty)
    }

    @Test("a young person whose only candidate is full is told so, naming the mentor and whom they serve")
    func onlyCandidateFull() throws {
        let input = MatchingInput(
            mentors: [People.mentor("m1", capacity: 1)],
            mentees: [People.mentee("y1", priority: 5), People.mentee("y2", priority: 0)], places: People.places
        )
        let result = try engine.match(input, policy: Policy())
        #expect(result.pairs.map(\.menteeID) == ["y1"], "the higher priority fits better")
        let unmatched = try #require(result.unmatched.first)
        #expect(unmatched.menteeID == "y2")
        #expect(unmatched.kind == .candidatesFull)
        #expect(unmatched.fullCandidates.map(\.mentorID) == ["m1"])
        #expect(unmatched.fullCandidates.first?.serves == ["y1"])
        #expect(unmatched.reason.contains("m1"))
        #expect(SolutionChecker(input: input, policy: Policy()).violations(of: result).isEmpty)
    }

    @Test("a young person left out by min_remote_share while a candidate has room is held back, not full")
    func heldBackBySideConstraint() throws {
        let input = MatchingInput(
            mentors: [People.mentor("m1")],
            mentees: [People.mentee("y1", location: Location(place: "Suntaži")), People.mentee("y2")],
            places: People.places
        )
        var policy = Policy()
        policy.sideConstraints.minimumRemoteShare = 1
        let result = try engine.match(input, policy: policy)
        #expect(result.pairs.map(\.menteeID) == ["y1"])
        let unmatched = try #require(result.unmatched.first)
        #expect(unmatched.menteeID == "y2")
        #expect(unmatched.kind == .heldBack)
        #expect(unmatched.reason.contains("m1") && unmatched.reason.contains("min_remote_share"))
        #expect(SolutionChecker(input: input, policy: policy).violations(of: result).isEmpty)
    }

    /// y1 can have any of three mentors at 0, 5 and 10 km; y2 speaks only ru, which only the 5 km mentor does.
    private let alternativesInput = MatchingInput(
        mentors: [
            People.mentor("m-near"),
            People.mentor("m-mid", location: People.northOfOgre(5), capacity: 1, languages: ["lv", "ru"]),
            People.mentor("m-far", location: People.northOfOgre(10)),
        ],
        mentees: [People.mentee("y1"), People.mentee("y2", languages: ["ru"])], places: People.places
    )

    @Test("alternatives are listed best first, without the assigned mentor, with whether each has room")
    func alternatives() throws {
        let result = try engine.match(alternativesInput, policy: Policy())
        let ofY1 = try #require(result.alternatives.first { $0.menteeID == "y1" })
        #expect(ofY1.assignedMentorID == "m-near")
        #expect(ofY1.alternatives.map(\.mentorID) == ["m-mid", "m-far"])
        #expect(ofY1.alternatives.map(\.hasRoom) == [false, true], "m-mid's one place goes to y2")
        #expect(ofY1.alternatives[0].score > ofY1.alternatives[1].score)
        #expect(abs(ofY1.alternatives[0].distanceKm - 5) < 1e-6)
        let ofY2 = try #require(result.alternatives.first { $0.menteeID == "y2" })
        #expect(ofY2.assignedMentorID == "m-mid")
        #expect(ofY2.alternatives.isEmpty)
        #expect(SolutionChecker(input: alternativesInput, policy: Policy()).violations(of: result).isEmpty)
    }

    @Test("the checker notices a tampered result")
    func checkerCatchesTampering() throws {
        let checker = SolutionChecker(input: alternativesInput, policy: Policy())
        let result = try engine.match(alternativesInput, policy: Policy())
        #expect(checker.violations(of: result).isEmpty)
        let tamperings: [(String, (inout MatchingResult) -> Void)] = [
            ("distance", { $0.pairs[0].distanceKm += 0.01 }),
            ("dropped pair", { $0.pairs.removeLast() }),
            ("fit points", { $0.pairs[0].score.points += 1 }),
            ("has room", { $0.alternatives[0].alternatives[0].hasRoom.toggle() }),
            ("alternative order", { $0.alternatives[0].alternatives.reverse() }),
            ("load", { $0.mentorLoads[0].assigned += 1 }),
            ("summary tiers", { $0.summary.tiers.mentorsUsed -= 1 }),
            ("locked flag", { $0.pairs[0].locked = true }),
        ]
        for (name, tamper) in tamperings {
            var tampered = result
            tamper(&tampered)
            #expect(!checker.violations(of: tampered).isEmpty, "\(name)")
        }
    }

    @Test("a locked pair that breaks a rule is refused, naming the pair and the rule")
    func impossibleLock() {
        let input = MatchingInput(
            mentors: [People.mentor("m1")], mentees: [People.mentee("y1", languages: ["ru"])], places: People.places,
            pairRules: [PairRule(mentorID: "m1", menteeID: "y1", kind: .lock)]
        )
        do {
            let result = try engine.match(input, policy: Policy())
            Issue.record("expected impossibleLocks, got pairs \(result.pairs.map(\.menteeID))")
        } catch {
            guard case .impossibleLocks(let conflicts) = error else {
                Issue.record("expected impossibleLocks, got \(error)")
                return
            }
            #expect(conflicts.map { "\($0.mentorID)–\($0.menteeID)" } == ["m1–y1"])
            #expect(conflicts.first?.problem.contains("language") == true)
        }
    }

    @Test("locks over a mentor's capacity and a lock that breaks a rule are refused together, in the order of the locks")
    func everyLockProblemAtOnce() throws {
        let input = MatchingInput(
            mentors: [People.mentor("m1", capacity: 1)],
            mentees: [People.mentee("y1"), People.mentee("y2", languages: ["ru"])], places: People.places,
            pairRules: [PairRule(mentorID: "m1", menteeID: "y1", kind: .lock), PairRule(mentorID: "m1", menteeID: "y2", kind: .lock)]
        )
        let inputError = try #require(refusal(of: input))
        #expect(inputError.issues.map(\.problem) == [
            "m1 has more locked young people than its capacity of 1",
            "m1–y2 breaks language (speaks lv, not ru)",
        ])
    }

    /// The input error the engine refuses `input` with; `nil`, with an issue recorded, when it matches or fails
    /// otherwise.
    private func refusal(of input: MatchingInput) -> InputError? {
        do {
            let result = try engine.match(input, policy: Policy())
            Issue.record("expected invalidInput, got pairs \(result.pairs.map(\.menteeID))")
        } catch {
            guard case .invalidInput(let inputError) = error else {
                Issue.record("expected invalidInput, got \(error)")
                return nil
            }
            return inputError
        }
        return nil
    }

    @Test("the engine checks its input itself: a 19-year-old mentor and a 12-year-old are refused, never paired")
    func invalidInputRefused() throws {
        let input = MatchingInput(
            mentors: [People.mentor("m1", age: 19)], mentees: [People.mentee("y1", age: 12)], places: People.places
        )
        let inputError = try #require(refusal(of: input))
        let text = inputError.description
        #expect(inputError.issues.count == 2, "\(text)")
        #expect(text.contains("mentors record 1") && text.contains("mentees record 1"), "\(text)")
    }

    /// Two mentors with one place each, each living where one young person does: the best assignment pairs them
    /// by place.
    private func twoByTwo(_ rules: [PairRule]) -> MatchingInput {
        MatchingInput(
            mentors: [People.mentor("m1", capacity: 1), People.mentor("m2", location: People.northOfOgre(8), capacity: 1)],
            mentees: [People.mentee("y1"), People.mentee("y2", location: People.northOfOgre(8))],
            places: People.places, pairRules: rules
        )
    }

    private func pairs(_ result: MatchingResult) -> [String] {
        result.pairs.map { "\($0.mentorID)–\($0.menteeID)" }
    }

    @Test("a lock always appears, even against the objective")
    func lockAppears() throws {
        #expect(try pairs(engine.match(twoByTwo([]), policy: Policy())) == ["m1–y1", "m2–y2"])
        let input = twoByTwo([PairRule(mentorID: "m2", menteeID: "y1", kind: .lock)])
        let result = try engine.match(input, policy: Policy())
        #expect(pairs(result) == ["m1–y2", "m2–y1"])
        #expect(result.pairs.first { $0.mentorID == "m2" }?.locked == true)
        #expect(SolutionChecker(input: input, policy: Policy()).violations(of: result).isEmpty)
    }

    @Test("a forbidden pair never appears")
    func forbidHolds() throws {
        let input = twoByTwo([PairRule(mentorID: "m1", menteeID: "y1", kind: .forbid)])
        let result = try engine.match(input, policy: Policy())
        #expect(pairs(result) == ["m1–y2", "m2–y1"])
        #expect(SolutionChecker(input: input, policy: Policy()).violations(of: result).isEmpty)
    }
}
