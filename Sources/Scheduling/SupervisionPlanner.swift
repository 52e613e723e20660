import LinearProgramming
import MentorMatchCore

/// Chooses monthly group supervision sessions from the supervisor's slots and assigns every mentor with a pair to
/// one each month, so that attendance is maximal.
///
/// One integer programme per month: `open` (binary) per slot, `attend` (binary) per mentor and slot the mentor can
/// reach; each mentor attends at most once; a slot holds at most the group size, and only when open. Maximised:
/// 100 per attendance − 1 per open slot (as many mentors as possible, in as few groups as possible).
/// A mentor can attend a slot inside one of their weekly windows, on a date they are available. Supervision is
/// planned before the sessions, which then keep clear of it (travel included): a monthly group has few possible
/// times, a pair's sessions many.
struct SupervisionPlanner {
    let solver: any LinearProgramSolver

    struct Plan {
        var groups: [SupervisionGroup] = []
        var absences: [SupervisionAbsence] = []
    }

    func plan(
        request: ScheduleRequest, months: [ProgrammeMonth], unavailable: [String: Set<LocalDate>]
    ) throws(SchedulingError) -> Plan {
        guard !request.supervisorSlots.isEmpty else { return Plan() }
        let pairedMentors = Set(request.pairs.map(\.mentorID))
        let mentors = request.mentors.filter { pairedMentors.contains($0.id) }.sorted { $0.id < $1.id }
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
                let check = slots.map { Self.obstacle(mentor: mentor, slot: $0, unavailable: unavailable[mentor.id] ?? []) }
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
    static func obstacle(mentor: Mentor, slot: SupervisorSlot, unavailable: Set<LocalDate>) -> String? {
        guard mentor.availability.windows.contains(where: {
            $0.weekday == slot.date.weekday && $0.startMinute <= slot.startMinute && slot.endMinute <= $0.endMinute
        }) else { return "outside the mentor's weekly windows" }
        return unavailable.contains(slot.date) ? "the mentor is unavailable on \(slot.date)" : nil
    }

    /// The slot each mentor attends (index into `slots`), or `nil`.
    private func solveMonth(slots: [SupervisorSlot], reachable: [[Int]], groupSize: Int, timeLimit: Double) throws(SchedulingError) -> [Int?] {
        var program = LinearProgram(name: "supervision", sense: .maximize)
        let open = slots.indices.map { program.addVariable(name: "open\($0)", upperBound: 1, isInteger: true, objective: -1) }
        var attend: [(mentor: Int, slot: Int, variable: VariableID)] = []
        // Each mentor's and each slot's attendance terms, in the order the variables were added.
        var termsOfMentor: [[Term]] = Array(repeating: [], count: reachable.count)
        var termsOfSlot: [[Term]] = Array(repeating: [], count: slots.count)
        for (mentorIndex, slotIndexes) in reachable.enumerated() {
            for slotIndex in slotIndexes {
                let variable = program.addVariable(name: "a\(mentorIndex)_\(slotIndex)", upperBound: 1, isInteger: true, objective: 100)
                attend.append((mentorIndex, slotIndex, variable))
                termsOfMentor[mentorIndex].append(Term(variable, 1))
                termsOfSlot[slotIndex].append(Term(variable, 1))
            }
        }
        for (mentorIndex, terms) in termsOfMentor.enumerated() where terms.count > 1 {
            program.addConstraint(name: "once\(mentorIndex)", terms: terms, upperBound: 1)
        }
        for (slotIndex, terms) in termsOfSlot.enumerated() {
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

