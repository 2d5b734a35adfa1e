import AgriQATestSupport
import Foundation

/// Runs the real `agriqa` executable built next to the test bundle (as Tests/AgriQACLITests do),
/// and builds the sample corpus's index with it once per test run.
enum ChatBinary {
    typealias Result = ProcessOutput

    static let packageRoot = TestPackage.root

    static let url: URL? = TestPackage.agriqa

    static var exists: Bool { url != nil }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-chat-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Environment for a child: no colour decisions inherited, no model or index from the caller's shell.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["AGRIQA_MODEL_URL", "AGRIQA_MODEL", "AGRIQA_INDEX", "NO_COLOR", "AGRIQA_API_KEY"] {
            environment.removeValue(forKey: name)
        }
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    static func start(_ arguments: [String], environment: [String: String] = [:], stdin: Any? = nil) throws -> Process {
        let process = Process()
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = Self.environment(environment)
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// Runs `agriqa` with `input` on its standard input (a pipe) and collects its output.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) async throws -> Result {
        let stdin = Pipe()
        let process = try start(arguments, environment: environment, stdin: stdin)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        return await collect(process)
    }

    /// Reads both pipes to their end off the cooperative pool, then waits for the exit.
    static func collect(_ process: Process) async -> Result {
        await ProcessOutput.collected(from: process)
    }

    /// The sample corpus (corpus/, with its gazetteer) ingested by `agriqa ingest --no-embed` into a
    /// temporary folder, once per test run: answers rank by BM25, needing no model files.
    static let corpusIndex = CorpusIndex()

    final class CorpusIndex: Sendable {
        private let task: Task<String, any Error>

        init() {
            task = Task {
                let directory = try ChatBinary.temporaryDirectory("index")
                let path = directory.appendingPathComponent("corpus.sqlite").path
                let corpus = ChatBinary.packageRoot.appendingPathComponent("corpus")
                let result = try await ChatBinary.run([
                    "ingest", corpus.path, "--index", path, "--no-embed",
                    "--gazetteer", corpus.appendingPathComponent("gazetteer/sample-places.csv").path,
                ])
                guard result.status == 0 else { throw ChatTestError("agriqa ingest failed: \(result.stderr)") }
                return path
            }
        }

        var path: String {
            get async throws { try await task.value }
        }
    }
}

struct ChatTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
