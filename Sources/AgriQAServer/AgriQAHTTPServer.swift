import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The AgriQA HTTP API: builds the router from a ``ServerEnvironment`` and runs it until SIGTERM or
/// SIGINT, finishing requests in flight before exiting (graceful shutdown).
public enum AgriQAHTTPServer {
    /// The OpenAPI 3.1 description of every route, as `GET /openapi.json` serves it.
    public static var openAPIDocument: String { OpenAPIDocument.json }

    /// The router with every route and middleware, and the registry of what was registered.
    public static func router(_ environment: ServerEnvironment) -> (Router<AgriQARequestContext>, RouteRegistry) {
        let router = Router(context: AgriQARequestContext.self)
        let registry = RouteRegistry()
        router.add(middleware: RequestMetricsMiddleware(metrics: environment.metrics))
        router.add(middleware: ErrorMiddleware(registry: registry))
        router.add(middleware: APIKeyMiddleware(keys: environment.apiKeys, requireKeyForReads: environment.configuration.requireKeyForReads))
        DocsRoutes.register(on: router, registry: registry)
        HealthRoutes.register(on: router, environment: environment, registry: registry)
        AskRoutes.register(on: router, environment: environment, registry: registry)
        SearchRoutes.register(on: router, environment: environment, registry: registry)
        DocumentRoutes.register(on: router, environment: environment, registry: registry)
        RegionRoutes.register(on: router, environment: environment, registry: registry)
        ChatCompletionRoutes.register(on: router, environment: environment, registry: registry)
        return (router, registry)
    }

    /// The application (for the in-process route tests, or for `run`).
    public static func application(
        _ environment: ServerEnvironment, logger: Logger = Logger(label: "agriqa"),
        onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let (router, _) = router(environment)
        let configuration = environment.configuration
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000)))),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "AgriQA",
                backlog: 256, availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Serves until SIGTERM/SIGINT (or the task is cancelled), then shuts down gracefully.
    public static func run(
        _ environment: ServerEnvironment, logger: Logger = Logger(label: "agriqa"),
        onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) async throws {
        let app = application(environment, logger: logger, onRunning: onRunning)
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
