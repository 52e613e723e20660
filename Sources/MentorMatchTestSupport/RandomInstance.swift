import MentorMatchCore

/// A random matching instance, the same for the same seed on every run and machine.
///
/// People live in two to five places within about 50 km of Ogre, the first place a town and the others parishes,
/// at least one of them remote (DOMAIN.md: remote parishes are preferred). Weekly windows come from a small set in
/// which about half of the pairs of people share an hour, so availability, like every other rule, binds often.
public struct RandomInstance: Sendable {
    public var input: MatchingInput
    public var policy: Policy

    /// A tiny instance for brute force: 1–6 mentors, 0–8 young people, now and then a forbidden or locked pair, a
    /// policy variation, or side constraints that may be impossible to meet.
    public static func small(seed: UInt64) -> RandomInstance {
        var random = SplitMix64(seed: seed)
        let places = makePlaces(count: random.int(in: 2...5), random: &random)
        let mentors = (0..<random.int(in: 1...6)).map { makeMentor(id: "m\($0 + 1)", places: places, random: &random) }
        let mentees = (0..<random.int(in: 0...8)).map { makeMentee(id: "y\($0 + 1)", places: places, random: &random) }
        let policy = makePolicy(places: places, allowSideConstraints: true, random: &random)
        var input = MatchingInput(mentors: mentors, mentees: mentees, places: places)
        addPairRules(to: &input, policy: policy, maximumEach: 2, random: &random)
        return RandomInstance(input: input, policy: policy)
    }

    /// A tiny instance as ``small(seed:)`` with a month behind it: current pairs (most of them allowed pairs, some
    /// breaking a rule, naming someone who left, or ended), now and then previous suggestions, and a continuity mode
    /// (keep, minimal_change with or without max_changes, none).
    public static func nextMonth(seed: UInt64) -> RandomInstance {
        var instance = small(seed: seed)
        var random = SplitMix64(seed: seed ^ 0x6D6F_6E74_6832)
        var input = instance.input
        guard !input.mentees.isEmpty else { return instance }
        let checker = SolutionChecker(input: input, policy: instance.policy)
        var placesLeft = input.mentors.indices.map { checker.capacity(mentorIndex: $0) + (random.chance(0.2) ? 1 : 0) }
        for mentee in random.shuffled(Array(input.mentees.indices)) where random.chance(0.7) {
            let allowed = checker.allowedMentorIndices(menteeIndex: mentee).filter { placesLeft[$0] > 0 }
            let mentor = !allowed.isEmpty && random.chance(0.85) ? random.pick(allowed) : random.pick(Array(input.mentors.indices))
            guard placesLeft[mentor] > 0 else { continue }
            placesLeft[mentor] -= 1
            let since = LocalDate(year: 2024, month: random.int(in: 1...5), day: random.int(in: 1...28))
            let until = random.chance(0.2) ? LocalDate(year: random.pick([2024, 2026]), month: 6, day: 30) : nil
            input.currentPairs.append(
                CurrentPair(mentorID: input.mentors[mentor].id, menteeID: input.mentees[mentee].id, since: since, until: until)
            )
        }
        if random.chance(0.15) { input.currentPairs.append(CurrentPair(mentorID: "m-left", menteeID: random.pick(input.mentees).id)) }
        if random.chance(0.5) {
            for mentee in input.mentees where random.chance(0.5) {
                input.previousSuggestions.append(SuggestedPair(mentorID: random.pick(input.mentors).id, menteeID: mentee.id))
            }
        }
        // A pair naming someone who left must not also list their young person twice.
        var seen: Set<String> = []
        input.currentPairs = input.currentPairs.filter { seen.insert($0.menteeID).inserted }
        instance.policy.continuity = random.pick([
            ContinuityPolicy(mode: .keep), ContinuityPolicy(mode: .minimalChange),
            ContinuityPolicy(mode: .minimalChange, maxChanges: random.int(in: 0...2)), ContinuityPolicy(mode: .none),
        ])
        instance.input = input
        return instance
    }

    /// An instance of a programme's size (Liepāja: 13 youth workers for 68 young people), for checks that do not
    /// need brute force: 30 mentors, 80 young people, a few pair rules, no side constraints.
    public static func medium(seed: UInt64) -> RandomInstance {
        var random = SplitMix64(seed: seed)
        let places = makePlaces(count: 5, random: &random)
        let mentors = (0..<30).map { makeMentor(id: "m\($0 + 1)", places: places, random: &random) }
        let mentees = (0..<80).map { makeMentee(id: "y\($0 + 1)", places: places, random: &random) }
        let policy = makePolicy(places: places, allowSideConstraints: false, random: &random)
        var input = MatchingInput(mentors: mentors, mentees: mentees, places: places)
        addPairRules(to: &input, policy: policy, maximumEach: 4, random: &random)
        return RandomInstance(input: input, policy: policy)
    }

    /// The same instance with mentors, young people, places and pair rules listed in another order.
    public func shuffled(seed: UInt64) -> RandomInstance {
        var random = SplitMix64(seed: seed)
        var copy = self
        copy.input.mentors = random.shuffled(input.mentors)
        copy.input.mentees = random.shuffled(input.mentees)
        copy.input.places = random.shuffled(input.places)
        copy.input.pairRules = random.shuffled(input.pairRules)
        return copy
    }

    /// `count` copies of the instance, each 8° of longitude (about 490 km) east of the last, with ids and place names
    /// suffixed `-2`, `-3`, …: a national programme whose districts share no candidate pair. A shift along the
    /// parallel keeps every distance, so each district has the original's candidates.
    public func replicated(districts count: Int) -> RandomInstance {
        var copy = self
        for district in stride(from: 2, through: count, by: 1) {
            let shift = 8.0 * Double(district - 1)
            func moved(_ location: Location) -> Location {
                Location(
                    place: location.place + "-\(district)",
                    coordinate: location.coordinate.map { Coordinate(latitude: $0.latitude, longitude: $0.longitude + shift) }
                )
            }
            copy.input.places += input.places.map {
                Place(
                    name: $0.name + "-\(district)",
                    coordinate: Coordinate(latitude: $0.coordinate.latitude, longitude: $0.coordinate.longitude + shift),
                    isRemote: $0.isRemote
                )
            }
            copy.input.mentors += input.mentors.map { mentor in
                var person = mentor
                person.id += "-\(district)"
                person.location = moved(mentor.location)
                return person
            }
            copy.input.mentees += input.mentees.map { mentee in
                var person = mentee
                person.id += "-\(district)"
                person.location = moved(mentee.location)
                return person
            }
            copy.input.pairRules += input.pairRules.map { rule in
                var renamed = rule
                renamed.mentorID += "-\(district)"
                renamed.menteeID += "-\(district)"
                return renamed
            }
        }
        return copy
    }

    // MARK: - Parts

    private static let placeNames = ["Ogre", "Ķeipene", "Suntaži", "Taurupe", "Meņģele"]
    private static let windowChoices: [WeeklyWindow] = [
        WeeklyWindow(weekday: .monday, startMinute: 16 * 60, endMinute: 18 * 60),
        WeeklyWindow(weekday: .monday, startMinute: 17 * 60, endMinute: 19 * 60),
        WeeklyWindow(weekday: .monday, startMinute: 18 * 60, endMinute: 20 * 60),
        WeeklyWindow(weekday: .wednesday, startMinute: 15 * 60, endMinute: 17 * 60),
        WeeklyWindow(weekday: .wednesday, startMinute: 16 * 60 + 30, endMinute: 18 * 60),
        WeeklyWindow(weekday: .saturday, startMinute: 10 * 60, endMinute: 12 * 60),
        WeeklyWindow(weekday: .saturday, startMinute: 11 * 60, endMinute: 13 * 60 + 30),
        WeeklyWindow(weekday: .saturday, startMinute: 9 * 60, endMinute: 10 * 60 + 30),
    ]
    private static let topics = ["intellectual-disability", "addiction", "anxiety-depression"]
    private static let interests = ["sport", "music", "art", "games", "nature"]

    private static func makePlaces(count: Int, random: inout SplitMix64) -> [Place] {
        placeNames.prefix(count).enumerated().map { index, name in
            Place(
                name: name,
                coordinate: Coordinate(
                    latitude: random.double(in: 56.70...57.00), longitude: random.double(in: 24.50...25.10)
                ),
                isRemote: index == 1 || (index > 1 && random.chance(0.5))
            )
        }
    }

    private static func makeLocation(places: [Place], random: inout SplitMix64) -> Location {
        let place = random.pick(places)
        guard random.chance(0.25) else { return Location(place: place.name) }
        let point = Coordinate(
            latitude: place.coordinate.latitude + random.double(in: -0.03...0.03),
            longitude: place.coordinate.longitude + random.double(in: -0.05...0.05)
        )
        return Location(place: place.name, coordinate: point)
    }

    private static func makeAvailability(random: inout SplitMix64) -> WeeklyAvailability {
        var windows: [WeeklyWindow] = []
        for _ in 0..<random.int(in: 1...3) {
            let window = random.pick(windowChoices)
            if !windows.contains(window) { windows.append(window) }
        }
        return WeeklyAvailability(windows)
    }

    private static func subset(of tokens: [String], probability: Double, random: inout SplitMix64) -> [String] {
        tokens.filter { _ in random.chance(probability) }
    }

    private static func makeMentor(id: String, places: [Place], random: inout SplitMix64) -> Mentor {
        var languages = ["lv", "ru", "en"].filter { random.chance($0 == "lv" ? 0.8 : 0.4) }
        if languages.isEmpty { languages = ["en"] }
        return Mentor(
            id: id, age: random.int(in: 20...60), gender: random.pick(Gender.allCases),
            location: makeLocation(places: places, random: &random), capacity: random.int(in: 1...3),
            availability: makeAvailability(random: &random),
            specialisations: subset(of: topics, probability: 0.35, random: &random), languages: languages,
            maxTravelKm: Double(random.int(in: 5...60)),
            interests: subset(of: interests, probability: 0.3, random: &random)
        )
    }

    private static func makeMentee(id: String, places: [Place], random: inout SplitMix64) -> Mentee {
        let firstLanguage = random.chance(0.6) ? "lv" : random.chance(0.75) ? "ru" : "en"
        let languages = random.chance(0.35) ? [firstLanguage, random.pick(["lv", "ru", "en"])] : [firstLanguage]
        var preference: GenderPreference?
        if random.chance(0.3) {
            preference = GenderPreference(
                gender: random.pick(Gender.allCases), strength: random.chance(0.5) ? .hard : .soft
            )
        }
        var waitingSince: LocalDate?
        if random.chance(0.7) {
            waitingSince = LocalDate(year: random.int(in: 2023...2024), month: random.int(in: 1...12), day: random.int(in: 1...28))
        }
        return Mentee(
            id: id, age: random.int(in: 13...25), gender: random.pick(Gender.allCases),
            location: makeLocation(places: places, random: &random), availability: makeAvailability(random: &random),
            needs: random.chance(0.2) ? [random.pick(topics)] : [], languages: languages,
            interests: subset(of: interests, probability: 0.3, random: &random), mentorGenderPreference: preference,
            priority: random.int(in: 0...Mentee.maximumPriority), waitingSince: waitingSince
        )
    }

    private static func makePolicy(places: [Place], allowSideConstraints: Bool, random: inout SplitMix64) -> Policy {
        var policy = Policy()
        if random.chance(0.2) { policy.maximumTravelKm = Double(random.int(in: 15...40)) }
        if random.chance(0.15) { policy.meetingMinutes = 90 }
        if random.chance(0.2) { policy.minimumAgeGap = random.int(in: 3...6) }
        if random.chance(0.2) { policy.maximumCapacity = random.int(in: 1...2) }
        if random.chance(0.1) { policy.requireSharedLanguage = false }
        if random.chance(0.1) { policy.requireSpecialisations = false }
        if random.chance(0.1) { policy.enforceHardGenderPreferences = false }
        if random.chance(0.2) { policy.referenceDate = LocalDate(year: 2025, month: 1, day: 1) }
        if random.chance(0.2) { policy.alternativesPerMentee = random.int(in: 0...4) }
        if random.chance(0.2) {
            var weights = FitWeights()
            weights.travel = random.double(in: 0.1...1)
            weights.interests = random.double(in: 0...1)
            weights.genderPreference = random.double(in: 0...1)
            weights.priority = random.double(in: 0...1)
            weights.waiting = random.double(in: 0...1)
            policy.objective.fitWeights = weights
        }
        if allowSideConstraints && random.chance(0.25) {
            if random.chance(0.6) { policy.sideConstraints.minimumRemoteShare = random.pick([0.25, 0.5, 0.75, 1]) }
            if random.chance(0.5) {
                for _ in 0..<random.int(in: 1...2) {
                    policy.sideConstraints.minimumServedPerPlace[random.pick(places).name] = random.int(in: 1...2)
                }
            }
        }
        return policy
    }

    /// Forbids random pairs, then locks random allowed pairs, at most one per young person and within capacity.
    private static func addPairRules(
        to input: inout MatchingInput, policy: Policy, maximumEach: Int, random: inout SplitMix64
    ) {
        guard !input.mentees.isEmpty else { return }
        if random.chance(0.3) {
            for _ in 0..<random.int(in: 1...maximumEach) {
                input.pairRules.append(
                    PairRule(mentorID: random.pick(input.mentors).id, menteeID: random.pick(input.mentees).id, kind: .forbid)
                )
            }
        }
        guard random.chance(0.3) else { return }
        let checker = SolutionChecker(input: input, policy: policy)
        var placesLeft = input.mentors.indices.map { checker.capacity(mentorIndex: $0) }
        var lockable = input.mentees.indices.flatMap { mentee in
            checker.allowedMentorIndices(menteeIndex: mentee).map { (mentor: $0, mentee: mentee) }
        }
        for _ in 0..<random.int(in: 1...maximumEach) {
            lockable = lockable.filter { placesLeft[$0.mentor] > 0 }
            guard !lockable.isEmpty else { return }
            let pair = random.pick(lockable)
            placesLeft[pair.mentor] -= 1
            lockable.removeAll { $0.mentee == pair.mentee }
            input.pairRules.append(
                PairRule(mentorID: input.mentors[pair.mentor].id, menteeID: input.mentees[pair.mentee].id, kind: .lock)
            )
        }
    }
}
