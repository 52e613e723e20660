import Foundation
import MentorMatchCore
import Planning
import Yams

/// Reads a planning scenario (`plan.yaml`): a base, a cost model, optional `recruitment` and `simulation`
/// sections, and the `variants:` list. File paths inside are relative to the scenario file.
///
/// Every problem is collected before anything runs: unknown keys, missing files, unknown places, negative counts,
/// a variant name used twice, unknown mentor ids; each names the scenario file, the line and the key path.
public enum ScenarioFile {
    /// Availability templates a variant's profile may name instead of writing windows.
    public static let availabilityTemplates: [String: String] = [
        "weekday-evenings": "Mon-Fri 17:00-20:00",
        "weekends": "Sat-Sun 10:00-16:00",
        "evenings-and-weekends": "Mon-Fri 17:00-20:00; Sat-Sun 10:00-16:00",
        "working-hours": "Mon-Fri 10:00-18:00",
    ]

    /// A profile in a variant that leaves these out gets them (a recruit of 30 is older than every young person).
    static let profileDefaults = (age: 30, gender: Gender.female, capacity: 2, maxTravelKm: 20.0)

    static let topKeys: Set<String> = ["name", "base", "cost", "recruitment", "simulation", "variants"]
    static let baseKeys: Set<String> = ["mentors", "mentees", "places", "policy", "locks"]
    static let recruitmentKeys: Set<String> = ["profiles", "max_recruits", "target"]
    static let simulationKeys: Set<String> = [
        "months", "referrals_per_month", "pair_months", "extension_share", "extension_months", "early_stop_share",
        "wait_target_weeks", "seed", "max_extra_mentors", "initial_waiting_list",
    ]
    static let variantKeys: Set<String> = [
        "name", "add_mentors", "remove_mentors", "capacities", "policy", "scale_demand", "demand_seed",
    ]
    static let additionKeys: Set<String> = ["file", "profile", "count"]
    static let profileKeys: Set<String> = [
        "age", "gender", "place", "capacity", "availability", "specialisations", "languages", "max_travel_km", "interests",
    ]

    /// Reads the scenario and every file it names.
    /// - Throws: ``InputError`` listing every problem.
    public static func load(path: String) throws(InputError) -> Scenario {
        var reader = ScenarioReader(path: path)
        let root = try reader.root()
        let scenario = reader.scenario(from: root)
        guard reader.issues.isEmpty, let scenario else { throw InputError(issues: reader.issues) }
        return scenario
    }
}

/// One scenario file being read: its directory, the issues found so far.
struct ScenarioReader {
    let path: String
    let directory: String
    var issues: [InputIssue] = []

    init(path: String) {
        self.path = path
        directory = (path as NSString).deletingLastPathComponent
    }

    /// A path named in the file, relative to the file's directory.
    func resolved(_ name: String) -> String {
        name.hasPrefix("/") || directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }

    func root() throws(InputError) -> Node.Mapping {
        let data = try contentsOfFile(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(issues: [InputIssue(source: path, problem: "the file is not UTF-8 text", fix: "save the file as UTF-8")])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw InputError(issues: [InputIssue(
                source: path, problem: "the file is not valid YAML: \(error)",
                fix: "check the indentation and the 'key: value' lines near the place shown"
            )])
        }
        guard let mapping = node?.mapping else {
            throw InputError(issues: [InputIssue(
                source: path, problem: "the scenario must be a mapping with base and variants",
                fix: "start from one of the Scenarios/*/plan.yaml files"
            )])
        }
        return mapping
    }

    // MARK: - Sections

    mutating func scenario(from root: Node.Mapping) -> Scenario? {
        checkKeys(root, allowed: ScenarioFile.topKeys, at: "")
        guard let baseNode = required("base", in: root, at: "")?.mapping else {
            report(root, "base", problem: "base must be a mapping of mentors, mentees, places and policy files",
                   fix: "write base: with mentors:, mentees:, places: and optionally policy:")
            return nil
        }
        checkKeys(baseNode, allowed: ScenarioFile.baseKeys, at: "base.")
        var files: [String: String] = [:]
        for key in ["mentors", "mentees", "places", "policy", "locks"] {
            let isOptional = key == "policy" || key == "locks"
            guard let node = isOptional ? baseNode[key] : required(key, in: baseNode, at: "base.") else { continue }
            if let file = existingFile(node, key: "base.\(key)") { files[key] = file }
        }
        guard let mentors = files["mentors"], let mentees = files["mentees"], let places = files["places"] else {
            _ = variants(root["variants"], loaded: nil)
            return nil
        }
        let loaded: LoadedInput
        do {
            loaded = try InputLoader.load(InputFiles(
                mentors: mentors, mentees: mentees, places: places, locks: files["locks"], policy: files["policy"]
            ))
        } catch {
            issues += error.issues
            _ = variants(root["variants"], loaded: nil)
            return nil
        }
        let cost = costModel(root["cost"])
        let recruitment = recruitmentSettings(root["recruitment"], loaded: loaded)
        let simulation = simulationSettings(root["simulation"])
        let variants = variants(root["variants"], loaded: loaded)
        checkBudget(variants, simulation: simulation, youngPeople: loaded.input.mentees.count, node: root["variants"])
        return Scenario(
            name: root["name"]?.string ?? (directory as NSString).lastPathComponent, base: loaded.input,
            policy: loaded.policy, cost: cost, variants: variants, recruitment: recruitment, simulation: simulation
        )
    }

    mutating func costModel(_ node: Node?) -> CostModel {
        var cost = CostModel()
        guard let node else { return cost }
        guard let mapping = node.mapping else {
            report(node, "cost", problem: "cost must be a mapping", fix: "write cost: with keys such as travel_eur_per_km: 0.1")
            return cost
        }
        checkKeys(mapping, allowed: CostModel.fileKeys, at: "cost.")
        let amounts: [(String, WritableKeyPath<CostModel, Double>, ClosedRange<Double>)] = [
            ("horizon_months", \.horizonMonths, 0...Double(InputLimits.programmeMonths.upperBound)),
            ("paid_hourly_rate_eur", \.paidHourlyRateEUR, InputLimits.euros),
            ("paid_hours_per_pair_per_month", \.paidHoursPerPairPerMonth, 0...744),
            ("meetings_per_month", \.meetingsPerMonth, 0...31),
            ("travel_eur_per_km", \.travelEURPerKm, InputLimits.euros),
            ("training_eur_per_recruit", \.trainingEURPerRecruit, InputLimits.euros),
        ]
        for (key, path, range) in amounts {
            if let value = number(mapping[key], key: "cost.\(key)", in: range) { cost[keyPath: path] = value }
        }
        cost.budgetEUR = number(mapping["budget_eur"], key: "cost.budget_eur", in: InputLimits.euros)
        return cost
    }

    mutating func recruitmentSettings(_ node: Node?, loaded: LoadedInput) -> RecruitmentSettings? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            report(node, "recruitment", problem: "recruitment must be a mapping", fix: "write recruitment: with profiles: and max_recruits:")
            return nil
        }
        checkKeys(mapping, allowed: ScenarioFile.recruitmentKeys, at: "recruitment.")
        let maxRecruits = integer(required("max_recruits", in: mapping, at: "recruitment."), key: "recruitment.max_recruits",
                              in: InputLimits.recruits)
        var target: CoverageTarget?
        if let targetNode = mapping["target"] {
            if targetNode.string == "remote_parishes" {
                target = .everyRemotePlace
            } else if let share = number(targetNode, key: "recruitment.target", in: 0...1) {
                target = .share(share)
            } else {
                report(targetNode, "recruitment.target", problem: "target must be a share from 0 to 1 or remote_parishes",
                       fix: "write target: 1.0 for everyone who fits a mentor or profile, 0.9 for 90 %, or remote_parishes")
            }
        }
        guard let profilesNode = required("profiles", in: mapping, at: "recruitment."),
            let file = existingFile(profilesNode, key: "recruitment.profiles")
        else { return nil }
        do {
            let profiles = try ProfilesCSV.load(path: file, places: loaded.input.places, policy: loaded.policy)
            return maxRecruits.map { RecruitmentSettings(profiles: profiles, maxRecruits: $0, target: target) }
        } catch {
            issues += error.issues
            return nil
        }
    }

    mutating func simulationSettings(_ node: Node?) -> SimulationSettings? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            report(node, "simulation", problem: "simulation must be a mapping", fix: "write simulation: with referrals_per_month: and months:")
            return nil
        }
        checkKeys(mapping, allowed: ScenarioFile.simulationKeys, at: "simulation.")
        guard let referrals = number(required("referrals_per_month", in: mapping, at: "simulation."),
                                     key: "simulation.referrals_per_month", in: InputLimits.referralsPerMonth)
        else { return nil }
        var settings = SimulationSettings(referralsPerMonth: referrals)
        if let months = integer(mapping["months"], key: "simulation.months", in: InputLimits.simulatedMonths) { settings.months = months }
        if let range = monthRange(mapping["pair_months"], key: "simulation.pair_months") { settings.pairMonths = range }
        if let range = monthRange(mapping["extension_months"], key: "simulation.extension_months") { settings.extensionMonths = range }
        for (key, path) in [("extension_share", \SimulationSettings.extensionShare), ("early_stop_share", \.earlyStopShare)] {
            guard let value = number(mapping[key], key: "simulation.\(key)", in: 0...1) else { continue }
            settings[keyPath: path] = value
        }
        if let weeks = number(mapping["wait_target_weeks"], key: "simulation.wait_target_weeks", in: 0...520) {
            settings.waitTargetWeeks = weeks
        }
        if let seed = integer(mapping["seed"], key: "simulation.seed", in: InputLimits.seeds) { settings.seed = UInt64(seed) }
        if let node = mapping["initial_waiting_list"] {
            if let value = node.bool {
                settings.startsWithWaitingList = value
            } else {
                report(node, "simulation.initial_waiting_list", problem: "initial_waiting_list must be true or false",
                       fix: "write true (the base's young people wait at the start) or false (only referrals arrive)")
            }
        }
        if let extra = integer(mapping["max_extra_mentors"], key: "simulation.max_extra_mentors",
                                in: InputLimits.simulationExtraMentors) {
            settings.maximumExtraMentors = extra
        }
        return settings
    }

    /// Refuses, before anything runs, a plan whose work would take minutes or the machine's memory: too many
    /// variants, a variant scaled past ``InputLimits/scaledYoungPeople``, or a simulation of variants × young people
    /// × months past ``InputLimits/simulationWork``.
    mutating func checkBudget(_ variants: [ScenarioVariant], simulation: SimulationSettings?, youngPeople: Int, node: Node?) {
        let line = node?.mark?.line
        if variants.count > InputLimits.variants {
            issues.append(InputIssue(
                source: path, line: line, field: "variants",
                problem: "this plan asks for \(InputLimits.grouped(variants.count)) variants × "
                    + "\(InputLimits.grouped(youngPeople)) young people; at most \(InputLimits.grouped(InputLimits.variants)) "
                    + "variants are allowed",
                fix: "split the variants over several scenario files"))
            return
        }
        let allowedPeople = InputLimits.scaledYoungPeople
        var simulatedPeople = 0
        for (index, variant) in variants.enumerated() {
            // Clamped far above the limit, so that the message quotes the real count; NaN is refused like too many.
            let scaled = Int(rounding: Double(youngPeople) * variant.demandScale, clampedTo: 0...Int(Int32.max))
            if (scaled ?? .max) > allowedPeople {
                let asked = scaled.map { "asks for \(InputLimits.grouped($0)) young people" } ?? "is not a number"
                issues.append(InputIssue(
                    source: path, line: line, field: "variants[\(index + 1)].scale_demand",
                    problem: "scale_demand \(plainNumber(variant.demandScale)) \(asked); at most "
                        + "\(InputLimits.grouped(allowedPeople)) young people are allowed",
                    fix: "use a smaller factor"))
            }
            simulatedPeople += min(scaled ?? allowedPeople, allowedPeople)
        }
        guard let simulation else { return }
        // In Doubles: referrals a month are a fraction, and the product may exceed any Int before it is refused.
        let referrals = simulation.referralsPerMonth * Double(simulation.months) * Double(variants.count)
        let extraMentors = Double(simulation.maximumExtraMentors) * Double(variants.count)
        let work = (Double(simulatedPeople) + referrals + extraMentors) * Double(simulation.months)
        if !(work <= Double(InputLimits.simulationWork)) {
            let people = Int(rounding: work / Double(max(1, simulation.months)), clampedTo: 0...Int(Int32.max))
            issues.append(InputIssue(
                source: path, line: line, field: "simulation",
                problem: "this simulation asks for \(InputLimits.grouped(variants.count)) variants × "
                    + "\(InputLimits.grouped(simulation.months)) months with about "
                    + "\(people.map(InputLimits.grouped) ?? "an unknown number of") young people in all; at most "
                    + "\(InputLimits.grouped(InputLimits.simulationWork)) person-months are allowed",
                fix: "simulate fewer months, fewer variants or fewer referrals a month"))
        }
    }

    // MARK: - Variants

    /// The variants; without a readable base only their names and keys are checked.
    mutating func variants(_ node: Node?, loaded: LoadedInput?) -> [ScenarioVariant] {
        guard let node else {
            issues.append(InputIssue(source: path, field: "variants", problem: "the scenario has no variants:",
                                     fix: "add a top-level variants: list, starting with '- name: base'"))
            return []
        }
        guard let list = node.sequence, !list.isEmpty else {
            report(node, "variants", problem: "variants must be a non-empty list",
                   fix: "write one '- name: …' entry per variant, starting with '- name: base'")
            return []
        }
        var seen: [String: Int] = [:]
        var variants: [ScenarioVariant] = []
        for (index, item) in list.enumerated() {
            let at = "variants[\(index + 1)]."
            guard let mapping = item.mapping else {
                report(item, "variants[\(index + 1)]", problem: "a variant must be a mapping with a name", fix: "write '- name: …'")
                continue
            }
            checkKeys(mapping, allowed: ScenarioFile.variantKeys, at: at)
            guard let nameNode = required("name", in: mapping, at: at), let name = nameNode.string, !name.isEmpty else { continue }
            if let first = seen[name] {
                report(nameNode, at + "name", problem: "variant name '\(InputText.excerpt(name))' is used twice (first on line \(first))",
                       fix: "give every variant its own name")
            } else {
                seen[name] = nameNode.mark?.line ?? 0
            }
            if let loaded { variants.append(variant(name: name, mapping, at: at, loaded: loaded)) }
        }
        return variants
    }

    mutating func variant(name: String, _ mapping: Node.Mapping, at: String, loaded: LoadedInput) -> ScenarioVariant {
        var variant = ScenarioVariant(name: name, policy: loaded.policy)
        let mentorIDs = Set(loaded.input.mentors.map(\.id))
        if let list = mapping["remove_mentors"] {
            for node in list.sequence ?? [list] {
                let id = node.string ?? ""
                if mentorIDs.contains(id) {
                    variant.removedMentorIDs.append(id)
                } else {
                    report(node, at + "remove_mentors", problem: "unknown mentor id '\(InputText.excerpt(id))'",
                           fix: "name mentors listed in the base mentors file")
                }
            }
        }
        if let capacities = mapping["capacities"] {
            for (key, value) in capacities.mapping ?? [:] {
                let id = key.string ?? ""
                guard mentorIDs.contains(id) else {
                    report(key, at + "capacities", problem: "unknown mentor id '\(InputText.excerpt(id))'", fix: "name mentors listed in the base mentors file")
                    continue
                }
                if let capacity = capacity(value, key: at + "capacities.\(id)") { variant.capacities[id] = capacity }
            }
        }
        if let additions = mapping["add_mentors"] {
            for (index, item) in (additions.sequence ?? [additions]).enumerated() {
                variant.addedMentors += addedMentors(
                    item, at: at + "add_mentors[\(index + 1)]", idPrefix: "\(name)-R\(index + 1)-", loaded: loaded
                )
                guard variant.addedMentors.count <= InputLimits.addedMentors.upperBound else {
                    report(item, at + "add_mentors", problem: "the variant adds more than "
                            + "\(InputLimits.grouped(InputLimits.addedMentors.upperBound)) mentors",
                           fix: "add at most \(InputLimits.grouped(InputLimits.addedMentors.upperBound)) mentors in one variant")
                    variant.addedMentors = []
                    break
                }
            }
        }
        if let override = mapping["policy"] { variant.policy = policy(loaded.policy, override: override, at: at + "policy") }
        if let scale = number(mapping["scale_demand"], key: at + "scale_demand", in: InputLimits.demandScale) { variant.demandScale = scale }
        if let seed = integer(mapping["demand_seed"], key: at + "demand_seed", in: InputLimits.seeds) { variant.demandSeed = UInt64(seed) }
        return variant
    }

    /// The eligible applicants of a file (see ``Applicant/ineligibility(under:)``), or `count` copies of an inline
    /// profile (ids `<variant>-R<addition>-1`, …).
    mutating func addedMentors(_ item: Node, at: String, idPrefix: String, loaded: LoadedInput) -> [Mentor] {
        guard let mapping = item.mapping else {
            report(item, at, problem: "an addition must be a mapping with file: or profile:", fix: "write '- file: applicants.csv' or '- profile: {…}' with count:")
            return []
        }
        checkKeys(mapping, allowed: ScenarioFile.additionKeys, at: at + ".")
        if let fileNode = mapping["file"] {
            guard let file = existingFile(fileNode, key: at + ".file") else { return [] }
            do {
                return try ApplicantsCSV.load(path: file, places: loaded.input.places, policy: loaded.policy)
                    .filter { $0.ineligibility(under: loaded.policy) == nil }.map(\.mentor)
            } catch {
                issues += error.issues
                return []
            }
        }
        guard let profileNode = mapping["profile"]?.mapping else {
            report(item, at, problem: "an addition needs file: or profile:", fix: "write '- file: applicants.csv' or '- profile: {place: …}' with count:")
            return []
        }
        let count = integer(mapping["count"], key: at + ".count", in: InputLimits.addedMentors) ?? 1
        guard let profile = profile(profileNode, at: at + ".profile", places: loaded.input.places, policy: loaded.policy)
        else { return [] }
        return profile.recruits(count: count, idPrefix: idPrefix)
    }

    /// A recruit profile; its age and capacity are held to the base policy's limits.
    mutating func profile(_ mapping: Node.Mapping, at: String, places: [Place], policy: Policy) -> RecruitProfile? {
        checkKeys(mapping, allowed: ScenarioFile.profileKeys, at: at + ".")
        let defaults = ScenarioFile.profileDefaults
        guard let placeNode = required("place", in: mapping, at: at + "."), let place = placeNode.string else { return nil }
        if !places.contains(where: { $0.name == place }) {
            let hint = NameMatching.closest(to: place, among: places.map(\.name)).map { " (did you mean \($0)?)" } ?? ""
            report(placeNode, at + ".place", problem: "unknown place '\(InputText.excerpt(place))'\(hint)", fix: "use a place listed in the base places file")
        }
        var gender = defaults.gender
        if let node = mapping["gender"] {
            if let value = node.string.flatMap({ Gender(rawValue: $0.lowercased()) }) {
                gender = value
            } else {
                report(node, at + ".gender", problem: "gender must be female, male or other", fix: "write female, male or other")
            }
        }
        var availability = WeeklyAvailability([])
        let availabilityNode = required("availability", in: mapping, at: at + ".")
        if let node = availabilityNode, let text = node.string {
            do {
                availability = try WeeklyAvailability(parsing: ScenarioFile.availabilityTemplates[text] ?? text)
            } catch {
                report(node, at + ".availability", problem: "availability \(error.description)",
                       fix: "write windows such as 'Mon 16:00-18:00; Sat 10:00-14:00', or a template: "
                        + ScenarioFile.availabilityTemplates.keys.sorted().joined(separator: ", "))
            }
        }
        let capacity = capacity(mapping["capacity"], key: at + ".capacity") ?? defaults.capacity
        let ages = policy.minimumMentorAge...max(policy.minimumMentorAge, InputValidator.plausibleAges.upperBound)
        let mentor = Mentor(
            id: "", age: integer(mapping["age"], key: at + ".age", in: ages) ?? defaults.age,
            gender: gender,
            location: Location(place: place), capacity: capacity, availability: availability,
            specialisations: tokens(mapping["specialisations"]), languages: tokens(mapping["languages"]).isEmpty ? ["lv"] : tokens(mapping["languages"]),
            maxTravelKm: number(mapping["max_travel_km"], key: at + ".max_travel_km", in: InputLimits.kilometres) ?? defaults.maxTravelKm,
            interests: tokens(mapping["interests"])
        )
        return RecruitProfile(mentor: mentor)
    }

    /// The base policy with the variant's keys on top, read and checked as a policy file is.
    mutating func policy(_ base: Policy, override: Node, at: String) -> Policy {
        guard let overrideMapping = override.mapping,
            case .mapping(let baseMapping)? = try? Yams.compose(yaml: PolicyFile.yamlText(base), .default, .default, .utf8)
        else {
            report(override, at, problem: "policy must be a mapping of policy keys", fix: "write policy: {max_travel_km: 30}")
            return base
        }
        let merged = Self.merged(baseMapping, overrideMapping)
        let text = (try? Yams.serialize(node: .mapping(merged))) ?? ""
        let line = override.mark?.line
        do {
            return try PolicyFile.decode(Data(text.utf8), source: path)
        } catch {
            issues += error.issues.map { issue in
                var located = issue
                located.line = line
                located.field = issue.field.map { "\(at).\($0)" } ?? at
                return located
            }
            return base
        }
    }

    /// `base` with `override`'s keys on top, mappings merged key by key.
    static func merged(_ base: Node.Mapping, _ override: Node.Mapping) -> Node.Mapping {
        var result = base
        for (key, value) in override {
            if let existing = result[key]?.mapping, let nested = value.mapping {
                result[key] = .mapping(merged(existing, nested))
            } else {
                result[key] = value
            }
        }
        return result
    }

    // MARK: - Values

    mutating func report(_ node: Node, _ key: String, problem: String, fix: String) {
        issues.append(InputIssue(source: path, line: node.mark?.line, field: key, problem: problem, fix: fix))
    }

    mutating func report(_ mapping: Node.Mapping, _ key: String, problem: String, fix: String) {
        issues.append(InputIssue(source: path, line: mapping.keys.first?.mark?.line, field: key, problem: problem, fix: fix))
    }

    mutating func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, at prefix: String) {
        for key in mapping.keys {
            let name = key.string ?? ""
            guard !allowed.contains(name) else { continue }
            let hint = NameMatching.closest(to: name, among: allowed.sorted()).map { " (did you mean \($0)?)" } ?? ""
            report(key, prefix + name, problem: "unknown key \(name)\(hint)", fix: "use one of: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    mutating func required(_ key: String, in mapping: Node.Mapping, at prefix: String) -> Node? {
        if let node = mapping[key] { return node }
        report(mapping, prefix + key, problem: "\(prefix + key) is missing", fix: "add \(key): to \(prefix.isEmpty ? "the file" : String(prefix.dropLast()))")
        return nil
    }

    /// The resolved path of a file named at `key`, or `nil` with an issue when it does not exist.
    mutating func existingFile(_ node: Node, key: String) -> String? {
        guard let name = node.string, !name.isEmpty else {
            report(node, key, problem: "\(key) must name a file", fix: "write a file name relative to \(path)")
            return nil
        }
        let file = resolved(name)
        guard FileManager.default.fileExists(atPath: file) else {
            report(node, key, problem: "unknown file '\(name)' (looked for \(file))",
                   fix: "name a file that exists; paths are relative to the scenario file's folder")
            return nil
        }
        return file
    }

    /// A finite number within `range` (see ``InputLimits``), or `nil` with an issue.
    mutating func number(_ node: Node?, key: String, in range: ClosedRange<Double>) -> Double? {
        guard let node else { return nil }
        guard let text = node.string, let value = Double(text), value.isFinite else {
            report(node, key, problem: "\(key) must be a number", fix: "write a number such as 1.5")
            return nil
        }
        guard range.contains(value) else {
            report(node, key, problem: "\(key) \(InputText.excerpt(text)) is outside the range "
                    + "\(plainNumber(range.lowerBound))–\(plainNumber(range.upperBound))",
                   fix: "write a number from \(plainNumber(range.lowerBound)) to \(plainNumber(range.upperBound))")
            return nil
        }
        return value
    }

    /// A mentor's capacity: a whole number from 1 to ``Policy/capacityLimit``.
    mutating func capacity(_ node: Node?, key: String) -> Int? {
        guard let node, let capacity = integer(node, key: key, in: 1...Int.max) else { return nil }
        guard capacity <= Policy.capacityLimit else {
            report(node, key, problem: "capacity \(capacity) is above the maximum of \(Policy.capacityLimit)",
                   fix: "set 1 to \(Policy.capacityLimit) (the programmes' rule: one to \(Policy.capacityLimit) young people per mentor)")
            return nil
        }
        return capacity
    }

    /// A whole number within `range` (see ``InputLimits``), or `nil` with an issue; a number too large for 64 bits
    /// is out of range too.
    mutating func integer(_ node: Node?, key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        let outOfRange = "\(key) is outside the range \(InputLimits.grouped(range.lowerBound))–\(InputLimits.grouped(range.upperBound))"
        let fix = "write a whole number from \(InputLimits.grouped(range.lowerBound)) to \(InputLimits.grouped(range.upperBound))"
        guard let text = node.string, let value = Int(text) else {
            let isHuge = node.string.map { $0.count > 18 && $0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "+" } } ?? false
            report(node, key, problem: isHuge ? outOfRange : "\(key) must be a whole number",
                   fix: isHuge ? fix : "write a whole number such as 3")
            return nil
        }
        guard range.contains(value) else {
            report(node, key, problem: "\(key) \(InputLimits.grouped(value)) is outside the range "
                    + "\(InputLimits.grouped(range.lowerBound))–\(InputLimits.grouped(range.upperBound))", fix: fix)
            return nil
        }
        return value
    }

    mutating func monthRange(_ node: Node?, key: String) -> ClosedRange<Int>? {
        guard let node else { return nil }
        let bounds = (node.sequence ?? []).compactMap { $0.string.flatMap(Int.init) }
        guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1], bounds[1] <= InputLimits.pairMonths.upperBound else {
            report(node, key, problem: "\(key) must be [shortest, longest] in whole months, at most "
                    + "\(InputLimits.pairMonths.upperBound)", fix: "write [3, 5], as Liepāja's 3–5-month pairs")
            return nil
        }
        return bounds[0]...bounds[1]
    }

    /// A YAML list or a `;`-separated text.
    func tokens(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let list = node.sequence { return TokenList.normalised(list.compactMap(\.string)) }
        return TokenList.normalised(list: node.string ?? "")
    }
}
