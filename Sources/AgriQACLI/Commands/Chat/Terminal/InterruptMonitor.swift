import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns Ctrl-C (SIGINT) into a call of whatever is registered at the moment: cancelling the
/// answer being streamed, or `idle` when nothing is running.
///
/// SIGINT's default action is ignored first, then a Dispatch signal source delivers it on a
/// queue of its own: no C signal handler ever touches Swift state.
final class InterruptMonitor: @unchecked Sendable {
    // @unchecked: `handler` is only touched under `lock`.
    private let lock = NSLock()
    private var handler: (@Sendable () -> Void)?
    private let idle: @Sendable () -> Void
    private let source: any DispatchSourceSignal

    /// `idle` runs for a Ctrl-C that comes while nothing is registered.
    init(idle: @escaping @Sendable () -> Void) {
        self.idle = idle
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "agriqa.chat.sigint"))
        source.setEventHandler { [weak self] in self?.interrupted() }
        source.resume()
    }

    deinit {
        source.cancel()
    }

    /// Runs `body` with `cancel` as the Ctrl-C action.
    func whileRunning<T>(cancel: @escaping @Sendable () -> Void, _ body: () async -> T) async -> T {
        lock.withLock { handler = cancel }
        defer { lock.withLock { handler = nil } }
        return await body()
    }

    private func interrupted() {
        let action = lock.withLock { handler } ?? idle
        action()
    }
}
