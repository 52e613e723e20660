import MentorMatchCore

/// Every way a generated population breaks the programmes' rules or the input's own consistency, as readable
/// lines; empty when the population is valid. Written independently of the generator.
func ruleViolations(in input: MatchingInput) -> [String] {
    var problems: [String] = []
    let placeNames = Set(input.places.map(\.name))
    if placeNames.count != input.places.count { problems.append("place names repeat") }
    for place in input.places where !place.coordinate.isValid { problems.append("\(place.name): invalid point") }
    if !input.pairRules.isEmpty { problems.append("pair rules present") }
    if Set(input.mentors.map(\.id)).count != input.mentors.count { problems.append("mentor ids repeat") }
    if Set(input.mentees.map(\.id)).count != input.mentees.count { problems.append("mentee ids repeat") }

    func checkCommon(_ id: String, _ location: Location, _ availability: WeeklyAvailability, _ languages: [String]) {
        if !placeNames.contains(location.place) { problems.append("\(id): unknown place \(location.place)") }
        if let point = location.coordinate, !point.isValid { problems.append("\(id): invalid point") }
        if availability.windows.isEmpty { problems.append("\(id): no availability") }
        for window in availability.windows where !(0 <= window.startMinute && window.startMinute < window.endMinute
            && window.endMinute <= 1440) {
            problems.append("\(id): bad window \(window)")
        }
        if languages.isEmpty { problems.append("\(id): no language") }
    }
    for mentor in input.mentors {
        checkCommon(mentor.id, mentor.location, mentor.availability, mentor.languages)
        if !mentor.id.hasPrefix("M") { problems.append("\(mentor.id): mentor id must start with M") }
        if mentor.age < 20 { problems.append("\(mentor.id): mentor younger than 20") }
        if !(1...3).contains(mentor.capacity) { problems.append("\(mentor.id): capacity \(mentor.capacity)") }
        if !(mentor.maxTravelKm > 0) { problems.append("\(mentor.id): travel limit \(mentor.maxTravelKm)") }
    }
    for mentee in input.mentees {
        checkCommon(mentee.id, mentee.location, mentee.availability, mentee.languages)
        if !mentee.id.hasPrefix("Y") { problems.append("\(mentee.id): mentee id must start with Y") }
        if !(13...25).contains(mentee.age) { problems.append("\(mentee.id): age \(mentee.age)") }
        if !(0...Mentee.maximumPriority).contains(mentee.priority) { problems.append("\(mentee.id): priority") }
        if mentee.waitingSince == nil { problems.append("\(mentee.id): no referral date") }
    }
    return problems
}

/// Whether the mentor can reach the young person, by explicit points where given, else by place centres.
func withinTravel(_ mentor: Mentor, _ mentee: Mentee, places: [Place]) -> Bool {
    func point(_ location: Location) -> Coordinate? {
        location.coordinate ?? places.first { $0.name == location.place }?.coordinate
    }
    guard let from = point(mentor.location), let to = point(mentee.location) else { return false }
    return from.distanceKm(to: to) <= mentor.maxTravelKm
}
