import Foundation
import MentorMatch

/// Why a workspace action was refused, in words a coordinator (or the operator, for `--create-user`) can act on.
public enum WorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such programme, run or file, or not one the account may see (the same answer, so ids cannot be probed).
    case notFound
    /// A user or programme name that is empty, too long or has control characters.
    case invalidName(String)
    case accountExists(String)
    case unknownAccount(String)
    /// A password shorter than ``Workspace/minimumPasswordLength``.
    case weakPassword
    /// Sign-in refused: wrong name or password.
    case wrongPassword
    /// Too many failed sign-ins for the name or from the address; try again after the minutes given.
    case throttled(minutes: Int)
    /// The files cannot be matched yet (missing, or with problems not set aside).
    case dataNotReady
    /// No finished run to review, publish or export.
    case noFinishedRun
    /// The calendar plans the published pairs, and none are published yet.
    case nothingPublished
    /// The job service refused the run (queue full, shutting down).
    case jobRefused(Phrase)
    /// A form value that cannot be used: the field and why.
    case invalidField(field: String, problem: Phrase)
    /// The store failed (disk full, file not writable); the detail is the operator's, in English.
    case storage(String)

    public var description: String { message(.en) }

    /// What went wrong and what to do, in the page's language.
    public func message(_ language: ReportLanguage) -> String {
        let said = phrase
        return language == .lv ? said.latvian : said.english
    }

    private var phrase: Phrase {
        switch self {
        case .notFound: Phrase("not found", lv: "nav atrasts")
        case .invalidName(let name):
            Phrase("the name '\(name)' cannot be used: give 1 to 100 characters, without line breaks",
                   lv: "nosaukumu '\(name)' nevar izmantot: ierakstiet 1 līdz 100 rakstzīmes bez rindu pārnesumiem")
        case .accountExists(let name):
            Phrase("an account named '\(name)' exists already; choose another name",
                   lv: "konts '\(name)' jau ir; izvēlieties citu nosaukumu")
        case .unknownAccount(let name):
            Phrase("there is no account named '\(name)'; create it with mentormatch serve --create-user",
                   lv: "konta '\(name)' nav; izveidojiet to ar mentormatch serve --create-user")
        case .weakPassword:
            Phrase("the password is too short: give at least \(Workspace.minimumPasswordLength) characters",
                   lv: "parole ir par īsu: ierakstiet vismaz \(Workspace.minimumPasswordLength) rakstzīmes")
        case .wrongPassword: Phrase("the user name or the password is wrong", lv: "lietotājvārds vai parole nav pareiza")
        case .throttled(let minutes):
            Phrase("too many failed sign-ins; try again in \(minutes) minutes",
                   lv: "pārāk daudz neveiksmīgu pierakstīšanās mēģinājumu; mēģiniet vēlreiz pēc \(minutes) min")
        case .dataNotReady:
            Phrase("upload the mentors, the young people and the places, and fix or set aside their problems",
                   lv: "augšupielādējiet mentorus, jauniešus un vietas un novērsiet to problēmas vai atlieciet problēmu rindas malā")
        case .noFinishedRun:
            Phrase("there is no finished run; run the matching first", lv: "nav pabeigtas atlases; vispirms sāciet atlasi")
        case .nothingPublished:
            Phrase("no pairing is published yet; publish one on the review page, then plan its calendar",
                   lv: "neviens pāru saraksts vēl nav publicēts; publicējiet to pārskatīšanas lapā, tad plānojiet kalendāru")
        case .jobRefused(let why):
            Phrase("the matching could not be started: \(why.english)", lv: "atlasi nevarēja sākt: \(why.latvian)")
        case .invalidField(let field, let problem):
            Phrase("\(field): \(problem.english)", lv: "\(field): \(problem.latvian)")
        case .storage(let why):
            Phrase("the workspace store failed: \(why); check the data folder's space and permissions",
                   lv: "darba vietas krātuve kļūdījās: \(why); pārbaudiet datu mapes brīvo vietu un atļaujas")
        }
    }
}
