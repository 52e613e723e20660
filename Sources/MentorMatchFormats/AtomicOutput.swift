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
/// - A set can also be made while it is written (``write(_:files:producing:owned:_:)``): each file goes into the
///   staging folder as soon as it is made, a streamed one (`result.json`) as it is encoded, so that it is never held
///   in memory whole; the switch comes after the last one, as for any set.
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

    /// Why a set made while it was written was not switched in; no output file was changed.
    public enum ProducedSetError: Error, Sendable, Hashable {
        /// A file's contents could not be made.
        case making(FormatError)
        /// A file could not be written or the set switched in.
        case writing(AtomicOutputError)
    }

    /// Stages `sets` and `files` (as ``write(_:files:)``) and the set that `produce` makes into `directory`, writing
    /// each of its files into the staging folder as `produce` hands it over; then switches everything in. A failure
    /// anywhere, in `produce` or in writing, changes nothing.
    /// - Throws: ``ProducedSetError``.
    public static func write(
        _ sets: [OutputSet], files: [OutputFile] = [], producing directory: URL, owned: Ownership,
        _ produce: (any OutputDestination) throws(FormatError) -> Void
    ) throws(ProducedSetError) {
        var staged: [StagedSet] = []
        var stagedFiles: [StagedFile] = []
        defer {
            for set in staged { set.discard() }
            for file in stagedFiles { file.discard() }
        }
        let produced: StagedSet
        do throws(AtomicOutputError) {
            for file in files { stagedFiles.append(try StagedFile(file)) }
            for set in sets { staged.append(try StagedSet(set)) }
            produced = try StagedSet(directory: directory, owned: owned)
            staged.append(produced)
        } catch {
            throw .writing(error)
        }
        let destination = StagingDestination(produced)
        do {
            try produce(destination)
        } catch {
            throw .making(error)
        }
        do throws(AtomicOutputError) {
            let written = try destination.finish()
            try produced.carryOldFiles(keeping: written)
            for file in stagedFiles { try file.commit() }
            for set in staged { try set.commit() }
        } catch {
            throw .writing(error)
        }
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
        let owned: Ownership
        let targetExists: Bool

        init(_ set: OutputSet) throws(AtomicOutputError) {
            let names = set.files.keys.sorted() + set.subdirectories.keys.sorted()
            for name in names + set.subdirectories.values.flatMap(\.keys) where !Self.isPlainName(name) {
                throw AtomicOutputError(path: name, problem: "an output file name must be a plain file name")
            }
            try self.init(directory: set.directory, owned: set.owned)
            do throws(AtomicOutputError) {
                try stage(set)
                try carryOldFiles(keeping: Written(files: Set(set.files.keys), folders: Set(set.subdirectories.keys)))
            } catch {
                discard()
                throw error
            }
        }

        static func isPlainName(_ name: String) -> Bool {
            !(name.isEmpty || name == "." || name == ".." || name.contains("/"))
        }

        /// An empty staging folder for `directory`.
        init(directory: URL, owned: Ownership) throws(AtomicOutputError) {
            self.owned = owned
            let manager = FileManager.default
            // A symbolic link to the output folder keeps pointing at it: the real folder is switched.
            target = directory.standardizedFileURL.resolvingSymlinksInPath()
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
            targetExists = exists
        }

        /// The set's files and subdirectories, written into the staging folder.
        private func stage(_ set: OutputSet) throws(AtomicOutputError) {
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
        }

        /// The names a set wrote: files, and whole subdirectories.
        struct Written {
            var files: Set<String>
            var folders: Set<String> = []
        }

        /// Carries the old files that this run neither writes nor owns into the staging folder (see
        /// ``AtomicOutput``), after checking that no folder stands where the run writes a file.
        func carryOldFiles(keeping written: Written) throws(AtomicOutputError) {
            guard targetExists else { return }
            let manager = FileManager.default
            for name in written.files.sorted() {
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: target.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue {
                    throw AtomicOutputError(path: target.appendingPathComponent(name).path,
                                            problem: "this is a folder where the run writes a file; move it elsewhere. "
                                                + "No output file was changed")
                }
            }
            let writtenNames = written.files.union(written.folders)
            let old: [String]
            do {
                old = try manager.contentsOfDirectory(atPath: target.path)
            } catch {
                throw AtomicOutputError(path: target.path, problem: "the folder cannot be read; no output file was changed")
            }
            // Staging folders inside the output are what earlier versions left when killed.
            for name in old where !writtenNames.contains(name) && !owned.owns(name) && !name.hasPrefix(".mentormatch-staging-") {
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

/// The files of a set made while it is written, each written into the staging folder as it is handed over. A failure
/// is kept (the first one) and reported by ``finish()``; the files after it are not written.
private final class StagingDestination: OutputDestination, @unchecked Sendable {
    private let staged: AtomicOutput.StagedSet
    private let lock = NSLock()
    private var names: Set<String> = []
    private var failure: AtomicOutputError?

    init(_ staged: AtomicOutput.StagedSet) {
        self.staged = staged
    }

    func write(_ name: String, _ contents: Data) {
        guard let url = claim(name) else { return }
        do {
            try contents.write(to: url)
        } catch {
            fail(name)
        }
    }

    func stream<Failure: Error>(_ name: String, _ body: (any ByteSink) throws(Failure) -> Void) throws(Failure) {
        guard let url = claim(name) else { return }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return fail(name) }
        let sink = FileSink(descriptor)
        defer {
            if close(descriptor) != 0 || sink.failed { fail(name) }
        }
        try body(sink)
    }

    /// The names written; throws the first failure.
    func finish() throws(AtomicOutputError) -> AtomicOutput.StagedSet.Written {
        let (failure, names) = lock.withLock { (self.failure, self.names) }
        if let failure { throw failure }
        return AtomicOutput.StagedSet.Written(files: names)
    }

    /// The staging path for `name`, or `nil` (and the failure kept) when it cannot be written.
    private func claim(_ name: String) -> URL? {
        lock.withLock {
            guard failure == nil else { return nil }
            guard AtomicOutput.StagedSet.isPlainName(name), !names.contains(name) else {
                failure = AtomicOutputError(path: name, problem: "an output file name must be a plain file name, "
                                                + "written once")
                return nil
            }
            names.insert(name)
            return staged.staging.appendingPathComponent(name)
        }
    }

    private func fail(_ name: String) {
        lock.withLock {
            if failure == nil {
                failure = AtomicOutputError(path: staged.target.appendingPathComponent(name).path,
                                            problem: "the file cannot be written; no output file was changed")
            }
        }
    }
}

/// A streamed file's descriptor; a failed write is kept, and everything after it skipped.
private final class FileSink: ByteSink {
    private let descriptor: Int32
    private(set) var failed = false

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var next = bytes.baseAddress, !failed else { return }
        var left = bytes.count
        while left > 0 {
            let written = systemWrite(descriptor, next, left)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                failed = true
                return
            }
            next += written
            left -= written
        }
    }

    func restart() {
        guard !failed else { return }
        failed = ftruncate(descriptor, 0) != 0 || lseek(descriptor, 0, SEEK_SET) != 0
    }
}

/// write(2), which ``FileSink``'s own `write` hides.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
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
