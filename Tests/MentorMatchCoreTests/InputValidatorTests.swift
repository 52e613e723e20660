import MentorMatchCore
import Testing

/// A small valid input: two places, two mentors, two young people (pseudonymous ids only).
private func validInput() throws -> MatchingInput {
    let weekday = try WeeklyAvailability(parsing: "Mon 16:00-18:00")
    return MatchingInput(
        mentors: [
            Mentor(id: "M01", age: 34, gender: .female, location: Location(place: "Ogre"), capacity: 2,
                   availability: weekday, specialisations: ["addiction"], languages: ["lv"], maxTravelKm: 20),
            Mentor(id: "M02", age: 41, gender: .male, location: Location(place: "Suntaži"), capacity: 1,
                   availability: weekday, specialisations: [], languages: ["lv", "ru"], maxTravelKm: 12.5),
        ],
        mentees: [
            Mentee(id: "Y001", age: 15, gender: .male, location: Location(place: "Suntaži"), availability: weekday,
                   needs: [], languages: ["lv"]),
            Mentee(id: "Y002", age: 17, gender: .female, location: Location(place: "Ogre"), availability: weekday,
                   needs: ["addiction"], languages: ["ru"]),
        ],
        places: [
            Place(name: "Ogre", coordinate: Coordinate(latitude: 56.8162, longitude: 24.6048), isRemote: false),
            Place(name: "Suntaži", coordinate: Coordinate(latitude: 56.9076, longitude: 24.9380), isRemote: true),
        ],
        pairRules: [PairRule(mentorID: "M01", menteeID: "Y002", kind: .lock)]
    )
}

struct InputValidatorTests {
    @Test func validInputHasNoIssues() throws {
        #expect(InputValidator.issues(in: try validInput(), policy: Policy()).isEmpty)
    }

    @Test func namesRecordsWhenThereAreNoLines() throws {
        var input = try validInput()
        input.mentors[1].capacity = 7
        let issues = InputValidator.issues(in: input, policy: Policy())
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.source == "mentors record 2")
        #expect(issue.line == nil)
        #expect(issue.field == "capacity")
        #expect(issue.problem == "capacity 7 is above the maximum of 3")
        #expect(issue.fix.contains("1, 2 or 3"))
    }

    @Test func namesLinesWhenTheSourceHasThem() throws {
        var input = try validInput()
        input.mentees[0].age = 12
        let sources = SourceMap(mentees: RecordSource(name: "mentees.csv", lines: [2, 5]))
        let issue = try #require(InputValidator.issues(in: input, policy: Policy(), sources: sources).first)
        #expect(issue.description.hasPrefix("mentees.csv, line 2, column age: age 12 is below the minimum of 13"))
    }

    @Test func collectsEveryPersonProblem() throws {
        var input = try validInput()
        input.mentors[0].age = 19
        input.mentors[1].age = 150
        input.mentors[1].capacity = 0
        input.mentors[1].maxTravelKm = -1
        input.mentees[0].availability = WeeklyAvailability([])
        input.mentees[0].languages = []
        input.mentees[1].priority = 6
        input.mentees[1].location = Location(place: "Suntazi", coordinate: Coordinate(latitude: 95, longitude: 24))
        let issues = InputValidator.issues(in: input, policy: Policy())
        let summary = issues.map { "\($0.source)|\($0.field ?? "")|\($0.problem)" }
        #expect(summary == [
            "mentors record 1|age|age 19 is below the minimum mentor age of 20",
            "mentors record 2|age|age 150 is not a plausible age",
            "mentors record 2|capacity|capacity 0 is below 1",
            "mentors record 2|max_travel_km|max_travel_km -1 is not a distance of 0 km or more",
            "mentees record 1|availability|availability is empty, so no meeting could ever be scheduled",
            "mentees record 1|languages|languages is empty, so no pair could share a language",
            "mentees record 2|priority|priority 6 is outside 0–5",
            "mentees record 2|place|unknown place 'Suntazi' (did you mean Suntaži?)",
            "mentees record 2|lat|latitude 95 is outside -90 to 90",
        ])
    }

    @Test func duplicateIDsNameBothRecords() throws {
        var input = try validInput()
        input.mentees[1].id = "Y001"
        let issues = InputValidator.issues(in: input, policy: Policy())
        #expect(issues.map(\.problem).contains("id Y001 is used twice, on record 1 and record 2"))
    }

    @Test func placesMustBeUniqueEvenWithoutDiacritics() throws {
        var input = try validInput()
        input.places.append(Place(name: "Ogre", coordinate: Coordinate(latitude: 56.8, longitude: 24.6), isRemote: false))
        input.places.append(Place(name: "suntazi", coordinate: Coordinate(latitude: 56.9, longitude: 24.9), isRemote: true))
        let problems = InputValidator.issues(in: input, policy: Policy()).map(\.problem)
        #expect(problems == [
            "place Ogre is listed twice, on record 1 and record 3",
            "place suntazi differs from Suntaži on record 2 only in case or diacritics",
        ])
    }

    @Test func pairRulesMustBeConsistent() throws {
        var input = try validInput()
        input.mentors[1].capacity = 1
        input.pairRules = [
            PairRule(mentorID: "M01", menteeID: "Y002", kind: .lock),
            PairRule(mentorID: "M01", menteeID: "Y002", kind: .forbid),
            PairRule(mentorID: "M02", menteeID: "Y002", kind: .lock),
            PairRule(mentorID: "M02", menteeID: "Y001", kind: .lock),
            PairRule(mentorID: "M99", menteeID: "Y01", kind: .forbid),
        ]
        let problems = InputValidator.issues(in: input, policy: Policy()).map(\.problem)
        #expect(problems == [
            "pair M01–Y002 is both locked and forbidden (record 1 and record 2)",
            "Y002 is locked to two mentors, M01 (record 1) and M02 (record 3)",
            "M02 has more locked young people than its capacity of 1",
            "unknown mentor_id 'M99'",
            "unknown mentee_id 'Y01' (did you mean Y001?)",
        ])
    }

    @Test func unreadRecordsAreNotReportedAgain() throws {
        var input = try validInput()
        input.pairRules.append(PairRule(mentorID: "M03", menteeID: "Y001", kind: .forbid))
        input.mentees[0].location.place = "Taurupe"
        let sources = SourceMap(
            mentors: RecordSource(name: "mentors", unreadKeys: ["M03"]),
            places: RecordSource(name: "places", isUnread: true)
        )
        #expect(InputValidator.issues(in: input, policy: Policy(), sources: sources).isEmpty)
    }

    @Test("a policy max_capacity below a mentor's capacity caps it (a what-if); only the programmes' 3 is a limit")
    func policyCapsCapacity() throws {
        var input = try validInput()
        input.mentors[0].capacity = 3
        var policy = Policy()
        policy.maximumCapacity = 2
        #expect(InputValidator.issues(in: input, policy: policy).isEmpty)
        #expect(policy.capacity(of: input.mentors[0]) == 2)
        input.mentors[0].capacity = 4
        #expect(InputValidator.issues(in: input, policy: policy).map(\.field) == ["capacity"])
    }

    @Test func policyRanges() {
        var policy = Policy()
        policy.maximumCapacity = 5
        policy.minimumMenteeAge = 30
        policy.meetingMinutes = 5
        policy.objective.fitWeights = FitWeights()
        policy.objective.fitWeights.travel = 0
        policy.objective.fitWeights.interests = 0
        policy.objective.fitWeights.genderPreference = 0
        policy.objective.fitWeights.priority = 0
        policy.objective.fitWeights.waiting = 0
        policy.objective.tierWeights.served = -1
        policy.sideConstraints = SideConstraints(minimumRemoteShare: 1.5, minimumServedPerPlace: ["Ogre": -2])
        policy.timeLimitSeconds = 0
        policy.alternativesPerMentee = 21
        let fields = InputValidator.issues(in: policy, source: "policy.yaml").map(\.field)
        #expect(fields == [
            "max_mentee_age", "max_capacity", "meeting_minutes", "alternatives_per_mentee", "time_limit_seconds",
            "objective.tier_weights.served", "objective.fit_weights", "side_constraints.min_remote_share",
            "side_constraints.min_served_per_place.Ogre",
        ])
        #expect(InputValidator.issues(in: Policy(), source: "policy.yaml").isEmpty)
    }

    @Test func policyPlacesMustBeKnown() throws {
        var policy = Policy()
        policy.sideConstraints.minimumServedPerPlace = ["Suntazi": 1, "Ogre": 1]
        let issues = InputValidator.issues(in: try validInput(), policy: policy)
        #expect(issues.map(\.description) == [
            "policy, column side_constraints.min_served_per_place.Suntazi: unknown place 'Suntazi' "
                + "(did you mean Suntaži?). Fix: use a place listed in places",
        ])
    }
}
