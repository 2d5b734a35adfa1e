import AgriQAAnswering
import AgriQAChatModel
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import AgriQAServer
import Foundation

/// A real index of the sample corpus (corpus/*.pdf and its records), built once per test process
/// into a temporary folder, and server environments over it.
enum ServerFixture {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let corpus = packageRoot.appendingPathComponent("corpus")

    /// The `agriqa` binary (the upload worker), built by scripts/test.sh before the tests.
    static let agriqaBinary: String = {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("agriqa").path)
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/agriqa").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last ?? "agriqa"
    }()

    struct Built: Sendable {
        var folder: URL
        var indexPath: String
        var gazetteer: Gazetteer
        var gazetteerFile: String
    }

    /// The corpus index, built on first use (BM25 only: no vectors, so no model is needed).
    static func built() async throws -> Built {
        try await Builder.shared.built()
    }

    private actor Builder {
        static let shared = Builder()
        private var result: Built?

        func built() async throws -> Built {
            if let result { return result }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-server-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let indexPath = folder.appendingPathComponent("agriqa.sqlite").path
            let gazetteerFile = corpus.appendingPathComponent("gazetteer/sample-places.csv").path
            var gazetteer = try Gazetteer.builtIn()
            _ = try gazetteer.load(file: gazetteerFile)
            let index = try KnowledgeIndex(path: indexPath)
            try index.rememberGazetteers([gazetteerFile])
            let summary = await IngestCoordinator(index: index, gazetteer: gazetteer, concurrency: 2).run([corpus.path])
            guard summary.failed.isEmpty, summary.added > 0 else {
                throw FixtureError("the sample corpus did not ingest: \(summary.failed)")
            }
            let built = Built(folder: folder, indexPath: indexPath, gazetteer: gazetteer, gazetteerFile: gazetteerFile)
            result = built
            return built
        }
    }

    /// A server environment over the corpus index. `model` is the chat model (nil: extractive);
    /// `configure` adjusts the configuration (keys, limits).
    static func environment(
        model: (any ChatModel)? = nil, indexPath: String? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> ServerEnvironment {
        let built = try await built()
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.index = indexPath ?? built.indexPath
        configuration.gazetteers = [built.gazetteerFile]
        configuration.uploadDirectory = built.folder.appendingPathComponent("uploads-\(UUID().uuidString.prefix(8))").path
        configure(&configuration)
        let index = try KnowledgeIndex(path: configuration.index)
        let searcher = HybridSearcher(index: index, embedder: nil, gazetteer: built.gazetteer)
        let answers = AnswerService(searcher: searcher, model: model, gazetteer: built.gazetteer)
        return try ServerEnvironment(
            configuration: configuration, index: index, gazetteer: built.gazetteer, searcher: searcher, answers: answers,
            model: model, workerExecutable: agriqaBinary)
    }

    /// A new index of a few corpus files, for tests that change it (uploads, deletes).
    static func smallIndex(_ files: [String] = ["us-wa-winter-wheat.pdf", "ke-maize.pdf"]) async throws -> String {
        let built = try await built()
        let path = built.folder.appendingPathComponent("small-\(UUID().uuidString.prefix(8)).sqlite").path
        let index = try KnowledgeIndex(path: path)
        try index.rememberGazetteers([built.gazetteerFile])
        let summary = await IngestCoordinator(index: index, gazetteer: built.gazetteer, concurrency: 1)
            .run(files.map { corpus.appendingPathComponent($0).path })
        guard summary.failed.isEmpty else { throw FixtureError("small index failed: \(summary.failed)") }
        return path
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
