import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The one delegate-based URLSession every chat request uses, routing each task's callbacks to
/// its ``HTTPTransfer``. (A session retains its delegate until invalidated, so one shared
/// session, rather than one per client, keeps short-lived clients from leaking.)
final class TransferSession: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: `transfers` is only touched under `lock`.
    static let shared = TransferSession()

    /// The session, made on first use with ``shared`` as its delegate.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        // Deadlines are enforced by HTTPTransfer's timers; these are only backstops.
        configuration.timeoutIntervalForRequest = 24 * 3600
        configuration.timeoutIntervalForResource = 24 * 3600
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.name = "AgriQAChatModel.TransferSession"
        queue.maxConcurrentOperationCount = 1
        return URLSession(configuration: configuration, delegate: shared, delegateQueue: queue)
    }()

    private let lock = NSLock()
    private var transfers: [Int: HTTPTransfer] = [:]

    private override init() {
        super.init()
    }

    func register(_ transfer: HTTPTransfer, for task: URLSessionTask) {
        lock.withLock { transfers[task.taskIdentifier] = transfer }
    }

    func unregister(_ task: URLSessionTask) {
        _ = lock.withLock { transfers.removeValue(forKey: task.taskIdentifier) }
    }

    private func transfer(for task: URLSessionTask) -> HTTPTransfer? {
        lock.withLock { transfers[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        transfer(for: dataTask)?.received(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        transfer(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let transfer = lock.withLock { transfers.removeValue(forKey: task.taskIdentifier) }
        transfer?.completed(error)
    }

    /// Redirects are not followed: a POST must not silently turn into a GET elsewhere.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
