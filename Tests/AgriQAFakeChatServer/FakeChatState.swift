import Foundation

/// What the fake server shares between its handlers and the test: the script, the record of
/// requests, and the stop signal that releases hanging and stalled responses.
final class FakeChatState: @unchecked Sendable {
    // @unchecked: every mutable property is touched only under `lock`.
    let modelID: String
    private let responder: FakeChatServer.Responder
    private let lock = NSLock()
    private var queue: [FakeChatBehaviour] = []
    private var requests: [FakeChatRequest] = []
    private var modelListRequests = 0
    private var abandoned = 0
    private var stopped = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []
    private var sequence = 0

    init(modelID: String, queue: [FakeChatBehaviour], responder: @escaping FakeChatServer.Responder) {
        self.modelID = modelID
        self.queue = queue
        self.responder = responder
    }

    // MARK: Script

    func enqueue(_ behaviours: [FakeChatBehaviour]) {
        lock.withLock { queue += behaviours }
    }

    /// Records `request` and decides what to do: the next queued behaviour, else the responder's.
    func behaviour(for request: FakeChatRequest) async -> (FakeChatBehaviour, id: String) {
        let (queued, number) = lock.withLock { () -> (FakeChatBehaviour?, Int) in
            requests.append(request)
            sequence += 1
            return (queue.isEmpty ? nil : queue.removeFirst(), sequence)
        }
        let id = "chatcmpl-fake-\(number)"
        if let queued { return (queued, id) }
        return (await responder(request), id)
    }

    // MARK: Record

    var recordedRequests: [FakeChatRequest] { lock.withLock { requests } }
    var recordedModelListRequests: Int { lock.withLock { modelListRequests } }
    var abandonedResponses: Int { lock.withLock { abandoned } }

    func recordModelListRequest() {
        lock.withLock { modelListRequests += 1 }
    }

    /// The client went away before its response was complete.
    func recordAbandoned() {
        lock.withLock { abandoned += 1 }
    }

    // MARK: Stopping

    var isStopped: Bool { lock.withLock { stopped } }

    /// Releases every response waiting in ``waitForStop()``.
    func stop() {
        let waiters = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            stopped = true
            defer { stopWaiters.removeAll() }
            return stopWaiters
        }
        waiters.forEach { $0.resume() }
    }

    func waitForStop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyStopped = lock.withLock { () -> Bool in
                if !stopped { stopWaiters.append(continuation) }
                return stopped
            }
            if alreadyStopped { continuation.resume() }
        }
    }
}

/// Resumes a continuation once, whichever of several events comes first.
final class FirstOf: @unchecked Sendable {
    // @unchecked: `continuation` is only touched under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?

    /// Waits until the first of `events` returns.
    static func wait(_ events: [@Sendable () async -> Void]) async {
        let first = FirstOf()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            first.lock.withLock { first.continuation = continuation }
            for event in events {
                Task {
                    await event()
                    first.resume()
                }
            }
        }
    }

    private func resume() {
        let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume()
    }
}
