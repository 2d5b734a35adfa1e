import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// A small OpenAI-compatible chat server on a real loopback port, scripted by tests: it stands
/// in for a model endpoint (llama.cpp server, vLLM, …) that cannot run in tests.
///
/// ```swift
/// let server = try await FakeChatServer.start(queue: [.status(500), .reply("Plant in May.")])
/// defer { Task { await server.stop() } }   // or `await server.stop()` at the end of the test
/// // point a client at server.baseURL (http://127.0.0.1:PORT/v1)
/// #expect(server.requests.count == 2)
/// ```
///
/// It serves `POST /v1/chat/completions` (JSON, or Server-Sent Events when the request streams)
/// and `GET /v1/models`, also without the `/v1` prefix. Each chat request is recorded, then
/// answered by the next queued ``FakeChatBehaviour`` or, when the queue is empty, by the
/// responder. A body that is not a chat request gets a 400 with an OpenAI-style error.
public final class FakeChatServer: Sendable {
    /// Decides the behaviour for a request (when no queued behaviour is left).
    public typealias Responder = @Sendable (FakeChatRequest) async -> FakeChatBehaviour

    /// The bound port (chosen by the system).
    public let port: Int
    /// `http://127.0.0.1:PORT/v1`: the base URL a client is given.
    public let baseURL: URL
    /// The model id `GET /v1/models` lists (and answers carry when a request names none).
    public var modelID: String { state.modelID }

    private let state: FakeChatState
    private let services: ServiceGroup
    private let runTask: Task<Void, Never>

    private init(port: Int, state: FakeChatState, services: ServiceGroup, runTask: Task<Void, Never>) {
        self.port = port
        self.state = state
        self.services = services
        self.runTask = runTask
        guard let url = URL(string: "http://127.0.0.1:\(port)/v1") else {
            preconditionFailure("a loopback URL with a port is always valid")
        }
        self.baseURL = url
    }

    /// Starts a server on `127.0.0.1` and an ephemeral port, answering every request with
    /// `responder` once `queue` is used up.
    public static func start(
        modelID: String = "agriqa-fake", queue: [FakeChatBehaviour] = [],
        responder: @escaping Responder = { _ in .reply("This is the fake model's answer.") }
    ) async throws -> FakeChatServer {
        let state = FakeChatState(modelID: modelID, queue: queue, responder: responder)
        let router = Router(context: FakeChatContext.self)
        FakeChatRoutes(state: state).add(to: router)
        let bound = PortPromise()
        var app = Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [ClientDepartureHandler()])),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in bound.fulfil(channel.localAddress?.port) })
        app.logger.logLevel = .warning
        var group = ServiceGroupConfiguration(services: [app], logger: app.logger)
        // A client that keeps a connection busy must not hold `stop()` for long.
        group.maximumGracefulShutdownDuration = .seconds(5)
        let services = ServiceGroup(configuration: group)
        let runTask = Task {
            do {
                try await services.run()
                bound.fail(FakeChatServerError.stoppedBeforeListening)
            } catch {
                bound.fail(error)
            }
        }
        do {
            return FakeChatServer(port: try await bound.port(), state: state, services: services, runTask: runTask)
        } catch {
            runTask.cancel()
            throw error
        }
    }

    /// Starts a server that plays `queue` in order, then answers with `fallback` forever.
    public static func start(
        modelID: String = "agriqa-fake", queue: [FakeChatBehaviour], then fallback: FakeChatBehaviour
    ) async throws -> FakeChatServer {
        try await start(modelID: modelID, queue: queue, responder: { _ in fallback })
    }

    /// Adds behaviours to play (before the responder is asked again).
    public func enqueue(_ behaviours: FakeChatBehaviour...) {
        state.enqueue(behaviours)
    }

    /// Every chat completion request received so far, in order.
    public var requests: [FakeChatRequest] { state.recordedRequests }

    /// How many `GET /v1/models` requests arrived.
    public var modelListRequests: Int { state.recordedModelListRequests }

    /// Responses the client abandoned before they were complete (it closed the connection
    /// during a hang, a stall or a stream).
    public var abandonedResponses: Int { state.abandonedResponses }

    /// Waits until at least `count` responses were abandoned; false if `timeout` passed first
    /// (an upper bound that only keeps a failing test from hanging).
    public func waitForAbandonedResponses(_ count: Int = 1, timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while state.abandonedResponses < count {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Releases hanging and stalled responses (their connections are closed) and shuts the
    /// server down. Safe to call more than once.
    public func stop() async {
        state.stop()
        await services.triggerGracefulShutdown()
        await runTask.value
    }
}

/// Why the fake server could not start.
public enum FakeChatServerError: Error, CustomStringConvertible {
    case stoppedBeforeListening
    case noPort

    public var description: String {
        switch self {
        case .stoppedBeforeListening: "the fake chat server stopped before it listened"
        case .noPort: "the fake chat server's socket has no port"
        }
    }
}

/// The request context: Hummingbird's basic one, plus a way to wait for the client's
/// connection to close.
struct FakeChatContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Returns once the connection the request came on is closed.
    func connectionClosed() async {
        try? await channel.closeFuture.get()
    }
}

/// Closes a connection as soon as the client closes its side. Hummingbird allows half-closed
/// connections, so a client that went away would otherwise go unnoticed until the next write;
/// a model server that stops generating for a departed client is what the fake stands for.
private final class ClientDepartureHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed? = event as? ChannelEvent {
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }
}

/// The port the server bound, handed from `onServerRunning` to `start`.
private final class PortPromise: @unchecked Sendable {
    // @unchecked: every property is touched only under `lock`.
    private let lock = NSLock()
    private var result: Result<Int, any Error>?
    private var waiter: CheckedContinuation<Int, any Error>?

    func fulfil(_ port: Int?) {
        complete(port.map { .success($0) } ?? .failure(FakeChatServerError.noPort))
    }

    func fail(_ error: any Error) {
        complete(.failure(error))
    }

    private func complete(_ result: Result<Int, any Error>) {
        let waiter = lock.withLock { () -> CheckedContinuation<Int, any Error>? in
            guard self.result == nil else { return nil }
            self.result = result
            defer { self.waiter = nil }
            return self.waiter
        }
        waiter?.resume(with: result)
    }

    func port() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = lock.withLock { () -> Result<Int, any Error>? in
                if result == nil { waiter = continuation }
                return result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
