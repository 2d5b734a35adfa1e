import Foundation
import Hummingbird
import Logging

/// Turns every error a route throws into a JSON error body: ``APIError``s as they are, Hummingbird's
/// own `HTTPError`s (404 for unknown routes, 405 with `Allow` for a known path asked with another
/// method) with their status, anything else as a logged 500 that does not leak internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AgriQARequestContext

    /// The routes, to tell an unknown path (404) from a known one asked with another method (405).
    var registry: RouteRegistry?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            if error.status == .notFound, let allowed = registry?.allowedMethods(for: request.uri.path), !allowed.isEmpty {
                var notAllowed = APIError(
                    .methodNotAllowed, code: "method_not_allowed",
                    message: "\(request.method) is not served on \(request.uri.path); use \(allowed.joined(separator: " or "))")
                notAllowed.headers[.allow] = allowed.joined(separator: ", ")
                throw notAllowed
            }
            let code: String
            switch error.status {
            case .notFound: code = "not_found"
            case .methodNotAllowed: code = "method_not_allowed"
            case .contentTooLarge: code = "payload_too_large"
            default: code = "http_\(error.status.code)"
            }
            let message = error.body ?? (error.status == .notFound
                ? "no such endpoint: \(request.method) \(request.uri.path); see GET /openapi.json"
                : error.status.reasonPhrase)
            throw APIError(error.status, code: code, message: message)
        } catch let error as DeadlineExceeded {
            throw APIError(
                .gatewayTimeout, code: "timeout",
                message: "the request took longer than \(error.seconds) s; try a smaller k or the extractive mode")
        } catch is CancellationError {
            throw APIError(.serviceUnavailable, code: "cancelled", message: "the request was cancelled")
        } catch {
            context.logger.error("unhandled error on \(request.method) \(request.uri.path): \(error)")
            throw APIError.internalError("the server failed to answer this request; the error is in its log")
        }
    }
}

struct DeadlineExceeded: Error {
    var seconds: Double
}

/// Runs `body`, throwing ``DeadlineExceeded`` if it has not finished after `seconds` (the body is
/// cancelled). The response head is what is bounded: a streamed body is already returned by then.
func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw DeadlineExceeded(seconds: seconds)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DeadlineExceeded(seconds: seconds) }
        return first
    }
}
