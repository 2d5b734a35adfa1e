import AgriQAAnswering
import AgriQAChatModel
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import Foundation

/// What the routes share: the index and its searcher, the answerer, the optional chat model, the
/// gazetteer, the ingestion jobs and the metrics. Built once by `agriqa serve` (or a test).
public struct ServerEnvironment: Sendable {
    public let configuration: ServerConfiguration
    public let index: KnowledgeIndex
    public let gazetteer: Gazetteer
    public let searcher: HybridSearcher
    public let answers: AnswerService
    public let model: (any ChatModel)?
    public let metrics: ServerMetrics
    public let jobs: IngestJobStore
    /// Accepted API keys (configuration plus key file).
    public let apiKeys: Set<String>
    public let startedAt: Date

    /// - Parameter workerExecutable: the `agriqa` binary that ingests uploads in a child process.
    public init(
        configuration: ServerConfiguration, index: KnowledgeIndex, gazetteer: Gazetteer, searcher: HybridSearcher,
        answers: AnswerService, model: (any ChatModel)?, workerExecutable: String
    ) throws(ServerConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.index = index
        self.gazetteer = gazetteer
        self.searcher = searcher
        self.answers = answers
        self.model = model
        self.metrics = ServerMetrics()
        self.apiKeys = try ServerConfigurationLoader.apiKeys(of: configuration)
        self.startedAt = Date()
        let worker = IngestWorker(
            executable: workerExecutable, indexPath: configuration.index, gazetteers: configuration.gazetteers,
            timeoutSeconds: configuration.workerTimeoutSeconds, memoryMB: configuration.workerMemoryMB)
        self.jobs = IngestJobStore(worker: worker, uploadDirectory: configuration.resolvedUploadDirectory)
    }
}
