import Foundation

/// The `mentormatch` executable this test run built, for the tests that run it (the CLI's, and the job service's
/// workers).
public enum BuiltBinary {
    /// The package root: the nearest directory above this file that holds `Package.swift`.
    public static let packageRoot: URL = locatePackageRoot()

    /// The executable, located once.
    public static let mentormatch: Result<URL, BuiltBinaryNotFound> = locateBinary()

    private static func locatePackageRoot(filePath: String = #filePath) -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        // This file lives in Sources/MentorMatchTestSupport; fall back to two levels up.
        return URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Prefers an explicit `MENTORMATCH_BINARY`, then the products directory of this very test run (the directory
    /// of the test executable on Linux, the one holding the `.xctest` bundle on macOS), so that `swift test -c
    /// release` tests the release binary; then the newest `.build/…/{debug,release}/mentormatch`.
    private static func locateBinary() -> Result<URL, BuiltBinaryNotFound> {
        let manager = FileManager.default
        var searched: [URL] = []
        func usable(_ url: URL) -> Bool {
            searched.append(url)
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && manager.isExecutableFile(atPath: url.path)
        }

        if let explicit = ProcessInfo.processInfo.environment["MENTORMATCH_BINARY"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            if usable(url) { return .success(url) }
        }
        var productDirectories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL {
            productDirectories.insert(executable.deletingLastPathComponent(), at: 0)
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            productDirectories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in productDirectories {
            let candidate = directory.appendingPathComponent("mentormatch")
            if usable(candidate) { return .success(candidate) }
        }

        let build = packageRoot.appendingPathComponent(".build")
        var fallbacks = [build.appendingPathComponent("debug/mentormatch"), build.appendingPathComponent("release/mentormatch")]
        let triples = (try? manager.contentsOfDirectory(at: build, includingPropertiesForKeys: nil)) ?? []
        for triple in triples.sorted(by: { $0.path < $1.path }) {
            fallbacks.append(triple.appendingPathComponent("debug/mentormatch"))
            fallbacks.append(triple.appendingPathComponent("release/mentormatch"))
        }
        let newest = fallbacks.filter(usable).max { modificationDate($0) < modificationDate($1) }
        if let newest { return .success(newest) }
        return .failure(BuiltBinaryNotFound(searched: searched.map(\.path)))
    }

    private static func modificationDate(_ url: URL) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        return attributes?[.modificationDate] as? Date ?? .distantPast
    }
}

/// The `mentormatch` binary was not found where a test run puts it.
public struct BuiltBinaryNotFound: Error, CustomStringConvertible {
    public var searched: [String]

    public var description: String {
        "the mentormatch binary was not found; run `swift build` first (searched: \(searched.joined(separator: ", ")))"
    }
}
