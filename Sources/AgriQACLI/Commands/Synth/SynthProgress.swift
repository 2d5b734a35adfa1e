import AgriQASynthesis
import Foundation

/// Progress of `synth` and `eval` on standard error: a bar on a terminal, otherwise a line at
/// each stage start and every 10 %.
final class SynthProgress: @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.
    private let lock = NSLock()
    private let bar = ProgressBar()
    private var stage = ""
    private var lastTenth = -1
    private let quiet: Bool

    init(quiet: Bool = false) {
        self.quiet = quiet
    }

    func report(_ progress: SynthesisProgress) {
        guard !quiet else { return }
        if Terminal.stderrIsTTY {
            let detail = progress.detail.isEmpty ? "" : " · " + progress.detail
            bar.update(completed: progress.completed, total: progress.total, label: progress.stage + detail)
            return
        }
        let line: String? = lock.withLock {
            let tenth = progress.total > 0 ? progress.completed * 10 / progress.total : 10
            if progress.stage != stage {
                stage = progress.stage
                lastTenth = tenth
                return "\(progress.stage): \(progress.completed)/\(progress.total)"
            }
            guard tenth > lastTenth else { return nil }
            lastTenth = tenth
            let detail = progress.detail.isEmpty ? "" : " (\(progress.detail.prefix(60)))"
            return "\(progress.stage): \(progress.completed)/\(progress.total)\(detail)"
        }
        if let line { Terminal.writeError(line + "\n") }
    }

    func finish() {
        bar.finish()
    }
}
