import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension OpenAICompatibleChatModel {
    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ChatStreamEvent.self)
        let urlRequest: URLRequest
        do {
            urlRequest = try makeURLRequest(for: request, stream: true)
        } catch {
            continuation.finish(throwing: error)
            return stream
        }
        let producer = Task {
            do throws(ChatModelError) {
                let completion = try await produceStream(urlRequest, into: continuation)
                continuation.yield(.finished(completion))
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        // The consumer's task was cancelled or it dropped the stream: stop the request.
        continuation.onTermination = { _ in producer.cancel() }
        return stream
    }

    /// Runs attempts until one completes, yielding deltas as they arrive.
    private func produceStream(
        _ urlRequest: URLRequest, into continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
    ) async throws(ChatModelError) -> ChatCompletion {
        let retry = RetryPolicy(configuration)
        var attempt = 0
        while true {
            attempt += 1
            var attemptState = StreamAttempt(url: endpointText)
            let failure: AttemptFailure
            do {
                let transfer = HTTPTransfer.start(
                    urlRequest, timeout: configuration.timeout, idleTimeout: configuration.streamIdleTimeout)
                if let completion = try await attemptState.run(
                    transfer, model: configuration.model, attempt: attempt, continuation: continuation)
                {
                    return completion
                }
                // A non-2xx answer: its head and body were read.
                guard let response = attemptState.errorResponse else {
                    throw HTTPTransferFailure.other("the connection ended without a response")
                }
                failure = httpFailure(response, body: attemptState.errorBody)
            } catch {
                // A connection cut after the model said it had finished loses nothing.
                if !Task.isCancelled, attemptState.assembler.isComplete, case HTTPTransferFailure.cutShort = error,
                    let completion = try? attemptState.assembler.completion(
                        configuredModel: configuration.model, attempts: attempt)
                {
                    return completion
                }
                var classified = classify(error)
                if case HTTPTransferFailure.cutShort(let urlError) = error, attemptState.delivered {
                    classified.error = .unreachable(
                        url: endpointText,
                        reason: "the connection broke mid-stream after \(attemptState.assembler.content.count) characters "
                            + "(\(RetryPolicy.describe(urlError)))")
                }
                failure = classified
            }
            guard failure.retryable, !attemptState.delivered, retry.allowsRetry(after: attempt) else { throw failure.error }
            try await Self.sleep(retry.delay(afterAttempt: attempt, retryAfter: failure.retryAfter))
        }
    }
}

/// One streamed attempt: reads the response head, then either parses Server-Sent Events into
/// deltas, reads a plain JSON completion, or keeps an error body for the retry decision.
private struct StreamAttempt {
    enum Mode { case events, json, error }

    var assembler: ChatStreamAssembler
    var parser = ServerSentEventParser()
    /// Some text reached the consumer: the attempt may no longer be retried.
    var delivered = false
    var errorResponse: HTTPURLResponse?
    var errorBody = Data()
    private var jsonBody = Data()
    private var mode: Mode?

    init(url: String) {
        assembler = ChatStreamAssembler(url: url)
    }

    /// The completion, or nil when the server answered with an error status (kept in
    /// ``errorResponse`` and ``errorBody``). Throws on transport failures, timeouts, malformed
    /// streams and errors reported inside the stream.
    mutating func run(
        _ transfer: HTTPTransfer, model: String, attempt: Int,
        continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
    ) async throws -> ChatCompletion? {
        defer { transfer.cancel() }  // after [DONE], or on any early exit: release the connection
        receiving: for try await event in transfer.events {
            switch event {
            case .response(let response):
                mode = Self.mode(of: response)
                if mode == .error { errorResponse = response }
            case .data(let data):
                switch mode {
                case .events?:
                    for event in parser.feed(data) {
                        if let text = try assembler.consume(event) {
                            continuation.yield(.delta(text))
                            delivered = true
                        }
                        if assembler.isDone { break receiving }
                    }
                case .json?:
                    jsonBody.append(data)
                case .error?, nil:
                    if errorBody.count < 65_536 { errorBody.append(data) }
                }
            }
        }
        if Task.isCancelled { throw CancellationError() }
        switch mode {
        case nil:
            throw HTTPTransferFailure.other("the connection ended without a response")
        case .error?:
            return nil
        case .json?:
            // The server ignored `stream: true` and sent one JSON completion.
            let completion = try ChatWireFormat.completion(
                from: jsonBody, url: assembler.url, configuredModel: model, attempts: attempt)
            if !completion.content.isEmpty {
                continuation.yield(.delta(completion.content))
                delivered = true
            }
            return completion
        case .events?:
            if !assembler.isDone, let last = parser.finish(), let text = try assembler.consume(last) {
                continuation.yield(.delta(text))
                delivered = true
            }
            return try assembler.completion(configuredModel: model, attempts: attempt)
        }
    }

    private static func mode(of response: HTTPURLResponse) -> Mode {
        guard (200..<300).contains(response.statusCode) else { return .error }
        let type = response.value(forHTTPHeaderField: "Content-Type")?.lowercased() ?? ""
        return type.contains("json") ? .json : .events
    }
}
