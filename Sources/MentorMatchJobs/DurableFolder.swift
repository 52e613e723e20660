import Foundation

/// Writes a folder of files so that, once ``write(_:to:staging:syncing:)`` returns, the whole folder is on disk (every file
/// and the folder's entry synced), and a kill before that leaves no folder at the target, only a staging folder
/// that the next start removes.
enum DurableFolder {
    /// Writes `files` (relative paths such as `calendars/M001.ics`) into `staging`, renames `staging` to `target`
    /// (which must not exist), then syncs the file system once. Without `syncing`, the folder is still complete or
    /// absent after the process is killed, but not after a power cut.
    ///
    /// One `syncfs` instead of an fsync per file and folder: a job's dozen fsyncs each waited for the disk, and the
    /// server's throughput was bound by those waits. A power cut before it returns can leave a target with files
    /// cut short, but only of a job not yet marked succeeded, whose run is started again and replaces the folder.
    static func write(_ files: [String: Data], to target: URL, staging: URL, syncing: Bool = true) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        var folders: Set<URL> = [staging]
        for (name, data) in files {
            let url = staging.appendingPathComponent(name)
            let folder = url.deletingLastPathComponent()
            if !folders.contains(folder) {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
                folders.insert(folder)
            }
            try writeFile(data, at: url)
        }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.moveItem(at: staging, to: target)
        if syncing { try syncFileSystem(holding: target) }
    }

    /// Every file below `folder`, as relative paths, sorted.
    static func fileNames(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var names: [String] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            names.append(String(path.dropFirst(base.count + 1)))
        }
        return names.sorted()
    }

    /// Creates the file (it must not exist) with one open and writes it whole: FileManager's createFile writes a
    /// temporary file and renames it, two more system calls per file for a staging folder that is renamed into place
    /// anyway.
    private static func writeFile(_ data: Data, at url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
        try handle.close()
    }

    /// Every file, folder and rename of the file system holding `target`, written to disk (`syncfs`, which reports
    /// write errors since Linux 5.8).
    private static func syncFileSystem(holding target: URL) throws {
        let descriptor = open(target.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard linuxSyncfs(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}

/// glibc's `syncfs`, which its Swift module leaves out (it is declared only with `_GNU_SOURCE`).
@_silgen_name("syncfs")
private func linuxSyncfs(_ descriptor: Int32) -> Int32
