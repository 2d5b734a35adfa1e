import HTTPTypes
import Foundation
import Hummingbird

/// Checks API keys (`Authorization: Bearer KEY` or `X-API-Key: KEY`).
///
/// - Write endpoints (uploading and deleting documents) always need a valid key; with no keys
///   configured they are refused (403) rather than left open.
/// - Read endpoints need one only when `requireKeyForReads` is set.
/// - Health, readiness, metrics, the OpenAPI document and the web page are open.
/// Missing key → 401, wrong key → 403, both as JSON.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = AgriQARequestContext

    enum Access { case open, read, write }

    let keys: Set<String>
    let requireKeyForReads: Bool

    static func access(method: HTTPRequest.Method, path rawPath: String) -> Access {
        // The router ignores empty segments (`//v1/documents`, `/v1/documents/`); so must this check.
        let path = "/" + rawPath.split(separator: "/").joined(separator: "/")
        if path == "/v1/documents" && method == .post { return .write }
        if path.hasPrefix("/v1/documents/") && method == .delete { return .write }
        if path.hasPrefix("/v1/") { return .read }
        return .open
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let access = Self.access(method: request.method, path: request.uri.path)
        guard access == .write || (access == .read && requireKeyForReads) else {
            return try await next(request, context)
        }
        if access == .write && keys.isEmpty {
            throw APIError(
                .forbidden, code: "writes_disabled",
                message: "uploads and deletes are disabled because the server has no API keys; set apiKeys in the configuration file or AGRIQA_API_KEYS")
        }
        guard let presented = Self.presentedKey(request) else {
            var error = APIError(
                .unauthorized, code: "missing_api_key",
                message: "this endpoint needs an API key: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'")
            error.headers[.wwwAuthenticate] = "Bearer"
            throw error
        }
        guard keys.contains(where: { Self.constantTimeEqual($0, presented) }) else {
            throw APIError(.forbidden, code: "invalid_api_key", message: "the API key is not valid for this server")
        }
        return try await next(request, context)
    }

    static func presentedKey(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let key = parts[1].trimmingCharacters(in: .whitespaces)
                return key.isEmpty ? nil : key
            }
        }
        if let name = HTTPField.Name("X-API-Key"), let key = request.headers[name], !key.isEmpty { return key }
        return nil
    }

    /// Compares without an early exit, so response time does not reveal how much of a key matched.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
