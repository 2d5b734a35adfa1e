import AgriQAServer
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Synchronization

/// How ``ApplicationProtocol/test(_:_:)`` reaches the application. Only the in-process mode exists:
/// requests go straight to the application's responder (router and middleware), no socket. The
/// live tests run the real server on a real port (LiveServerTests).
///
/// This replaces HummingbirdTesting, whose package brings AsyncHTTPClient and BoringSSL into every
/// build of the tests for a mode these tests do not use.
enum InProcessSetup {
    case router
}

/// A response as the in-process client received it.
struct TestResponse: Sendable {
    let head: HTTPResponse
    var status: HTTPResponse.Status { head.status }
    var headers: HTTPFields { head.headerFields }
    /// The whole body (a streamed body is collected until the handler finishes it).
    let body: ByteBuffer
}

/// The AgriQA router with its middleware, driven in-process.
struct InProcessApp: Sendable {
    let responder: RouterResponder<AgriQARequestContext>

    /// Runs `body` with a client that sends requests to the router in-process.
    func test<Value>(_ setup: InProcessSetup, _ body: (InProcessClient) async throws -> Value) async throws -> Value {
        try await body(InProcessClient(responder: responder, logger: Logger(label: "agriqa-test")))
    }
}

/// Sends one request at a time to the responder, as the HTTP server would hand it over.
struct InProcessClient: Sendable {
    let responder: RouterResponder<AgriQARequestContext>
    let logger: Logger

    /// Sends the request and passes the response to `check`; returns what `check` returns.
    @discardableResult
    func execute<Return>(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        _ check: (TestResponse) async throws -> Return = { $0 }
    ) async throws -> Return {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = AgriQARequestContext(source: ApplicationRequestContextSource(channel: NIOAsyncTestingChannel(), logger: logger))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            // What the server does with an error that escapes every middleware.
            response = try error.response(from: request, context: context)
        } catch {
            response = Response(status: .internalServerError)
        }
        let collected = CollectedBody()
        let writer = CollectingWriter(collected: collected)
        try await response.body.write(writer)
        return try await check(TestResponse(head: response.head, body: collected.buffer.withLock { $0 }))
    }
}

/// The body bytes a response handler wrote.
final class CollectedBody: Sendable {
    let buffer = Mutex(ByteBuffer())
}

/// A response body writer that keeps what is written.
struct CollectingWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        collected.buffer.withLock { _ = $0.writeImmutableBuffer(buffer) }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
