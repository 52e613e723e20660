import Foundation
import Synchronization
import GLPKBackend
import LinearProgramming
import MentorMatchCore
import MentorMatchTestSupport
import PropertyBased
import Scheduling
import Testing

/// The scheduler against the independent ``ScheduleChecker`` on seeded random requests; a failure names its seed:
/// `RandomScheduleInstance.make(seed:)` rebuilds the request.
@Suite("SessionScheduler", .shrinking(false))
struct SessionSchedulerTests {
    let scheduler = SessionScheduler(solver: GLPKSolver())

    private func referenceDaysOff(_ request: ScheduleRequest) -> Set<LocalDate> {
        Set(ReferenceHolidays.days.keys).union(request.calendar.rules.extraDaysOff)
    }

    @Test("random requests: no double booking (travel included), no session on a day off or unavailable date, every session inside both people's windows, the frequency met or the shortfall reported, supervision sound")
    func randomSchedulesHold() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000)) { seed in
            let request = RandomScheduleInstance.make(seed: UInt64(seed))
            do {
                let result = try scheduler.schedule(request)
                let violations = ScheduleChecker(request: request, daysOff: referenceDaysOff(request)).violations(of: result)
                #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(5))")
                #expect(result.solves.allSatisfy { $0.isProvenOptimal }, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("the same request gives the same schedule")
    func deterministic() throws {
        let request = RandomScheduleInstance.make(seed: 7)
        let first = try scheduler.schedule(request), second = try scheduler.schedule(request)
        #expect(first.sessions == second.sessions)
        #expect(first.shortfalls == second.shortfalls)
    }

    /// One mentor, one young person, Mondays only, in April 2024: Easter Monday (1 April) is off, so four Mondays are
    /// left, and two fortnightly sessions keep one weekday and time, in different weeks.
    @Test("a pair meets twice a month on a stable weekday and time, in different weeks, never on a holiday")
    func stableAndSpread() throws {
        let request = Self.singlePair(mentor: "Mon 16:00-19:00", mentee: "Mon 17:00-20:00", start: "2024-04-01", months: 1)
        let result = try scheduler.schedule(request)
        #expect(result.sessions.count == 2)
        #expect(Set(result.sessions.map(\.startMinute)).count == 1)
        #expect(Set(result.sessions.map(\.date.isoWeekStart)).count == 2)
        #expect(!result.sessions.contains { $0.date == LocalDate(iso: "2024-04-01") })
        #expect(result.shortfalls.isEmpty)
    }

    @Test("too few shared dates: the shortfall is reported with the reason and the holidays that took dates")
    func shortfallWithReason() throws {
        var request = Self.singlePair(mentor: "Mon 16:00-19:00", mentee: "Mon 17:00-20:00", start: "2024-04-01", months: 1)
        request.calendar.rules.sessionsPerMonth = 5
        request.unavailable = [UnavailableDate(personID: "y1", date: LocalDate(iso: "2024-04-08")!)]
        let result = try scheduler.schedule(request)
        let shortfall = try #require(result.shortfalls.first)
        #expect(shortfall.required == 5 && shortfall.scheduled == 3 && shortfall.kind == .noCommonWindow)
        #expect(shortfall.reason.contains("2024-04-01 (Easter Monday)"), "\(shortfall.reason)")
        #expect(shortfall.reason.contains("2024-04-08 (unavailable)"), "\(shortfall.reason)")
        // The Latvian reason says the same facts: the dates, the count, the holiday by its Latvian name.
        let latvian = try #require(shortfall.reasonLatvian)
        #expect(latvian.hasPrefix("nav kopīga laika: 2024-04 tikai 3 datumi iekrīt nedēļas dienās, kas der abiem (P)"), "\(latvian)")
        #expect(latvian.contains("2024-04-01 (Otrās Lieldienas)") && latvian.contains("2024-04-08 (nav pieejams)"), "\(latvian)")
    }

    @Test("impossible calendars are refused with every problem", arguments: [
        ("2024-03-01", "2024-02-01", "ends (2024-02-01) before it starts"),
    ])
    func impossibleCalendar(start: String, end: String, message: String) {
        var request = Self.singlePair(mentor: "Mon 16:00-19:00", mentee: "Mon 17:00-20:00", start: start, months: 1)
        request.calendar.end = LocalDate(iso: end)!
        #expect { try scheduler.schedule(request) } throws: { error in
            guard case SchedulingError.invalidInput(let input) = error else { return false }
            return input.description.contains(message)
        }
    }

    @Test("a session longer than every shared window, and dates outside the programme, are input errors")
    func sessionTooLongAndDatesOutside() {
        var request = Self.singlePair(mentor: "Mon 16:00-17:00", mentee: "Mon 16:00-18:00", start: "2024-03-01", months: 1)
        request.calendar.rules.sessionMinutes = 90
        request.unavailable = [UnavailableDate(personID: "y1", date: LocalDate(iso: "2024-05-01")!)]
        request.supervisorSlots = [SupervisorSlot(date: LocalDate(iso: "2024-04-15")!, startMinute: 1000, endMinute: 1090)]
        #expect { try scheduler.schedule(request) } throws: { error in
            guard case SchedulingError.invalidInput(let input) = error else { return false }
            let text = input.description
            return input.issues.count == 3 && text.contains("longer than any weekly window m1 and y1 share (longest: 60 min)")
                && text.contains("2024-05-01 is outside the programme") && text.contains("2024-04-15 is outside the programme")
        }
    }

    @Test("a young person whose place is unknown and who has no point is an input error, not a guess")
    func unknownPlace() {
        var request = Self.singlePair(mentor: "Mon 16:00-19:00", mentee: "Mon 17:00-20:00", start: "2024-03-01", months: 1)
        request.mentees[0].location = Location(place: "Atlantis")
        #expect { try scheduler.schedule(request) } throws: { error in
            guard case SchedulingError.invalidInput(let input) = error else { return false }
            return input.description.contains("young person y1 lives in 'Atlantis', which is not among the places")
        }
    }

    static func singlePair(mentor: String, mentee: String, start: String, months: Int) -> ScheduleRequest {
        let place = Place(name: "Ogre", coordinate: Coordinate(latitude: 56.8162, longitude: 24.61401), isRemote: false)
        let mentorValue = Mentor(id: "m1", age: 30, gender: .female, location: Location(place: "Ogre"), capacity: 3,
                                 availability: try! WeeklyAvailability(parsing: mentor), specialisations: [], languages: ["lv"],
                                 maxTravelKm: 20)
        let menteeValue = Mentee(id: "y1", age: 15, gender: .male, location: Location(place: "Ogre"),
                                 availability: try! WeeklyAvailability(parsing: mentee), needs: [], languages: ["lv"])
        return ScheduleRequest(
            mentors: [mentorValue], mentees: [menteeValue], places: [place], pairs: [PairToSchedule(mentorID: "m1", menteeID: "y1")],
            calendar: ProgrammeCalendar(start: LocalDate(iso: start)!, months: months, rules: SchedulePolicy())!)
    }
}

extension SessionSchedulerTests {
    /// Identical whole-day windows make many schedules equally good; should GLPK find none in time, the month is solved
    /// again without the routine terms, and the schedule still keeps every rule.
    @Test("whole-day windows for three pairs: at most 6 starts per window, and every rule holds within the time limit")
    func wideWindows() throws {
        var request = Self.singlePair(mentor: "Mon-Sun 08:00-22:00", mentee: "Mon-Sun 08:00-22:00", start: "2024-03-01", months: 1)
        request.mentees += ["y2", "y3"].map { id in
            Mentee(id: id, age: 15, gender: .male, location: Location(place: "Ogre"),
                   availability: try! WeeklyAvailability(parsing: "Mon-Sun 08:00-22:00"), needs: [], languages: ["lv"])
        }
        request.pairs += ["y2", "y3"].map { PairToSchedule(mentorID: "m1", menteeID: $0) }
        request.calendar.rules.sessionsPerMonth = 8
        request.timeLimitSeconds = 1
        let result = try scheduler.schedule(request)
        #expect(result.solves.first?.variables ?? .max < 10_000, "\(result.solves)")
        let report = try #require(result.solves.first)
        #expect([.optimal, .timeLimit].contains(report.termination))
        #expect(!report.droppedRoutine || report.termination == .timeLimit, "\(report)")
        #expect(result.shortfalls.isEmpty)
        #expect(ScheduleChecker(request: request, daysOff: Set(ReferenceHolidays.days.keys)).violations(of: result).isEmpty)
    }
}

extension SessionSchedulerTests {
    @Test("a mentor's report: its termination in sessions.json keeps the names of the reasons", arguments: [
        (MentorSolveReport(mentorID: "m1"), "optimal"),
        (MentorSolveReport(mentorID: "m1", termination: .timeLimit), "time_limit"),
        (MentorSolveReport(mentorID: "m1", termination: .timeLimit, droppedRoutine: true), "time_limit_without_routine"),
    ])
    func reportJSON(_ report: MentorSolveReport, termination: String) throws {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        #expect(object?["termination"] as? String == termination)
        #expect(report.isProvenOptimal == (termination == "optimal"))
    }
}

extension SessionSchedulerTests {
    /// `count` pairs of one mentor, every person free all day every day, so that each pair keeps patterns on several
    /// weekdays and a day's plans multiply over the pairs.
    static func oneMentorWithPairs(_ count: Int) -> ScheduleRequest {
        var request = singlePair(mentor: "Mon-Sun 08:00-22:00", mentee: "Mon-Sun 08:00-22:00", start: "2024-03-01", months: 1)
        let others = (1..<count).map { "y\($0 + 1)" }
        request.mentees += others.map { id in
            Mentee(id: id, age: 15, gender: .male, location: Location(place: "Ogre"),
                   availability: try! WeeklyAvailability(parsing: "Mon-Sun 08:00-22:00"), needs: [], languages: ["lv"])
        }
        request.pairs += others.map { PairToSchedule(mentorID: "m1", menteeID: $0) }
        return request
    }

    @Test("a mentor with 20 pairs (a library caller's request, past any capacity) is refused for its day plans, before any is built")
    func dayPlansOverTheMemoryLimit() {
        let request = Self.oneMentorWithPairs(20)
        // Four patterns a pair on four weekdays: 2²⁰ − 1 plans on each of those days, at most five of each a month.
        #expect(request.memoryEstimate.largestMonthDayPlans == 5 * 4 * (1_048_576 - 1))
        #expect(request.memoryEstimate.largestMentorID == "m1")
        #expect { try scheduler.schedule(request) } throws: { error in
            guard case SchedulingError.invalidInput(let input) = error else { return false }
            let text = input.description
            return input.issues.count == 1 && text.contains("the pairs of mentor m1 share so many weekly windows")
                && text.contains("about 20,971,500 day plans") && text.contains("(21.5 GB of memory); at most 4.0 GB are allowed")
                && text.contains("Fix: give the mentor fewer pairs (a capacity of at most 3)")
        }
    }

    @Test("three pairs with whole-day windows (scheduled in wideWindows): a small estimate")
    func dayPlansOfThreePairs() {
        let estimate = Self.oneMentorWithPairs(3).memoryEstimate
        // 32 patterns over three pairs, 10 or 11 each, spread over the week: a few thousand plans a month at most.
        #expect(estimate.largestMonthDayPlans > 0 && estimate.largestMonthDayPlans < 5_000, "\(estimate)")
        #expect(estimate.bytes < 10_000_000, "\(estimate)")
    }

    @Test("600 pairs for 120 months at 31 sessions a month are refused for their sessions; 20 a month pass")
    func sessionsOverTheMemoryLimit() {
        var request = Self.singlePair(mentor: "Mon 16:00-19:00", mentee: "Mon 16:00-19:00", start: "2024-03-01", months: 120)
        let mentor = request.mentors[0], mentee = request.mentees[0]
        request.mentors = (1...200).map { index in
            var copy = mentor
            copy.id = "m\(index)"
            return copy
        }
        request.mentees = (1...600).map { index in
            var copy = mentee
            copy.id = "y\(index)"
            return copy
        }
        request.pairs = (1...600).map { PairToSchedule(mentorID: "m\(($0 + 2) / 3)", menteeID: "y\($0)") }
        request.calendar.rules.sessionsPerMonth = 31
        #expect(request.memoryEstimate.sessions == 600 * 120 * 31)
        #expect { try scheduler.schedule(request) } throws: { error in
            guard case SchedulingError.invalidInput(let input) = error else { return false }
            let text = input.description
            return input.issues.count == 1 && text.contains("this schedule asks for about 2,232,000 sessions (600 pairs × 120 months × 31 a month)")
                && text.contains("about 4.6 GB of memory; at most 4.0 GB are allowed") && text.contains("Fix: schedule fewer months at a time")
        }
        // Paid hours are sessions too: 200 hours in sessions of 15 minutes is 800 a month, and a pair meets at most once a day.
        request.calendar.rules.hoursPerMonth = 200
        request.calendar.rules.sessionMinutes = 15
        #expect(request.memoryEstimate.sessions == 600 * 120 * 31)
        request.calendar.rules.hoursPerMonth = nil
        request.calendar.rules.sessionsPerMonth = 20
        #expect(request.memoryEstimate.bytes < Double(InputLimits.scheduleMemoryBytes))
    }
}

extension SessionSchedulerTests {
    /// Passes every programme on to GLPK and notes each variable that carries an objective coefficient but is not an
    /// integer with an integral coefficient.
    final class IntegralObjectiveAudit: LinearProgramSolver {
        let name = "audit"
        let programmes = Mutex(0)
        let fractionalTerms = Mutex<[String]>([])

        func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> Solution {
            let offending = program.variables.filter { variable in
                variable.objectiveCoefficient != 0
                    && (!variable.isInteger || variable.objectiveCoefficient.rounded() != variable.objectiveCoefficient)
            }
            programmes.withLock { $0 += 1 }
            fractionalTerms.withLock { $0 += offending.map { "\(program.name): \($0.name)" } }
            return try GLPKSolver().solve(program, options: options)
        }
    }

    /// With every objective term on an integer variable with an integral coefficient, GLPK's branch and bound rounds
    /// each node's bound down to a whole number and prunes the nodes that cannot beat the incumbent by a whole unit;
    /// a continuous penalty variable switches that off for the whole programme (the national six-month schedule took
    /// twice the CPU).
    @Test("every schedule programme has an integral objective: each penalised or rewarded variable is an integer")
    func objectiveIsIntegral() async {
        await propertyCheck(count: 12, input: Gen.int(in: 0...1_000_000)) { seed in
            let audit = IntegralObjectiveAudit()
            let request = RandomScheduleInstance.make(seed: UInt64(seed))
            do {
                let result = try SessionScheduler(solver: audit).schedule(request)
                #expect(audit.programmes.withLock { $0 } >= result.solves.count, "seed \(seed)")
                let offending = audit.fractionalTerms.withLock { $0 }
                #expect(offending.isEmpty, "seed \(seed): \(offending.prefix(5))")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
