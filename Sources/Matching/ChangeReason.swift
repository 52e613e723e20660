import MentorMatchCore

/// The facts behind a change to a current pair (or a new pair); each language puts the same facts into words.
public enum ChangeReason: Sendable, Hashable {
    case periodEnded(until: LocalDate, referenceDate: LocalDate)
    case continuityNone
    case mentorLeft(mentorID: String)
    case menteeLeft(menteeID: String)
    case lockedElsewhere(menteeID: String, lockedMentorID: String)
    case breaksRules([BrokenRule])
    case capacityFull(mentorID: String, capacity: Int)
    /// Under `none`, the run made a current pair again.
    case matchedAgainUnheld
    case kept(underKeep: Bool)
    /// `minimal_change`: fewer breaks would serve fewer young people.
    case moved(menteeID: String, newMentorID: String, maxChanges: Int?)
    case broken(menteeID: String, maxChanges: Int?)
    /// A new pair for a young person whose current pair ended, was released, broken or moved.
    case afterCurrentPair(formerMentorID: String, sameMentor: Bool, change: PairChange.Kind)
    case notCurrent

    public struct BrokenRule: Sendable, Hashable {
        public var rule: HardRule
        public var fact: RuleFact

        public init(rule: HardRule, fact: RuleFact) { (self.rule, self.fact) = (rule, fact) }
    }

    public func text(_ language: ReportLanguage) -> String {
        switch language {
        case .en: english
        case .lv: latvian
        }
    }

    private var english: String {
        switch self {
        case .periodEnded(let until, let referenceDate): "the pair's period ended on \(until), before the reference date \(referenceDate)"
        case .continuityNone: "continuity mode none: current pairs are not kept"
        case .mentorLeft(let mentor): "\(mentor) is no longer in the mentors file"
        case .menteeLeft(let mentee): "\(mentee) is no longer on the list of young people"
        case .lockedElsewhere(let mentee, let mentor): "the coordinator locked \(mentee) to \(mentor)"
        case .breaksRules(let broken):
            "the pair now breaks a hard rule (\(broken.map { "\($0.rule.rawValue): \($0.fact.text(.en))" }.joined(separator: "; ")))"
        case .capacityFull(let mentor, let capacity):
            "\(mentor)'s capacity is now \(capacity), fewer than its current pairs and locks; the longest-running pairs are kept"
        case .matchedAgainUnheld: "matched again (continuity none: current pairs are not held)"
        case .kept(let underKeep): underKeep ? "kept as it is (continuity keep)" : "kept"
        case .moved(let mentee, let mentor, let maxChanges): "\(mentee) now meets \(mentor): " + Self.englishWhy(maxChanges)
        case .broken(let mentee, let maxChanges): "\(mentee) is left without a mentor: " + Self.englishWhy(maxChanges)
        case .afterCurrentPair(let former, let sameMentor, let change):
            sameMentor ? "matched again after the current pair was \(change.rawValue)" : "after the current pair with \(former) was \(change.rawValue)"
        case .notCurrent: "not in a current pair"
        }
    }

    private static func englishWhy(_ maxChanges: Int?) -> String {
        "no answer serving as many young people keeps more current pairs"
            + (maxChanges.map { " (at most \($0) may be broken)" } ?? "")
    }

    private var latvian: String {
        switch self {
        case .periodEnded(let until, let referenceDate): "pāra periods beidzās \(until), pirms atskaites datuma \(referenceDate)"
        case .continuityNone: "nepārtrauktības režīms none: pašreizējie pāri netiek saglabāti"
        case .mentorLeft(let mentor): "\(mentor) vairs nav mentoru failā"
        case .menteeLeft(let mentee): "\(mentee) vairs nav jauniešu sarakstā"
        case .lockedElsewhere(let mentee, let mentor): "koordinators fiksēja \(mentee) pie mentora \(mentor)"
        case .breaksRules(let broken):
            "pāris tagad pārkāpj obligātu noteikumu (\(broken.map { "\($0.rule.name(.lv)): \($0.fact.text(.lv))" }.joined(separator: "; ")))"
        case .capacityFull(let mentor, let capacity):
            "\(mentor) kapacitāte tagad ir \(capacity), mazāk nekā tā pašreizējo un fiksēto pāru skaits; saglabāti pāri, kas ilgst visilgāk"
        case .matchedAgainUnheld: "savienots atkal (nepārtrauktības režīms none: pašreizējie pāri netiek turēti)"
        case .kept(let underKeep): underKeep ? "saglabāts, kā ir (nepārtrauktības režīms keep)" : "saglabāts"
        case .moved(let mentee, let mentor, let maxChanges): "\(mentee) tagad tiekas ar \(mentor): " + Self.latvianWhy(maxChanges)
        case .broken(let mentee, let maxChanges): "\(mentee) paliek bez mentora: " + Self.latvianWhy(maxChanges)
        case .afterCurrentPair(let former, let sameMentor, let change):
            sameMentor
                ? "savienots atkal pēc tam, kad pašreizējais pāris \(Self.latvianPast(change))"
                : "pēc tam, kad pašreizējais pāris ar \(former) \(Self.latvianPast(change))"
        case .notCurrent: "nebija pašreizējā pārī"
        }
    }

    private static func latvianWhy(_ maxChanges: Int?) -> String {
        "neviens risinājums, kas apkalpo tikpat daudz jauniešu, nesaglabā vairāk pašreizējo pāru"
            + (maxChanges.map { " (izjaukt drīkst ne vairāk kā \(Latvian.counted($0, "pāri", "pārus")))" } ?? "")
    }

    /// "beidzās", "tika atbrīvots": what became of the current pair.
    private static func latvianPast(_ change: PairChange.Kind) -> String {
        switch change {
        case .kept: "tika saglabāts"
        case .new: "bija jauns"
        case .ended: "beidzās"
        case .released: "tika atbrīvots"
        case .broken: "tika izjaukts"
        case .moved: "tika izjaukts, jaunietim citu mentoru piešķirot"
        }
    }
}
