import Foundation
import Hummingbird

/// Counts every request by route pattern (`/v1/jobs/{id}`, never the raw path, so the label set
/// stays small), method and status, and records its latency to the response head.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AgriQARequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        metrics.requestStarted()
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.requestFinished(
                route: context.endpointPath ?? "unmatched", method: method, status: Int(response.status.code),
                seconds: start.duration(to: .now).seconds)
            return response
        } catch {
            let status = (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500
            metrics.requestFinished(
                route: context.endpointPath ?? "unmatched", method: method, status: status, seconds: start.duration(to: .now).seconds)
            throw error
        }
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
