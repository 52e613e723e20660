/// Checks a whole ``MatchingInput`` and its ``Policy`` for problems that a reader of one record cannot see.
///
/// This is the one place for semantic rules (ages, capacities, known places, duplicate ids, consistent locks,
/// policy ranges), so they hold the same for CSV files, a JSON document and library callers.
/// Readers check only syntax (is the age a number?) and then call the validator with a ``SourceMap`` that
/// gives file names and lines, so every issue names a file and line.
public enum InputValidator {
    /// Ages outside this range are typing errors rather than people.
    public static let plausibleAges = 0...100

    /// Every problem of the input and the policy, in the order mentors, mentees, places, pair rules, policy.
    ///
    /// - Parameters:
    ///   - input: The records, as read.
    ///   - policy: The rules the records are checked against (ages, capacities) and whose own ranges are checked.
    ///   - sources: Where the records came from; the default names sources `mentors`, `mentees`, … and records
    ///     `record N`.
    /// - Returns: The issues; empty when the input can be matched.
    public static func issues(in input: MatchingInput, policy: Policy, sources: SourceMap = SourceMap()) -> [InputIssue] {
        var validation = InputValidation(input: input, policy: policy, sources: sources)
        // The mentors and the young people on two cores: at national size each is a noticeable part of the reading.
        let checking = validation
        let (mentorIssues, menteeIssues) = ConcurrentChunks.both({
            var mentors = checking
            mentors.checkMentors()
            return mentors.issues
        }, {
            var mentees = checking
            mentees.checkMentees()
            return mentees.issues
        })
        validation.issues = mentorIssues + menteeIssues
        validation.checkPlaces()
        validation.checkPairRules()
        validation.checkContinuity()
        validation.issues += issues(in: policy, source: sources.policy)
        validation.checkPolicyPlaces()
        return validation.issues
    }
}

/// The state of one validation run: the input, lookups built once, and the issues found so far.
struct InputValidation: Sendable {
    let input: MatchingInput
    let policy: Policy
    let sources: SourceMap
    let placeNames: Set<String>
    private var placeSuggestions: Suggestions
    var issues: [InputIssue] = []

    init(input: MatchingInput, policy: Policy, sources: SourceMap) {
        self.input = input
        self.policy = policy
        self.sources = sources
        placeNames = Set(input.places.map(\.name))
        placeSuggestions = Suggestions(known: placeNames)
    }

    // MARK: - People

    mutating func checkMentors() {
        let source = sources.mentors
        checkIDs(input.mentors.map(\.id), source: source, example: "M01")
        let allowedCapacities = 1...Policy.capacityLimit
        for (index, mentor) in input.mentors.enumerated() {
            if !InputValidator.plausibleAges.contains(mentor.age) {
                reportImplausibleAge(mentor.age, record: index, source: source)
            } else if mentor.age < policy.minimumMentorAge {
                issues.append(source.issue(
                    record: index, field: "age",
                    problem: Phrase("age \(mentor.age) is below the minimum mentor age of \(policy.minimumMentorAge)",
                                    lv: "vecums \(mentor.age) ir mazāks par mentora minimālo vecumu \(policy.minimumMentorAge)"),
                    fix: Phrase("correct the age; mentors must be at least \(policy.minimumMentorAge) "
                                + "(set by min_mentor_age in the policy; the programmes require 20)",
                                lv: "izlabojiet vecumu; mentoram jābūt vismaz \(policy.minimumMentorAge) gadus vecam "
                                + "(to nosaka politikas min_mentor_age; programmas prasa 20)")
                ))
            }
            if mentor.capacity < allowedCapacities.lowerBound {
                issues.append(source.issue(
                    record: index, field: "capacity",
                    problem: Phrase("capacity \(mentor.capacity) is below 1", lv: "capacity \(mentor.capacity) ir mazāka par 1"),
                    fix: Phrase("set capacity to \(Self.spelledOut(allowedCapacities)), or leave out a mentor who takes nobody",
                                lv: "ierakstiet capacity \(Self.spelledOut(allowedCapacities, or: "vai")) vai izņemiet mentoru, kurš neuzņem nevienu")
                ))
            } else if mentor.capacity > allowedCapacities.upperBound {
                issues.append(source.issue(
                    record: index, field: "capacity",
                    problem: Phrase("capacity \(mentor.capacity) is above the maximum of \(allowedCapacities.upperBound)",
                                    lv: "capacity \(mentor.capacity) pārsniedz maksimumu \(allowedCapacities.upperBound)"),
                    fix: Phrase("set capacity to \(Self.spelledOut(allowedCapacities)) "
                                + "(the programmes' rule: one to three young people per mentor)",
                                lv: "ierakstiet capacity \(Self.spelledOut(allowedCapacities, or: "vai")) "
                                + "(programmu noteikums: vienam mentoram viens līdz trīs jaunieši)")
                ))
            }
            if !(mentor.maxTravelKm.isFinite && mentor.maxTravelKm >= 0) {
                issues.append(source.issue(
                    record: index, field: "max_travel_km",
                    problem: Phrase("max_travel_km \(displayNumber(mentor.maxTravelKm)) is not a distance of 0 km or more",
                                    lv: "max_travel_km \(displayNumber(mentor.maxTravelKm)) nav attālums 0 km vai vairāk"),
                    fix: Phrase("enter how far the mentor will travel, in km, such as 15 or 12.5",
                                lv: "ierakstiet, cik tālu mentors brauks, kilometros, piemēram, 15 vai 12,5")
                ))
            }
            checkMeetingBasics(mentor.availability, languages: mentor.languages, record: index, source: source)
            checkLocation(mentor.location, record: index, source: source)
        }
    }

    mutating func checkMentees() {
        let source = sources.mentees
        checkIDs(input.mentees.map(\.id), source: source, example: "Y001")
        let ages = policy.minimumMenteeAge...max(policy.minimumMenteeAge, policy.maximumMenteeAge)
        for (index, mentee) in input.mentees.enumerated() {
            if !InputValidator.plausibleAges.contains(mentee.age) {
                reportImplausibleAge(mentee.age, record: index, source: source)
            } else if !ages.contains(mentee.age) {
                let side = mentee.age < ages.lowerBound
                    ? Phrase("below the minimum of \(ages.lowerBound)", lv: "mazāks par programmas minimumu \(ages.lowerBound)")
                    : Phrase("above the maximum of \(ages.upperBound)", lv: "lielāks par programmas maksimumu \(ages.upperBound)")
                issues.append(source.issue(
                    record: index, field: "age",
                    problem: Phrase("age \(mentee.age) is \(side.english) for a young person in the programme",
                                    lv: "jaunieša vecums \(mentee.age) ir \(side.latvian)"),
                    fix: Phrase("correct the age; the programmes serve young people aged \(ages.lowerBound) to "
                                + "\(ages.upperBound) (min_mentee_age and max_mentee_age in the policy)",
                                lv: "izlabojiet vecumu; programmas ir jauniešiem no \(ages.lowerBound) līdz "
                                + "\(ages.upperBound) gadu vecumam (politikas min_mentee_age un max_mentee_age)")
                ))
            }
            if !(0...Mentee.maximumPriority).contains(mentee.priority) {
                issues.append(source.issue(
                    record: index, field: "priority",
                    problem: Phrase("priority \(mentee.priority) is outside 0–\(Mentee.maximumPriority)",
                                    lv: "priority \(mentee.priority) nav robežās 0–\(Mentee.maximumPriority)"),
                    fix: Phrase("set priority to a whole number from 0 (none) to \(Mentee.maximumPriority) (most urgent)",
                                lv: "ierakstiet priority kā veselu skaitli no 0 (nav) līdz \(Mentee.maximumPriority) (steidzamākais)")
                ))
            }
            checkMeetingBasics(mentee.availability, languages: mentee.languages, record: index, source: source)
            checkLocation(mentee.location, record: index, source: source)
        }
    }

    private mutating func reportImplausibleAge(_ age: Int, record: Int, source: RecordSource) {
        issues.append(source.issue(
            record: record, field: "age",
            problem: Phrase("age \(age) is not a plausible age", lv: "vecums \(age) nav ticams"),
            fix: Phrase("enter the age in whole years (\(InputValidator.plausibleAges.lowerBound)–"
                        + "\(InputValidator.plausibleAges.upperBound))",
                        lv: "ierakstiet vecumu pilnos gados (\(InputValidator.plausibleAges.lowerBound)–"
                        + "\(InputValidator.plausibleAges.upperBound))")
        ))
    }

    /// Ids must be present and unique; a repeat names the record that used the id first.
    private mutating func checkIDs(_ ids: [String], source: RecordSource, example: String) {
        var firstRecord: [String: Int] = [:]
        firstRecord.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() {
            if !checkText(id, field: "id", record: index, source: source) { continue }
            if id.isEmpty {
                issues.append(source.issue(
                    record: index, field: "id", problem: Phrase("id is empty", lv: "id ir tukšs"),
                    fix: Phrase("give every record a pseudonymous id such as \(example)",
                                lv: "piešķiriet katram ierakstam pseidonīmu id, piemēram, \(example)")
                ))
            } else if let first = firstRecord[id] {
                issues.append(source.issue(
                    record: index, field: "id",
                    problem: Phrase("id \(id) is used twice, on \(source.location(ofRecord: first)) and "
                                    + "\(source.location(ofRecord: index))",
                                    lv: "id \(id) ir divreiz: \(source.locationPhrase(ofRecord: first).latvian) un "
                                    + "\(source.locationPhrase(ofRecord: index).latvian)"),
                    fix: Phrase("give each record its own id, or remove the repeated record",
                                lv: "piešķiriet katram ierakstam savu id vai izdzēsiet atkārtoto ierakstu")
                ))
            } else {
                firstRecord[id] = index
            }
        }
    }

    /// A person with no weekly window or no language can never be paired.
    private mutating func checkMeetingBasics(
        _ availability: WeeklyAvailability, languages: [String], record: Int, source: RecordSource
    ) {
        if availability.windows.isEmpty {
            issues.append(source.issue(
                record: record, field: "availability",
                problem: Phrase("availability is empty, so no meeting could ever be scheduled",
                                lv: "availability ir tukšs, tāpēc nevienu tikšanos nevarētu ieplānot"),
                fix: Phrase("enter weekly windows such as 'Mon 16:00-18:00; Sat 10:00-14:00'",
                            lv: "ierakstiet nedēļas laikus, piemēram, 'P 16:00-18:00; S 10:00-14:00'")
            ))
        }
        if languages.isEmpty {
            issues.append(source.issue(
                record: record, field: "languages",
                problem: Phrase("languages is empty, so no pair could share a language",
                                lv: "languages ir tukšs, tāpēc neviens pāris nevarētu runāt kopīgā valodā"),
                fix: Phrase("list language codes separated by ';', such as 'lv; ru'",
                            lv: "uzskaitiet valodu kodus, atdalot ar ';', piemēram, 'lv; ru'")
            ))
        }
    }

    /// Whether a text value is within ``InputText``'s limits; if not, reports it without quoting it.
    mutating func checkText(_ value: String, field: String, record: Int, source: RecordSource) -> Bool {
        guard let problem = InputText.problemPhrase(value) else { return true }
        issues.append(source.issue(
            record: record, field: field, problem: Phrase("\(field) ", lv: "\(field) ") + problem,
            fix: Phrase("shorten it to at most \(InputText.maximumLength) characters without tabs or line breaks; "
                        + "check that the row's columns are not shifted",
                        lv: "saīsiniet to līdz \(InputText.maximumLength) rakstzīmēm bez tabulācijām un rindu pārnesumiem; "
                        + "pārbaudiet, vai rindas kolonnas nav nobīdījušās")
        ))
        return false
    }

    private mutating func checkLocation(_ location: Location, record: Int, source: RecordSource) {
        if !checkText(location.place, field: "place", record: record, source: source) {
            // Reported; a suggestion for it would cost time in proportion to its length.
        } else if location.place.isEmpty {
            issues.append(source.issue(
                record: record, field: "place", problem: Phrase("place is empty", lv: "place ir tukšs"),
                fix: Phrase("enter the town or parish, as written in \(sources.places.described)",
                            lv: "ierakstiet pilsētu vai pagastu tā, kā tā rakstīta failā \(sources.places.described)")
            ))
        } else if !placeNames.contains(location.place), !sources.places.excuses(location.place) {
            issues.append(source.issue(
                record: record, field: "place",
                problem: Phrase("unknown place '\(InputText.excerpt(location.place))'",
                                lv: "nezināma vieta '\(InputText.excerpt(location.place))'")
                    + placeSuggestions.suggestion(for: location.place),
                fix: Phrase("use a place listed in \(sources.places.described), or add '\(InputText.excerpt(location.place))' there",
                            lv: "izmantojiet vietu no faila \(sources.places.described) vai pievienojiet tam '\(InputText.excerpt(location.place))'")
            ))
        }
        if let coordinate = location.coordinate {
            checkCoordinate(coordinate, record: record, source: source)
        }
    }

    private mutating func checkCoordinate(_ coordinate: Coordinate, record: Int, source: RecordSource) {
        if !(coordinate.latitude.isFinite && (-90...90).contains(coordinate.latitude)) {
            issues.append(source.issue(
                record: record, field: "lat",
                problem: Phrase("latitude \(displayNumber(coordinate.latitude)) is outside -90 to 90",
                                lv: "platums \(displayNumber(coordinate.latitude)) nav robežās no -90 līdz 90"),
                fix: Phrase("enter decimal degrees; places in Latvia lie near latitude 56–58",
                            lv: "ierakstiet decimālgrādus; Latvijas vietu platums ir ap 56–58")
            ))
        }
        if !(coordinate.longitude.isFinite && (-180...180).contains(coordinate.longitude)) {
            issues.append(source.issue(
                record: record, field: "lon",
                problem: Phrase("longitude \(displayNumber(coordinate.longitude)) is outside -180 to 180",
                                lv: "garums \(displayNumber(coordinate.longitude)) nav robežās no -180 līdz 180"),
                fix: Phrase("enter decimal degrees; places in Latvia lie near longitude 21–28",
                            lv: "ierakstiet decimālgrādus; Latvijas vietu garums ir ap 21–28")
            ))
        }
    }

    // MARK: - Places

    /// Names must be present and unique. Names that differ only in case or diacritics are reported too,
    /// because people would be split silently between two spellings of one parish.
    mutating func checkPlaces() {
        let source = sources.places
        var firstExact: [String: Int] = [:]
        var firstFolded: [String: Int] = [:]
        for (index, place) in input.places.enumerated() {
            guard checkText(place.name, field: "place", record: index, source: source) else { continue }
            let foldedName = NameMatching.folded(place.name)
            if place.name.isEmpty {
                issues.append(source.issue(
                    record: index, field: "place", problem: Phrase("place name is empty", lv: "vietas nosaukums ir tukšs"),
                    fix: Phrase("enter the name of the town or parish, such as Suntaži",
                                lv: "ierakstiet pilsētas vai pagasta nosaukumu, piemēram, Suntaži")
                ))
            } else if let first = firstExact[place.name] {
                issues.append(source.issue(
                    record: index, field: "place",
                    problem: Phrase("place \(place.name) is listed twice, on \(source.location(ofRecord: first)) and "
                                    + "\(source.location(ofRecord: index))",
                                    lv: "vieta \(place.name) ir divreiz: \(source.locationPhrase(ofRecord: first).latvian) un "
                                    + "\(source.locationPhrase(ofRecord: index).latvian)"),
                    fix: Phrase("keep one line per place", lv: "atstājiet katrai vietai vienu rindu")
                ))
            } else if let first = firstFolded[foldedName] {
                issues.append(source.issue(
                    record: index, field: "place",
                    problem: Phrase("place \(place.name) differs from \(input.places[first].name) on "
                                    + "\(source.location(ofRecord: first)) only in case or diacritics",
                                    lv: "vieta \(place.name) atšķiras no \(input.places[first].name) "
                                    + "(\(source.locationPhrase(ofRecord: first).latvian)) tikai ar lielajiem burtiem vai garumzīmēm"),
                    fix: Phrase("keep one spelling of the place and use it in every file",
                                lv: "atstājiet vienu vietas rakstību un lietojiet to visos failos")
                ))
            }
            if !place.name.isEmpty {
                firstExact[place.name] = firstExact[place.name] ?? index
                firstFolded[foldedName] = firstFolded[foldedName] ?? index
            }
            checkCoordinate(place.coordinate, record: index, source: source)
        }
    }

    // MARK: - Pair rules

    mutating func checkPairRules() {
        // The lookups below hash every person, which most runs, having no locks, need not pay for.
        guard !input.pairRules.isEmpty else { return }
        let source = sources.pairRules
        var mentorIDs = Suggestions(known: Set(input.mentors.map(\.id)))
        var menteeIDs = Suggestions(known: Set(input.mentees.map(\.id)))
        var firstRule: [PairKey: (kind: PairRule.Kind, record: Int)] = [:]
        var lockedMentor: [String: (mentorID: String, record: Int)] = [:]
        var locksPerMentor: [String: Int] = [:]
        let capacities = Dictionary(input.mentors.map { ($0.id, policy.capacity(of: $0)) }, uniquingKeysWith: { first, _ in first })
        for (index, rule) in input.pairRules.enumerated() {
            checkReference(rule.mentorID, field: "mentor_id", known: &mentorIDs, in: sources.mentors, record: index)
            checkReference(rule.menteeID, field: "mentee_id", known: &menteeIDs, in: sources.mentees, record: index)
            let pair = PairKey(mentorID: rule.mentorID, menteeID: rule.menteeID)
            if let earlier = firstRule[pair] {
                if earlier.kind != rule.kind {
                    issues.append(source.issue(
                        record: index, field: "rule",
                        problem: Phrase("pair \(rule.mentorID)–\(rule.menteeID) is both locked and forbidden "
                                        + "(\(source.location(ofRecord: earlier.record)) and \(source.location(ofRecord: index)))",
                                        lv: "pāris \(rule.mentorID)–\(rule.menteeID) ir gan apstiprināts, gan noraidīts "
                                        + "(\(source.locationPhrase(ofRecord: earlier.record).latvian) un "
                                        + "\(source.locationPhrase(ofRecord: index).latvian))"),
                        fix: Phrase("keep either the lock or the forbid rule for this pair",
                                    lv: "atstājiet šim pārim vai nu lock, vai forbid noteikumu")
                    ))
                }
                continue  // a repeated identical rule changes nothing
            }
            firstRule[pair] = (rule.kind, index)
            guard rule.kind == .lock else { continue }
            if let earlier = lockedMentor[rule.menteeID] {
                issues.append(source.issue(
                    record: index, field: "mentee_id",
                    problem: Phrase("\(rule.menteeID) is locked to two mentors, \(earlier.mentorID) "
                                    + "(\(source.location(ofRecord: earlier.record))) and \(rule.mentorID) "
                                    + "(\(source.location(ofRecord: index)))",
                                    lv: "\(rule.menteeID) ir piesaistīts diviem mentoriem: \(earlier.mentorID) "
                                    + "(\(source.locationPhrase(ofRecord: earlier.record).latvian)) un \(rule.mentorID) "
                                    + "(\(source.locationPhrase(ofRecord: index).latvian))"),
                    fix: Phrase("a young person has one mentor; keep one of the two locks",
                                lv: "jaunietim ir viens mentors; atstājiet vienu no abām piesaistēm")
                ))
            } else {
                lockedMentor[rule.menteeID] = (rule.mentorID, index)
            }
            let locks = locksPerMentor[rule.mentorID, default: 0] + 1
            locksPerMentor[rule.mentorID] = locks
            if let capacity = capacities[rule.mentorID], locks == capacity + 1 {
                issues.append(source.issue(
                    record: index, field: "mentor_id",
                    problem: Phrase("\(rule.mentorID) has more locked young people than its capacity of \(capacity)",
                                    lv: "\(rule.mentorID) ir piesaistīts vairāk jauniešu nekā tā capacity \(capacity)"),
                    fix: Phrase("remove a lock for \(rule.mentorID), or raise the mentor's capacity (or the policy's max_capacity)",
                                lv: "noņemiet kādu \(rule.mentorID) piesaisti vai palieliniet mentora capacity (vai politikas max_capacity)")
                ))
            }
        }
    }

    private mutating func checkReference(
        _ id: String, field: String, known ids: inout Suggestions, in target: RecordSource, record: Int
    ) {
        guard !ids.known.contains(id), !target.excuses(id),
            checkText(id, field: field, record: record, source: sources.pairRules)
        else { return }
        let problem = id.isEmpty
            ? Phrase("\(field) is empty", lv: "\(field) ir tukšs")
            : Phrase("unknown \(field) '\(InputText.excerpt(id))'", lv: "nezināms \(field) '\(InputText.excerpt(id))'")
                + ids.suggestion(for: id)
        issues.append(sources.pairRules.issue(
            record: record, field: field, problem: problem,
            fix: Phrase("use an id from \(target.described), or remove the rule",
                        lv: "izmantojiet id no \(target.described) vai izdzēsiet noteikumu")
        ))
    }

    // MARK: - Policy against the input

    mutating func checkPolicyPlaces() {
        for place in policy.sideConstraints.minimumServedPerPlace.keys.sorted()
        where !placeNames.contains(place) && !sources.places.excuses(place) {
            issues.append(InputIssue(
                source: sources.policy, field: "side_constraints.min_served_per_place.\(InputText.excerpt(place))",
                problem: Phrase("unknown place '\(InputText.excerpt(place))'", lv: "nezināma vieta '\(InputText.excerpt(place))'")
                    + placeSuggestions.suggestion(for: place),
                fix: Phrase("use a place listed in \(sources.places.described)",
                            lv: "izmantojiet vietu no faila \(sources.places.described)")
            ))
        }
    }

    // MARK: - Helpers

    private struct PairKey: Hashable {
        var mentorID: String
        var menteeID: String
    }

    /// Suggestions of known names for unknown ones. The names are sorted and folded once, on the first question,
    /// and each answer is kept: a file can repeat one misspelt place thousands of times.
    private struct Suggestions {
        let known: Set<String>
        private var candidates: NameMatching.Candidates?
        private var answers: [String: Phrase] = [:]

        init(known: Set<String>) {
            self.known = known
        }

        /// ` (did you mean Suntaži?)`, or nothing when no known name is close.
        mutating func suggestion(for name: String) -> Phrase {
            if let answer = answers[name] { return answer }
            let candidates = candidates ?? NameMatching.Candidates(known.sorted())
            self.candidates = candidates
            let answer = candidates.closest(to: name).map { Phrase(" (did you mean \($0)?)", lv: " (varbūt domājāt \($0)?)") }
                ?? Phrase.empty
            answers[name] = answer
            return answer
        }
    }

    /// `1, 2 or 3` (`1, 2 vai 3` with `or: "vai"`).
    static func spelledOut(_ range: ClosedRange<Int>, or conjunction: String = "or") -> String {
        let values = range.map(String.init)
        guard values.count > 1 else { return values.joined() }
        return values.dropLast().joined(separator: ", ") + " \(conjunction) " + values[values.count - 1]
    }
}

/// `30` rather than `30.0`, `12.5` as is.
func displayNumber(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
