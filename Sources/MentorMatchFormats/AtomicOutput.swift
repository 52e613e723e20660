import Foundation
import MentorMatchCore

#if canImport(Glibc)
import Glibc
#endif

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

/// Writes a set of files into a directory so that a reader sees the complete old set or the complete new one, never
/// a mix, even when the process is killed at any moment.
///
/// The guarantee, precisely:
/// - The whole new set is written into a fresh staging folder beside the directory (`.NAME.mentormatch-staging-…`,
///   on the same file system), together with the files of the old set that this run keeps (see below, hard links).
/// - Then the staging folder and the directory trade places in one `renameat2(RENAME_EXCHANGE)` (a plain rename when
///   the directory is new): the switch is atomic, also under SIGKILL. The old set, now in the staging folder, is
///   removed.
/// - A failure before the switch leaves the directory untouched; the staging folder is removed on every path, by a
///   SIGINT or SIGTERM handler too (``removeStagingFolders()``), and one left by a killed run is removed by the next
///   run into the same directory.
/// - Which old files stay: the names a command owns (``OutputSet/owned``: every file it can write, such as
///   `simulation.csv` for `plan`) are replaced or removed; every other file (another command's results, a file of
///   the user's) is carried into the new set unchanged. A folder other than MentorMatch's own (``carriedFolders``)
///   is not carried: a directory holding one is refused, so that `--out` never takes over a home or project folder.
/// - A single file (``OutputFile``, such as `--write-lp`) is written beside its target and renamed over it.
/// - Files are not synced to disk, so a power cut may still lose recent writes.
public enum AtomicOutput {
    /// One directory's new files, staged and not yet switched in.
    public struct OutputSet: Sendable {
        public var directory: URL
        public var files: [String: Data]
        public var subdirectories: [String: [String: Data]]
        /// Which old files this run replaces: old files it owns that it does not write are removed; all other old
        /// files are kept.
        public var owned: Ownership

        public init(
            directory: URL, files: [String: Data], subdirectories: [String: [String: Data]] = [:],
            owned: Ownership = .names([])
        ) {
            self.directory = directory
            self.files = files
            self.subdirectories = subdirectories
            self.owned = owned
        }
    }

    /// Which files of an earlier run into the same folder a command's run replaces.
    public enum Ownership: Sendable, Hashable {
        /// The names the command writes in some run (such as `simulation.csv` for `plan`).
        case names(Set<String>)
        /// The whole folder is the command's (`--export-flow`).
        case everything

        func owns(_ name: String) -> Bool {
            switch self {
            case .names(let names): names.contains(name)
            case .everything: true
            }
        }
    }

    /// One file written on its own, beside its target, then renamed over it.
    public struct OutputFile: Sendable {
        public var url: URL
        public var data: Data

        public init(url: URL, data: Data) {
            self.url = url
            self.data = data
        }
    }

    /// Folders MentorMatch writes (`schedule`'s calendars), which a run of another command carries over.
    public static let carriedFolders: Set<String> = ["calendars"]

    /// Writes `files` (file name → contents) into `directory`, creating the directory if it is missing; other
    /// files in the directory are kept.
    /// - Throws: ``AtomicOutputError`` naming the path that failed.
    public static func write(_ files: [String: Data], to directory: URL) throws(AtomicOutputError) {
        try write([OutputSet(directory: directory, files: files)])
    }

    /// Writes `files` and whole subdirectories into `directory`; a subdirectory replaces the old one as a whole.
    /// - Throws: ``AtomicOutputError`` naming the path that failed.
    public static func write(
        _ files: [String: Data], subdirectories: [String: [String: Data]], to directory: URL
    ) throws(AtomicOutputError) {
        try write([OutputSet(directory: directory, files: files, subdirectories: subdirectories)])
    }

    /// Stages every set, then switches each in: a failure while staging any of them changes none.
    /// - Throws: ``AtomicOutputError`` naming the path that failed.
    public static func write(_ sets: [OutputSet], files: [OutputFile] = []) throws(AtomicOutputError) {
        var staged: [StagedSet] = []
        var stagedFiles: [StagedFile] = []
        defer {
            for set in staged { set.discard() }
            for file in stagedFiles { file.discard() }
        }
        for file in files { stagedFiles.append(try StagedFile(file)) }
        for set in sets { staged.append(try StagedSet(set)) }
        for file in stagedFiles { try file.commit() }
        for set in staged { try set.commit() }
    }

    /// One file written beside its target.
    struct StagedFile {
        let target: URL
        let staging: URL

        init(_ file: OutputFile) throws(AtomicOutputError) {
            target = file.url.standardizedFileURL
            let parent = target.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw AtomicOutputError(path: parent.path, problem: "the folder cannot be created")
            }
            StagedSet.removeAbandonedStaging(beside: target)
            staging = parent.appendingPathComponent(".\(target.lastPathComponent).mentormatch-staging-\(getpid())-\(UUID().uuidString.prefix(8))")
            guard StagingRegistry.shared.register(staging.path) else {
                throw AtomicOutputError(path: target.path, problem: "the run is being stopped; the file was not written")
            }
            do {
                try file.data.write(to: staging)
            } catch {
                discard()
                throw AtomicOutputError(path: target.path, problem: "the file cannot be written")
            }
        }

        func commit() throws(AtomicOutputError) {
            let renamed = StagingRegistry.shared.whileRunning { rename(staging.path, target.path) }
            guard renamed == 0 else {
                throw AtomicOutputError(path: target.path, problem: "the file cannot be moved into place")
            }
        }

        func discard() {
            try? FileManager.default.removeItem(at: staging)
            StagingRegistry.shared.unregister(staging.path)
        }
    }

    /// Removes the staging folders of this process's writes in progress, and stops any further switch; for a
    /// SIGINT or SIGTERM handler, which then exits.
    public static func removeStagingFolders() {
        StagingRegistry.shared.cancelAll()
    }

    /// One set written into its staging folder.
    struct StagedSet {
        let target: URL
        let staging: URL

        init(_ set: OutputSet) throws(AtomicOutputError) {
            let names = set.files.keys.sorted() + set.subdirectories.keys.sorted()
            for name in names + set.subdirectories.values.flatMap(\.keys)
            where name.isEmpty || name == "." || name == ".." || name.contains("/") {
                throw AtomicOutputError(path: name, problem: "an output file name must be a plain file name")
            }
            let manager = FileManager.default
            // A symbolic link to the output folder keeps pointing at it: the real folder is switched.
            target = set.directory.standardizedFileURL.resolvingSymlinksInPath()
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue {
                throw AtomicOutputError(path: target.path, problem: "this is a file, not a folder; no output file was changed")
            }
            let parent = target.deletingLastPathComponent()
            do {
                try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw AtomicOutputError(path: parent.path, problem: "the folder cannot be created")
            }
            Self.removeAbandonedStaging(beside: target)
            staging = parent.appendingPathComponent(
                ".\(target.lastPathComponent).mentormatch-staging-\(getpid())-\(UUID().uuidString.prefix(8))")
            guard StagingRegistry.shared.register(staging.path) else {
                throw AtomicOutputError(path: target.path, problem: "the run is being stopped; no output file was changed")
            }
            do {
                try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            } catch {
                StagingRegistry.shared.unregister(staging.path)
                throw AtomicOutputError(path: parent.path, problem: "the folder is not writable; no output file was changed")
            }
            do throws(AtomicOutputError) {
                try stage(set, targetExists: exists)
            } catch {
                discard()
                throw error
            }
        }

        private func stage(_ set: OutputSet, targetExists: Bool) throws(AtomicOutputError) {
            let manager = FileManager.default
            var staged = set.files.map { (name: $0.key, data: $0.value) }
            for (subdirectory, contents) in set.subdirectories {
                do {
                    try manager.createDirectory(at: staging.appendingPathComponent(subdirectory), withIntermediateDirectories: false)
                } catch {
                    throw AtomicOutputError(path: target.appendingPathComponent(subdirectory).path,
                                            problem: "the folder cannot be created; no output file was changed")
                }
                staged += contents.map { (name: subdirectory + "/" + $0.key, data: $0.value) }
            }
            // Written on all cores (a national result.json beside the rest); the first failure by name is reported.
            let files = staged.sorted(by: { $0.name < $1.name })
            let staging = staging
            let failed = ConcurrentChunks.map(count: files.count) { index in
                (try? files[index].data.write(to: staging.appendingPathComponent(files[index].name))) == nil
            }
            if let index = failed.firstIndex(of: true) {
                throw AtomicOutputError(path: target.appendingPathComponent(files[index].name).path,
                                        problem: "the file cannot be written; no output file was changed")
            }
            guard targetExists else { return }
            for name in set.files.keys.sorted() {
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: target.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue {
                    throw AtomicOutputError(path: target.appendingPathComponent(name).path,
                                            problem: "this is a folder where the run writes a file; move it elsewhere. "
                                                + "No output file was changed")
                }
            }
            let written = Set(set.files.keys).union(set.subdirectories.keys)
            let old: [String]
            do {
                old = try manager.contentsOfDirectory(atPath: target.path)
            } catch {
                throw AtomicOutputError(path: target.path, problem: "the folder cannot be read; no output file was changed")
            }
            // Staging folders inside the output are what earlier versions left when killed.
            for name in old where !written.contains(name) && !set.owned.owns(name) && !name.hasPrefix(".mentormatch-staging-") {
                let source = target.appendingPathComponent(name), copy = staging.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue,
                    !AtomicOutput.carriedFolders.contains(name)
                {
                    throw AtomicOutputError(path: target.path, problem: "the folder holds a folder MentorMatch did not write "
                                                + "('\(InputText.excerpt(name))'); give the output a folder of its own. No output file was changed")
                }
                do {
                    // Hard links cost nothing and keep the file as it is; a copy where links are not allowed.
                    do { try manager.linkItem(at: source, to: copy) } catch { try manager.copyItem(at: source, to: copy) }
                } catch {
                    throw AtomicOutputError(path: source.path, problem: "this earlier file cannot be kept in the new set "
                                                + "(move it elsewhere); no output file was changed")
                }
            }
        }

        /// Switches the staged set in with one atomic exchange (a rename for a new folder).
        func commit() throws(AtomicOutputError) {
            let switched = StagingRegistry.shared.whileRunning { () -> Int32 in
                FileManager.default.fileExists(atPath: target.path)
                    ? exchange(staging.path, target.path) : rename(staging.path, target.path)
            }
            guard let switched else {
                throw AtomicOutputError(path: target.path, problem: "the run is being stopped; no output file was changed")
            }
            guard switched == 0 else {
                let code = errno
                throw AtomicOutputError(path: target.path, problem: "the new files cannot be switched in (\(String(cString: strerror(code)))); "
                                            + "no output file was changed")
            }
        }

        /// Removes the staging folder (after a switch it holds the old set).
        func discard() {
            try? FileManager.default.removeItem(at: staging)
            StagingRegistry.shared.unregister(staging.path)
        }

        /// Staging folders of runs into the same folder whose process is gone (killed by SIGKILL or a power cut).
        static func removeAbandonedStaging(beside target: URL) {
            let parent = target.deletingLastPathComponent()
            let prefix = ".\(target.lastPathComponent).mentormatch-staging-"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            for name in names where name.hasPrefix(prefix) {
                let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
                guard let pid, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }
}

/// `renameat2(…, RENAME_EXCHANGE)`: swaps two paths atomically (Linux 3.15, glibc 2.28). Looked up at run time, as
/// Swift's Glibc module does not declare it.
private func exchange(_ first: String, _ second: String) -> Int32 {
    #if os(Linux)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
        errno = ENOSYS
        return -1
    }
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let renameExchange: UInt32 = 1 << 1
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange)
    #else
    return renamex_np(first, second, UInt32(RENAME_SWAP))
    #endif
}

/// The staging folders of writes in progress, so that a signal handler can remove them; once it has, no set is
/// switched in any more.
final class StagingRegistry: @unchecked Sendable {
    static let shared = StagingRegistry()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var isCancelled = false

    /// Whether the write may go on.
    func register(_ path: String) -> Bool {
        lock.withLock {
            guard !isCancelled else { return false }
            paths.insert(path)
            return true
        }
    }

    func unregister(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    /// Runs `body` (a switch) unless the run is being stopped; a stop waits for a switch under way.
    func whileRunning<Result>(_ body: () -> Result) -> Result? {
        lock.withLock { isCancelled ? nil : body() }
    }

    func cancelAll() {
        lock.withLock {
            isCancelled = true
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
            paths = []
        }
    }
}
