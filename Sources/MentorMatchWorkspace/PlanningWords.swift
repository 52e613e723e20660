import Foundation
import MentorMatch

/// The words of the map, calendar and what-if pages in Latvian and English. Sentences about recruits are built
/// from the answer's numbers and the profiles' attributes (place, languages, training), so both languages say the
/// same facts.
public struct PlanningWords: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) { self.language = language }

    private func say(_ lv: String, _ en: String) -> String { language == .lv ? lv : en }

    /// `12.5` or `12`, with a decimal comma in Latvian.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(format: "%.0f", rounded) : String(format: "%.1f", rounded)
    }

    // MARK: Map

    public var noMap: String { say("Kartes vēl nav: palaidiet sadali pārskata lapā.", "No map yet: run the matching on the overview page.") }
    public var mapHint: String {
        say("Aplis katrai vietai (jo lielāks, jo vairāk cilvēku), līnija starp vietām, kuras savieno pāri; attālie pagasti apvilkti ar brūnu raustītu līniju, sarkanā zīmē – jauniešu bez mentora skaits. Novietojiet peli uz vietas, lai redzētu, kas tur ir.",
            "A circle per place (larger with more people), a line between places joined by pairs; remote parishes ringed with a brown dashed line, a red badge counts the young people without a mentor. Hover over a place to see who is there.")
    }

    // MARK: Calendar

    public var start: String { say("Programmas sākums", "Programme start") }
    public var startHint: String { say("Pirmā tikšanās diena, piemēram, 2024-03-01 (Ogre: 1. marts).", "The first day of meetings, such as 2024-03-01 (Ogre: 1 March).") }
    public var months: String { say("Ilgums mēnešos", "Length in months") }
    public var monthsHint: String { say("Cik mēnešus pāri tiekas (Ogre: 6; ar supervīziju no marta līdz septembrim: 7).", "How many months the pairs meet (Ogre: 6; with supervision from March to September: 7).") }
    public var sessionsPerMonth: String { say("Tikšanās mēnesī", "Meetings a month") }
    public var sessionsPerMonthHint: String { say("Tukšs: programmas noteikumi (Ogre: divreiz mēnesī).", "Empty: the programme's rule (Ogre: twice a month).") }
    public var sessionMinutes: String { say("Tikšanās ilgums (minūtes)", "Meeting length (minutes)") }
    public var sessionMinutesHint: String { say("Tukšs: noteikumu lapas tikšanās ilgums (Ogre: 60).", "Empty: the policy's meeting length (Ogre: 60).") }
    public var hoursPerMonth: String { say("Stundas mēnesī", "Hours a month") }
    public var hoursPerMonthHint: String { say("Apmaksātam pakalpojumam (Liepāja: 20); tukšs brīvprātīgajiem.", "For a paid service (Liepāja: 20); empty for volunteers.") }
    public var supervisorSlots: String { say("Supervīzijas laiki (CSV, neobligāti)", "Supervision slots (CSV, optional)") }
    public var supervisorSlotsHint: String { say("Kolonnas date,start,end,place – viena rinda katram piedāvātajam grupas supervīzijas laikam.", "Columns date,start,end,place: one row per group supervision slot offered.") }
    public var planButton: String { say("Plānot kalendāru", "Plan the calendar") }
    public var calendarIntro: String { say("Kalendārs tiek plānots publicētajiem pāriem, ievērojot Latvijas svētku dienas un abu nedēļas laikus.", "The calendar is planned for the published pairs, around Latvian public holidays and both sides' weekly windows.") }
    public var publishFirst: String { say("Vispirms publicējiet sadali; kalendārs tiek plānots publicētajiem pāriem.", "Publish a pairing first; the calendar is planned for the published pairs.") }
    public var planning: String { say("Kalendārs tiek plānots… Lapa atjaunosies pati.", "Planning the calendar… The page refreshes by itself.") }
    public var planFailed: String { say("Kalendāru neizdevās saplānot:", "The calendar could not be planned:") }
    public var sessionsTitle: String { say("Tikšanās pa mēnešiem", "Meetings per month") }
    public var month: String { say("Mēnesis", "Month") }
    public var sessionsColumn: String { say("Tikšanās", "Meetings") }
    public var hoursColumn: String { say("Stundas", "Hours") }
    public var shortfallsColumn: String { say("Iztrūkumi", "Shortfalls") }
    public var supervisionColumn: String { say("Supervīzijas grupas", "Supervision groups") }
    public var shortfallsTitle: String { say("Iztrūkumi un to iemesli", "Shortfalls and their reasons") }
    public var noShortfalls: String { say("Iztrūkumu nav: katrs pāris tiekas tik bieži, cik noteikts.", "No shortfalls: every pair meets as often as required.") }
    public var pair: String { say("Pāris", "Pair") }
    public var scheduledOfRequired: String { say("Ieplānots / vajag", "Scheduled / required") }
    public var kind: String { say("Veids", "Kind") }
    public var reason: String { say("Iemesls", "Reason") }
    public var downloadsTitle: String { say("Kalendāru faili (.ics)", "Calendar files (.ics)") }
    public var zipHint: String { say("visi kalendāri vienā failā", "every calendar in one file") }
    public var mentorCalendars: String { say("Mentoru kalendāri", "Mentors' calendars") }
    public var pairCalendars: String { say("Pāru kalendāri", "Pairs' calendars") }
    public var planAgain: String { say("Plānot vēlreiz", "Plan again") }

    public func shortfallKind(_ kind: Shortfall.Kind) -> String {
        switch kind {
        case .noCommonWindow: say("nav kopīga laika", "no common window")
        case .mentorFullyBooked: say("mentors pilnībā aizņemts", "mentor fully booked")
        }
    }

    public func planned(_ start: String, _ months: Int, _ sessions: Int) -> String {
        say("Ieplānotas \(sessions) tikšanās no \(start), \(months) mēn.", "\(sessions) meetings planned from \(start) for \(months) months.")
    }

    public func pairsLeftOut(_ count: Int) -> String {
        say("\(count) publicētie pāri nav kalendārā: viņu mentors vai jaunietis vairs nav failos.",
            "\(count) published pairs are not in the calendar: their mentor or young person is no longer in the files.")
    }

    // MARK: What-if

    public var whatIfTitle: String { say("Ko dotu jauni mentori?", "What would recruits change?") }
    public var whatIfIntro: String {
        say("Augšupielādējiet to brīvprātīgo veidus, kurus programma varētu atrast (profiles.csv: mentors.csv kolonnas bez id, ar available un cost). MentorMatch atrod, cik jaunu mentoru un kur apkalpotu visvairāk jauniešu.",
            "Upload the kinds of volunteer the programme could find (profiles.csv: the columns of mentors.csv without id, with available and cost). MentorMatch finds how many recruits, and where, would serve the most young people.")
    }
    public var profiles: String { say("Brīvprātīgo profili (CSV)", "Volunteer profiles (CSV)") }
    public var profilesHint: String { say("Piemēram, Scenarios/ogre-2024/profiles.csv.", "Such as Scenarios/ogre-2024/profiles.csv.") }
    public var target: String { say("Jautājums", "Question") }
    public var targetRemote: String { say("Mazākais jauno mentoru skaits, lai apkalpotu katru jaunieti no attāla pagasta", "The fewest recruits to serve every young person from a remote parish") }
    public var targetCurve: String { say("Tikai līkne: cik apkalpotu ar 0, 1, 2 … jauniem mentoriem", "Only the curve: how many 0, 1, 2 … recruits would serve") }
    public var maxRecruits: String { say("Lielākais jauno mentoru skaits", "Most recruits") }
    public var maxRecruitsHint: String { say("Līkne iet no 0 līdz šim skaitam.", "The curve runs from 0 to this many.") }
    public var trainingCost: String { say("Apmācības izmaksas vienam (EUR)", "Training cost per recruit (EUR)") }
    public var trainingCostHint: String { say("Profilam bez savām izmaksām (Ogre: 150).", "For a profile without its own cost (Ogre: 150).") }
    public var askButton: String { say("Aprēķināt", "Work it out") }
    public var asking: String { say("Tiek aprēķināts… Lapa atjaunosies pati.", "Working it out… The page refreshes by itself.") }
    public var askFailed: String { say("Neizdevās aprēķināt:", "It could not be worked out:") }
    public var answerTitle: String { say("Atbilde", "Answer") }
    public var curveTitle: String { say("Apkalpotie pēc jauno mentoru skaita", "Served by number of recruits") }
    public var askAgain: String { say("Jautāt vēlreiz", "Ask again") }
    public var recruitsColumn: String { say("Jauni mentori", "Recruits") }
    public var servedColumn: String { say("Apkalpoti", "Served") }
    public var remoteColumn: String { say("No attāliem pagastiem", "From remote parishes") }
    public var costColumn: String { say("Izmaksas EUR", "Cost EUR") }

    public func about(_ mentee: String) -> String { say("Jaunietis \(mentee)", "Young person \(mentee)") }

    public func curveChartTitle(_ programme: String) -> String {
        say("\(programme): apkalpotie pēc jauno mentoru skaita", "\(programme): young people served by number of recruits")
    }

    /// "one recruit in Mazozoli who speaks lv and ru" and the like.
    public func recruits(_ count: Int, _ profile: RecruitProfile) -> String {
        let mentor = profile.mentor
        let languages = mentor.languages.joined(separator: say(" un ", " and "))
        var text = language == .lv
            ? "\(count == 1 ? "viens jauns mentors" : "\(count) jauni mentori") vietā \(mentor.location.place)"
            : "\(count == 1 ? "one recruit" : "\(count) recruits") in \(mentor.location.place)"
        if !languages.isEmpty { text += say(", kas runā \(languages)", " who \(count == 1 ? "speaks" : "speak") \(languages)") }
        if !mentor.specialisations.isEmpty {
            text += say(", ar apmācību: \(mentor.specialisations.joined(separator: ", "))",
                        " trained in \(mentor.specialisations.joined(separator: " and "))")
        }
        return text
    }

    private func recruitList(_ plan: RecruitmentPlan, _ profiles: [RecruitProfile]) -> String {
        plan.recruits.enumerated().filter { $0.element > 0 && $0.offset < profiles.count }
            .map { recruits($0.element, profiles[$0.offset]) }.joined(separator: "; ")
    }

    private func youngPeople(_ count: Int) -> String {
        language == .lv ? (count == 1 ? "vēl 1 jaunieti" : "vēl \(count) jauniešus") : (count == 1 ? "1 more young person" : "\(count) more young people")
    }

    /// The sentences of the answer: the young person's own (the fewest recruits that serve them), then the
    /// recommendation and what the real matching engine serves with it.
    public func sentences(_ answer: WhatIfAnswer, mentee: String) -> [String] {
        var lines: [String] = []
        let base = answer.curve.first
        if !mentee.isEmpty {
            if let (count, plan) = answer.firstPlan(serving: mentee) {
                let more = plan.served - (base?.served ?? plan.served)
                let remote = plan.servedRemote - (base?.servedRemote ?? plan.servedRemote)
                lines.append(language == .lv
                    ? "\(mentee): \(recruitList(plan, answer.profiles)) apkalpotu \(youngPeople(more)) (\(remote) no attāliem pagastiem), arī šo jaunieti (\(count) kopā)."
                    : "\(mentee): \(recruitList(plan, answer.profiles)) would serve \(youngPeople(more)) (\(remote) from remote parishes), this young person among them (\(count) in all).")
            } else {
                lines.append(say("\(mentee): neviens no šiem profiliem (līdz \(max(0, answer.curve.count - 1)) jauniem mentoriem) šo jaunieti neapkalpotu; skatiet iemeslu augstāk.",
                                 "\(mentee): no recruit of these kinds (up to \(max(0, answer.curve.count - 1))) would serve this young person; see the reason above."))
            }
        }
        let recommended = answer.recommended
        let more = recommended.served - (base?.served ?? recommended.served)
        let remote = recommended.servedRemote - (base?.servedRemote ?? recommended.servedRemote)
        if recommended.totalRecruits > 0 {
            lines.append(language == .lv
                ? "Ieteikums: \(recruitList(recommended, answer.profiles)) – apkalpoti \(recommended.served) no \(answer.mentees) (\(youngPeople(more)), \(remote) no attāliem pagastiem), izmaksas \(Self.number(recommended.cost)) EUR."
                : "Recommended: \(recruitList(recommended, answer.profiles)): \(recommended.served) of \(answer.mentees) served (\(youngPeople(more)), \(remote) from remote parishes), cost EUR \(Self.number(recommended.cost)).")
        } else {
            lines.append(say("Ieteikums: jauni mentori nav vajadzīgi šim mērķim.", "Recommended: no recruits are needed for this target."))
        }
        lines.append(say("Pārbaudīts ar sadales dzinēju: \(answer.rematchedServed) apkalpoti; \(answer.reachable) no \(answer.mentees) der kādam mentoram vai profilam.",
                         "Checked with the matching engine: \(answer.rematchedServed) served; \(answer.reachable) of \(answer.mentees) fit some mentor or profile."))
        return lines
    }
}
