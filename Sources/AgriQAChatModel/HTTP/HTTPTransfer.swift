import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a transfer reports, in order: one response head, then body bytes as they arrive.
enum HTTPTransferEvent: Sendable {
    case response(HTTPURLResponse)
    case data(Data)
}

/// Why a transfer failed.
enum HTTPTransferFailure: Error, Sendable {
    /// The whole transfer took longer than its timeout (`idle == false`), or no bytes came for
    /// the idle timeout (`idle == true`).
    case timedOut(idle: Bool)
    /// libcurl (through URLSession) failed: refused, reset, DNS, TLS, …
    case transport(URLError)
    /// The connection broke after the response had begun (libcurl: "transfer closed with
    /// outstanding read data remaining", a reset, …).
    case cutShort(URLError)
    case other(String)
}

/// One HTTP request whose response arrives as an `AsyncThrowingStream` of events, bridged from
/// a `URLSessionDataDelegate` (Linux has no `URLSession.bytes(for:)`).
///
/// Deadlines run on Dispatch timers, not Swift tasks: the cooperative pool may be busy with
/// CPU work, and a timeout must fire anyway. Ending the stream's iteration (the consuming task
/// is cancelled, or the stream is dropped) cancels the URLSession task at once.
final class HTTPTransfer: @unchecked Sendable {
    // @unchecked: mutable state is only touched under `lock`.
    let events: AsyncThrowingStream<HTTPTransferEvent, any Error>
    private let continuation: AsyncThrowingStream<HTTPTransferEvent, any Error>.Continuation
    private let idleTimeout: Duration?
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var finished = false
    private var responded = false
    private var totalTimer: DispatchWorkItem?
    private var idleTimer: DispatchWorkItem?

    /// Sends `request` on the shared delegate session.
    static func start(_ request: URLRequest, timeout: Duration, idleTimeout: Duration?) -> HTTPTransfer {
        let transfer = HTTPTransfer(idleTimeout: idleTimeout)
        let task = TransferSession.session.dataTask(with: request)
        TransferSession.shared.register(transfer, for: task)
        transfer.begin(task, timeout: timeout)
        return transfer
    }

    private init(idleTimeout: Duration?) {
        self.idleTimeout = idleTimeout
        (events, continuation) = AsyncThrowingStream.makeStream(of: HTTPTransferEvent.self)
    }

    private func begin(_ task: URLSessionDataTask, timeout: Duration) {
        lock.withLock { self.task = task }
        continuation.onTermination = { [weak self] termination in
            if case .cancelled = termination { self?.cancel() }
        }
        let total = DispatchWorkItem { [weak self] in self?.fail(.timedOut(idle: false)) }
        lock.withLock { totalTimer = total }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds, execute: total)
        armIdleTimer()
        task.resume()
    }

    /// Stops the transfer; the stream ends with `CancellationError`.
    func cancel() {
        finish(throwing: CancellationError())
    }

    // MARK: Delegate callbacks (from TransferSession)

    func received(_ response: URLResponse) {
        armIdleTimer()
        lock.withLock { responded = true }
        guard let response = response as? HTTPURLResponse else {
            fail(.other("the response is not HTTP"))
            return
        }
        continuation.yield(.response(response))
    }

    func received(_ data: Data) {
        armIdleTimer()
        continuation.yield(.data(data))
    }

    func completed(_ error: (any Error)?) {
        guard let error else {
            finish(throwing: nil)
            return
        }
        if let urlError = error as? URLError {
            let midResponse = lock.withLock { responded } && urlError.code != .cancelled
            fail(midResponse ? .cutShort(urlError) : .transport(urlError))
        } else {
            fail(.other("\(error)"))
        }
    }

    // MARK: State

    private func fail(_ failure: HTTPTransferFailure) {
        finish(throwing: failure)
    }

    /// Ends the stream once; later calls (the completion after a timeout or cancel) do nothing.
    private func finish(throwing error: (any Error)?) {
        let ending = lock.withLock { () -> (task: URLSessionDataTask?, timers: [DispatchWorkItem])? in
            guard !finished else { return nil }
            finished = true
            defer {
                totalTimer = nil
                idleTimer = nil
            }
            return (task, [totalTimer, idleTimer].compactMap { $0 })
        }
        guard let ending else { return }
        ending.timers.forEach { $0.cancel() }
        if let error {
            ending.task?.cancel()  // a no-op when the task already completed
            continuation.finish(throwing: error)
        } else {
            continuation.finish()
        }
        if let task = ending.task { TransferSession.shared.unregister(task) }
    }

    /// (Re)starts the idle deadline: it fires when no bytes come for `idleTimeout`.
    private func armIdleTimer() {
        guard let idleTimeout else { return }
        let timer = DispatchWorkItem { [weak self] in self?.fail(.timedOut(idle: true)) }
        let previous = lock.withLock { () -> DispatchWorkItem?? in
            guard !finished else { return .none }
            defer { idleTimer = timer }
            return .some(idleTimer)
        }
        guard let previous else { return }
        previous?.cancel()
        DispatchQueue.global().asyncAfter(deadline: .now() + idleTimeout.seconds, execute: timer)
    }
}
