import AgriQAServer
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

    struct Reply {
        var status: Int
        var headers: [String: String]
        var data: Data
        var text: String { String(decoding: data, as: UTF8.self) }
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw FixtureError("not JSON: \(text.prefix(200))")
            }
            return object
        }
    }

    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> Reply {
        guard let url = URL(string: baseURL + path) else { throw FixtureError("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 60
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        return try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let http = response as? HTTPURLResponse {
                    var fields: [String: String] = [:]
                    for (key, value) in http.allHeaderFields { fields["\(key)".lowercased()] = "\(value)" }
                    continuation.resume(returning: Reply(status: http.statusCode, headers: fields, data: data ?? Data()))
                } else {
                    continuation.resume(throwing: FixtureError("no HTTP response"))
                }
            }.resume()
        }
    }

    func postJSON(_ path: String, _ object: Any, headers: [String: String] = [:]) async throws -> Reply {
        try await send(
            "POST", path, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
            body: try JSONSerialization.data(withJSONObject: object))
    }
}
