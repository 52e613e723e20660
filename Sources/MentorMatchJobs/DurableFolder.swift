import Foundation

/// Writes a folder of files so that, once ``write(_:to:staging:syncing:)`` returns, the whole folder is on disk (every file
/// and the folder's entry synced), and a crash before that leaves no folder at the target, only a staging folder
/// that the next start removes.
enum DurableFolder {
    /// Writes `files` (relative paths such as `calendars/M001.ics`) into `staging`, syncs them, and renames `staging`
    /// to `target` (which must not exist), then syncs the parent folder. Without `syncing`, the folder is still
    /// complete or absent after the process is killed, but not after a power cut.
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
            try writeFile(data, at: url, syncing: syncing)
        }
        if syncing { for folder in folders { try sync(folder) } }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.moveItem(at: staging, to: target)
        guard syncing else { return }
        // The target's folder, and the folder holding that one (it may have been created just now).
        try sync(target.deletingLastPathComponent())
        try sync(target.deletingLastPathComponent().deletingLastPathComponent())
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

    /// Creates the file (it must not exist) with one open, writes it whole and syncs it: FileManager's createFile
    /// writes a temporary file and renames it, two more system calls per file for a staging folder that is renamed
    /// into place anyway.
    private static func writeFile(_ data: Data, at url: URL, syncing: Bool) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
        if syncing { try handle.synchronize() }
        try handle.close()
    }

    /// fsync of a folder, so that its entries (a created file, a rename) survive a crash.
    private static func sync(_ folder: URL) throws {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
