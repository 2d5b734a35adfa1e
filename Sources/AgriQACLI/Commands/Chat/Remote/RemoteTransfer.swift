import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP request to the server whose response arrives as a stream of events (the head, then
/// body bytes as they come), bridged from a `URLSessionDataDelegate`: Linux has no
/// `URLSession.bytes(for:)`.
///
/// Deadlines run on Dispatch timers: the whole exchange must end within `timeout`, and a
/// response that sends nothing for `idleTimeout` has stalled. Ending the iteration (the consuming
/// task is cancelled) cancels the request at once, so the server stops working on it.
final class RemoteTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: mutable state is only touched under `lock`.
    enum Event: Sendable {
        case response(HTTPURLResponse)
        case data(Data)
    }

    let events: AsyncThrowingStream<Event, any Error>
    private let continuation: AsyncThrowingStream<Event, any Error>.Continuation
    private let idleTimeout: Duration
    private let lock = NSLock()
    private var session: URLSession?
    private var finished = false
    private var timers: [DispatchWorkItem] = []
    private var idleTimer: DispatchWorkItem?
    private let url: String

    /// Sends `request`; read ``events`` for the answer.
    static func start(_ request: URLRequest, timeout: Duration, idleTimeout: Duration) -> RemoteTransfer {
        let transfer = RemoteTransfer(url: request.url?.absoluteString ?? "?", idleTimeout: idleTimeout)
        transfer.begin(request, timeout: timeout)
        return transfer
    }

    private init(url: String, idleTimeout: Duration) {
        self.url = url
        self.idleTimeout = idleTimeout
        (events, continuation) = AsyncThrowingStream.makeStream(of: Event.self)
    }

    private func begin(_ request: URLRequest, timeout: Duration) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 24 * 3600  // the timers below are the deadlines
        configuration.timeoutIntervalForResource = 24 * 3600
        configuration.urlCache = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        // The session retains its delegate (this transfer) until it is invalidated in `finish`.
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        lock.withLock { self.session = session }
        continuation.onTermination = { [weak self] termination in
            if case .cancelled = termination { self?.finish(throwing: CancellationError()) }
        }
        let total = DispatchWorkItem { [weak self] in
            self?.finish(throwing: ChatError.transport(
                "the server at \(self?.url ?? "?") took longer than \(Int(timeout.inSeconds)) s; try again, or raise --model-timeout."))
        }
        lock.withLock { timers.append(total) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.inSeconds, execute: total)
        armIdleTimer()
        session.dataTask(with: request).resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        armIdleTimer()
        if let response = response as? HTTPURLResponse { continuation.yield(.response(response)) }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        armIdleTimer()
        continuation.yield(.data(data))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let error else {
            finish(throwing: nil)
            return
        }
        finish(throwing: ChatError.transport(
            "cannot reach the AgriQA server at \(url) (\(error.localizedDescription)); check that `agriqa serve` runs there and --server is right."))
    }

    /// Redirects are not followed: a POST must not turn into a GET elsewhere.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// Ends the stream once; later calls do nothing.
    private func finish(throwing error: (any Error)?) {
        let ending = lock.withLock { () -> (URLSession?, [DispatchWorkItem])? in
            guard !finished else { return nil }
            finished = true
            defer {
                session = nil
                timers.removeAll()
                idleTimer = nil
            }
            return (session, timers + [idleTimer].compactMap { $0 })
        }
        guard let (session, timers) = ending else { return }
        timers.forEach { $0.cancel() }
        if let error {
            session?.invalidateAndCancel()
            continuation.finish(throwing: error)
        } else {
            session?.finishTasksAndInvalidate()
            continuation.finish()
        }
    }

    /// (Re)starts the stall deadline.
    private func armIdleTimer() {
        let seconds = idleTimeout.inSeconds
        let timer = DispatchWorkItem { [weak self] in
            self?.finish(throwing: ChatError.transport(
                "the server at \(self?.url ?? "?") sent nothing for \(Int(seconds)) s; it may be overloaded — try again."))
        }
        let previous = lock.withLock { () -> DispatchWorkItem?? in
            guard !finished else { return .none }
            defer { idleTimer = timer }
            return .some(idleTimer)
        }
        guard let previous else { return }
        previous?.cancel()
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double` (for Dispatch deadlines).
    var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
