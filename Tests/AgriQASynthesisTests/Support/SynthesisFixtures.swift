import AgriQAChatModel
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import AgriQASynthesis
import AgriQATestSupport
import Foundation

/// The sample corpus ingested once (BM25 only: synthesis does not need vectors), temporary
/// folders, and clients for the fake chat server.
enum SynthesisFixtures {
    static let packageRoot = TestPackage.root

    static let corpus = packageRoot.appendingPathComponent("corpus")

    static func temporaryDirectory(_ name: String = "synth") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The corpus PDFs, ingested with the real pipeline into a temporary index.
    static let corpusIndex = CorpusIndex()

    final class CorpusIndex: Sendable {
        private let task: Task<(KnowledgeIndex, Gazetteer), any Error>

        init() {
            task = Task {
                let directory = try SynthesisFixtures.temporaryDirectory("synth-index")
                let index = try KnowledgeIndex(path: directory.appendingPathComponent("corpus.sqlite").path)
                var gazetteer = try Gazetteer.builtIn()
                _ = try gazetteer.load(file: SynthesisFixtures.corpus.appendingPathComponent("gazetteer/sample-places.csv").path)
                let summary = await IngestCoordinator(index: index, gazetteer: gazetteer, concurrency: 2)
                    .run([SynthesisFixtures.corpus.path])
                guard summary.failed.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
                return (index, gazetteer)
            }
        }

        var index: KnowledgeIndex { get async throws { try await task.value.0 } }
        var gazetteer: Gazetteer { get async throws { try await task.value.1 } }

        func searcher() async throws -> HybridSearcher {
            let (index, gazetteer) = try await task.value
            return HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer)
        }
    }

    /// A client for the fake server: short timeouts, quick retries.
    static func client(_ url: URL, model: String = "fake-teacher", retries: Int = 1) throws -> any ChatModel {
        try OpenAICompatibleChatModel(
            configuration: ChatModelConfiguration(
                baseURL: url, model: model, timeout: .seconds(20), streamIdleTimeout: .seconds(20), maxRetries: retries,
                backoffBase: .milliseconds(10), maxBackoff: .milliseconds(50)))
    }

    /// A pipeline over the corpus index with `model` (metered into `ledger`).
    static func pipeline(
        _ model: any ChatModel, settings: SynthesisSettings, ledger: UsageLedger
    ) async throws -> SynthesisPipeline {
        let searcher = try await corpusIndex.searcher()
        return SynthesisPipeline(
            model: MeteredChatModel(base: model, ledger: ledger), searcher: searcher, gazetteer: try await corpusIndex.gazetteer,
            settings: settings, ledger: ledger)
    }

    /// Settings for small runs: three sections of the Kenya and Washington guides.
    static func settings(_ scaling: ScalingMode, limit: Int = 4, threshold: Double = 0.8, share: Double = 0.5) -> SynthesisSettings {
        SynthesisSettings(
            scaling: scaling, dedupeThreshold: threshold, validationShare: share, seed: 3, concurrency: 2, sectionLimit: limit,
            catalog: .init(minimumTokens: 30, documentFilter: ["ke-maize", "us-wa-winter-wheat"]))
    }
}
