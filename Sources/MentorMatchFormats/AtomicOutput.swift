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
        for name in files.keys.sorted() where name.isEmpty || name == "." || name == ".." || name.contains("/") {
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
        let names = files.keys.sorted()
        for name in names {
            do {
                try files[name, default: Data()].write(to: staging.appendingPathComponent(name))
            } catch {
                throw AtomicOutputError(path: directory.appendingPathComponent(name).path,
                                        problem: "the file cannot be written; no output file was changed")
            }
        }
        for (position, name) in names.enumerated() {
            let target = directory.appendingPathComponent(name)
            guard rename(staging.appendingPathComponent(name).path, target.path) == 0 else {
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
