import AgriQAAnswering
import AgriQAChatModel
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import AgriQAServer
import AgriQATestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The AgriQA server on a real loopback port over an index of the sample corpus (or another
/// index), for tests that go through the network stack as clients do.
final class FaultServer: Sendable {
    let port: Int
    let baseURL: String
    let indexPath: String
    private let task: Task<Void, any Error>

    private init(port: Int, indexPath: String, task: Task<Void, any Error>) {
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.indexPath = indexPath
        self.task = task
    }

    /// Starts a server. `indexPath` nil: a fresh copy of the corpus index (each server its own).
    static func start(
        model: (any ChatModel)? = nil, indexPath: String? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> FaultServer {
        let gazetteer = try CorpusIndex.gazetteer()
        var configuration = ServerConfiguration()
        configuration.port = 0
        if let indexPath {
            configuration.index = indexPath
        } else {
            configuration.index = try await CorpusIndex.copy()
        }
        configuration.gazetteers = [FaultEnvironment.gazetteerFile]
        configuration.uploadDirectory = URL(fileURLWithPath: configuration.index).deletingLastPathComponent()
            .appendingPathComponent("uploads-\(UUID().uuidString.prefix(8))").path
        configure(&configuration)
        let index = try KnowledgeIndex(path: configuration.index)
        let searcher = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer)
        let answers = AnswerService(searcher: searcher, model: model, gazetteer: gazetteer)
        let environment = try ServerEnvironment(
            configuration: configuration, index: index, gazetteer: gazetteer, searcher: searcher, answers: answers,
            model: model, workerExecutable: FaultEnvironment.agriqa.path)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            try await AgriQAHTTPServer.run(environment) { port in continuation.yield(port) }
        }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw FaultTestError("the server did not start") }
        return FaultServer(port: port, indexPath: configuration.index, task: task)
    }

    /// Graceful shutdown.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    typealias Reply = HTTPReply

    /// One request; `timeout` bounds the whole exchange so a hang fails the test instead of blocking it.
    func send(
        _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 60
    ) async throws -> Reply {
        try await HTTPExchange.send(baseURL, method, path, headers: headers, body: body, timeout: timeout)
    }

    func postJSON(_ path: String, _ object: Any, headers: [String: String] = [:], timeout: TimeInterval = 60) async throws -> Reply {
        try await HTTPExchange.postJSON(baseURL, path, object, headers: headers, timeout: timeout)
    }

    /// Server-sent events of a streamed reply, as (event, data) pairs.
    static func events(_ text: String) -> [(event: String, data: String)] { HTTPExchange.events(text) }
}
