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
        validation.checkMentors()
        validation.checkMentees()
        validation.checkPlaces()
        validation.checkPairRules()
        validation.checkContinuity()
        validation.issues += issues(in: policy, source: sources.policy)
        validation.checkPolicyPlaces()
        return validation.issues
    }
}

/// The state of one validation run: the input, lookups built once, and the issues found so far.
struct InputValidation {
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
                    problem: "age \(mentor.age) is below the minimum mentor age of \(policy.minimumMentorAge)",
                    fix: "correct the age; mentors must be at least \(policy.minimumMentorAge) "
                        + "(set by min_mentor_age in the policy; the programmes require 20)"
                ))
            }
            if mentor.capacity < allowedCapacities.lowerBound {
                issues.append(source.issue(
                    record: index, field: "capacity",
                    problem: "capacity \(mentor.capacity) is below 1",
                    fix: "set capacity to \(Self.spelledOut(allowedCapacities)), or leave out a mentor who takes nobody"
                ))
            } else if mentor.capacity > allowedCapacities.upperBound {
                issues.append(source.issue(
                    record: index, field: "capacity",
                    problem: "capacity \(mentor.capacity) is above the maximum of \(allowedCapacities.upperBound)",
                    fix: "set capacity to \(Self.spelledOut(allowedCapacities)) "
                        + "(the programmes' rule: one to three young people per mentor)"
                ))
            }
            if !(mentor.maxTravelKm.isFinite && mentor.maxTravelKm >= 0) {
                issues.append(source.issue(
                    record: index, field: "max_travel_km",
                    problem: "max_travel_km \(displayNumber(mentor.maxTravelKm)) is not a distance of 0 km or more",
                    fix: "enter how far the mentor will travel, in km, such as 15 or 12.5"
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
                    ? "below the minimum of \(ages.lowerBound)" : "above the maximum of \(ages.upperBound)"
                issues.append(source.issue(
                    record: index, field: "age",
                    problem: "age \(mentee.age) is \(side) for a young person in the programme",
                    fix: "correct the age; the programmes serve young people aged \(ages.lowerBound) to "
                        + "\(ages.upperBound) (min_mentee_age and max_mentee_age in the policy)"
                ))
            }
            if !(0...Mentee.maximumPriority).contains(mentee.priority) {
                issues.append(source.issue(
                    record: index, field: "priority",
                    problem: "priority \(mentee.priority) is outside 0–\(Mentee.maximumPriority)",
                    fix: "set priority to a whole number from 0 (none) to \(Mentee.maximumPriority) (most urgent)"
                ))
            }
            checkMeetingBasics(mentee.availability, languages: mentee.languages, record: index, source: source)
            checkLocation(mentee.location, record: index, source: source)
        }
    }

    private mutating func reportImplausibleAge(_ age: Int, record: Int, source: RecordSource) {
        issues.append(source.issue(
            record: record, field: "age",
            problem: "age \(age) is not a plausible age",
            fix: "enter the age in whole years (\(InputValidator.plausibleAges.lowerBound)–"
                + "\(InputValidator.plausibleAges.upperBound))"
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
                    record: index, field: "id", problem: "id is empty",
                    fix: "give every record a pseudonymous id such as \(example)"
                ))
            } else if let first = firstRecord[id] {
                issues.append(source.issue(
                    record: index, field: "id",
                    problem: "id \(id) is used twice, on \(source.location(ofRecord: first)) and "
                        + "\(source.location(ofRecord: index))",
                    fix: "give each record its own id, or remove the repeated record"
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
                problem: "availability is empty, so no meeting could ever be scheduled",
                fix: "enter weekly windows such as 'Mon 16:00-18:00; Sat 10:00-14:00'"
            ))
        }
        if languages.isEmpty {
            issues.append(source.issue(
                record: record, field: "languages",
                problem: "languages is empty, so no pair could share a language",
                fix: "list language codes separated by ';', such as 'lv; ru'"
            ))
        }
    }

    /// Whether a text value is within ``InputText``'s limits; if not, reports it without quoting it.
    mutating func checkText(_ value: String, field: String, record: Int, source: RecordSource) -> Bool {
        guard let problem = InputText.problem(value) else { return true }
        issues.append(source.issue(
            record: record, field: field, problem: "\(field) \(problem)",
            fix: "shorten it to at most \(InputText.maximumLength) characters without tabs or line breaks; "
                + "check that the row's columns are not shifted"
        ))
        return false
    }

    private mutating func checkLocation(_ location: Location, record: Int, source: RecordSource) {
        if !checkText(location.place, field: "place", record: record, source: source) {
            // Reported; a suggestion for it would cost time in proportion to its length.
        } else if location.place.isEmpty {
            issues.append(source.issue(
                record: record, field: "place", problem: "place is empty",
                fix: "enter the town or parish, as written in \(sources.places.described)"
            ))
        } else if !placeNames.contains(location.place), !sources.places.excuses(location.place) {
            issues.append(source.issue(
                record: record, field: "place",
                problem: "unknown place '\(InputText.excerpt(location.place))'"
                    + placeSuggestions.suggestion(for: location.place),
                fix: "use a place listed in \(sources.places.described), or add '\(InputText.excerpt(location.place))' there"
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
                problem: "latitude \(displayNumber(coordinate.latitude)) is outside -90 to 90",
                fix: "enter decimal degrees; places in Latvia lie near latitude 56–58"
            ))
        }
        if !(coordinate.longitude.isFinite && (-180...180).contains(coordinate.longitude)) {
            issues.append(source.issue(
                record: record, field: "lon",
                problem: "longitude \(displayNumber(coordinate.longitude)) is outside -180 to 180",
                fix: "enter decimal degrees; places in Latvia lie near longitude 21–28"
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
                    record: index, field: "place", problem: "place name is empty",
                    fix: "enter the name of the town or parish, such as Suntaži"
                ))
            } else if let first = firstExact[place.name] {
                issues.append(source.issue(
                    record: index, field: "place",
                    problem: "place \(place.name) is listed twice, on \(source.location(ofRecord: first)) and "
                        + "\(source.location(ofRecord: index))",
                    fix: "keep one line per place"
                ))
            } else if let first = firstFolded[foldedName] {
                issues.append(source.issue(
                    record: index, field: "place",
                    problem: "place \(place.name) differs from \(input.places[first].name) on "
                        + "\(source.location(ofRecord: first)) only in case or diacritics",
                    fix: "keep one spelling of the place and use it in every file"
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
                        problem: "pair \(rule.mentorID)–\(rule.menteeID) is both locked and forbidden "
                            + "(\(source.location(ofRecord: earlier.record)) and \(source.location(ofRecord: index)))",
                        fix: "keep either the lock or the forbid rule for this pair"
                    ))
                }
                continue  // a repeated identical rule changes nothing
            }
            firstRule[pair] = (rule.kind, index)
            guard rule.kind == .lock else { continue }
            if let earlier = lockedMentor[rule.menteeID] {
                issues.append(source.issue(
                    record: index, field: "mentee_id",
                    problem: "\(rule.menteeID) is locked to two mentors, \(earlier.mentorID) "
                        + "(\(source.location(ofRecord: earlier.record))) and \(rule.mentorID) "
                        + "(\(source.location(ofRecord: index)))",
                    fix: "a young person has one mentor; keep one of the two locks"
                ))
            } else {
                lockedMentor[rule.menteeID] = (rule.mentorID, index)
            }
            let locks = locksPerMentor[rule.mentorID, default: 0] + 1
            locksPerMentor[rule.mentorID] = locks
            if let capacity = capacities[rule.mentorID], locks == capacity + 1 {
                issues.append(source.issue(
                    record: index, field: "mentor_id",
                    problem: "\(rule.mentorID) has more locked young people than its capacity of \(capacity)",
                    fix: "remove a lock for \(rule.mentorID), or raise the mentor's capacity (or the policy's max_capacity)"
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
            ? "\(field) is empty"
            : "unknown \(field) '\(InputText.excerpt(id))'" + ids.suggestion(for: id)
        issues.append(sources.pairRules.issue(
            record: record, field: field, problem: problem,
            fix: "use an id from \(target.described), or remove the rule"
        ))
    }

    // MARK: - Policy against the input

    mutating func checkPolicyPlaces() {
        for place in policy.sideConstraints.minimumServedPerPlace.keys.sorted()
        where !placeNames.contains(place) && !sources.places.excuses(place) {
            issues.append(InputIssue(
                source: sources.policy, field: "side_constraints.min_served_per_place.\(InputText.excerpt(place))",
                problem: "unknown place '\(InputText.excerpt(place))'" + placeSuggestions.suggestion(for: place),
                fix: "use a place listed in \(sources.places.described)"
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
        private var answers: [String: String] = [:]

        init(known: Set<String>) {
            self.known = known
        }

        /// ` (did you mean Suntaži?)`, or nothing when no known name is close.
        mutating func suggestion(for name: String) -> String {
            if let answer = answers[name] { return answer }
            let candidates = candidates ?? NameMatching.Candidates(known.sorted())
            self.candidates = candidates
            let answer = candidates.closest(to: name).map { " (did you mean \($0)?)" } ?? ""
            answers[name] = answer
            return answer
        }
    }

    /// `1, 2 or 3`.
    static func spelledOut(_ range: ClosedRange<Int>) -> String {
        let values = range.map(String.init)
        guard values.count > 1 else { return values.joined() }
        return values.dropLast().joined(separator: ", ") + " or " + values[values.count - 1]
    }
}

/// `30` rather than `30.0`, `12.5` as is.
func displayNumber(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
