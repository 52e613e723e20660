import MentorMatch

/// Every label and message of the workspace's pages, in Latvian (the default) and English: one table per language,
/// keyed by ``TextKey``. A `{0}`, `{1}` in a text is replaced by the arguments of ``WorkspaceText/text(_:_:)``.
/// Reasons and input problems are not here: they come from the library's structured data (``ReportLanguage``).
public enum WorkspaceText {
    public static func text(_ key: TextKey, _ language: ReportLanguage, _ arguments: String...) -> String {
        var text = (language == .lv ? latvian[key] : english[key]) ?? english[key] ?? key.rawValue
        for (index, argument) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(index)}", with: argument) }
        return text
    }

    static let latvian: [TextKey: String] = [
        .appName: "MentorMatch", .skipToContent: "Pāriet uz saturu", .switchLanguage: "English",
        .navProgrammes: "Programmas", .navOverview: "Pārskats", .navPolicy: "Noteikumi", .navReview: "Pārskatīšana",
        .navMap: "Karte", .navCalendar: "Kalendārs", .navExports: "Lejupielādes", .navAudit: "Žurnāls",
        .navMembers: "Dalībnieki", .signOut: "Iziet", .signedInAs: "Pierakstījies: {0}",
        .signInTitle: "Pierakstīties", .username: "Lietotājvārds", .password: "Parole", .signInButton: "Pierakstīties",
        .wrongPassword: "Lietotājvārds vai parole nav pareiza. Pārbaudiet un mēģiniet vēlreiz.",
        .throttled: "Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc {0} min.",
        .signedOut: "Jūs esat izgājis.",
        .programmesTitle: "Programmas", .noProgrammes: "Jums vēl nav nevienas programmas. Izveidojiet pirmo zemāk.",
        .createProgramme: "Jauna programma", .programmeName: "Programmas nosaukums", .createButton: "Izveidot",
        .programmeNameHint: "Piemēram, „Ogre 2024”.",
        .overviewTitle: "Pārskats", .dataTitle: "Dati", .mentorsFile: "Mentori", .menteesFile: "Jaunieši",
        .placesFile: "Vietas", .notUploaded: "nav augšupielādēts", .uploadedBy: "{0}, augšupielādēja {1}, {2}",
        .counts: "{0} mentori, {1} jaunieši, {2} vietas",
        .uploadTitle: "Augšupielādēt failus", .uploadHint: "CSV vai Excel (.xlsx). Fails, ko neizvēlaties, paliek iepriekšējais.",
        .sheetLabel: "Lapa (ja darbgrāmatā ir vairākas)", .sheetAutomatic: "tā, kurā ir vajadzīgās kolonnas", .uploadButton: "Augšupielādēt",
        .problemsTitle: "Failos atrastas problēmas", .fixLabel: "Labojums:",
        .setAsideLabel: "Atlikt nederīgās rindas malā un turpināt bez tām",
        .setAsideButton: "Turpināt bez nederīgajām rindām", .setAsideTitle: "Malā atliktās rindas",
        .setAsideNone: "Nevienu rindu nevar atlikt malā: jālabo visa faila problēmas.",
        .setAsideOn: "Nederīgās rindas ir atliktas malā; tās netiek izmantotas.",
        .useAllRows: "Izmantot visas rindas", .noProblems: "Problēmu nav: var sākt atlasi.",
        .runButton: "Sākt atlasi", .runNeedsData: "Lai sāktu atlasi, augšupielādējiet mentorus, jauniešus un vietas un novērsiet problēmas.",
        .policyLink: "Mainīt noteikumus",
        .policyTitle: "Atlases noteikumi", .policySaved: "Noteikumi saglabāti.", .saveButton: "Saglabāt",
        .maxTravelKm: "Lielākais brauciena attālums (km)",
        .maxTravelKmHint: "Visai programmai, papildus katra mentora paša robežai. Tukšs: tikai mentoru robežas.",
        .minAgeGap: "Mazākā vecuma starpība (gadi)", .minAgeGapHint: "Mentors ir vecāks par jaunieti vismaz par tik gadiem.",
        .sessionMinutes: "Tikšanās ilgums (min)",
        .sessionMinutesHint: "Mentora un jaunieša nedēļas laikiem jāpārklājas vismaz tik ilgi.",
        .remotePreference: "Mazākā daļa no attālajiem pagastiem (0–1)",
        .remotePreferenceHint: "Vismaz šāda daļa no savienotajiem jauniešiem ir no attālajiem pagastiem. Tukšs: bez šī nosacījuma (attālie pagasti tik un tā ir priekšroka pēc apkalpoto skaita).",
        .sharedLanguage: "Jābūt kopīgai valodai", .sharedLanguageHint: "Mentoram un jaunietim jārunā vismaz vienā kopīgā valodā.",
        .timeLimit: "Laika robeža (s)", .timeLimitHint: "Cik ilgi atlase drīkst ilgt, pirms to aptur.",
        .reviewTitle: "Pārskatīšana", .noRun: "Atlase vēl nav veikta. Sāciet to pārskatā.",
        .running: "Atlase notiek… Lapa atjaunosies pati.", .runFailed: "Atlase neizdevās: {0}",
        .headline: "Savienoti {0} no {1} jauniešiem", .remoteServed: "no attālajiem pagastiem: {0} no {1}",
        .mentorsUsed: "iesaistīti mentori: {0}", .mentorsIdle: "brīvi mentori: {0}",
        .pairsTitle: "Ieteiktie pāri", .menteeColumn: "Jaunietis", .mentorColumn: "Mentors", .distanceColumn: "Attālums",
        .scoreColumn: "Piemērotība", .partsColumn: "Sastāvdaļas", .nextBestColumn: "Nākamie labākie",
        .decisionColumn: "Lēmums", .approve: "Apstiprināt", .decline: "Noraidīt", .clear: "Atcelt lēmumu",
        .approvedBy: "Apstiprināja {0}, {1}", .declinedBy: "Noraidīja {0}, {1}",
        .declinedPairsTitle: "Noraidītie pāri", .partTravel: "ceļš", .partInterests: "intereses",
        .partGender: "dzimums", .partPriority: "prioritāte", .partWaiting: "gaidīšana", .none: "nav",
        .unmatchedTitle: "Nesavienotie jaunieši", .reasonColumn: "Iemesls", .unblockColumn: "Kas palīdzētu",
        .whatIf: "Ko darīt?", .allServed: "Visi jaunieši ir savienoti.",
        .relaxation: "mīkstinot noteikumu „{0}”: {1}",
        .changesTitle: "Izmaiņas pret publicētajiem pāriem", .kept: "saglabāti", .broken: "pārtraukti",
        .new: "jauni", .ended: "beigušies", .released: "atbrīvoti", .moved: "pārcelti", .changeColumn: "Izmaiņa",
        .publishButton: "Publicēt šo savienošanu", .published: "Savienošana publicēta: {0} pāri tagad ir programmas pašreizējie pāri.",
        .publishedAt: "Pēdējoreiz publicēts {0}.", .rerunButton: "Atkārtot atlasi",
        .exportsTitle: "Lejupielādes", .exportPairs: "Pāri (CSV)", .exportUnmatched: "Nesavienotie (CSV)",
        .exportChanges: "Izmaiņas (CSV)", .exportWorkbook: "Viss Excel darbgrāmatā (.xlsx)",
        .auditTitle: "Darbību žurnāls", .whenColumn: "Kad", .whoColumn: "Kas", .actionColumn: "Darbība",
        .objectColumn: "Objekts",
        .membersTitle: "Dalībnieki", .addMember: "Pievienot esošu kontu", .addButton: "Pievienot",
        .memberAdded: "Dalībnieks pievienots.",
        .deleteTitle: "Dzēst programmu", .deleteHint: "Dzēš visus programmas datus: failus, atlases, lēmumus, pārus un žurnālu. To nevar atsaukt.",
        .deleteConfirm: "Es saprotu, ka visi dati tiks dzēsti", .deleteButton: "Dzēst programmu",
        .deleted: "Programma un visi tās dati ir dzēsti.",
        .notFoundTitle: "Nav atrasts", .notFound: "Šāda lapa nav atrasta vai jums nav tai piekļuves. Atgriezieties pie programmu saraksta.",
        .forbiddenTitle: "Pieprasījums noraidīts",
        .forbidden: "Veidlapai trūkst drošības žetona vai tas ir novecojis. Atveriet lapu no jauna un mēģiniet vēlreiz.",
        .errorTitle: "Kļūda", .backToProgrammes: "Uz programmu sarakstu", .tooManyTitle: "Pārāk daudz mēģinājumu",
        .busyTitle: "Serveris aizņemts",
        .actionCreated: "izveidoja", .actionUploaded: "augšupielādēja", .actionRan: "sāka atlasi",
        .actionApproved: "apstiprināja", .actionDeclined: "noraidīja", .actionCleared: "atcēla lēmumu",
        .actionPublished: "publicēja", .actionDownloaded: "lejupielādēja", .actionPolicyChanged: "mainīja noteikumus",
        .actionSetAside: "atlika rindas malā", .actionCalendarPlanned: "plānoja kalendāru", .actionWhatIfAsked: "jautāja, ko dotu jauni mentori",
        .actionMemberAdded: "pievienoja dalībnieku", .actionDeleted: "dzēsa",
    ]

    static let english: [TextKey: String] = [
        .appName: "MentorMatch", .skipToContent: "Skip to content", .switchLanguage: "Latviski",
        .navProgrammes: "Programmes", .navOverview: "Overview", .navPolicy: "Rules", .navReview: "Review",
        .navMap: "Map", .navCalendar: "Calendar", .navExports: "Downloads", .navAudit: "Audit log",
        .navMembers: "Members", .signOut: "Sign out", .signedInAs: "Signed in as {0}",
        .signInTitle: "Sign in", .username: "User name", .password: "Password", .signInButton: "Sign in",
        .wrongPassword: "The user name or the password is wrong. Check them and try again.",
        .throttled: "Too many failed attempts. Try again in {0} min.",
        .signedOut: "You have signed out.",
        .programmesTitle: "Programmes", .noProgrammes: "You have no programme yet. Create the first one below.",
        .createProgramme: "New programme", .programmeName: "Programme name", .createButton: "Create",
        .programmeNameHint: "For example “Ogre 2024”.",
        .overviewTitle: "Overview", .dataTitle: "Data", .mentorsFile: "Mentors", .menteesFile: "Young people",
        .placesFile: "Places", .notUploaded: "not uploaded", .uploadedBy: "{0}, uploaded by {1}, {2}",
        .counts: "{0} mentors, {1} young people, {2} places",
        .uploadTitle: "Upload files", .uploadHint: "CSV or Excel (.xlsx). A file you do not choose stays as it was.",
        .sheetLabel: "Sheet (when the workbook has several)", .sheetAutomatic: "the one with the columns needed", .uploadButton: "Upload",
        .problemsTitle: "Problems found in the files", .fixLabel: "Fix:",
        .setAsideLabel: "Set the invalid rows aside and go on without them",
        .setAsideButton: "Go on without the invalid rows", .setAsideTitle: "Rows set aside",
        .setAsideNone: "No row can be set aside: the problems of whole files must be fixed.",
        .setAsideOn: "The invalid rows are set aside; they are not used.",
        .useAllRows: "Use every row", .noProblems: "No problems: the matching can start.",
        .runButton: "Run the matching", .runNeedsData: "To run the matching, upload the mentors, the young people and the places, and fix their problems.",
        .policyLink: "Change the rules",
        .policyTitle: "Matching rules", .policySaved: "The rules are saved.", .saveButton: "Save",
        .maxTravelKm: "Longest journey (km)",
        .maxTravelKmHint: "For the whole programme, on top of each mentor's own limit. Empty: the mentors' limits only.",
        .minAgeGap: "Smallest age gap (years)", .minAgeGapHint: "The mentor is older than the young person by at least this many years.",
        .sessionMinutes: "Meeting length (min)",
        .sessionMinutesHint: "The weekly times of a mentor and a young person must overlap at least this long.",
        .remotePreference: "Smallest share from remote parishes (0–1)",
        .remotePreferenceHint: "At least this share of the young people matched are from remote parishes. Empty: no such condition (remote parishes are preferred anyway, after the number served).",
        .sharedLanguage: "A shared language is required", .sharedLanguageHint: "The mentor and the young person speak at least one language in common.",
        .timeLimit: "Time limit (s)", .timeLimitHint: "How long the matching may take before it is stopped.",
        .reviewTitle: "Review", .noRun: "No matching has been run yet. Start one on the overview.",
        .running: "The matching is running… The page refreshes by itself.", .runFailed: "The matching failed: {0}",
        .headline: "{0} of {1} young people matched", .remoteServed: "from remote parishes: {0} of {1}",
        .mentorsUsed: "mentors used: {0}", .mentorsIdle: "mentors idle: {0}",
        .pairsTitle: "Suggested pairs", .menteeColumn: "Young person", .mentorColumn: "Mentor", .distanceColumn: "Distance",
        .scoreColumn: "Fit", .partsColumn: "Parts", .nextBestColumn: "Next best",
        .decisionColumn: "Decision", .approve: "Approve", .decline: "Decline", .clear: "Clear the decision",
        .approvedBy: "Approved by {0}, {1}", .declinedBy: "Declined by {0}, {1}",
        .declinedPairsTitle: "Declined pairs", .partTravel: "travel", .partInterests: "interests",
        .partGender: "gender", .partPriority: "priority", .partWaiting: "waiting", .none: "none",
        .unmatchedTitle: "Young people not matched", .reasonColumn: "Reason", .unblockColumn: "What would help",
        .whatIf: "What if?", .allServed: "Every young person is matched.",
        .relaxation: "relaxing the rule “{0}”: {1}",
        .changesTitle: "Changes against the published pairs", .kept: "kept", .broken: "broken",
        .new: "new", .ended: "ended", .released: "released", .moved: "moved", .changeColumn: "Change",
        .publishButton: "Publish this pairing", .published: "The pairing is published: {0} pairs are now the programme's current pairs.",
        .publishedAt: "Last published {0}.", .rerunButton: "Run the matching again",
        .exportsTitle: "Downloads", .exportPairs: "Pairs (CSV)", .exportUnmatched: "Not matched (CSV)",
        .exportChanges: "Changes (CSV)", .exportWorkbook: "Everything in an Excel workbook (.xlsx)",
        .auditTitle: "Audit log", .whenColumn: "When", .whoColumn: "Who", .actionColumn: "Action",
        .objectColumn: "Object",
        .membersTitle: "Members", .addMember: "Add an existing account", .addButton: "Add",
        .memberAdded: "The member is added.",
        .deleteTitle: "Delete the programme", .deleteHint: "Erases all the programme's data: files, runs, decisions, pairs and the log. This cannot be undone.",
        .deleteConfirm: "I understand that all the data will be erased", .deleteButton: "Delete the programme",
        .deleted: "The programme and all its data are erased.",
        .notFoundTitle: "Not found", .notFound: "There is no such page, or you have no access to it. Go back to the list of programmes.",
        .forbiddenTitle: "Request refused",
        .forbidden: "The form's security token is missing or out of date. Open the page again and retry.",
        .errorTitle: "Error", .backToProgrammes: "To the list of programmes", .tooManyTitle: "Too many attempts",
        .busyTitle: "The server is busy",
        .actionCreated: "created", .actionUploaded: "uploaded", .actionRan: "ran the matching",
        .actionApproved: "approved", .actionDeclined: "declined", .actionCleared: "cleared a decision",
        .actionPublished: "published", .actionDownloaded: "downloaded", .actionPolicyChanged: "changed the rules",
        .actionSetAside: "set rows aside", .actionCalendarPlanned: "planned the calendar", .actionWhatIfAsked: "asked what recruits would change",
        .actionMemberAdded: "added a member", .actionDeleted: "deleted",
    ]
}

/// The keys of ``WorkspaceText``; a page added later adds its keys here and its texts to both tables.
public enum TextKey: String, Sendable, Hashable, CaseIterable {
    case appName, skipToContent, switchLanguage
    case navProgrammes, navOverview, navPolicy, navReview, navMap, navCalendar, navExports, navAudit, navMembers
    case signOut, signedInAs, signInTitle, username, password, signInButton, wrongPassword, throttled, signedOut
    case programmesTitle, noProgrammes, createProgramme, programmeName, createButton, programmeNameHint
    case overviewTitle, dataTitle, mentorsFile, menteesFile, placesFile, notUploaded, uploadedBy, counts
    case uploadTitle, uploadHint, sheetLabel, sheetAutomatic, uploadButton, problemsTitle, fixLabel, setAsideLabel, setAsideButton
    case setAsideTitle, setAsideNone, setAsideOn, useAllRows, noProblems, runButton, runNeedsData, policyLink
    case policyTitle, policySaved, saveButton, maxTravelKm, maxTravelKmHint, minAgeGap, minAgeGapHint
    case sessionMinutes, sessionMinutesHint, remotePreference, remotePreferenceHint, sharedLanguage, sharedLanguageHint
    case timeLimit, timeLimitHint
    case reviewTitle, noRun, running, runFailed, headline, remoteServed, mentorsUsed, mentorsIdle
    case pairsTitle, menteeColumn, mentorColumn, distanceColumn, scoreColumn, partsColumn, nextBestColumn
    case decisionColumn, approve, decline, clear, approvedBy, declinedBy, declinedPairsTitle
    case partTravel, partInterests, partGender, partPriority, partWaiting, none
    case unmatchedTitle, reasonColumn, unblockColumn, whatIf, allServed, relaxation
    case changesTitle, kept, broken, new, ended, released, moved, changeColumn
    case publishButton, published, publishedAt, rerunButton
    case exportsTitle, exportPairs, exportUnmatched, exportChanges, exportWorkbook
    case auditTitle, whenColumn, whoColumn, actionColumn, objectColumn
    case membersTitle, addMember, addButton, memberAdded
    case deleteTitle, deleteHint, deleteConfirm, deleteButton, deleted
    case notFoundTitle, notFound, forbiddenTitle, forbidden, errorTitle, backToProgrammes, tooManyTitle, busyTitle
    case actionCreated, actionUploaded, actionRan, actionApproved, actionDeclined, actionCleared, actionPublished
    case actionDownloaded, actionPolicyChanged, actionSetAside, actionCalendarPlanned, actionMemberAdded, actionDeleted
    case actionWhatIfAsked
}

extension AuditAction {
    /// The action's words on the audit page.
    public var label: TextKey {
        switch self {
        case .created: .actionCreated
        case .uploaded: .actionUploaded
        case .ran: .actionRan
        case .approved: .actionApproved
        case .declined: .actionDeclined
        case .cleared: .actionCleared
        case .published: .actionPublished
        case .downloaded: .actionDownloaded
        case .policyChanged: .actionPolicyChanged
        case .setAside: .actionSetAside
        case .calendarPlanned: .actionCalendarPlanned
        case .whatIfAsked: .actionWhatIfAsked
        case .memberAdded: .actionMemberAdded
        case .deleted: .actionDeleted
        }
    }
}
