import AgriQAChatModel
import AgriQAEmbedding
import AgriQAExam
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import AgriQATestSupport
import Foundation

/// Paths, temporary folders and the corpus index shared by the exam tests.
enum ExamTestSupport {
    static let packageRoot = TestPackage.root

    static let corpus = packageRoot.appendingPathComponent("corpus")
    static let corpusExam = packageRoot.appendingPathComponent("Tests/Fixtures/exams/corpus-exam.jsonl")
    static let sharedData = TestPackage.sharedData

    static var modelInstalled: Bool {
        FileManager.default.fileExists(
            atPath: LocalSentenceEmbedder.defaultModelDirectory().appendingPathComponent("model.safetensors").path)
    }

    static func temporaryDirectory(_ name: String = "exam") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The sample corpus ingested (and embedded when the built-in model is installed) once for
    /// the whole test run.
    static let corpusIndex = CorpusIndex()

    final class CorpusIndex: Sendable {
        private let task: Task<(KnowledgeIndex, Gazetteer, (any TextEmbedder)?), any Error>

        init() {
            task = Task {
                let directory = try ExamTestSupport.temporaryDirectory("exam-index")
                let index = try KnowledgeIndex(path: directory.appendingPathComponent("corpus.sqlite").path)
                var gazetteer = try Gazetteer.builtIn()
                _ = try gazetteer.load(file: ExamTestSupport.corpus.appendingPathComponent("gazetteer/sample-places.csv").path)
                let summary = await IngestCoordinator(index: index, gazetteer: gazetteer, concurrency: 2)
                    .run([ExamTestSupport.corpus.path])
                guard summary.failed.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
                var embedder: (any TextEmbedder)?
                if ExamTestSupport.modelInstalled {
                    let local = try LocalSentenceEmbedder()
                    _ = try await EmbeddingRunner(index: index, embedder: local).run()
                    embedder = local
                }
                return (index, gazetteer, embedder)
            }
        }

        func retriever(k: Int = 4) async throws -> ExamRetriever {
            let (index, gazetteer, embedder) = try await task.value
            return ExamRetriever(searcher: HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer), options: SearchOptions(k: k))
        }

        var gazetteer: Gazetteer {
            get async throws { try await task.value.1 }
        }
    }

    static func settings(solver: String, seed: Int = 0) -> RunSettings {
        RunSettings(examPath: "exam.jsonl", examDigest: "test", solver: solver, seed: seed)
    }

    /// A chat client for a fake server, with short timeouts and quick retries.
    static func model(_ url: URL, timeout: Duration = .seconds(20), retries: Int = 2) throws -> any ChatModel {
        try OpenAICompatibleChatModel(
            configuration: ChatModelConfiguration(
                baseURL: url, model: "fake-exam-model", timeout: timeout, streamIdleTimeout: timeout, maxRetries: retries,
                backoffBase: .milliseconds(10), maxBackoff: .milliseconds(50)))
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
