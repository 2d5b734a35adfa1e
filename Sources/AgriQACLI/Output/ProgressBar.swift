import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast

    init(enabled: Bool = Terminal.stderrIsTTY) {
        self.enabled = enabled
    }

    func update(completed: Int, total: Int, label: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard completed == total || now.timeIntervalSince(lastDraw) > 0.05 else { return }
        lastDraw = now
        let width = Terminal.width
        let barWidth = max(10, min(30, width / 4))
        let fraction = total > 0 ? Double(completed) / Double(total) : 1
        let filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        let elapsed = now.timeIntervalSince(started)
        let eta = completed > 0 && completed < total ? elapsed / Double(completed) * Double(total - completed) : 0
        let counts = String(format: " %d/%d %3.0f%% %@", completed, total, fraction * 100, eta > 0 ? "eta \(Int(eta))s " : "")
        let room = max(0, width - barWidth - counts.count - 2)
        let name = label.count > room ? "…" + label.suffix(max(0, room - 1)) : label
        Terminal.writeError("\r\u{1B}[2K" + bar + counts + name)
    }

    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        Terminal.writeError("\r\u{1B}[2K")
    }
}
