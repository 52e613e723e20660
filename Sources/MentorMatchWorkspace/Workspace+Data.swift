import Foundation
import GRDB
import MentorMatch

extension Workspace {
    /// Stores the uploaded files as the programme's current ones (a kind not uploaded keeps its earlier file) and
    /// checks the set.
    public func upload(_ files: [UploadedFile], to programme: Programme, by account: Account) throws(WorkspaceError) -> DataCheck {
        try write { db in
            for file in files {
                let id = Self.randomToken(bytes: 8)
                try db.execute(
                    sql: """
                        INSERT INTO upload (id, programme_id, kind, file_name, sheet, data, account, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [id, programme.id, file.kind.rawValue, Self.safeFileName(file.fileName, kind: file.kind),
                                file.sheet.flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }, file.data, account.name,
                                Date()])
                // Only the newest file of a kind is kept: an older one holds people's data no longer used.
                try db.execute(sql: "DELETE FROM upload WHERE programme_id = ? AND kind = ? AND id <> ?",
                               arguments: [programme.id, file.kind.rawValue, id])
                try Self.audit(db, programme: programme.id, account: account.name, .uploaded, "upload \(id) (\(file.kind.rawValue))")
            }
            if !files.isEmpty {
                try db.execute(sql: "UPDATE programme SET skip_invalid = 0 WHERE id = ?", arguments: [programme.id])
            }
        }
        logger.info("files uploaded", metadata: ["files": "\(files.count)"])
        return try check(programme)
    }

    /// Chooses the sheet of the current workbook of a kind (nil: the sheet found by its columns).
    public func chooseSheet(_ sheet: String?, of kind: DataKind, in programme: Programme, by account: Account)
        throws(WorkspaceError)
    {
        guard let file = try currentFiles(programme)[kind]?.0 else { throw .notFound }
        if let sheet, !(file.sheetNames ?? []).contains(sheet) {
            throw .invalidField(field: "\(kind.rawValue)_sheet",
                                problem: Phrase("the workbook has no sheet '\(sheet.prefix(100))'", lv: "darbgrāmatā nav lapas '\(sheet.prefix(100))'"))
        }
        try write { db in
            try db.execute(sql: "UPDATE upload SET sheet = ? WHERE id = ?", arguments: [sheet, file.id])
            try Self.audit(db, programme: programme.id, account: account.name, .uploaded, "upload \(file.id) (sheet)")
        }
    }

    /// The sheet chosen of each current workbook, by the name its issues give it.
    static func sheetChoices(_ files: [DataKind: (UploadInfo, Data)]) -> [String: String] {
        var choices: [String: String] = [:]
        for (info, _) in files.values { if let sheet = info.sheet { choices[info.fileName] = sheet } }
        return choices
    }

    /// Sets the invalid rows aside for the runs (or uses every row again).
    public func setAside(_ setAside: Bool, in programme: Programme, by account: Account) throws(WorkspaceError) {
        try write { db in
            try db.execute(sql: "UPDATE programme SET skip_invalid = ? WHERE id = ?", arguments: [setAside, programme.id])
            try Self.audit(db, programme: programme.id, account: account.name, .setAside, setAside ? "on" : "off")
        }
    }

    /// The name issues give a file: the uploaded name's last component, or the kind's name.
    static func safeFileName(_ name: String, kind: DataKind) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(100))
        return cleaned.trimmingCharacters(in: .whitespaces).isEmpty ? "\(kind.rawValue).csv" : cleaned
    }

    func currentFiles(_ programme: Programme) throws(WorkspaceError) -> [DataKind: (UploadInfo, Data)] {
        try read { db in
            var files: [DataKind: (UploadInfo, Data)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM upload WHERE programme_id = ? ORDER BY created_at",
                                        arguments: [programme.id]) {
                guard let kind = DataKind(rawValue: row["kind"]) else { continue }
                let data: Data = row["data"]
                files[kind] = (UploadInfo(id: row["id"], kind: kind, fileName: row["file_name"], account: row["account"],
                                          createdAt: row["created_at"], sheet: row["sheet"],
                                          sheetNames: WorkbookSheets.names(data)), data)
            }
            return files
        }
    }

    /// The programme's files, read by the library's loaders (CSV or `.xlsx`), with every problem at its row or cell.
    public func check(_ programme: Programme) throws(WorkspaceError) -> DataCheck {
        let files = try currentFiles(programme)
        var check = DataCheck(files: files.mapValues(\.0), issues: [], rejected: [], canSetAside: false, mentors: 0,
                              mentees: 0, places: 0)
        guard let contents = try contents(files, programme: programme, current: []) else { return check }
        let sheets = Self.sheetChoices(files)
        do throws(InputError) {
            let loaded = try WorkbookSheets.reading(sheets) { () throws(InputError) in try InputLoader.load(contents) }
            check.mentors = loaded.input.mentors.count
            check.mentees = loaded.input.mentees.count
            check.places = loaded.input.places.count
        } catch {
            check.issues = error.issues
            if let loaded = try? WorkbookSheets.reading(sheets, { () throws(InputError) in
                try InputLoader.load(contents, skippingInvalidRows: true)
            }) {
                check.canSetAside = true
                check.rejected = loaded.rejected
                check.mentors = loaded.input.mentors.count
                check.mentees = loaded.input.mentees.count
                check.places = loaded.input.places.count
            }
        }
        return check
    }

    /// The run's input: the files, the policy, the decisions as locks and the published pairs as current pairs.
    func contents(
        _ files: [DataKind: (UploadInfo, Data)], programme: Programme, current: [PublishedPair],
        locks: [Decision] = []
    ) throws(WorkspaceError) -> InputContents? {
        guard let mentors = files[.mentors], let mentees = files[.mentees], let places = files[.places] else { return nil }
        let policy = PolicyFile.yamlText(try policy(of: programme))
        return InputContents(
            mentors: InputBytes(mentors.1, source: mentors.0.fileName),
            mentees: InputBytes(mentees.1, source: mentees.0.fileName),
            places: InputBytes(places.1, source: places.0.fileName),
            locks: locks.isEmpty ? nil : InputBytes(Data(Self.locksText(locks).utf8), source: "decisions"),
            policy: InputBytes(Data(policy.utf8), source: "policy.yaml"),
            current: current.isEmpty ? nil : InputBytes(Data(Self.currentText(current).utf8), source: "current pairs"))
    }

    static func locksText(_ decisions: [Decision]) -> String {
        CSVWriter.text(header: ["mentor_id", "mentee_id", "rule"], rows: decisions.map {
            [$0.mentorID, $0.menteeID, $0.kind == .approve ? "lock" : "forbid"]
        })
    }

    static func currentText(_ pairs: [PublishedPair]) -> String {
        CSVWriter.text(header: ["mentor_id", "mentee_id", "since"], rows: pairs.map { [$0.mentorID, $0.menteeID, $0.since ?? ""] })
    }
}
