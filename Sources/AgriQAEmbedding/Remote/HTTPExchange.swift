import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request with a hard deadline and task cancellation, on top of URLSession's
/// completion-handler API (whose timeout handling differs between platforms).
enum HTTPExchange {
    enum Failure: Error {
        case timedOut
        case transport(URLError)
        case other(String)
    }

    /// Sends `request`; when `timeout` passes first, the request is cancelled and
    /// ``Failure/timedOut`` thrown. Cancelling the calling task cancels the request.
    static func send(
        _ request: URLRequest, session: URLSession, timeout: Duration
    ) async throws -> (Data, HTTPURLResponse) {
        let state = ExchangeState()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    let result: Result<(Data, HTTPURLResponse), any Error>
                    if state.finish() == .timedOut {
                        result = .failure(Failure.timedOut)
                    } else if state.isCancelled {
                        result = .failure(CancellationError())
                    } else if let error {
                        result = .failure((error as? URLError).map(Failure.transport) ?? Failure.other("\(error)"))
                    } else if let response = response as? HTTPURLResponse {
                        result = .success((data ?? Data(), response))
                    } else {
                        result = .failure(Failure.other("the response is not HTTP"))
                    }
                    continuation.resume(with: result)
                }
                state.start(task)
                // The deadline runs on a Dispatch timer, not a Swift task: a cooperative pool busy
                // with blocking work (PDF extraction, encoder batches) must not delay a timeout.
                let timer = DispatchWorkItem { state.expire() }
                state.setTimer(timer)
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds, execute: timer)
            }
        } onCancel: {
            state.cancel()
        }
    }
}

/// Coordinates a request, its deadline and task cancellation, whichever comes first.
private final class ExchangeState: @unchecked Sendable {
    // @unchecked: every property is read and written under `lock`.
    enum Outcome { case completed, timedOut }

    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var timer: DispatchWorkItem?
    private var expired = false
    private var cancelled = false
    private var done = false

    var isCancelled: Bool { lock.withLock { cancelled } }

    func start(_ task: URLSessionDataTask) {
        let cancelNow = lock.withLock {
            self.task = task
            return cancelled
        }
        if cancelNow { task.cancel() } else { task.resume() }
    }

    func setTimer(_ timer: DispatchWorkItem) {
        let finished = lock.withLock {
            self.timer = timer
            return done
        }
        if finished { timer.cancel() }
    }

    /// Called once by the completion handler.
    func finish() -> Outcome {
        let (outcome, timer) = lock.withLock {
            done = true
            return (expired ? Outcome.timedOut : .completed, self.timer)
        }
        timer?.cancel()
        return outcome
    }

    func expire() {
        let task = lock.withLock { () -> URLSessionDataTask? in
            guard !done else { return nil }
            expired = true
            return self.task
        }
        task?.cancel()
    }

    func cancel() {
        let task = lock.withLock { () -> URLSessionDataTask? in
            cancelled = true
            return self.task
        }
        task?.cancel()
    }
}
