import AgriQAServer
import AgriQATestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The AgriQA server on a real loopback port, for tests that go through the network stack.
final class LiveServer: Sendable {
    let port: Int
    let baseURL: String
    private let task: Task<Void, any Error>

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.task = task
    }

    static func start(_ environment: ServerEnvironment) async throws -> LiveServer {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            try await AgriQAHTTPServer.run(environment) { port in continuation.yield(port) }
        }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw FixtureError("the server did not start") }
        return LiveServer(port: port, task: task)
    }

    /// Graceful shutdown.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    typealias Reply = HTTPReply

    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> Reply {
        try await HTTPExchange.send(baseURL, method, path, headers: headers, body: body)
    }

    func postJSON(_ path: String, _ object: Any, headers: [String: String] = [:]) async throws -> Reply {
        try await HTTPExchange.postJSON(baseURL, path, object, headers: headers)
    }
}
