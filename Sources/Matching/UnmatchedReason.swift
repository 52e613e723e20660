import LinearProgramming

/// The facts behind an unmatched young person's reason; each language puts the same facts into words.
public enum UnmatchedReason: Sendable, Hashable {
    case noMentors
    case noCandidate(NoCandidateFacts)
    case candidatesFull(FullCandidateFacts)
    case heldBack(HeldBackFacts)

    /// How the field of mentors narrows, rule by rule, until no candidate is left.
    public struct NoCandidateFacts: Sendable, Hashable {
        public var mentorCount: Int
        /// Each rule that removes some but not all of the field, with the mentors that pass it.
        public var narrowing: [RuleCount]
        /// The rule at which the field runs out.
        public var exhaustion: FieldExhaustion?
        public var relaxations: [Relaxation]
        /// The closest near-miss and why it fails.
        public var closest: NearMiss?

        public init(
            mentorCount: Int, narrowing: [RuleCount], exhaustion: FieldExhaustion?, relaxations: [Relaxation], closest: NearMiss?
        ) {
            (self.mentorCount, self.narrowing, self.exhaustion) = (mentorCount, narrowing, exhaustion)
            (self.relaxations, self.closest) = (relaxations, closest)
        }
    }

    public struct RuleCount: Sendable, Hashable {
        public var rule: HardRule
        public var passing: Int

        public init(rule: HardRule, passing: Int) { (self.rule, self.passing) = (rule, passing) }
    }

    /// Every candidate mentor is full; whom they serve, and what holds those places.
    public struct FullCandidateFacts: Sendable, Hashable {
        /// Best candidate first.
        public var candidates: [FullCandidate]
        public var status: TerminationReason
        /// The tiers of the run's ranking that the continuity rules add.
        public var ranksCurrentPairs: Bool
        public var ranksPreviousSuggestions: Bool

        public init(candidates: [FullCandidate], status: TerminationReason, ranksCurrentPairs: Bool, ranksPreviousSuggestions: Bool) {
            (self.candidates, self.status) = (candidates, status)
            (self.ranksCurrentPairs, self.ranksPreviousSuggestions) = (ranksCurrentPairs, ranksPreviousSuggestions)
        }
    }

    /// A candidate mentor has room, yet the young person is not served.
    public struct HeldBackFacts: Sendable, Hashable {
        /// Candidate mentors with room, best first.
        public var mentorIDs: [String]
        public var status: TerminationReason

        public init(mentorIDs: [String], status: TerminationReason) { (self.mentorIDs, self.status) = (mentorIDs, status) }
    }

    /// How many full candidates or mentors with room a reason names before "and 2 more".
    static let namedCount = 3

    public func text(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (.noMentors, .en): "there are no mentors in the input; add mentors"
        case (.noMentors, .lv): "ievades datos nav neviena mentora; pievienojiet mentorus"
        case (.noCandidate(let facts), _): Self.text(facts, language)
        case (.candidatesFull(let facts), .en): Self.english(facts)
        case (.candidatesFull(let facts), .lv): Self.latvian(facts)
        case (.heldBack(let facts), _): Self.text(facts, language)
        }
    }

    private static func text(_ facts: NoCandidateFacts, _ language: ReportLanguage) -> String {
        var steps = facts.narrowing.enumerated().map { index, step in
            switch language {
            case .en: index == 0 ? "\(step.passing) \(step.rule.passingPhrase(.en))" : "\(step.passing) of those \(step.rule.passingPhrase(.en))"
            case .lv: index == 0 ? "\(step.passing) \(step.rule.passingPhrase(.lv))" : "no tiem \(step.passing) \(step.rule.passingPhrase(.lv))"
            }
        }
        if let exhaustion = facts.exhaustion { steps.append(exhaustion.text(language)) }
        let count = facts.mentorCount
        let relaxations = facts.relaxations.map { "\($0.rule.name(language)) (\($0.candidates))" }.joined(separator: ", ")
        let closest = facts.closest.map { "\($0.mentorID) (\($0.detailFacts.map { $0.text(language) }.joined(separator: "; ")))" }
        switch language {
        case .en:
            return "no mentor meets every rule: of \(count) mentor\(count == 1 ? "" : "s"), " + steps.joined(separator: ", ")
                + (relaxations.isEmpty
                    ? ". No single rule's relaxation gives a candidate" : ". Relaxing one rule alone would give candidates: " + relaxations)
                + (closest.map { "; closest: \($0)" } ?? "")
        case .lv:
            return "neviens mentors neatbilst visiem noteikumiem: no \(Latvian.counted(count, "mentora", "mentoriem")) "
                + steps.joined(separator: ", ")
                + (relaxations.isEmpty
                    ? ". Ne viena noteikuma atslābināšana atsevišķi nedod kandidātu"
                    : ". Kandidāti būtu, atslābinot tikai vienu noteikumu: " + relaxations)
                + (closest.map { "; tuvākais: \($0)" } ?? "")
        }
    }

    private static func text(_ facts: HeldBackFacts, _ language: ReportLanguage) -> String {
        let count = facts.mentorIDs.count
        let named = facts.mentorIDs.prefix(namedCount).joined(separator: ", ")
        switch language {
        case .en:
            let more = count > namedCount ? " and \(count - namedCount) more" : ""
            let cause = facts.status == .optimal
                ? "serving this young person, who does not live in a remote place, would take the share of remote young "
                    + "people below min_remote_share; to serve them, lower min_remote_share"
                : "the solver stopped (\(facts.status.rawValue)) before it proved the assignment optimal; to serve them, raise "
                    + "time_limit_seconds"
            return "\(count == 1 ? "candidate mentor" : "candidate mentors") \(named)\(more) "
                + "\(count == 1 ? "has" : "have") room, but " + cause
        case .lv:
            let more = count > namedCount ? " un vēl \(count - namedCount)" : ""
            let cause = facts.status == .optimal
                ? "šī jaunieša, kurš nedzīvo attālā pagastā, apkalpošana samazinātu jauniešu no attāliem pagastiem daļu "
                    + "zem min_remote_share; lai viņu apkalpotu, samaziniet min_remote_share"
                : "risinātājs apstājās (\(facts.status.rawValue)), pirms pierādīja, ka sadale ir optimāla; lai viņu "
                    + "apkalpotu, palieliniet time_limit_seconds"
            return (count == 1 ? "piemērotajam mentoram \(named) ir brīva vieta" : "piemērotajiem mentoriem \(named)\(more) ir brīvas vietas")
                + ", taču " + cause
        }
    }

    private static func english(_ facts: FullCandidateFacts) -> String {
        let count = facts.candidates.count
        let listed = facts.candidates.prefix(namedCount).map { describe($0, .en) }
        let more = count > namedCount ? "; and \(count - namedCount) more" : ""
        var reason = (count == 1 ? "the only candidate mentor is full: " : "all \(count) candidate mentors are full: ")
            + listed.joined(separator: "; ") + more + ". "
        let holders = facts.hasLocks ? (facts.hasCurrent ? "locks or current pairs" : "locks") : "current pairs"
        if facts.heldCount == count {
            reason += "Serving this young person means breaking one of those \(holders)"
        } else if facts.status != .optimal {
            reason += "The solver stopped (\(facts.status.rawValue)) before it proved that no better assignment serves them"
        } else {
            reason += "Every assignment that also serves this young person"
                + (facts.anyHeld ? ", keeping the \(holders) in force," : "") + " ranks no higher: "
                + facts.tiers(.en).joined(separator: ", ") + (facts.heldCount > 0 ? " (or breaks one of those \(holders))" : "")
        }
        return reason + "; to serve them, raise a candidate's capacity or recruit a mentor nearby"
            + (facts.anyHeld ? ", or release one of those \(holders)" : "")
    }

    private static func latvian(_ facts: FullCandidateFacts) -> String {
        let count = facts.candidates.count
        let listed = facts.candidates.prefix(namedCount).map { describe($0, .lv) }
        let more = count > namedCount ? "; un vēl \(count - namedCount)" : ""
        var reason = (count == 1 ? "vienīgais piemērotais mentors ir aizņemts: " : "visi piemērotie mentori (\(count)) ir aizņemti: ")
            + listed.joined(separator: "; ") + more + ". "
        // "kāds no šiem fiksētajiem pāriem" (dative) and "saglabājot spēkā fiksētos pārus" (accusative).
        let (dative, accusative) = facts.hasLocks
            ? (facts.hasCurrent
                ? ("fiksētajiem vai pašreizējiem pāriem", "fiksētos vai pašreizējos pārus") : ("fiksētajiem pāriem", "fiksētos pārus"))
            : ("pašreizējiem pāriem", "pašreizējos pārus")
        if facts.heldCount == count {
            reason += "Šo jaunieti var apkalpot, tikai izjaucot kādu no šiem \(dative)"
        } else if facts.status != .optimal {
            reason += "Risinātājs apstājās (\(facts.status.rawValue)), pirms pierādīja, ka neviena labāka sadale neapkalpo arī šo jaunieti"
        } else {
            reason += "Katra sadale, kas apkalpo arī šo jaunieti"
                + (facts.anyHeld ? ", saglabājot spēkā \(accusative)" : "") + ", nav augstāk vērtēta: "
                + Latvian.list(facts.tiers(.lv), lastJoin: "vai") + (facts.heldCount > 0 ? " (vai izjauc kādu no šiem \(dative))" : "")
        }
        return reason + "; lai viņu apkalpotu, palieliniet kāda piemērotā mentora kapacitāti vai piesaistiet mentoru tuvumā"
            + (facts.anyHeld ? ", vai atbrīvojiet kādu no šiem \(dative)" : "")
    }

    /// "M009's places are held: locked M009–Y0021, current pair M009–Y0019", or "M012 serves Y0003, Y0007 (locked
    /// M012–Y0003)".
    static func describe(_ full: FullCandidate, _ language: ReportLanguage) -> String {
        let (locked, current) = language == .en ? ("locked", "current pair") : ("fiksēts pāris", "pašreizējais pāris")
        let held = full.locked.map { "\(locked) \(full.mentorID)–\($0)" } + full.current.map { "\(current) \(full.mentorID)–\($0)" }
        let servesList = full.serves.joined(separator: ", ")
        if full.isHeld {
            return language == .en
                ? "\(full.mentorID)'s places are held: " + held.joined(separator: ", ")
                : "\(full.mentorID) vietas ir aizņemtas: " + held.joined(separator: ", ")
        }
        let serves = language == .en ? "\(full.mentorID) serves \(servesList)" : "\(full.mentorID) mentorē \(servesList)"
        return held.isEmpty ? serves : serves + " (\(held.joined(separator: ", ")))"
    }
}

extension UnmatchedReason.FullCandidateFacts {
    var heldCount: Int { candidates.count(where: \.isHeld) }
    var anyHeld: Bool { hasLocks || hasCurrent }
    var hasLocks: Bool { candidates.contains { !$0.locked.isEmpty } }
    var hasCurrent: Bool { candidates.contains { !$0.current.isEmpty } }

    /// The tiers an assignment that serves one more young person here could lose, in the order the run ranks them;
    /// English ends on its "or", Latvian joins the last with "vai".
    func tiers(_ language: ReportLanguage) -> [String] {
        let en = language == .en
        var tiers = [en ? "it serves fewer young people" : "tā apkalpo mazāk jauniešu"]
        if ranksCurrentPairs { tiers.append(en ? "keeps fewer current pairs" : "saglabā mazāk pašreizējo pāru") }
        tiers += en
            ? ["serves fewer from remote places", "uses fewer mentors"]
            : ["apkalpo mazāk jauniešu no attāliem pagastiem", "izmanto mazāk mentoru"]
        if ranksPreviousSuggestions { tiers.append(en ? "keeps fewer earlier suggestions" : "saglabā mazāk agrāko ieteikumu") }
        tiers.append(en ? "or fits no better overall" : "kopumā nav labāk piemērota")
        return tiers
    }
}
