import Foundation
import MentorMatchCore

/// The bytes of an input file, or an issue naming the file when it is missing or unreadable.
func contentsOfFile(_ path: String) throws(InputError) -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        let exists = FileManager.default.fileExists(atPath: path)
        throw InputError(issues: [InputIssue(
            source: path,
            problem: exists ? "the file cannot be read" : "the file does not exist",
            fix: exists ? "check that the file is readable and not a folder" : "check the path and the file name"
        )])
    }
}
