import Foundation
import MentorMatch

/// What a worker does with one task, through the library facade only: the same calls the `mentormatch` commands
/// make, producing the files they write.
///
/// The worker runs in the task's input folder, so that input issues name the parts as they were uploaded
/// (`mentors, line 4`).
struct JobRunner {
    let task: WorkerTask
    let report: @Sendable (WorkerEvent) -> Void
    /// The supervisor's answer after ``WorkerEvent/validated`` (``WorkerTask/confirmsBeforeSolving``): solve or not.
    var decide: () -> Bool = { true }

    /// The task's answer: its last event.
    func run() -> WorkerEvent {
        guard FileManager.default.changeCurrentDirectoryPath(task.inputDirectory) else {
            return .failed(JobFailure(kind: .internal, message: "the job's input folder is missing from the data folder"))
        }
        let parts = Set((try? FileManager.default.contentsOfDirectory(atPath: ".")) ?? [])
        do throws(MentorMatchError) {
            switch task.action {
            case .validate: return .issues(try validate(parts))
            case .explain: return .explanation(try explain(parts))
            case .run:
                // A matching's run reads and checks its input the way validate does, then asks (see matching);
                // other kinds are checked as validate checks them first.
                let skipInvalid = try JobOptions(task.options).flag("skip_invalid")
                if task.confirmsBeforeSolving == true, task.kind != .matching || skipInvalid {
                    _ = try validate(parts)
                    guard confirmed() else { return .deferred }
                }
                guard let files = try outputFiles(parts) else { return .deferred }
                guard let outputDirectory = task.outputDirectory else {
                    return .failed(JobFailure(kind: .internal, message: "the job has no output folder"))
                }
                report(.stage(.writing))
                let target = URL(fileURLWithPath: outputDirectory)
                do {
                    try? FileManager.default.removeItem(at: target)
                    try DurableFolder.write(
                        files, to: target, staging: target.deletingLastPathComponent().appendingPathComponent("output.staging"))
                } catch {
                    throw .internalError("the result files could not be written into the data folder (\(error))")
                }
                return .succeeded(outputNames: files.keys.sorted())
            }
        } catch {
            if case .invalidInput(let inputError) = error, task.action == .validate { return .issues(inputError.issues) }
            return .failed(Self.failure(error))
        }
    }

    static func failure(_ error: MentorMatchError) -> JobFailure {
        switch error {
        case .invalidInput(let inputError): JobFailure(kind: .invalidInput, message: inputError.description, issues: inputError.issues)
        case .solverRefused, .matchingFailed, .schedulingFailed, .planningFailed:
            JobFailure(kind: .solverFailed, message: error.description)
        case .formatFailed, .outputFailed, .internalError: JobFailure(kind: .internal, message: error.description)
        }
    }

    // MARK: - Input

    /// The matching's input files: the JSON document, or the three CSV files.
    private func inputFiles(_ parts: Set<String>) -> InputFiles {
        func optional(_ name: String) -> String? { parts.contains(name) ? name : nil }
        if parts.contains("document") {
            return InputFiles(document: "document", locks: optional("locks"), policy: optional("policy"),
                              current: optional("current"), previous: optional("previous"))
        }
        return InputFiles(mentors: "mentors", mentees: "mentees", places: "places", locks: optional("locks"),
                          policy: optional("policy"), current: optional("current"), previous: optional("previous"))
    }

    private func load(_ parts: Set<String>, skippingInvalidRows: Bool = false) throws(MentorMatchError) -> LoadedInput {
        report(.stage(.reading))
        // The sheet chosen of a workbook part (`mentors_sheet`: the sheet of the part `mentors`).
        var sheets: [String: String] = [:]
        for name in ["mentors", "mentees", "places"] { sheets[name] = task.options[name + "_sheet"] }
        let files = inputFiles(parts)
        let loaded = try WorkbookSheets.reading(sheets) { () throws(MentorMatchError) in
            try MentorMatcher().load(files, skippingInvalidRows: skippingInvalidRows)
        }
        report(.timeLimit(seconds: loaded.policy.timeLimitSeconds))
        return loaded
    }

    private func validate(_ parts: Set<String>) throws(MentorMatchError) -> [InputIssue] {
        if task.kind == .plan {
            _ = try Planner().loadScenario(path: "scenario")
            return []
        }
        _ = try MentorMatcher().prepare(try load(parts))
        return []
    }

    private func explain(_ parts: Set<String>) throws(MentorMatchError) -> Data {
        let loaded = try load(parts, skippingInvalidRows: try JobOptions(task.options).flag("skip_invalid"))
        let explanation = try MentorMatcher().explanation(of: task.menteeID ?? "", loaded)
        return try MentorMatchError.formatting { () throws(FormatError) in
            try ResultFiles.json(explanation, output: "the explanation")
        }
    }

    // MARK: - Runs by kind

    /// Whether to solve a ``WorkerTask/confirmsBeforeSolving`` run whose input has been checked.
    private func confirmed() -> Bool {
        report(.validated)
        return decide()
    }

    /// The result files; `nil` when the supervisor said not to solve (the run then ends deferred).
    private func outputFiles(_ parts: Set<String>) throws(MentorMatchError) -> [String: Data]? {
        let options = JobOptions(task.options)
        switch task.kind {
        case .matching: return try matching(parts, options: options)
        case .suggestion:
            let loaded = try load(parts)
            let mentee = try options.required("mentee", fix: "give the young person's id as the option mentee")
            report(.stage(.solve))
            guard let suggestions = try MentorMatcher().suggestions(for: mentee, loaded) else {
                throw .unknownMentee(mentee, in: loaded.sourceMap.mentees.described)
            }
            return ["suggestions.json": try MentorMatchError.formatting { () throws(FormatError) in
                try ResultFiles.json(suggestions, output: "the suggestions")
            }]
        case .schedule: return try schedule(parts, options: options)
        case .plan:
            report(.stage(.reading))
            let planner = Planner()
            let scenario = try planner.loadScenario(path: "scenario")
            report(.timeLimit(seconds: scenario.policy.timeLimitSeconds))
            report(.stage(.solve))
            let report = try planner.plan(scenario, simulate: try options.flag("simulate"), source: "scenario")
            return try MentorMatchError.formatting { () throws(FormatError) in try PlanFiles.files(for: report) }
        case .recruitment: return try recruitment(parts, options: options)
        }
    }

    private func matching(_ parts: Set<String>, options: JobOptions) throws(MentorMatchError) -> [String: Data]? {
        let skipInvalid = try options.flag("skip_invalid")
        let matcher = MentorMatcher()
        let clock = Date()
        let loaded = try load(parts, skippingInvalidRows: skipInvalid)
        let readingSeconds = Date().timeIntervalSince(clock)
        report(.stage(.candidates))
        let preparation = try matcher.prepare(loaded)
        // What validate checks has been checked: a submission's job is committed now, before its solve.
        if task.confirmsBeforeSolving == true, !skipInvalid, !confirmed() { return nil }
        let candidatePairs = preparation.graph.candidates.count
        report(.progress(JobProgress(candidatePairs: candidatePairs)))
        var result = try matcher.solve(preparation) { [report] progress in
            switch progress {
            case .buildingModel: report(.stage(.model))
            case .solving(let solved, let total):
                if solved == 0 { report(.stage(.solve)) }
                report(.progress(JobProgress(candidatePairs: candidatePairs, partsSolved: solved, partsTotal: total)))
            case .explaining: report(.stage(.explanations))
            }
        }
        result.timings.reading = readingSeconds
        let language = try options.language("lang")
        report(.stage(.writing))
        return try MentorMatchError.formatting { () throws(FormatError) in
            var files = try ResultFiles.matchFiles(
                result, input: loaded.input, language: language, rejected: skipInvalid ? loaded.rejected : nil)
            // result.json stays in English (the API's contract); the reasons in another language beside it.
            if language != .en {
                let name = "result.\(language.rawValue).json"
                files[name] = try ResultFiles.json(result.worded(in: language), output: name)
            }
            // The map and the workbook in Latvian too (`?lang=lv`), as `mentormatch match --lang lv` writes them.
            for (name, data) in try ResultFiles.localizedFiles(result, input: loaded.input, language: .lv) {
                files["\(ReportLanguage.lv.rawValue)/\(name)"] = data
            }
            return files
        }
    }

    private func schedule(_ parts: Set<String>, options: JobOptions) throws(MentorMatchError) -> [String: Data] {
        func optional(_ name: String) -> String? { parts.contains(name) ? name : nil }
        let start = try options.requiredDate("start")
        let months = try options.integer("months")
        let end = try options.date("end")
        guard (months == nil) != (end == nil), let length = end.map(ProgrammeLength.until) ?? months.map(ProgrammeLength.months)
        else {
            throw JobOptions.invalid("months", problem: "give either months or end, not both or neither",
                                     fix: "give the programme's length as months (such as 6) or its last day as end")
        }
        let continuation = try options.date("from").map { date throws(MentorMatchError) in
            guard parts.contains("sessions") else {
                throw JobOptions.invalid("from", problem: "re-planning from a date needs the earlier schedule",
                                         fix: "add the earlier run's sessions.json as the part sessions")
            }
            do throws(InputError) {
                return ScheduleContinuation(from: date, previous: try PreviousSchedule.load(path: "sessions"))
            } catch {
                throw .invalidInput(error)
            }
        }
        let setup = ScheduleSetup(
            input: inputFiles(parts), pairs: optional("pairs"), unavailable: optional("unavailable"),
            supervisorSlots: optional("supervisor_slots"), start: start, length: length,
            adjustments: ScheduleAdjustments(
                sessionsPerMonth: try options.integer("sessions_per_month"), hoursPerMonth: try options.number("hours_per_month"),
                sessionMinutes: try options.integer("session_minutes"), supervisionGroupSize: try options.integer("group_size")),
            continuation: continuation)
        // Read once more inside the scheduler; read here first for the stage and the policy's time limit.
        _ = try load(parts)
        report(.stage(.solve))
        let result = try MentorScheduler().schedule(setup)
        report(.stage(.writing))
        let calendars = ScheduleCalendars.files(
            result, programmeID: options.values["programme_id"] ?? "mentormatch-\(start)", previous: [:], generated: Date())
        var files = try MentorMatchError.formatting { () throws(FormatError) in try ScheduleFiles.all(result) }
        for (name, data) in calendars { files["calendars/\(name)"] = data }
        do {
            files["calendars.zip"] = try CalendarArchive.data(calendars)
        } catch {
            throw .internalError("calendars.zip could not be made (\(error))")
        }
        return files
    }

    private func recruitment(_ parts: Set<String>, options: JobOptions) throws(MentorMatchError) -> [String: Data] {
        let loaded = try load(parts)
        let title = options.values["title"] ?? "MentorMatch"
        let question: RecruitmentQuestion
        if parts.contains("applicants") {
            guard let accept = try options.count("accept", in: InputLimits.recruits) else {
                throw JobOptions.invalid("accept", problem: "applicants need the number to accept",
                                         fix: "give accept, such as 14")
            }
            question = .applicants(path: "applicants", accept: accept)
        } else if parts.contains("profiles") {
            let share = try options.number("target")
            if let share, !(0...1).contains(share) {
                throw JobOptions.invalid("target", problem: "the target \(share) is not a share from 0 to 1", fix: "give a share such as 0.9")
            }
            let remote = try options.flag("remote_parishes")
            if remote && share != nil {
                throw JobOptions.invalid("target", problem: "target and remote_parishes are both given", fix: "give one of them")
            }
            let trainingCost = try options.number("training_cost") ?? 0
            guard InputLimits.euros.contains(trainingCost) else {
                throw JobOptions.invalid("training_cost", problem: "the training cost is outside 0–999,999,999 EUR",
                                         fix: "give the EUR per recruit, such as 150")
            }
            let maxRecruits = try options.count("max_recruits", in: InputLimits.recruits)
            guard share != nil || remote || maxRecruits != nil else {
                throw JobOptions.invalid("target", problem: "a recruitment needs a target or max_recruits",
                                         fix: "give target (a share such as 0.9), remote_parishes true, or max_recruits")
            }
            question = .profiles(
                path: "profiles", target: remote ? .everyRemotePlace : share.map(CoverageTarget.share),
                maxRecruits: maxRecruits, trainingCostPerRecruit: trainingCost)
        } else {
            throw JobOptions.invalid("profiles", problem: "a recruitment needs profiles or applicants",
                                     fix: "add the part profiles (CSV), or applicants (CSV) with the option accept")
        }
        report(.stage(.solve))
        let planner = Planner()
        let outcome = try planner.answer(question, loaded)
        return try outcome.files(mentees: loaded.input.mentees.count, title: title)
    }
}

/// A job's options as text, read into values with issues that name the option.
struct JobOptions {
    let values: [String: String]

    init(_ values: [String: String]) { self.values = values }

    static func invalid(_ name: String, problem: String, fix: String) -> MentorMatchError {
        .invalidInput(InputError(issues: [InputIssue(source: "options", field: name, problem: problem, fix: fix)]))
    }

    func required(_ name: String, fix: String) throws(MentorMatchError) -> String {
        guard let value = values[name], !value.isEmpty else { throw Self.invalid(name, problem: "\(name) is missing", fix: fix) }
        return value
    }

    func flag(_ name: String) throws(MentorMatchError) -> Bool {
        switch values[name] {
        case nil, "false": return false
        case "true": return true
        case let value?: throw Self.invalid(name, problem: "'\(InputText.excerpt(value))' is not true or false", fix: "give true or false")
        }
    }

    /// The language of reasons and the map (`en` when not given).
    func language(_ name: String) throws(MentorMatchError) -> ReportLanguage {
        guard let text = values[name] else { return .en }
        guard let language = ReportLanguage(rawValue: text) else {
            throw Self.invalid(name, problem: "'\(InputText.excerpt(text))' is not a language", fix: "give en or lv")
        }
        return language
    }

    func integer(_ name: String) throws(MentorMatchError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text) else {
            throw Self.invalid(name, problem: "'\(InputText.excerpt(text))' is not a whole number", fix: "give a whole number, such as 6")
        }
        return value
    }

    /// A whole number within `range`.
    func count(_ name: String, in range: ClosedRange<Int>) throws(MentorMatchError) -> Int? {
        guard let value = try integer(name) else { return nil }
        guard range.contains(value) else {
            throw Self.invalid(name, problem: "\(name) \(InputLimits.grouped(value)) is outside \(range.lowerBound)–\(InputLimits.grouped(range.upperBound))",
                               fix: "give a count from \(range.lowerBound) to \(InputLimits.grouped(range.upperBound))")
        }
        return value
    }

    func number(_ name: String) throws(MentorMatchError) -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw Self.invalid(name, problem: "'\(InputText.excerpt(text))' is not a number", fix: "give a number, such as 0.9")
        }
        return value
    }

    func requiredDate(_ name: String) throws(MentorMatchError) -> LocalDate {
        guard let date = try date(name) else {
            throw Self.invalid(name, problem: "\(name) is missing", fix: "give the date as YYYY-MM-DD")
        }
        return date
    }

    func date(_ name: String) throws(MentorMatchError) -> LocalDate? {
        guard let text = values[name] else { return nil }
        guard let date = LocalDate(text: text) else {
            throw Self.invalid(name, problem: "'\(InputText.excerpt(text))' is not a date", fix: "give the date as YYYY-MM-DD (1900–2200)")
        }
        return date
    }
}
