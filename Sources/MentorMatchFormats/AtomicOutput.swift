import Foundation

/// Why a set of output files was not written.
public struct AtomicOutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The directory or file that could not be written.
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// Writes a set of files into a directory so that a reader sees either the old files or the new ones.
///
/// The guarantee, precisely:
/// - Every file is first written in full to a staging directory inside the target directory (so on the same file
///   system). If writing any of them fails, the staging directory is removed and no target file is touched.
/// - Then each file is moved into place with `rename(2)`, which replaces an existing file atomically: a reader
///   sees the complete old file or the complete new one, never a mix.
/// - The set is all or nothing as far as this process is concerned: a failure before the moves leaves nothing.
///   A failure between two renames (which needs the directory to change under us) leaves the files renamed
///   so far in place; the error says so.
/// - The staging directory is removed on every path. Files are not synced to disk, so a power cut may still
///   lose recent writes.
public enum AtomicOutput {
    /// Writes `files` (file name → contents) into `directory`, creating the directory if it is missing.
    ///
    /// - Parameters:
    ///   - files: Plain file names (no `/`) and their contents.
    ///   - directory: The output directory.
    /// - Throws: ``AtomicOutputError`` naming the path that failed.
    public static func write(_ files: [String: Data], to directory: URL) throws(AtomicOutputError) {
        try write(files, subdirectories: [:], to: directory)
    }

    /// Writes `files` and whole subdirectories into `directory`.
    ///
    /// Each subdirectory (such as `calendars`) is staged in full with the files, then replaces the old one as a whole:
    /// the old directory is moved into the staging area and the new one into place, two renames, so files of an
    /// earlier run never linger beside the new ones.
    /// - Parameters:
    ///   - files: Plain file names and their contents.
    ///   - subdirectories: Plain directory names, each with its plain file names and contents.
    ///   - directory: The output directory.
    /// - Throws: ``AtomicOutputError`` naming the path that failed.
    public static func write(
        _ files: [String: Data], subdirectories: [String: [String: Data]], to directory: URL
    ) throws(AtomicOutputError) {
        let allNames = files.keys.sorted() + subdirectories.keys.sorted() + subdirectories.values.flatMap(\.keys).sorted()
        for name in allNames where name.isEmpty || name == "." || name == ".." || name.contains("/") {
            throw AtomicOutputError(path: name, problem: "an output file name must be a plain file name")
        }
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicOutputError(path: directory.path, problem: "the output directory cannot be created")
        }
        let staging = directory.appendingPathComponent(".mentormatch-staging-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw AtomicOutputError(path: directory.path, problem: "the output directory is not writable")
        }
        defer { try? manager.removeItem(at: staging) }
        var staged = files.keys.sorted().map { (name: $0, data: files[$0, default: Data()]) }
        for subdirectory in subdirectories.keys.sorted() {
            do {
                try manager.createDirectory(at: staging.appendingPathComponent(subdirectory), withIntermediateDirectories: false)
            } catch {
                throw AtomicOutputError(path: directory.appendingPathComponent(subdirectory).path,
                                        problem: "the directory cannot be created; no output file was changed")
            }
            let contents = subdirectories[subdirectory, default: [:]]
            staged += contents.keys.sorted().map { (name: subdirectory + "/" + $0, data: contents[$0, default: Data()]) }
        }
        for file in staged {
            do {
                try file.data.write(to: staging.appendingPathComponent(file.name))
            } catch {
                throw AtomicOutputError(path: directory.appendingPathComponent(file.name).path,
                                        problem: "the file cannot be written; no output file was changed")
            }
        }
        let names = files.keys.sorted() + subdirectories.keys.sorted()
        for (position, name) in names.enumerated() {
            let target = directory.appendingPathComponent(name)
            let source = staging.appendingPathComponent(name)
            let isSubdirectory = subdirectories[name] != nil
            // rename(2) cannot replace a non-empty directory, so the old one moves into the staging area first.
            let retired = !isSubdirectory || !manager.fileExists(atPath: target.path)
                || rename(target.path, staging.appendingPathComponent(".old-" + name).path) == 0
            guard retired, rename(source.path, target.path) == 0 else {
                let moved = names.prefix(position)
                throw AtomicOutputError(
                    path: target.path,
                    problem: "the file cannot be moved into place (error \(errno)); "
                        + (moved.isEmpty ? "no output file was changed"
                           : "already replaced: \(moved.joined(separator: ", "))")
                )
            }
        }
    }
}
