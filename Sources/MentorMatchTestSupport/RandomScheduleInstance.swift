import MentorMatchCore
import Scheduling

/// A random scheduling request, the same for the same seed: two or three mentors with one to three young people
/// each, a programme of one or two months starting on any day of 2024–2030 (so that holidays fall in it), weekly
/// windows that often share little, people's unavailable dates, and now and then paid mode or supervision.
public enum RandomScheduleInstance {
    public static func make(seed: UInt64) -> ScheduleRequest {
        var random = SplitMix64(seed: seed)
        let places = [
            Place(name: "Ogre", coordinate: Coordinate(latitude: 56.8162, longitude: 24.61401), isRemote: false),
            Place(name: "Suntaži", coordinate: Coordinate(latitude: 56.90676, longitude: 24.92363), isRemote: true),
            Place(name: "Ķegums", coordinate: Coordinate(latitude: 56.74, longitude: 24.72), isRemote: false),
        ]
        var rules = SchedulePolicy()
        if random.chance(0.25) { rules.hoursPerMonth = Double(random.int(in: 4...8)) } else { rules.sessionsPerMonth = random.int(in: 1...4) }
        rules.sessionMinutes = random.pick([45, 60, 90])
        rules.travelSpeedKmh = random.pick([20, 30, 50])
        let start = LocalDate(daysSinceEpoch: LocalDate(year: 2024, month: 1, day: 1)!.daysSinceEpoch + random.int(in: 0...(7 * 365 - 70)))
        let calendar = ProgrammeCalendar(start: start, months: random.int(in: 1...2), rules: rules)!
        var mentors: [Mentor] = []
        var mentees: [Mentee] = []
        var pairs: [PairToSchedule] = []
        for mentorNumber in 1...random.int(in: 2...3) {
            let mentor = Mentor(id: "m\(mentorNumber)", age: 30, gender: .female, location: Location(place: random.pick(places).name),
                                capacity: 3, availability: windows(&random, count: random.int(in: 2...4), atLeast: rules.sessionMinutes), specialisations: [],
                                languages: ["lv"], maxTravelKm: 50)
            mentors.append(mentor)
            for _ in 1...random.int(in: 1...3) {
                let id = "y\(mentees.count + 1)"
                var availability = windows(&random, count: random.int(in: 1...3), atLeast: 30)
                // Keep at least one window the pair shares for a whole session, as the matching guarantees.
                if availability.longestSharedStretch(with: mentor.availability) < rules.sessionMinutes {
                    availability = WeeklyAvailability(availability.windows + [mentor.availability.windows[0]])
                }
                let point = random.chance(0.3) ? Coordinate(latitude: 56.8 + random.double(in: 0...0.1), longitude: 24.6 + random.double(in: 0...0.3)) : nil
                mentees.append(Mentee(id: id, age: 16, gender: .male, location: Location(place: random.pick(places).name, coordinate: point),
                                      availability: availability, needs: [], languages: ["lv"]))
                pairs.append(PairToSchedule(mentorID: mentor.id, menteeID: id))
            }
        }
        let dates = calendar.dates
        let people = mentors.map(\.id) + mentees.map(\.id)
        let unavailable = (0..<random.int(in: 0...6)).map { _ in UnavailableDate(personID: random.pick(people), date: random.pick(dates)) }
        let daysOff = calendar.daysOff
        var slots: [SupervisorSlot] = []
        if random.chance(0.5) {
            for _ in 0..<random.int(in: 1...4) {
                let date = random.pick(dates)
                guard daysOff[date] == nil else { continue }
                let startMinute = random.int(in: 32...38) * 30
                slots.append(SupervisorSlot(date: date, startMinute: startMinute, endMinute: startMinute + 90,
                                            place: random.chance(0.5) ? "Ogre" : nil))
            }
        }
        // GLPK's limit is wall-clock time: the hardest seeds take 10 s alone and over 20 s beside the rest of the
        // suite on 2 cores, and the tests demand proven optimality, so the limit leaves room for a loaded machine.
        return ScheduleRequest(mentors: mentors, mentees: mentees, places: places, pairs: pairs, calendar: calendar,
                               unavailable: unavailable, supervisorSlots: slots, timeLimitSeconds: 180)
    }

    /// Afternoon and evening windows on random weekdays, each at least `minimum` minutes long.
    private static func windows(_ random: inout SplitMix64, count: Int, atLeast minimum: Int) -> WeeklyAvailability {
        WeeklyAvailability((0..<count).map { _ in
            let start = random.int(in: 28...38) * 30
            return WeeklyWindow(weekday: random.pick(Weekday.allCases), startMinute: start,
                                endMinute: start + max(minimum, random.int(in: 1...6) * 30))
        })
    }
}
