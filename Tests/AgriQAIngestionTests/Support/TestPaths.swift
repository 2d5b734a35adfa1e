import Foundation

/// Paths the tests read: the package's own corpus and fixtures, and the shared data beside the checkout.
enum TestPaths {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let corpus = packageRoot.appendingPathComponent("corpus")
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    static func corpus(_ name: String) -> String { corpus.appendingPathComponent(name).path }
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static func shared(_ relative: String) -> String { sharedData.appendingPathComponent(relative).path }

    static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData.path) }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
