import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A ``ChatModel`` behind any OpenAI-compatible `/v1/chat/completions` endpoint (llama.cpp
/// server, vLLM, Ollama, OpenAI, Azure OpenAI), over URLSession (libcurl on Linux).
///
/// - **Timeouts.** Each attempt has a total deadline (``ChatModelConfiguration/timeout``, from
///   sending to the last byte) and, for streams, an idle deadline
///   (``ChatModelConfiguration/streamIdleTimeout``: no bytes for that long, including while
///   waiting for the first one). Both run on Dispatch timers, so a cooperative thread pool busy
///   with CPU work cannot delay them. Either ends the attempt with ``ChatModelError/timedOut(url:seconds:)``;
///   timeouts are not retried, because the time they allow is already spent.
/// - **Retries.** 408, 429 and 5xx answers, an error object inside a stream with such a code,
///   and connection failures (refused, reset, DNS) are retried up to
///   ``ChatModelConfiguration/maxRetries`` times, waiting `Retry-After` seconds when the server
///   says so (capped at ``ChatModelConfiguration/maxRetryAfter``), else an exponential backoff
///   with jitter. Other statuses fail at once with ``ChatModelError/http(url:status:body:)``.
///   A stream is retried only while none of its text has been delivered.
/// - **Streaming.** Server-Sent Events are parsed as bytes arrive; each piece of text is
///   delivered as a ``ChatStreamEvent/delta(_:)`` at once, then one ``ChatStreamEvent/finished(_:)``
///   carries the whole completion (with usage when the server reports it: the client asks for
///   it with `stream_options.include_usage`). A stream must end with `data: [DONE]` or after a
///   `finish_reason`; one that stops before both is ``ChatModelError/malformedResponse(url:reason:)``
///   (cleanly closed) or ``ChatModelError/unreachable(url:reason:)`` (connection lost), since its
///   text may be cut short. A server that answers a streamed request with plain JSON is
///   accepted: its text comes as one delta.
/// - **Cancellation.** Cancelling the task that awaits ``complete(_:)``, or the consumer of
///   ``stream(_:)`` going away (its task cancelled or the stream dropped), cancels the HTTP
///   request at once, closing the connection, so the server stops generating.
public struct OpenAICompatibleChatModel: ChatModel {
    public let configuration: ChatModelConfiguration

    /// Checks the configuration; no connection is made until the first request.
    public init(configuration: ChatModelConfiguration) throws(ChatModelError) {
        try configuration.validate()
        self.configuration = configuration
    }

    public var modelID: String { configuration.model }

    var endpointText: String { configuration.chatCompletionsURL.absoluteString }

    public func complete(_ request: ChatRequest) async throws(ChatModelError) -> ChatCompletion {
        let urlRequest = try makeURLRequest(for: request, stream: false)
        let retry = RetryPolicy(configuration)
        var attempt = 0
        while true {
            attempt += 1
            let failure: AttemptFailure
            do {
                let (response, body) = try await Self.collect(
                    HTTPTransfer.start(urlRequest, timeout: configuration.timeout, idleTimeout: nil))
                if (200..<300).contains(response.statusCode) {
                    return try ChatWireFormat.completion(
                        from: body, url: endpointText, configuredModel: configuration.model, attempts: attempt)
                }
                failure = httpFailure(response, body: body)
            } catch {
                failure = classify(error)
            }
            guard failure.retryable, retry.allowsRetry(after: attempt) else { throw failure.error }
            try await Self.sleep(retry.delay(afterAttempt: attempt, retryAfter: failure.retryAfter))
        }
    }

    public func isReachable(timeout: Duration) async -> Bool {
        guard let (response, _) = try? await probeModels(timeout: timeout) else { return false }
        return (200..<300).contains(response.statusCode)
    }

    /// The model ids the endpoint lists at `GET <base>/models` (one attempt, no retries).
    public func listModels(timeout: Duration = .seconds(10)) async throws(ChatModelError) -> [String] {
        struct ModelList: Decodable {
            struct Model: Decodable { var id: String }
            var data: [Model]
        }
        let url = configuration.modelsURL.absoluteString
        let response: HTTPURLResponse, body: Data
        do {
            (response, body) = try await probeModels(timeout: timeout)
        } catch {
            throw classify(error, url: url, timeout: timeout).error
        }
        guard (200..<300).contains(response.statusCode) else {
            throw .http(url: url, status: response.statusCode, body: ChatWireFormat.errorSummary(body))
        }
        guard let list = try? JSONDecoder().decode(ModelList.self, from: body) else {
            throw .malformedResponse(url: url, reason: "not a model list: \(ChatWireFormat.snippet(body))")
        }
        return list.data.map(\.id)
    }

    private func probeModels(timeout: Duration) async throws -> (HTTPURLResponse, Data) {
        var request = URLRequest(url: configuration.modelsURL)
        request.httpMethod = "GET"
        request.timeoutInterval = timeout.seconds.rounded(.up) + 1  // a backstop: the transfer's timer decides
        applyHeaders(to: &request, accept: "application/json")
        return try await Self.collect(HTTPTransfer.start(request, timeout: timeout, idleTimeout: nil))
    }

    // MARK: Requests

    func makeURLRequest(for request: ChatRequest, stream: Bool) throws(ChatModelError) -> URLRequest {
        guard !request.messages.isEmpty else {
            throw .invalidConfiguration("a chat request needs at least one message")
        }
        let body = ChatWireFormat.Request(
            model: configuration.model,
            messages: request.messages,
            temperature: request.temperature ?? configuration.temperature,
            maxTokens: request.maxTokens ?? configuration.maxTokens,
            seed: request.seed,
            stop: request.stop.isEmpty ? nil : request.stop,
            stream: stream,
            streamOptions: stream && configuration.streamUsage ? .init(includeUsage: true) : nil,
            responseFormat: request.jsonObject ? .init(type: "json_object") : nil)
        var urlRequest = URLRequest(url: configuration.chatCompletionsURL)
        urlRequest.httpMethod = "POST"
        urlRequest.timeoutInterval = configuration.timeout.seconds.rounded(.up) + 1  // backstop only
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        applyHeaders(to: &urlRequest, accept: stream ? "text/event-stream" : "application/json")
        do {
            urlRequest.httpBody = try JSONEncoder().encode(body)
        } catch {
            throw .invalidConfiguration("the request cannot be encoded as JSON: \(error)")
        }
        return urlRequest
    }

    private func applyHeaders(to request: inout URLRequest, accept: String) {
        request.setValue(accept, forHTTPHeaderField: "Accept")
        request.setValue("AgriQA", forHTTPHeaderField: "User-Agent")
        guard let key = configuration.apiKey, !key.isEmpty else { return }
        if let header = configuration.apiKeyHeader {
            request.setValue(key, forHTTPHeaderField: header)
        } else {
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
    }

    // MARK: Failures

    /// A failed attempt: what to report, and whether another attempt may help.
    struct AttemptFailure {
        var error: ChatModelError
        var retryable: Bool
        var retryAfter: Duration? = nil
    }

    func httpFailure(_ response: HTTPURLResponse, body: Data) -> AttemptFailure {
        AttemptFailure(
            error: .http(url: endpointText, status: response.statusCode, body: ChatWireFormat.errorSummary(body)),
            retryable: RetryPolicy.isRetryable(status: response.statusCode),
            retryAfter: RetryPolicy.retryAfter(response))
    }

    func classify(_ error: any Error, url: String? = nil, timeout: Duration? = nil) -> AttemptFailure {
        let url = url ?? endpointText
        if Task.isCancelled || error is CancellationError {
            return AttemptFailure(error: .cancelled, retryable: false)
        }
        switch error {
        case let error as ChatModelError:
            if case .http(_, let status, _) = error {
                return AttemptFailure(error: error, retryable: RetryPolicy.isRetryable(status: status))
            }
            return AttemptFailure(error: error, retryable: false)
        case HTTPTransferFailure.timedOut(let idle):
            let seconds = idle ? configuration.streamIdleTimeout.seconds : (timeout ?? configuration.timeout).seconds
            return AttemptFailure(error: .timedOut(url: url, seconds: seconds), retryable: false)
        case HTTPTransferFailure.transport(let urlError):
            if urlError.code == .cancelled { return AttemptFailure(error: .cancelled, retryable: false) }
            return AttemptFailure(
                error: .unreachable(url: url, reason: RetryPolicy.describe(urlError)),
                retryable: RetryPolicy.isRetryable(urlError))
        case HTTPTransferFailure.cutShort(let urlError):
            return AttemptFailure(
                error: .unreachable(url: url, reason: "the connection broke mid-response (\(RetryPolicy.describe(urlError)))"),
                retryable: true)
        case HTTPTransferFailure.other(let detail):
            return AttemptFailure(error: .unreachable(url: url, reason: detail), retryable: false)
        default:
            return AttemptFailure(error: .unreachable(url: url, reason: "\(error)"), retryable: false)
        }
    }

    // MARK: Helpers

    /// Reads a whole response. Throws ``HTTPTransferFailure``, or `CancellationError` when the
    /// calling task is cancelled (which cancels the transfer).
    static func collect(_ transfer: HTTPTransfer) async throws -> (HTTPURLResponse, Data) {
        var head: HTTPURLResponse?
        var body = Data()
        for try await event in transfer.events {
            switch event {
            case .response(let response): head = response
            case .data(let data): body.append(data)
            }
        }
        if Task.isCancelled { throw CancellationError() }
        guard let head else { throw HTTPTransferFailure.other("the connection ended without a response") }
        return (head, body)
    }

    static func sleep(_ duration: Duration) async throws(ChatModelError) {
        do {
            try await Task.sleep(for: duration)
        } catch {
            throw .cancelled
        }
    }
}
