import HTTPTypes
import Hummingbird

/// Every route the server registers, recorded as it is added, so the OpenAPI document can be
/// checked against what the router really serves.
public final class RouteRegistry: @unchecked Sendable {
    // @unchecked: filled while the router is built, before the server starts; read-only afterwards.
    public struct Entry: Hashable, Sendable, CustomStringConvertible {
        public var method: String
        /// OpenAPI style: `/v1/jobs/{id}`.
        public var path: String
        public var description: String { "\(method) \(path)" }
    }

    public private(set) var entries: [Entry] = []

    func record(_ method: HTTPRequest.Method, _ hummingbirdPath: String) {
        // Hummingbird writes parameters as `:id`; OpenAPI as `{id}`.
        let path = "/" + hummingbirdPath.split(separator: "/").map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
        entries.append(Entry(method: method.rawValue, path: path == "/" ? "/" : path))
    }
}

extension Router where Context == AgriQARequestContext {
    /// Adds a route and records it in `registry`.
    @discardableResult
    func route(
        _ method: HTTPRequest.Method, _ path: String, in registry: RouteRegistry,
        use handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) -> Self {
        registry.record(method, path)
        return on(RouterPath(path), method: method, use: handler)
    }
}
