import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A test's view of one HTTP reply from a server on a real port.
public struct HTTPReply: Sendable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var data: Data

    public var text: String { String(decoding: data, as: UTF8.self) }

    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestSupportError("not a JSON object (status \(status)): \(text.prefix(300))")
        }
        return object
    }

    /// The `error.code` of an error body.
    public var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
}

/// Requests to a server on a real port, through URLSession, as the live-server and fault tests make them.
public enum HTTPExchange {
    /// One request; `timeout` bounds the whole exchange so a hang fails the test instead of blocking it.
    public static func send(
        _ baseURL: String, _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil,
        timeout: TimeInterval = 60
    ) async throws -> HTTPReply {
        guard let url = URL(string: baseURL + path) else { throw TestSupportError("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = timeout
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        return try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let http = response as? HTTPURLResponse {
                    var fields: [String: String] = [:]
                    for (key, value) in http.allHeaderFields { fields["\(key)".lowercased()] = "\(value)" }
                    continuation.resume(returning: HTTPReply(status: http.statusCode, headers: fields, data: data ?? Data()))
                } else {
                    continuation.resume(throwing: TestSupportError("no HTTP response"))
                }
            }.resume()
        }
    }

    /// `send` with a JSON body and `Content-Type: application/json` (unless `headers` set one).
    public static func postJSON(
        _ baseURL: String, _ path: String, _ object: Any, headers: [String: String] = [:], timeout: TimeInterval = 60
    ) async throws -> HTTPReply {
        try await send(
            baseURL, "POST", path, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
            body: try JSONSerialization.data(withJSONObject: object), timeout: timeout)
    }

    /// Server-sent events of a streamed reply, as (event, data) pairs; data lines of one event joined by "\n".
    public static func events(_ text: String) -> [(event: String, data: String)] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var event = "message", data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("event:") { event = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix("data:") { data.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
            }
            return data.isEmpty ? nil : (event, data.joined(separator: "\n"))
        }
    }
}

/// A test helper's own failure (bad path, no HTTP response, not JSON).
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
