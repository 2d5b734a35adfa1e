import Foundation

/// Runs the real `agriqa` executable built next to the test bundle (as Tests/AgriQACLITests do),
/// and builds the sample corpus's index with it once per test run.
enum ChatBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let url: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("agriqa"))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/agriqa"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

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
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let out = process.standardOutput as? Pipe
                let err = process.standardError as? Pipe
                nonisolated(unsafe) var errData = Data()
                let group = DispatchGroup()
                group.enter()
                DispatchQueue.global().async {
                    errData = err?.fileHandleForReading.readDataToEndOfFile() ?? Data()
                    group.leave()
                }
                let outData = out?.fileHandleForReading.readDataToEndOfFile() ?? Data()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(
                    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                    stderr: String(decoding: errData, as: UTF8.self)))
            }
        }
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
