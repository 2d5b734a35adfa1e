import AgriQATestSupport
import Foundation

/// Runs the real `agriqa` executable, built next to the test bundle.
struct AgriQABinary {
    typealias Result = ProcessOutput

    static let packageRoot = TestPackage.root

    static let sharedData = TestPackage.sharedData
    static var hasSharedData: Bool { TestPackage.hasSharedData }

    /// The binary in the same build folder as the running tests, else .build/debug.
    static let url: URL = TestPackage.agriqa ?? TestPackage.debugAgriqa

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    /// Where scripts/fetch-model.sh installs the built-in embedding model (same rule as the binary).
    static var modelDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let root = value("AGRIQA_MODEL_DIR")
            ?? (value("XDG_CACHE_HOME") ?? ((value("HOME") ?? NSHomeDirectory()) + "/.cache")) + "/agriqa/models"
        return root + "/all-MiniLM-L6-v2"
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, environment: environment)
        return ProcessOutput.collect(process)
    }

    static func start(_ arguments: [String], environment: [String: String] = [:], captureOutput: Bool = true) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if captureOutput {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}
