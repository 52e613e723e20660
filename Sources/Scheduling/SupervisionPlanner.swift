import LinearProgramming
import MentorMatchCore

/// Chooses monthly group supervision sessions from the supervisor's slots and assigns every mentor with a pair to
/// one each month, so that attendance is maximal.
///
/// One integer programme per month: `open` (binary) per slot, `attend` (binary) per mentor and slot the mentor can
/// reach; each mentor attends at most once; a slot holds at most the group size, and only when open. Maximised:
/// 100 per attendance − 1 per open slot (as many mentors as possible, in as few groups as possible).
/// A mentor can attend a slot inside one of their weekly windows, on a date they are available, that clashes with
/// none of their sessions (travel included when the slot names a place).
struct SupervisionPlanner {
    let solver: any LinearProgramSolver

    struct Plan {
        var groups: [SupervisionGroup] = []
        var absences: [SupervisionAbsence] = []
    }

    func plan(
        request: ScheduleRequest, sessions: [ScheduledSession], months: [ProgrammeMonth], daysOff: [LocalDate: String],
        unavailable: [String: Set<LocalDate>]
    ) throws(SchedulingError) -> Plan {
        guard !request.supervisorSlots.isEmpty else { return Plan() }
        let pairedMentors = Set(request.pairs.map(\.mentorID))
        let mentors = request.mentors.filter { pairedMentors.contains($0.id) }.sorted { $0.id < $1.id }
        let sessionsByMentor = Dictionary(grouping: sessions, by: \.mentorID)
        let points = SessionPoints(request: request)
        var plan = Plan()
        for month in months {
            let slots = request.supervisorSlots.filter { month.contains($0.date) }
                .sorted { ($0.date, $0.startMinute) < ($1.date, $1.startMinute) }
            guard !slots.isEmpty else {
                plan.absences += mentors.map {
                    SupervisionAbsence(mentorID: $0.id, month: month.text, reason: "the supervisor offers no slot in \(month.text)")
                }
                continue
            }
            var reachable: [[Int]] = []
            var reasons: [String] = []
            for mentor in mentors {
                let check = slots.map { slot in
                    Self.obstacle(mentor: mentor, slot: slot, sessions: sessionsByMentor[mentor.id] ?? [],
                                  unavailable: unavailable[mentor.id] ?? [], points: points, speedKmh: request.calendar.rules.travelSpeedKmh)
                }
                reachable.append(check.indices.filter { check[$0] == nil })
                reasons.append(Set(check.compactMap { $0 }).sorted().joined(separator: "; "))
            }
            let attendance = try solveMonth(slots: slots, reachable: reachable, groupSize: request.calendar.rules.supervisionGroupSize,
                                            timeLimit: request.timeLimitSeconds)
            for (slotIndex, slot) in slots.enumerated() {
                let attending = mentors.indices.filter { attendance[$0] == slotIndex }.map { mentors[$0].id }
                if !attending.isEmpty { plan.groups.append(SupervisionGroup(slot: slot, mentorIDs: attending)) }
            }
            for (mentorIndex, mentor) in mentors.enumerated() where attendance[mentorIndex] == nil {
                let reason = reachable[mentorIndex].isEmpty
                    ? "no supervision slot in \(month.text) fits: \(reasons[mentorIndex])"
                    : "the groups this mentor can reach in \(month.text) are full (group size "
                        + "\(request.calendar.rules.supervisionGroupSize))"
                plan.absences.append(SupervisionAbsence(mentorID: mentor.id, month: month.text, reason: reason))
            }
        }
        return plan
    }

    /// Why a mentor cannot attend a slot, or `nil` when they can.
    static func obstacle(
        mentor: Mentor, slot: SupervisorSlot, sessions: [ScheduledSession], unavailable: Set<LocalDate>,
        points: SessionPoints, speedKmh: Double
    ) -> String? {
        guard mentor.availability.windows.contains(where: {
            $0.weekday == slot.date.weekday && $0.startMinute <= slot.startMinute && slot.endMinute <= $0.endMinute
        }) else { return "outside the mentor's weekly windows" }
        if unavailable.contains(slot.date) { return "the mentor is unavailable on \(slot.date)" }
        for session in sessions where session.date == slot.date {
            let buffer = slot.place.map { points.bufferMinutes(between: session.place, and: $0, speedKmh: speedKmh) } ?? 0
            if session.startMinute < slot.endMinute + buffer, slot.startMinute < session.endMinute + buffer {
                return "clashes with the mentor's session with \(session.menteeID) on \(session.date)"
            }
        }
        return nil
    }

    /// The slot each mentor attends (index into `slots`), or `nil`.
    private func solveMonth(slots: [SupervisorSlot], reachable: [[Int]], groupSize: Int, timeLimit: Double) throws(SchedulingError) -> [Int?] {
        var program = LinearProgram(name: "supervision", sense: .maximize)
        let open = slots.indices.map { program.addVariable(name: "open\($0)", upperBound: 1, isInteger: true, objective: -1) }
        var attend: [(mentor: Int, slot: Int, variable: VariableID)] = []
        for (mentorIndex, slotIndexes) in reachable.enumerated() {
            for slotIndex in slotIndexes {
                attend.append((mentorIndex, slotIndex,
                               program.addVariable(name: "a\(mentorIndex)_\(slotIndex)", upperBound: 1, isInteger: true, objective: 100)))
            }
        }
        for (mentorIndex, _) in reachable.enumerated() {
            let terms = attend.filter { $0.mentor == mentorIndex }.map { Term($0.variable, 1) }
            if terms.count > 1 { program.addConstraint(name: "once\(mentorIndex)", terms: terms, upperBound: 1) }
        }
        for slotIndex in slots.indices {
            let terms = attend.filter { $0.slot == slotIndex }.map { Term($0.variable, 1) }
            program.addConstraint(name: "size\(slotIndex)", terms: terms + [Term(open[slotIndex], -Double(groupSize))], upperBound: 0)
        }
        let solution: Solution
        do {
            solution = try solver.solve(program, options: SolveOptions(timeLimitSeconds: timeLimit))
        } catch {
            throw .solverFailed("supervision: \(error.description)")
        }
        guard solution.hasFeasiblePoint else {
            throw .solverFailed("supervision: the solver stopped (\(solution.termination.rawValue)) without a plan")
        }
        var attendance: [Int?] = Array(repeating: nil, count: reachable.count)
        for entry in attend where solution.values[entry.variable.index] > 0.5 { attendance[entry.mentor] = entry.slot }
        return attendance
    }
}

/// The points of meeting places, for travel buffers: a young person's explicit point where one is given, else the
/// place's centre.
struct SessionPoints {
    private var places: [String: Coordinate]

    init(request: ScheduleRequest) {
        places = Dictionary(request.places.map { ($0.name, $0.coordinate) }, uniquingKeysWith: { first, _ in first })
    }

    func bufferMinutes(between first: String, and second: String, speedKmh: Double) -> Int {
        guard first != second, let a = places[first], let b = places[second] else { return 0 }
        return travelBufferMinutes(from: a, to: b, speedKmh: speedKmh)
    }
}
