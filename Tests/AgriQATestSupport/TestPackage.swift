import Foundation

/// Where the package, the shared data set and the built `agriqa` executable are, for tests that run
/// the real binary (CLI, exam, terminal chat and fault tests).
public enum TestPackage {
    /// The folder holding Package.swift (found from this file), else the current directory.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/data` beside the repository; tests that need it skip when it is absent.
    public static let sharedData = root.deletingLastPathComponent().appendingPathComponent("shared/data")
    public static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData.path) }

    /// `.build/debug/agriqa`: where `agriqa` is looked for last, and what is named when it is missing.
    public static let debugAgriqa = root.appendingPathComponent(".build/debug/agriqa")

    /// The `agriqa` built in the same folder as the running tests (or up to three folders above it),
    /// else `.build/debug/agriqa`; nil when neither exists (scripts/test.sh builds it first).
    public static let agriqa: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("agriqa"))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(debugAgriqa)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
