import Matching
import MentorMatchCore
import MentorMatchTestSupport
import Testing

/// The checker is the specification the engine is held to, so it is tested by hand first.
@Suite("SolutionChecker")
struct SolutionCheckerTests {
    @Test("haversine gives a degree of a meridian and a quarter of the equator exactly")
    func haversine() {
        let radius = 6371.0088
        let degree = SolutionChecker.haversineKm(
            from: Coordinate(latitude: 56, longitude: 24), to: Coordinate(latitude: 57, longitude: 24)
        )
        #expect(abs(degree - radius * .pi / 180) < 1e-9)
        let quarter = SolutionChecker.haversineKm(
            from: Coordinate(latitude: 0, longitude: 0), to: Coordinate(latitude: 0, longitude: 90)
        )
        #expect(abs(quarter - radius * .pi / 2) < 1e-9)
    }

    @Test("windows share a stretch only on the same weekday")
    func sharedMinutes() {
        let monday = People.mondayEvening
        let overlapping = WeeklyAvailability([WeeklyWindow(weekday: .monday, startMinute: 17 * 60, endMinute: 20 * 60)])
        let tuesday = WeeklyAvailability([WeeklyWindow(weekday: .tuesday, startMinute: 16 * 60, endMinute: 18 * 60)])
        #expect(SolutionChecker.longestSharedMinutes(monday, overlapping) == 60)
        #expect(SolutionChecker.longestSharedMinutes(monday, tuesday) == 0)
    }

    /// The rules one mentor–mentee pair breaks under a policy.
    private func brokenRules(
        _ mentor: Mentor, _ mentee: Mentee, policy: Policy = Policy(), rules: [PairRule] = []
    ) -> [CheckedRule] {
        let input = MatchingInput(mentors: [mentor], mentees: [mentee], places: People.places, pairRules: rules)
        return SolutionChecker(input: input, policy: policy).breaches(mentorIndex: 0, menteeIndex: 0).map(\.rule)
    }

    @Test("every hard rule is checked, and only when the policy asks for it")
    func pairRules() {
        let mentor = People.mentor("m1")
        let mentee = People.mentee("y1")
        #expect(brokenRules(mentor, mentee).isEmpty)

        #expect(brokenRules(People.mentor("m1", age: 19), mentee) == [.mentorAge])
        #expect(brokenRules(mentor, People.mentee("y1", age: 12)) == [.menteeAge])
        #expect(brokenRules(mentor, People.mentee("y1", age: 26)) == [.menteeAge])

        let farMentee = People.mentee("y1", location: Location(place: "Suntaži"))
        #expect(brokenRules(People.mentor("m1", maxTravelKm: 10), farMentee) == [.travel])
        var shortTrips = Policy()
        shortTrips.maximumTravelKm = 15
        #expect(brokenRules(mentor, farMentee, policy: shortTrips) == [.travel])
        #expect(brokenRules(mentor, farMentee).isEmpty)
        #expect(brokenRules(mentor, People.mentee("y1", location: Location(place: "Rīga"))) == [.location])

        let russianSpeaker = People.mentee("y1", languages: ["ru"])
        #expect(brokenRules(mentor, russianSpeaker) == [.language])
        var anyLanguage = Policy()
        anyLanguage.requireSharedLanguage = false
        #expect(brokenRules(mentor, russianSpeaker, policy: anyLanguage).isEmpty)

        let needsAddictionHelp = People.mentee("y1", needs: ["addiction"])
        #expect(brokenRules(mentor, needsAddictionHelp) == [.specialisation])
        #expect(brokenRules(People.mentor("m1", specialisations: ["addiction", "anxiety"]), needsAddictionHelp).isEmpty)
        var anyTraining = Policy()
        anyTraining.requireSpecialisations = false
        #expect(brokenRules(mentor, needsAddictionHelp, policy: anyTraining).isEmpty)

        #expect(brokenRules(People.mentor("m1", age: 20), People.mentee("y1", age: 20)) == [.ageGap])
        #expect(brokenRules(People.mentor("m1", age: 21), People.mentee("y1", age: 20)).isEmpty)
        var widerGap = Policy()
        widerGap.minimumAgeGap = 5
        #expect(brokenRules(People.mentor("m1", age: 20), People.mentee("y1", age: 16), policy: widerGap) == [.ageGap])

        let wantsMale = People.mentee("y1", genderPreference: GenderPreference(gender: .male, strength: .hard))
        #expect(brokenRules(mentor, wantsMale) == [.genderPreference])
        #expect(brokenRules(People.mentor("m1", gender: .male), wantsMale).isEmpty)
        #expect(brokenRules(mentor, People.mentee("y1", genderPreference: GenderPreference(gender: .male, strength: .soft))).isEmpty)
        var softWishes = Policy()
        softWishes.enforceHardGenderPreferences = false
        #expect(brokenRules(mentor, wantsMale, policy: softWishes).isEmpty)

        let halfHour = WeeklyAvailability([WeeklyWindow(weekday: .monday, startMinute: 17 * 60 + 30, endMinute: 19 * 60)])
        #expect(brokenRules(mentor, People.mentee("y1", availability: halfHour)) == [.availability])
        var shortMeetings = Policy()
        shortMeetings.meetingMinutes = 30
        #expect(brokenRules(mentor, People.mentee("y1", availability: halfHour), policy: shortMeetings).isEmpty)

        #expect(brokenRules(mentor, mentee, rules: [PairRule(mentorID: "m1", menteeID: "y1", kind: .forbid)]) == [.forbidden])
    }

    private let twoMenteeInput = MatchingInput(
        mentors: [People.mentor("m1", capacity: 1), People.mentor("m2")],
        mentees: [People.mentee("y1"), People.mentee("y2", location: Location(place: "Suntaži"))],
        places: People.places
    )

    @Test("assignments are checked for ids, repeats, capacities and locks")
    func assignmentRules() {
        let checker = SolutionChecker(input: twoMenteeInput, policy: Policy())
        let valid = [Pairing(mentorID: "m1", menteeID: "y1"), Pairing(mentorID: "m2", menteeID: "y2")]
        #expect(checker.violations(of: valid).isEmpty)

        let overfull = [Pairing(mentorID: "m1", menteeID: "y1"), Pairing(mentorID: "m1", menteeID: "y2")]
        #expect(checker.violations(of: overfull) == ["mentor m1 has 2 mentees, capacity 1"])
        let twice = [valid[0], valid[0]]
        #expect(checker.violations(of: twice) == ["pair m1–y1 appears twice"])
        let twoMentors = [Pairing(mentorID: "m1", menteeID: "y1"), Pairing(mentorID: "m2", menteeID: "y1")]
        #expect(checker.violations(of: twoMentors) == ["mentee y1 has two mentors, m1 and m2"])
        let unknown = [Pairing(mentorID: "m9", menteeID: "y1")]
        #expect(checker.violations(of: unknown) == ["pair m9–y1: no mentor has id m9"])

        var locked = twoMenteeInput
        locked.pairRules = [PairRule(mentorID: "m2", menteeID: "y1", kind: .lock)]
        let lockChecker = SolutionChecker(input: locked, policy: Policy())
        #expect(lockChecker.violations(of: valid) == ["locked pair m2–y1 is missing"])
    }

    @Test("side constraints are checked on the served young people")
    func sideConstraints() {
        var policy = Policy()
        policy.sideConstraints = SideConstraints(minimumRemoteShare: 0.75, minimumServedPerPlace: ["Suntaži": 1, "Ogre": 2])
        let checker = SolutionChecker(input: twoMenteeInput, policy: policy)
        let both = [Pairing(mentorID: "m1", menteeID: "y1"), Pairing(mentorID: "m2", menteeID: "y2")]
        #expect(
            checker.violations(of: both) == [
                "side constraint min_remote_share 0.75: 1 of 2 served are remote",
                "side constraint min_served_per_place Ogre 2: 1 served there",
            ]
        )
        #expect(checker.violations(of: [both[1]]) == ["side constraint min_served_per_place Ogre 2: 0 served there"])
    }

    @Test("tiers count served, remote served, mentors used and fit points")
    func tiers() {
        let checker = SolutionChecker(input: twoMenteeInput, policy: Policy())
        let pairs = [Pairing(mentorID: "m2", menteeID: "y1"), Pairing(mentorID: "m2", menteeID: "y2")]
        let scorer = FitScorer(input: twoMenteeInput, policy: Policy())
        let mentor = twoMenteeInput.mentors[1]
        let expectedPoints = twoMenteeInput.mentees.reduce(0) { sum, mentee in
            let distance = mentee.location.place == "Ogre"
                ? 0 : SolutionChecker.haversineKm(from: People.ogre.coordinate, to: People.suntazi.coordinate)
            return sum + scorer.score(mentor: mentor, mentee: mentee, distanceKm: distance, travelLimitKm: 30).points
        }
        #expect(checker.tiers(of: pairs) == TierValues(served: 2, remoteServed: 1, mentorsUsed: 1, fitPoints: expectedPoints))
    }
}
